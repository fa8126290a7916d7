"""Credit assessments in the graph (S8, S9, S10, R4): recording, publicity, objections, standing.

Every outcome is computed by `graph_service.policy.assessment.assess`, for the mutation and the
import alike. An assessment node is never overwritten (S8); only its status and objection change.
A household's standing follows its latest assessment in force (effectiveOn <= today, not cancelled,
no objection pending); whenever a household's `isCreditHousehold` changes, its village's titles
are refreshed in the same transaction (R4).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph_service.dataset.validate import DatasetInvalid, Problem
from graph_service.graph import bulk
from graph_service.graph.db import Graph, Tx
from graph_service.money import to_fen
from graph_service.policy.assessment import Inputs, InvalidScore, Outcome, assess, parse_inputs
from graph_service.policy.config import current_policy

BATCH = 2000
IMPORT_BATCH = 5000  # assessments per import statement
Progress = Callable[[str, int, int], None]


class HouseholdNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Request:
    """One assessment to record: who, when, the raw inputs and the assessor."""

    household_code: str
    assessed_on: dt.date
    system_score: Any
    positives: Sequence[Any]
    negatives: Sequence[Any]
    vetoes: Sequence[Any]
    assessor: str | None = None


def _names(items: Sequence[Any]) -> list[str]:
    return [str(getattr(i, "value", i)) for i in items]


def row(assessment_id: str, household_code: str, assessed_on: dt.date, inputs: Inputs, outcome: Outcome,
        assessor: str | None) -> dict[str, Any]:
    """The stored form of an assessment: inputs and outputs, assessor, date, policy version (S8)."""
    return {
        "id": assessment_id,
        "householdCode": household_code,
        "assessedOn": assessed_on,
        "effectiveOn": outcome.effective_on,
        "systemScore": float(inputs.system_score),  # at most two decimals: the float's repr is exact
        "panelScore": outcome.panel_score,
        "compositeScore": float(outcome.composite_score),
        "bandScore": outcome.band_score,
        "positives": _names(inputs.positives),
        "negatives": _names(inputs.negatives),
        "vetoes": _names(inputs.vetoes),
        "eligible": outcome.eligible,
        "ineligibleReason": outcome.ineligible_reason.value if outcome.ineligible_reason else None,
        "isCreditHousehold": outcome.is_credit_household,
        "stars": outcome.stars,
        "certificate": outcome.certificate.value,
        "creditLineFen": to_fen(outcome.credit_line_yuan),
        "assessor": assessor,
        "policyVersion": outcome.policy_version,
    }


def import_id(req: Request) -> str:
    """A deterministic id for an imported record, so importing a file twice adds nothing."""
    key = json.dumps(
        [req.household_code, req.assessed_on.isoformat(), str(req.system_score), _names(req.positives),
         _names(req.negatives), _names(req.vetoes), req.assessor],
        ensure_ascii=False,
    )
    return "A" + hashlib.sha256(key.encode()).hexdigest()[:20]


async def _refresh_titles(tx: Tx, village_codes: set[str]) -> None:
    """R4: recount each village whose credit households changed, with its town and county."""
    titles = current_policy().titles
    for code in sorted(village_codes):
        await tx.run(
            "refresh_village_titles",
            villageCode=code,
            villagePercent=titles.credit_village_household_percent,
            townPercent=titles.credit_town_village_percent,
        )


async def apply_households(tx: Tx, codes: Sequence[str], *, today: dt.date, force: bool = False) -> int:
    """Sets the standing of these households from their assessments in force, and refreshes the
    titles of every village where a credit household appeared or disappeared (same transaction).
    `force` re-applies even an already applied assessment (e.g. after a black-list change)."""
    rows = await tx.run("apply_assessments", codes=list(codes), today=today, force=force)
    await _refresh_titles(tx, {r["villageCode"] for r in rows if r["creditChanged"]})
    return len(rows)


async def apply_due(graph: Graph, today: dt.date) -> int:
    """Applies every assessment that has come into force by `today` (S9); returns the number of
    households whose standing was set. Run at start-up, daily, and by `recompute`."""
    codes = [r["code"] for r in await graph.read("households_with_due_assessments", today=today)]
    changed = 0
    for start in range(0, len(codes), BATCH):
        batch = codes[start : start + BATCH]

        async def work(tx: Tx, batch: list[str] = batch) -> int:
            return await apply_households(tx, batch, today=today)

        changed += await graph.write_tx(work)
    return changed


async def record(tx: Tx, req: Request, *, today: dt.date) -> dict[str, Any]:
    """The unit of work of `assessHousehold`: compute, store, apply when already in force.
    Raises InvalidScore or HouseholdNotFound before anything is written."""
    inputs = parse_inputs(req.system_score, req.positives, req.negatives, req.vetoes)
    subject = await tx.single("assessment_subjects", codes=[req.household_code])
    if subject is None:
        raise HouseholdNotFound(req.household_code)
    outcome = assess(inputs, birth=subject["birthDate"], assessed_on=req.assessed_on)
    stored = row(f"A{uuid.uuid4().hex[:20]}", req.household_code, req.assessed_on, inputs, outcome, req.assessor)
    await tx.run("create_assessments", rows=[stored], now=dt.datetime.now(dt.timezone.utc))
    if outcome.effective_on <= today:  # a back-dated assessment is already past its publicity
        await apply_households(tx, [req.household_code], today=today)
    node = await tx.single("assessment_by_id", id=stored["id"])
    assert node is not None
    return node["node"]


def _record_request(rec: Any) -> Request:
    return Request(
        household_code=rec.householdCode,
        assessed_on=rec.assessedOn,
        system_score=rec.systemScore,
        positives=list(rec.positives),
        negatives=list(rec.negatives),
        vetoes=list(rec.vetoes),
        assessor=rec.assessor,
    )


class _InputParser:
    """`parse_inputs` for many records: a file repeats a few hundred item combinations and a few
    thousand scores, so each is checked once (S1–S3) and the validated parts are shared."""

    def __init__(self) -> None:
        self._items: dict[tuple[tuple[str, ...], ...], Inputs] = {}
        self._scores: dict[Any, Inputs] = {}

    def __call__(self, req: Request) -> Inputs:
        key = (tuple(_names(req.positives)), tuple(_names(req.negatives)), tuple(_names(req.vetoes)))
        items = self._items.get(key)
        if items is None:  # the first time: the whole check, in parse_inputs' order
            items = self._items[key] = parse_inputs(req.system_score, req.positives, req.negatives, req.vetoes)
            self._scores.setdefault((type(req.system_score), req.system_score), items)
        score = self._scores.get((type(req.system_score), req.system_score))
        if score is None:
            score = self._scores[(type(req.system_score), req.system_score)] = parse_inputs(req.system_score, [], [], [])
        if score is items:
            return items
        return Inputs(score.system_score, items.positives, items.negatives, items.vetoes)


async def _births(graph: Graph, codes: set[str], known: Mapping[str, dt.date]) -> dict[str, dt.date]:
    """H2 needs each head's birth date: from the file when the caller has it, else from the graph."""
    births = {code: known[code] for code in codes if code in known}
    missing = sorted(codes - births.keys())
    for start in range(0, len(missing), BATCH):
        rows = await graph.read("assessment_subjects", codes=missing[start : start + BATCH])
        births.update({r["code"]: r["birthDate"] for r in rows})
    return births


