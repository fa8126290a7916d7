"""The hierarchy's reads (issue 9 speed-up) return projections, not whole nodes, and frozenSince as
[epochSeconds, nanosecond, offsetSeconds] that the loaders turn back into a datetime: every consumer
must still see exactly what a whole node gives (graph-model.md's properties, the same datetimes), and
the page queries must seek the (parent, code) indexes and skip the count unless it is asked for."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph_service.api.loaders import Loaders, PageArgs, zoned_datetime
from graph_service.graph.db import Graph
from graph_service.graph.queries import QueryLibrary
from tests.api.hierarchy.data import county_with_loans

# graph-model.md's properties of each level (systemic* figures are read by their own query, K3)
MODEL = {
    "County": {"code", "name", "loanBalanceFen", "overdueBalanceFen", "frozen", "townCount", "creditTownCount"},
    "Town": {"code", "name", "kind", "countyCode", "loanBalanceFen", "overdueBalanceFen", "frozen", "frozenSince",
             "villageCount", "creditVillageCount", "isCreditTown"},
    "Village": {"code", "name", "townCode", "hasBankBranch", "loanBalanceFen", "overdueBalanceFen", "frozen",
                "frozenSince", "householdCount", "creditHouseholdCount", "isCreditVillage"},
}
WHOLE = {"Town": "towns_by_codes", "Village": "villages_by_codes"}  # unscoped, whole nodes ({.*})
SINCE = [  # UTC with microseconds, an offset with nanoseconds, named zones on both sides of DST
    {"code": "T1V1", "since": "2026-12-04T21:18:38.806862Z"},
    {"code": "T1V2", "since": "2026-01-01T00:00:00.123456789+08:00"},
    {"code": "T2V1", "since": "2026-03-29T01:30:00.5[Europe/Berlin]"},
    {"code": "T2V2", "since": "2026-10-25T02:30:00+01:00[Europe/Berlin]"},
    {"code": "T1", "since": "2026-06-30T08:00:00[Asia/Shanghai]"},
    {"code": "T2", "since": "1969-12-31T23:59:59.999999999-05:30"},
]
PAGE: dict[str, Any] = {
    "order": "CODE", "after": None, "limit": 101, "nameContains": None, "minRatioNum": None, "minRatioDen": None,
    "maxRatioNum": None, "maxRatioDen": None, "scopeTown": None, "scopeVillage": None, "scopeBank": None,
    "frozen": None, "isCreditVillage": None, "isCreditTown": None, "kind": None,
}


@pytest.fixture
async def frozen_county(load: Any, db: Graph, test_graph: Graph) -> Graph:
    await load(county_with_loans(towns=2, villages_per_town=3))
    await test_graph.write("set_frozen_since", rows=SINCE, systemic="T1V3")
    return db


async def _whole(db: Graph, label: str, codes: list[str]) -> dict[str, dict[str, Any]]:
    if label == "County":
        rows = await db.read("all_counties")
    else:
        rows = await db.read(WHOLE[label], codes=codes)
    return {row["node"]["code"]: row["node"] for row in rows}


def _args(query: str, filters: dict[str, Any]) -> PageArgs:
    return PageArgs(query=query, order="CODE", after=None, limit=101, with_total=True, filters=tuple(sorted(filters.items())))


def _same(seen: dict[str, Any], whole: dict[str, Any], label: str) -> None:
    for key in MODEL[label]:
        assert seen.get(key) == whole.get(key), (label, whole["code"], key)
        if isinstance(whole.get(key), dt.datetime):  # the same instant, wall clock and offset
            assert seen[key].isoformat() == whole[key].isoformat()


async def test_lookups_and_pages_give_what_whole_nodes_give(frozen_county: Graph) -> None:
    db = frozen_county
    loaders = Loaders(db)
    towns = ["T1", "T2"]
    villages = [f"{t}V{v}" for t in towns for v in (1, 2, 3)]
    wholes = {label: await _whole(db, label, codes) for label, codes in
              (("County", ["411722"]), ("Town", towns), ("Village", villages))}
    assert sum(isinstance(n.get("frozenSince"), dt.datetime) for w in wholes.values() for n in w.values()) == len(SINCE)
    for label, whole in wholes.items():
        for code, node in whole.items():
            seen = await loaders.node(label, code)
            assert seen is not None
            _same(seen, node, label)
            assert not any(key.startswith("systemic") for key in seen)  # not shipped for nothing
    ratios = {"minRatioNum": None, "minRatioDen": None, "maxRatioNum": None, "maxRatioDen": None}
    town_filters = {"frozen": None, "isCreditTown": None, "kind": None, "nameContains": None, **ratios}
    village_filters = {"frozen": None, "isCreditVillage": None, "nameContains": None, **ratios}
    pages = {
        "Town": [("411722", _args("towns_pages", town_filters))],
        "Village": [(town, _args("villages_pages", village_filters)) for town in towns],
    }
    for label, asked in pages.items():
        page_rows = [props for parent, args in asked for props in (await loaders.page(parent, args)).rows]
        assert sorted(p["code"] for p in page_rows) == sorted(wholes[label])
        for props in page_rows:
            _same(props, wholes[label][props["code"]], label)


async def test_the_api_shows_frozen_since_as_a_whole_node_gives_it(frozen_county: Graph, gql: Any) -> None:
    body = await gql('{ county(code: "411722") { towns(first: 10) { edges { node { code risk { frozenSince }'
                     ' villages(first: 10) { edges { node { code risk { frozenSince } } } } } } } } }')
    assert "errors" not in body, body
    shown = {}
    for town in body["data"]["county"]["towns"]["edges"]:
        shown[town["node"]["code"]] = town["node"]["risk"]["frozenSince"]
        for village in town["node"]["villages"]["edges"]:
            shown[village["node"]["code"]] = village["node"]["risk"]["frozenSince"]
    whole = {**await _whole(frozen_county, "Town", ["T1", "T2"]),
             **await _whole(frozen_county, "Village", [c for c in shown if "V" in c])}
    expected = {code: (n["frozenSince"].isoformat() if n.get("frozenSince") else None) for code, n in whole.items()}
    assert shown == expected
    assert shown["T1V2"] == "2026-01-01T00:00:00.123456+08:00" and shown["T1V3"] is None


@pytest.mark.parametrize(("parts", "iso"), [
    ([1796419118, 806862000, 0], "2026-12-04T21:18:38.806862+00:00"),
    ([1767196800, 123456789, 28800], "2026-01-01T00:00:00.123456+08:00"),  # truncated like to_native
    ([-1, 999999999, -19800], "1969-12-31T18:29:59.999999-05:30"),
])
def test_zoned_datetime_keeps_the_wall_clock_and_offset(parts: list[int], iso: str) -> None:
    assert zoned_datetime(parts).isoformat() == iso


@pytest.mark.parametrize(("query", "parent"), [("villages_pages", "T1"), ("towns_pages", "411722")])
async def test_pages_seek_the_parent_index_and_count_only_when_asked(frozen_county: Graph, query: str, parent: str) -> None:
    async def scans_and_seeks(with_total: bool) -> tuple[int, int]:
        text = QueryLibrary()[query].text
        result = await frozen_county.driver.execute_query(  # PROFILE: rows per operator, not time
            "PROFILE " + text, parentCodes=[parent], withTotal=with_total, **PAGE)
        scans, seeks = 0, 0
        stack = [result.summary.profile]
        while stack:
            op = stack.pop()
            stack += op.get("children", [])
            kind = op["operatorType"].split("@")[0]
            scans += kind in ("NodeByLabelScan", "AllNodesScan")
            seeks += op.get("rows", 0) if kind == "NodeIndexSeek" and "code IS NOT NULL" in op["args"]["Details"] else 0
        return scans, seeks

    per_parent = 3 if query == "villages_pages" else 2
    assert await scans_and_seeks(False) == (0, per_parent)  # the page's seek only
    assert await scans_and_seeks(True) == (0, 2 * per_parent)  # and the count's
