"""The naive baseline (issue 9): what a straightforward implementation would do with no stored
roll-ups and no batching — one query per town and per village (N+1), every risk figure summed from
the loans at read time (cypher/bench/naive_*.cypher). It talks to the graph directly, without the
GraphQL layer, which only flatters the baseline."""

from __future__ import annotations

from typing import Any

from graph_service.graph.db import Graph


async def hierarchy(graph: Graph, county_code: str) -> dict[str, Any]:
    """County → towns → villages with risk figures, the same content as the service's query."""
    county = await graph.read_one("naive_county", code=county_code)
    if county is None:
        return {}
    county["risk"] = await graph.read_one("naive_county_risk", code=county_code)
    county["towns"] = await graph.read("naive_county_towns", code=county_code)
    for town in county["towns"]:
        town["risk"] = await graph.read_one("naive_town_risk", code=town["code"])
        town["villages"] = await graph.read("naive_town_villages", code=town["code"])
        for village in town["villages"]:
            village["risk"] = await graph.read_one("naive_village_risk", code=village["code"])
    return county


async def county_risk(graph: Graph, county_code: str) -> dict[str, Any] | None:
    return await graph.read_one("naive_county_risk", code=county_code)
