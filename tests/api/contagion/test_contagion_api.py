"""`contagion` over GraphQL (K2): the contract's shape, the hop cap, clean errors, batching."""

from __future__ import annotations

import pytest

from tests.api.contagion.data import chain_county

TRACE = """query($v: String!, $h: Int!) {
  contagion(villageCode: $v, maxHops: $h) {
    source { code } maxHops
    reached { village { code town { code } } hops exposure path { code } }
  }
}"""


async def test_chain_with_hops_paths_and_exposures(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    body = await gql(TRACE, {"v": "T1V1", "h": 3}, headers={"X-Debug-Cypher": "1"})
    assert "errors" not in body, body
    report = body["data"]["contagion"]
    assert report["source"] == {"code": "T1V1"} and report["maxHops"] == 3
    assert report["reached"] == [
        {"village": {"code": "T1V2", "town": {"code": "T1"}}, "hops": 1, "exposure": "13000.00", "path": [{"code": "T1V1"}, {"code": "T1V2"}]},
        {"village": {"code": "T2V1", "town": {"code": "T2"}}, "hops": 1, "exposure": "5000.00", "path": [{"code": "T1V1"}, {"code": "T2V1"}]},
        {"village": {"code": "T2V2", "town": {"code": "T2"}}, "hops": 2, "exposure": "4000.00",
         "path": [{"code": "T1V1"}, {"code": "T1V2"}, {"code": "T2V2"}]},
        {"village": {"code": "T2V3", "town": {"code": "T2"}}, "hops": 3, "exposure": "2500.00",
         "path": [{"code": "T1V1"}, {"code": "T1V2"}, {"code": "T2V2"}, {"code": "T2V3"}]},
    ]
    # source check + 3 hops + villages of all paths in one batch + their towns in one batch
    assert body["extensions"]["cypher"]["roundTrips"] <= 6


async def test_default_is_three_hops_and_more_than_six_is_capped(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    body = await gql('{ contagion(villageCode: "T1V1") { maxHops reached { hops } } }')
    assert body["data"]["contagion"]["maxHops"] == 3
    body = await gql(TRACE, {"v": "T1V1", "h": 50})
    assert body["data"]["contagion"]["maxHops"] == 6
    assert [r["hops"] for r in body["data"]["contagion"]["reached"]] == [1, 1, 2, 3]


async def test_unknown_village_and_negative_hops_are_clean_errors(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    body = await gql(TRACE, {"v": "NOPE", "h": 3})
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    body = await gql(TRACE, {"v": "T1V1", "h": -1})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"


class TestAsRiskOfficer:
    """Risk officers are the users of traces and stress tests (A2 permission table: RISK)."""

    @pytest.fixture
    def role(self) -> str:
        return "RISK_OFFICER"

    async def test_trace_and_stress(self, load, gql) -> None:  # type: ignore[no-untyped-def]
        await load(chain_county())
        body = await gql(TRACE, {"v": "T1V1", "h": 1})
        assert [r["village"]["code"] for r in body["data"]["contagion"]["reached"]] == ["T1V2", "T2V1"]
        body = await gql('{ stressTest(input: {defaultVillageCodes: ["T1V1"]}) { defaultedLoanCount } }')
        assert body["data"]["stressTest"]["defaultedLoanCount"] == 2
