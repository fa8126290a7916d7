"""The entry queries of issue 2: counties, county, town, village, household, bank, station, loan."""

from __future__ import annotations

from typing import Any

from graph_service.app import create_app
from graph_service.graph.db import Graph
from graph_service.settings import Settings
from tests import factories

import httpx


def dataset() -> dict[str, Any]:
    doc = factories.county(towns=2, villages_per_town=2, households_per_village=2)
    doc["stations"] = [{"code": "S1", "name": "站一", "villageCode": "T1V1", "bankCode": "B1",
                        "registeredOn": "2026-01-05", "openedOn": "2026-01-15", "manager": "王站长"}]
    doc["loans"] = [factories.loan("L1", "T1V1H1", 20000, 12345.67, status="OVERDUE", days_overdue=10)]
    return doc


async def test_counties_with_town_count(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    body = await gql("{ counties { code name townCount } }")
    assert body["data"] == {"counties": [{"code": "411722", "name": "上蔡县", "townCount": 2}]}


async def test_each_lookup_by_code_and_unknown_codes_are_null(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    body = await gql("""{
      county(code: "411722") { name towns { totalCount edges { node { code kind county { code } } } } }
      town(code: "T1") { name kind county { code } }
      village(code: "T1V1") { name town { code } risk { loanBalance overdueBalance overdueRatio frozen } }
      household(code: "T1V1H1") { headName village { code } }
      bank(code: "B1") { name }
      station(code: "S1") { name openedOn village { code } bank { code } }
      loan(code: "L1") { principal outstanding status daysOverdue household { code } bank { code } }
      missing: village(code: "NOPE") { code }
    }""")
    assert "errors" not in body, body
    data = body["data"]
    assert data["county"]["towns"]["totalCount"] == 2
    assert [e["node"]["code"] for e in data["county"]["towns"]["edges"]] == ["T1", "T2"]
    assert data["town"] == {"name": "镇1", "kind": "TOWN", "county": {"code": "411722"}}
    # R1 and R3: 12345.67 of 12345.67 is overdue: ratio 1, frozen.
    assert data["village"]["risk"] == {"loanBalance": "12345.67", "overdueBalance": "12345.67", "overdueRatio": 1.0, "frozen": True}
    assert data["household"] == {"headName": "户主111", "village": {"code": "T1V1"}}
    assert data["bank"] == {"name": "上蔡农商银行"}
    assert data["station"] == {"name": "站一", "openedOn": "2026-01-15", "village": {"code": "T1V1"}, "bank": {"code": "B1"}}
    assert data["loan"] == {"principal": "20000.00", "outstanding": "12345.67", "status": "OVERDUE", "daysOverdue": 10,
                            "household": {"code": "T1V1H1"}, "bank": {"code": "B1"}}
    assert data["missing"] is None


async def test_health_and_ready(client) -> None:  # type: ignore[no-untyped-def]
    assert (await client.get("/health")).json() == {"status": "ok"}
    ready = await client.get("/ready")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


async def test_ready_is_503_with_a_reason_when_neo4j_is_down() -> None:
    settings = Settings.from_env({"NEO4J_URI": "bolt://127.0.0.1:1"})  # nothing listens on port 1
    graph = Graph.connect(settings)
    app = create_app(settings, graph=graph)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
            response = await c.get("/ready")
            alive = await c.get("/health")
        assert response.status_code == 503
        assert response.json()["status"] == "unavailable"
        assert "Neo4j does not answer" in response.json()["reason"]
        assert alive.status_code == 200
    finally:
        await graph.close()
