"""The import writes a new household's standing together with its assessments (no apply pass); it
must leave the graph exactly as recording the same assessments through the policy and `apply_due`
does: standing, titles (R4) and the `applied` bookkeeping (S9), today and once publicity ends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from graph_service.dataset.generator import generate
from graph_service.dataset.validate import parse
from graph_service.graph import assessments
from graph_service.graph.db import Graph
from graph_service.graph.importer import import_document, reset
from graph_service.graph.queries import QueryLibrary
from graph_service.policy.assessment import assess, parse_inputs
from tests.conftest import TODAY

_QUERIES = QueryLibrary(Path(__file__).parent / "cypher")
LATER = TODAY + dt.timedelta(days=10)  # every publicity in the file is over (S9: 7 days)
GOOD = ["HONEST_CONDUCT", "FILIAL", "GOOD_NEIGHBOUR", "SMALL_PRODUCTION", "GOOD_BANK_RECORD"]


def _one(code: str, days_ago: int, score: float, vetoes: list[str] | None = None) -> dict[str, Any]:
    return {"householdCode": code, "assessedOn": (TODAY - dt.timedelta(days=days_ago)).isoformat(),
            "systemScore": score, "positives": GOOD, "negatives": [], "vetoes": vetoes or [], "assessor": "panel"}


def county() -> dict[str, Any]:
    """A generated county (vetoes, ages, publicity, history, villages above and below R4) plus the
    edge cases of "the latest in force"."""
    doc = generate(600, seed=11, villages=6)
    codes = [h["code"] for h in doc["households"]]
    doc["assessments"] += [
        _one(codes[0], 40, 95), _one(codes[0], 2, 20),          # the later one is still in publicity
        _one(codes[1], 30, 95), _one(codes[1], 30, 30),         # same day: the id decides (as in apply),
        _one(codes[5], 30, 30), _one(codes[5], 30, 95),         # whatever the order in the file
        _one(codes[6], 25, 95), _one(codes[6], 25, 30),
        _one(codes[7], 25, 30), _one(codes[7], 25, 95),
        _one(codes[2], 0, 95),                                   # only in publicity: no standing yet
        _one(codes[3], 90, 95), _one(codes[3], 20, 95, ["CRIMINAL_RECORD"]),  # a veto replaces a credit one
        _one(codes[4], 60, 95), _one(codes[4], 60, 95),         # the same record twice: one node
    ]
    return doc


async def snapshot(db: Graph) -> dict[tuple[str, str], dict[str, Any]]:
    rows = await Graph(db.driver, queries=_QUERIES).read("test_standing_snapshot")
    return {(row["kind"], row["key"]): row["props"] for row in rows}


async def through_apply_due(db: Graph, doc: dict[str, Any]) -> None:
    """The households first, then every record assessed by the policy, stored unapplied, applied by apply_due."""
    await import_document(db, {**doc, "assessments": []}, today=TODAY)
    data, problems = parse(doc)
    assert not problems
    births = {h.code: h.headBirthDate for h in data.households}
    rows = []
    for rec in data.assessments:
        req = assessments._record_request(rec)
        inputs = parse_inputs(req.system_score, req.positives, req.negatives, req.vetoes)
        outcome = assess(inputs, birth=births[req.household_code], assessed_on=req.assessed_on)
        rows.append(assessments.row(assessments.import_id(req), req.household_code, req.assessed_on, inputs,
                                    outcome, req.assessor))
    await db.write("create_assessments", rows=rows, now=dt.datetime.now(dt.timezone.utc))
    assert await assessments.apply_due(db, TODAY) > 0


async def test_import_gives_the_standing_and_titles_of_apply_due(db: Graph) -> None:
    doc = county()
    await through_apply_due(db, doc)
    expected_today = await snapshot(db)
    await assessments.apply_due(db, LATER)
    expected_later = await snapshot(db)

    await reset(db)
    await import_document(db, doc, today=TODAY)
    got_today = await snapshot(db)
    await assessments.apply_due(db, LATER)
    got_later = await snapshot(db)

    assert got_today == expected_today
    assert got_later == expected_later
    # The comparison is not vacuous: standings of every kind, titles, and work left for apply_due.
    households = [v for (kind, _), v in got_today.items() if kind == "household"]
    assert {h["certificate"] for h in households} >= {"NONE", "RED"}
    assert any(h["effectiveAssessmentId"] is None for h in households)
    assert any(v["isCreditVillage"] for (kind, _), v in got_today.items() if kind == "village")
    assert any(not v["isCreditVillage"] for (kind, _), v in got_today.items() if kind == "village")
    assert any(not v["applied"] for (kind, _), v in got_today.items() if kind == "assessment")
    assert got_later != got_today
