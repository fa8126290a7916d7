"""The graph side of assessments: import through the policy code, idempotence, refusal of a bad
record, apply_due (publicity, batching, round trips), recompute, black-listed households."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from graph_service.dataset.validate import DatasetInvalid
from graph_service.graph import assessments, rollups
from graph_service.graph.db import Graph
from graph_service.graph.importer import import_document
from graph_service.graph.queries import QueryLibrary
from graph_service.graph.stats import CypherStats
from tests import factories
from tests.conftest import TODAY

_QUERIES = QueryLibrary(Path(__file__).parent / "cypher")
BASE = {"systemScore": 100, "positives": ["FILIAL", "HONEST_CONDUCT"], "negatives": [], "vetoes": []}  # 82: RED


def _on(days_ago: int) -> str:
    return (TODAY - dt.timedelta(days=days_ago)).isoformat()


def county_with(assessments_: list[dict[str, Any]], households: int = 4) -> dict[str, Any]:
    doc = factories.county(towns=1, villages_per_town=1, households_per_village=households)
    doc["assessments"] = assessments_
    return doc


async def props(db: Graph, label: str, code: str) -> dict[str, Any]:
    row = await Graph(db.driver, queries=_QUERIES).read_one("test_node_props", label=label, code=code)
    assert row is not None
    return row["node"]


async def standing(db: Graph, code: str) -> dict[str, Any]:
    return await props(db, "Household", code)


async def count(db: Graph) -> int:
    row = await Graph(db.driver, queries=_QUERIES).read_one("test_count_assessments")
    assert row is not None
    return int(row["n"])


async def test_import_goes_through_the_policy_and_applies_what_is_in_force(db: Graph) -> None:
    doc = county_with([
        {**BASE, "householdCode": "T1V1H1", "assessedOn": _on(30)},
        {**BASE, "householdCode": "T1V1H2", "assessedOn": _on(3)},  # in publicity
        {**BASE, "householdCode": "T1V1H3", "assessedOn": _on(30), "vetoes": ["CRIMINAL_RECORD"]},
    ])
    report = await import_document(db, doc, today=TODAY)
    assert report.counts["assessments"] == 3
    h1 = await standing(db, "T1V1H1")
    assert (h1["certificate"], h1["creditLineFen"], h1["stars"], h1["isCreditHousehold"]) == ("RED", 2_000_000, 1, True)
    assert h1["effectiveSince"] == TODAY - dt.timedelta(days=23)
    assert (await standing(db, "T1V1H2"))["certificate"] == "NONE"
    assert (await standing(db, "T1V1H3"))["certificate"] == "NONE"
    village = await props(db, "Village", "T1V1")
    assert village["creditHouseholdCount"] == 1
    # Re-importing changes nothing (deterministic ids, S8: never overwritten).
    await import_document(db, doc, today=TODAY)
    assert await count(db) == 3


@pytest.mark.parametrize(("change", "reason"), [
    ({"systemScore": 100.5}, "systemScore"),
    ({"positives": ["FILIAL", "FILIAL"]}, "positives"),
    ({"vetoes": ["NOT_A_VETO"]}, "vetoes"),
])
async def test_a_bad_assessment_record_refuses_the_whole_file(db: Graph, change: dict[str, Any], reason: str) -> None:
    doc = county_with([{**BASE, "householdCode": "T1V1H1", "assessedOn": _on(30)},
                       {**BASE, "householdCode": "T1V1H2", "assessedOn": _on(30), **change}])
    with pytest.raises(DatasetInvalid) as exc:
        await import_document(db, doc, today=TODAY)
    assert "assessments[1] (T1V1H2)" in str(exc.value) and reason in str(exc.value)
    assert (await db.read_one("count_nodes"))["nodes"] == 0  # type: ignore[index]


async def test_import_records_refuses_before_writing(db: Graph) -> None:
    await import_document(db, county_with([]), today=TODAY)
    from graph_service.dataset.records import AssessmentRecord
    good = AssessmentRecord.model_validate({**BASE, "householdCode": "T1V1H1", "assessedOn": _on(30)})
    unknown = AssessmentRecord.model_validate({**BASE, "householdCode": "NOPE", "assessedOn": _on(30)})
    with pytest.raises(DatasetInvalid):
        await assessments.import_records(db, [good, unknown], today=TODAY)
    assert await count(db) == 0


async def test_apply_due_applies_each_assessment_once_in_few_round_trips(db: Graph, cypher_stats: CypherStats) -> None:
    doc = county_with([{**BASE, "householdCode": f"T1V1H{i}", "assessedOn": _on(0)} for i in range(1, 21)], households=20)
    await import_document(db, doc, today=TODAY)
    assert (await standing(db, "T1V1H1"))["certificate"] == "NONE"
    before = len(cypher_stats.queries)
    assert await assessments.apply_due(db, TODAY + dt.timedelta(days=7)) == 20
    # one read of the work list, one apply per batch, one title refresh per changed village
    assert cypher_stats.queries[before:] == ["households_with_due_assessments", "apply_assessments", "refresh_village_titles"]
    assert (await standing(db, "T1V1H20"))["certificate"] == "RED"
    village = await props(db, "Village", "T1V1")
    assert village["isCreditVillage"] is True
    assert await assessments.apply_due(db, TODAY + dt.timedelta(days=8)) == 0


async def test_recompute_applies_assessments_in_force_before_the_titles(db: Graph) -> None:
    doc = county_with([{**BASE, "householdCode": f"T1V1H{i}", "assessedOn": _on(0)} for i in range(1, 5)])
    await import_document(db, doc, today=TODAY)
    await rollups.recompute(db, today=TODAY + dt.timedelta(days=7))
    village = await props(db, "Village", "T1V1")
    assert (village["creditHouseholdCount"], village["isCreditVillage"]) == (4, True)


async def test_a_black_listed_household_stays_none_whatever_its_assessment(db: Graph) -> None:
    await import_document(db, county_with([]), today=TODAY)
    await Graph(db.driver, queries=_QUERIES).write("test_set_blacklisted", codes=["T1V1H1"])
    doc = county_with([{**BASE, "householdCode": "T1V1H1", "assessedOn": _on(10)}])
    await import_document(db, doc, today=TODAY)
    h = await standing(db, "T1V1H1")
    assert (h["certificate"], h["creditLineFen"], h["isCreditHousehold"], h.get("stars")) == ("NONE", 0, False, None)
    assert h["effectiveAssessmentId"]  # the assessment is in force, only its effect is withheld (C2)
