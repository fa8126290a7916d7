"""How the `contagion` answer (K2) is built: its villages come in one round trip and one row, only when
the query asks for them, with exactly the properties the Village loader gives (A2 scope included)."""

from __future__ import annotations

import datetime as dt

from graph_service.api.loaders import Loaders
from graph_service.api.queries.risk import trace_village_props
from graph_service.auth.principal import UNSCOPED
from graph_service.bench.operations import CONTAGION
from tests.api.contagion.data import chain_county

DEBUG = {"X-Debug-Cypher": "1"}


async def test_answer_villages_agree_with_the_loader(load, db, test_graph) -> None:  # type: ignore[no-untyped-def]
    doc = chain_county()
    await load(doc)
    at = dt.datetime(2026, 5, 4, 9, 30, 15, 123456, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    await test_graph.write("test_set_frozen_since", code="T1V2", at=at)
    codes = {village["code"] for village in doc["villages"]}
    props = await trace_village_props(db, codes | {"NOPE"}, dict(UNSCOPED))
    loaders = Loaders(db)
    assert props.keys() == codes
    for code in codes:
        assert props[code] == await loaders.node("Village", code), code
    assert props["T1V2"]["frozenSince"] == at


async def test_bench_query_five_round_trips_paths_share_the_villages(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    body = await gql(CONTAGION, {"code": "T1V1"}, headers=DEBUG)
    assert "errors" not in body, body
    # the source check, one per hop (3), the answer's villages in one
    assert body["extensions"]["cypher"]["roundTrips"] == 5
    reached = body["data"]["contagion"]["reached"]
    assert [r["village"]["code"] for r in reached] == ["T1V2", "T2V1", "T2V2", "T2V3"]
    assert reached[0]["village"]["risk"] == {"overdueRatio": 0.0, "frozen": False}  # T1V2: L21 current
    assert [v["code"] for v in reached[3]["path"]] == ["T1V1", "T1V2", "T2V2", "T2V3"]


async def test_no_village_query_when_neither_village_nor_path_is_asked(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    body = await gql('{ contagion(villageCode: "T1V1") { source { code } reached { hops exposure } } }', headers=DEBUG)
    assert body["data"]["contagion"]["source"] == {"code": "T1V1"}
    assert [r["hops"] for r in body["data"]["contagion"]["reached"]] == [1, 1, 2, 3]
    assert body["extensions"]["cypher"]["roundTrips"] == 4  # the source check and 3 hops


async def test_villages_asked_through_fragments_are_loaded(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    query = """
    fragment Link on ExposedVillage { ... on ExposedVillage { path { code } } }
    query { contagion(villageCode: "T1V1", maxHops: 1) { reached { hops ...Link } } }"""
    body = await gql(query, headers=DEBUG)
    assert "errors" not in body, body
    assert body["data"]["contagion"]["reached"] == [
        {"hops": 1, "path": [{"code": "T1V1"}, {"code": "T1V2"}]},
        {"hops": 1, "path": [{"code": "T1V1"}, {"code": "T2V1"}]},
    ]
    assert body["extensions"]["cypher"]["roundTrips"] == 3  # the source check, 1 hop, the villages


async def test_a_village_nobody_guarantees_needs_no_village_query(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    body = await gql(CONTAGION, {"code": "T1V4"}, headers=DEBUG)  # no loans: no link out of it
    assert body["data"]["contagion"] == {"source": {"code": "T1V4"}, "reached": []}
    assert body["extensions"]["cypher"]["roundTrips"] == 2  # the source check and hop 1
