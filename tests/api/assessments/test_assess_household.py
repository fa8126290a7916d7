"""assessHousehold (S1–S9): a good assessment, each bad input (nothing written), publicity,
objections, history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph_service.graph.assessments import apply_due
from graph_service.graph.db import Graph
from tests import factories
from tests.api.assessments.conftest import ASSESS, TOP, Gql, assess, assess_input, household
from tests.conftest import TODAY

WEEK = dt.timedelta(days=7)


@pytest.fixture
async def county(load: Any) -> None:
    await load(factories.county(towns=1, villages_per_town=1, households_per_village=3))


async def test_a_good_assessment_is_recorded_and_waits_for_publicity(county: None, gql: Gql) -> None:
    result = await assess(gql, "T1V1H1", TODAY, score=93.57)
    assert result["userErrors"] == []
    a = result["assessment"]
    assert a["assessedOn"] == "2026-06-30" and a["effectiveOn"] == "2026-07-07"
    assert (a["systemScore"], a["panelScore"], a["compositeScore"], a["bandScore"]) == (93.57, 30.0, 95.5, 96)
    assert (a["certificate"], a["creditLine"], a["stars"], a["isCreditHousehold"]) == ("RED", "50000.00", 5, True)
    assert a["positives"] == TOP and a["policyVersion"] == "shangcai-2020.1" and a["status"] == "IN_PUBLICITY"
    # S9: in publicity, the previous standing (none) stands.
    h = result["household"]
    assert (h["certificate"], h["creditLine"], h["isCreditHousehold"], h["stars"]) == ("NONE", "0.00", False, None)
    shown = await household(gql, "T1V1H1")
    assert shown["latestAssessment"]["id"] == a["id"]
    assert [x["id"] for x in shown["assessments"]] == [a["id"]]


BAD = {
    "score above 100": ({"systemScore": 100.01}, "INVALID_INPUT", ["input", "systemScore"]),
    "score below 0": ({"systemScore": -0.5}, "INVALID_INPUT", ["input", "systemScore"]),
    "three decimals": ({"systemScore": 80.125}, "INVALID_INPUT", ["input", "systemScore"]),
    "repeated positive": ({"positives": ["FILIAL", "FILIAL"]}, "INVALID_INPUT", ["input", "positives"]),
    "repeated negative": ({"negatives": ["IDLE", "IDLE"]}, "INVALID_INPUT", ["input", "negatives"]),
    "repeated veto": ({"vetoes": ["CRIMINAL_RECORD", "CRIMINAL_RECORD"]}, "INVALID_INPUT", ["input", "vetoes"]),
    "future date": ({"assessedOn": "2026-07-01"}, "INVALID_INPUT", ["input", "assessedOn"]),
    "unknown household": ({"householdCode": "NOPE"}, "NOT_FOUND", ["input", "householdCode"]),
}


@pytest.mark.parametrize("case", list(BAD))
async def test_bad_input_is_a_user_error_and_writes_nothing(case: str, county: None, gql: Gql, db: Graph) -> None:
    change, code, field = BAD[case]
    body = await gql(ASSESS, {"input": {**assess_input("T1V1H1", TODAY - WEEK), **change}})
    payload = body["data"]["assessHousehold"]
    assert payload["assessment"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)]
    assert "Traceback" not in payload["userErrors"][0]["message"]
    assert (await household(gql, "T1V1H1"))["assessments"] == []
    assert await db.read("households_with_due_assessments", today=TODAY + WEEK) == []


async def test_an_unknown_enum_value_is_a_graphql_error(county: None, gql: Gql) -> None:
    body = await gql(ASSESS, {"input": {**assess_input("T1V1H1", TODAY), "vetoes": ["LAZY"]}})
    assert body.get("errors") and body.get("data") is None
    assert (await household(gql, "T1V1H1"))["assessments"] == []


@pytest.mark.parametrize("veto", ["POLITICALLY_UNRELIABLE", "CRIMINAL_RECORD", "ILLEGAL_FUNDRAISING",
                                  "BAD_BANK_RECORD", "UNPAID_PRIVATE_DEBT"])
async def test_each_veto_through_the_api(veto: str, county: None, gql: Gql) -> None:
    result = await assess(gql, "T1V1H1", TODAY - WEEK, vetoes=[veto])
    a = result["assessment"]
    assert (a["bandScore"], a["certificate"], a["creditLine"], a["isCreditHousehold"]) == (100, "NONE", "0.00", False)
    assert result["household"]["certificate"] == "NONE"


async def test_publicity_before_and_after_day_7(county: None, gql_on: Any, db: Graph) -> None:
    on = TODAY
    await assess(gql_on(on), "T1V1H1", on, score=80)  # 56 + 30 = 86 -> RED 30,000
    for day in range(1, 7):  # days 1..6: still the previous outcome
        await apply_due(db, on + dt.timedelta(days=day))
        h = await household(gql_on(on + dt.timedelta(days=day)), "T1V1H1")
        assert h["certificate"] == "NONE" and h["latestAssessment"]["status"] == "IN_PUBLICITY"
    day7 = on + WEEK
    assert await apply_due(db, day7) == 1
    h = await household(gql_on(day7), "T1V1H1")
    assert (h["certificate"], h["creditLine"], h["isCreditHousehold"], h["stars"]) == ("RED", "30000.00", True, 2)
    assert h["latestAssessment"]["status"] == "EFFECTIVE"
    assert await apply_due(db, day7) == 0  # applied once


async def test_a_back_dated_assessment_past_publicity_applies_at_once(county: None, gql: Gql) -> None:
    result = await assess(gql, "T1V1H1", TODAY - WEEK, score=80)
    assert result["household"]["certificate"] == "RED"
    assert result["assessment"]["status"] == "EFFECTIVE"
    result = await assess(gql, "T1V1H2", TODAY - dt.timedelta(days=6), score=80)
    assert result["household"]["certificate"] == "NONE"


OBJECT = """mutation($id: ID!, $reason: String!) { fileObjection(assessmentId: $id, reason: $reason) {
  assessment { id status objection { reason upheld } } userErrors { code field } } }"""
RESOLVE = """mutation($id: ID!, $upheld: Boolean!, $note: String!) { resolveObjection(assessmentId: $id, upheld: $upheld, note: $note) {
  assessment { id status objection { reason upheld note } } userErrors { code field } } }"""


async def test_an_upheld_objection_cancels_and_the_previous_outcome_stands(county: None, gql_on: Any, db: Graph) -> None:
    first_day = TODAY - dt.timedelta(days=30)
    old = await assess(gql_on(TODAY), "T1V1H1", first_day, score=60)  # 42 + 30 = 72 -> BLUE, already in force
    assert old["household"]["certificate"] == "BLUE"
    new = (await assess(gql_on(TODAY), "T1V1H1", TODAY, score=100))["assessment"]
    filed = (await gql_on(TODAY + dt.timedelta(days=3))(OBJECT, {"id": new["id"], "reason": "wrong head of household"}))["data"]["fileObjection"]
    assert filed["userErrors"] == [] and filed["assessment"]["status"] == "OBJECTED"
    later = gql_on(TODAY + dt.timedelta(days=10))
    await apply_due(db, TODAY + dt.timedelta(days=10))
    assert (await household(later, "T1V1H1"))["certificate"] == "BLUE"  # pending: not in force
    resolved = (await later(RESOLVE, {"id": new["id"], "upheld": True, "note": "confirmed"}))["data"]["resolveObjection"]
    assert resolved["userErrors"] == [] and resolved["assessment"]["status"] == "CANCELLED"
    assert resolved["assessment"]["objection"] == {"reason": "wrong head of household", "upheld": True, "note": "confirmed"}
    await apply_due(db, TODAY + dt.timedelta(days=30))
    h = await household(gql_on(TODAY + dt.timedelta(days=30)), "T1V1H1")
    assert (h["certificate"], h["creditLine"]) == ("BLUE", "10000.00")
    assert h["latestAssessment"]["id"] == old["assessment"]["id"]  # the cancelled one is kept but not latest
    assert [a["status"] for a in h["assessments"]] == ["CANCELLED", "EFFECTIVE"]  # history kept (S8)


async def test_a_rejected_objection_lets_the_assessment_take_effect(county: None, gql_on: Any) -> None:
    new = (await assess(gql_on(TODAY), "T1V1H1", TODAY, score=100))["assessment"]
    await gql_on(TODAY)(OBJECT, {"id": new["id"], "reason": "too generous"})
    after = gql_on(TODAY + dt.timedelta(days=9))
    resolved = (await after(RESOLVE, {"id": new["id"], "upheld": False, "note": "checked"}))["data"]["resolveObjection"]
    assert resolved["assessment"]["status"] == "EFFECTIVE"
    assert (await household(after, "T1V1H1"))["certificate"] == "RED"


async def test_objections_refused_outside_publicity_or_twice(county: None, gql_on: Any) -> None:
    new = (await assess(gql_on(TODAY), "T1V1H1", TODAY, score=100))["assessment"]
    late = (await gql_on(TODAY + WEEK)(OBJECT, {"id": new["id"], "reason": "late"}))["data"]["fileObjection"]
    assert [e["code"] for e in late["userErrors"]] == ["CONFLICT"]
    unknown = (await gql_on(TODAY)(OBJECT, {"id": "A-nope", "reason": "x"}))["data"]["fileObjection"]
    assert [e["code"] for e in unknown["userErrors"]] == ["NOT_FOUND"]
    empty = (await gql_on(TODAY)(OBJECT, {"id": new["id"], "reason": "  "}))["data"]["fileObjection"]
    assert [e["code"] for e in empty["userErrors"]] == ["INVALID_INPUT"]
    not_pending = (await gql_on(TODAY)(RESOLVE, {"id": new["id"], "upheld": True, "note": ""}))["data"]["resolveObjection"]
    assert [e["code"] for e in not_pending["userErrors"]] == ["CONFLICT"]
    assert (await gql_on(TODAY)(OBJECT, {"id": new["id"], "reason": "first"}))["data"]["fileObjection"]["userErrors"] == []
    again = (await gql_on(TODAY)(OBJECT, {"id": new["id"], "reason": "second"}))["data"]["fileObjection"]
    assert [e["code"] for e in again["userErrors"]] == ["CONFLICT"]


async def test_history_is_kept_and_the_latest_in_force_wins(county: None, gql: Gql) -> None:
    first = (await assess(gql, "T1V1H1", TODAY - dt.timedelta(days=100), score=100))["assessment"]
    second = (await assess(gql, "T1V1H1", TODAY - dt.timedelta(days=20), score=50, positives=[]))["assessment"]
    third = (await assess(gql, "T1V1H1", TODAY - dt.timedelta(days=2), score=90))["assessment"]
    h = await household(gql, "T1V1H1")
    assert [a["id"] for a in h["assessments"]] == [third["id"], second["id"], first["id"]]
    assert h["assessments"][2] == {**first, "objection": None}  # never overwritten (S8)
    assert (h["certificate"], h["creditLine"]) == ("BLUE", "10000.00")  # the second: 35 -> BLUE
    assert h["latestAssessment"]["id"] == third["id"]  # newest, still in publicity


async def test_standing_fields_and_discount(county: None, gql: Gql) -> None:
    await assess(gql, "T1V1H1", TODAY - WEEK, score=100)
    h = await household(gql, "T1V1H1")
    assert (h["eligible"], h["availableCredit"]) == (True, "50000.00")
    assert h["rateDiscountPermille"] == 0.6  # 1 of 3 households: not a credit village
    for code in ("T1V1H2", "T1V1H3"):
        await assess(gql, code, TODAY - WEEK, score=100)
    h = await household(gql, "T1V1H1")
    assert h["village"]["isCreditVillage"] is True
    assert h["rateDiscountPermille"] == 0.9  # 0.6 + 0.3 credit village