def _in_force(stored: dict[str, Any], today: dt.date) -> bool:
    """S9: in force once its publicity is over; an imported assessment is never cancelled nor objected to."""
    return stored["effectiveOn"] <= today


def _import_batches(order: list[str], indices: dict[str, list[int]]) -> Iterator[list[str]]:
    """Households in file order, cut so that a batch holds about IMPORT_BATCH assessments."""
    batch: list[str] = []
    size = 0
    for code in order:
        batch.append(code)
        size += len(indices[code])
        if size >= IMPORT_BATCH:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


async def import_records(graph: Graph, records: Sequence[Any], *, today: dt.date,
                         progress: Progress | None = None, births: Mapping[str, dt.date] | None = None,
                         new_households: Collection[str] = ()) -> int:
    """The dataset's `assessments` array: validates every record with the mutation's rules first
    (any problem refuses the whole array, nothing written), then writes batched UNWINDs. Returns the
    number of records.

    `births` gives head birth dates the caller already has (the file's households); the others are
    read. `new_households` are households created by this import: their only assessments are the
    file's, so the latest one in force is known here and their standing is written with their
    assessments, exactly as apply_assessments would set it (S9, C2), those assessments marked
    applied. Any other household's assessments go through apply_due, as before. Village titles are
    not refreshed for new households: the caller must end with `rollups.recompute` (R4), as the
    importer does."""
    requests = [_record_request(rec) for rec in records]
    parser = _InputParser()
    problems: list[Problem] = []
    parsed: list[Inputs | None] = []
    for index, req in enumerate(requests):
        try:
            parsed.append(parser(req))
        except InvalidScore as exc:
            parsed.append(None)
            problems.append(Problem("assessments", index, req.household_code, f"{exc.field}: {exc}"))
    known = await _births(graph, {req.household_code for req in requests}, births or {})
    for index, req in enumerate(requests):
        if req.household_code not in known:
            problems.append(Problem("assessments", index, req.household_code, "householdCode is unknown"))
    if problems:
        raise DatasetInvalid(problems)

    indices: dict[str, list[int]] = {}
    for index, req in enumerate(requests):
        indices.setdefault(req.household_code, []).append(index)
    fresh = set(new_households)
    now = dt.datetime.now(dt.timezone.utc)
    due_elsewhere = False  # an in-force assessment of a household that was already in the graph

    def household(code: str) -> dict[str, Any]:
        nonlocal due_elsewhere
        stored = []
        for index in indices[code]:
            req, inputs = requests[index], parsed[index]
            assert inputs is not None
            outcome = assess(inputs, birth=known[code], assessed_on=req.assessed_on)
            one = row(import_id(req), code, req.assessed_on, inputs, outcome, req.assessor)
            del one["householdCode"]  # set once per household by the query
            one["applied"] = code in fresh and _in_force(one, today)
            due_elsewhere |= code not in fresh and _in_force(one, today)
            stored.append(one)
        # apply_assessments' order: assessedOn, then createdAt (one `now` here), then id, newest first.
        applied = [a for a in stored if a["applied"]]
        latest = max(applied, key=lambda a: (a["assessedOn"], a["id"]))["id"] if applied else None
        return {"code": code, "effectiveId": latest, "assessments": stored}

    def batches() -> Iterator[dict[str, Any]]:
        for codes in _import_batches(list(indices), indices):
            yield {"households": [household(code) for code in codes], "now": now}

    done = 0

    def written(params: dict[str, Any]) -> None:
        nonlocal done
        done += sum(len(h["assessments"]) for h in params["households"])
        if progress:
            progress("assessments", done, len(requests))

    # Batches hold disjoint households, so two can be written at once (graph.bulk).
    await bulk.write_batches(graph, "import_assessments", batches(), on_done=written)
    if due_elsewhere:
        await apply_due(graph, today)
    return len(requests)


