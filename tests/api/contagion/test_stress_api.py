"""`stressTest` over GraphQL (K3) on the hand-computed example of tests/unit/test_stress_engine.py;
the graph is unchanged afterwards. And `systemicVillages` after the batch."""

from __future__ import annotations

import pytest

from graph_service.graph.contagion import refresh_systemic
from tests.api.contagion.data import STRESS_LINES, stress_county

STRESS = """query($input: StressTestInput!) {
  stressTest(input: $input) {
    roundsRun defaultedLoanCount distressedHouseholdCount defaultedBalance
    rounds { round distressedHouseholdCount defaultedLoanCount defaultedBalance }
    villages { code loanBalance overdueBalance overdueRatio frozen }
    towns { code loanBalance overdueBalance frozen }
    county { code loanBalance overdueBalance frozen }
    newlyFrozenVillages { code }
    newlyFrozenTowns { code }
  }
}"""


@pytest.fixture
async def county(load, set_credit_lines):  # type: ignore[no-untyped-def]
    await load(stress_county())
    await set_credit_lines(STRESS_LINES)


def _run(rounds: int) -> dict:
    return {"input": {"defaultVillageCodes": ["T1V1"], "rounds": rounds}}


# rounds -> (roundsRun, defaulted loans, distressed, newly frozen villages, newly frozen towns)
EXPECTED = {
    1: (1, 3, 1, ["T1V2"], ["T1"]),
    2: (2, 4, 2, ["T1V2", "T2V1"], ["T1"]),  # T2V1: 6000 / 120000 = 5% exactly; T2: 6000 / 200001 < 3%
    3: (3, 5, 3, ["T1V2", "T2V1"], ["T1", "T2"]),  # T2V2: 4000 / 80001 < 5%
    10: (3, 5, 3, ["T1V2", "T2V1"], ["T1", "T2"]),  # until nothing changes: T1V1H3 1999 < 2000
}


@pytest.mark.parametrize("rounds", sorted(EXPECTED))
async def test_rounds(county, gql, rounds: int) -> None:  # type: ignore[no-untyped-def]
    body = await gql(STRESS, _run(rounds), headers={"X-Debug-Cypher": "1"})
    assert "errors" not in body, body
    report = body["data"]["stressTest"]
    run, loans, distressed, villages, towns = EXPECTED[rounds]
    assert (report["roundsRun"], report["defaultedLoanCount"], report["distressedHouseholdCount"]) == (run, loans, distressed)
    assert [v["code"] for v in report["newlyFrozenVillages"]] == villages
    assert [t["code"] for t in report["newlyFrozenTowns"]] == towns
    assert [r["defaultedBalance"] for r in report["rounds"]] == ["12000.00", "8000.00", "6000.00", "4000.00"][: run + 1]
    # three reads for the engine, then the newly frozen villages and towns: constant, whatever the county
    assert body["extensions"]["cypher"]["roundTrips"] <= 5


async def test_projected_figures_after_round_3(county, gql) -> None:  # type: ignore[no-untyped-def]
    report = (await gql(STRESS, _run(3)))["data"]["stressTest"]
    assert report["defaultedBalance"] == "30000.00"
    assert report["villages"] == [
        {"code": "T1V1", "loanBalance": "12000.00", "overdueBalance": "12000.00", "overdueRatio": 1.0, "frozen": True},
        {"code": "T1V2", "loanBalance": "100000.00", "overdueBalance": "8000.00", "overdueRatio": 0.08, "frozen": True},
        {"code": "T2V1", "loanBalance": "120000.00", "overdueBalance": "6000.00", "overdueRatio": 0.05, "frozen": True},
        {"code": "T2V2", "loanBalance": "80001.00", "overdueBalance": "4000.00", "overdueRatio": 4000 / 80001, "frozen": False},
    ]
    assert report["towns"] == [
        {"code": "T1", "loanBalance": "112000.00", "overdueBalance": "20000.00", "frozen": True},
        {"code": "T2", "loanBalance": "200001.00", "overdueBalance": "10000.00", "frozen": True},
    ]
    assert report["county"] == {"code": "411722", "loanBalance": "312001.00", "overdueBalance": "30000.00", "frozen": False}


async def test_the_graph_is_unchanged(county, gql, fingerprint) -> None:  # type: ignore[no-untyped-def]
    before = await fingerprint()
    body = await gql(STRESS, {"input": {"defaultVillageCodes": ["T1V1", "T2V2"], "defaultLoanCodes": ["LB2"], "rounds": 10}})
    assert body["data"]["stressTest"]["defaultedLoanCount"] > 0
    assert await fingerprint() == before
    live = await gql('{ village(code: "T1V2") { risk { overdueBalance frozen } } }')
    assert live["data"]["village"]["risk"] == {"overdueBalance": "0.00", "frozen": False}


async def test_chosen_loans_and_a_lower_share(county, gql) -> None:  # type: ignore[no-untyped-def]
    body = await gql(STRESS, {"input": {"defaultLoanCodes": ["LD1", "LR"], "guarantorDistressShare": 0.4}})
    report = body["data"]["stressTest"]
    # LR is repaid: ignored. LD1 calls T1V1H3 for 1999 >= 40% of 4000: distressed, but it has no loan.
    assert (report["defaultedLoanCount"], report["distressedHouseholdCount"], report["roundsRun"]) == (1, 1, 1)


@pytest.mark.parametrize(("variables", "code"), [
    ({"input": {"defaultVillageCodes": ["NOPE"]}}, "NOT_FOUND"),
    ({"input": {"defaultLoanCodes": ["NOPE"]}}, "NOT_FOUND"),
    ({"input": {"rounds": -1}}, "INVALID_INPUT"),
    ({"input": {"guarantorDistressShare": 0}}, "INVALID_INPUT"),
])
async def test_bad_input_is_a_clean_error(county, gql, variables, code) -> None:  # type: ignore[no-untyped-def]
    body = await gql(STRESS, variables)
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == code


async def test_systemic_villages_after_the_batch(county, gql, db) -> None:  # type: ignore[no-untyped-def]
    assert (await gql("{ systemicVillages { rank } }"))["data"]["systemicVillages"] == []
    report = await refresh_systemic(db)
    assert report["villages"] == 4
    body = await gql("{ systemicVillages(first: 3) { rank village { code } defaultedBalance spilloverBalance distressedHouseholdCount computedAt } }")
    ranked = [(v["rank"], v["village"]["code"], v["defaultedBalance"], v["spilloverBalance"], v["distressedHouseholdCount"])
              for v in body["data"]["systemicVillages"]]
    # C alone: LC1 + LC2, then T2V2H1 (line 0) -> LD1; B alone: its own; D alone: its own; A: 12000 + 18000.
    assert ranked == [(1, "T2V1", "124000.00", "4000.00", 1), (2, "T1V2", "100000.00", "0.00", 0),
                      (3, "T2V2", "80001.00", "0.00", 0)]
    assert body["data"]["systemicVillages"][0]["computedAt"]