class ObjectionRefused(Exception):
    """An objection action the state does not allow; `kind` is NOT_FOUND, CONFLICT or INVALID_INPUT."""

    def __init__(self, kind: str, message: str, field: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.field = field


async def file_objection(tx: Tx, assessment_id: str, reason: str, *, today: dt.date) -> dict[str, Any]:
    """S9: only during publicity (assessedOn <= today < effectiveOn), one objection per assessment."""
    if not reason.strip():
        raise ObjectionRefused("INVALID_INPUT", "an objection needs a reason", "reason")
    found = await tx.single("assessment_by_id", id=assessment_id)
    if found is None:
        raise ObjectionRefused("NOT_FOUND", f"no assessment {assessment_id}", "assessmentId")
    a = found["node"]
    if a["status"] == "CANCELLED":
        raise ObjectionRefused("CONFLICT", "the assessment is cancelled", "assessmentId")
    if a.get("objectionStatus"):
        raise ObjectionRefused("CONFLICT", "an objection was already filed against this assessment", "assessmentId")
    if not today < a["effectiveOn"]:
        raise ObjectionRefused("CONFLICT", f"the publicity period ended on {a['effectiveOn']} (S9)", "assessmentId")
    node = await tx.single("file_objection", id=assessment_id, reason=reason.strip(), filedOn=today)
    assert node is not None
    return node["node"]


async def resolve_objection(tx: Tx, assessment_id: str, upheld: bool, note: str, *, today: dt.date) -> dict[str, Any]:
    """S9: upheld cancels the assessment; either way the household's standing is brought up to date."""
    found = await tx.single("assessment_by_id", id=assessment_id)
    if found is None:
        raise ObjectionRefused("NOT_FOUND", f"no assessment {assessment_id}", "assessmentId")
    if found["node"].get("objectionStatus") != "PENDING":
        raise ObjectionRefused("CONFLICT", "the assessment has no pending objection", "assessmentId")
    node = await tx.single("resolve_objection", id=assessment_id, upheld=upheld, note=note, resolvedOn=today)
    assert node is not None
    await apply_households(tx, [node["node"]["householdCode"]], today=today)
    return node["node"]
