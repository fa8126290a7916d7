"""Lookups by code and by global ID: the entry points of the hierarchy."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.node import Node, from_global_id
from graph_service.api.types.bank import Bank
from graph_service.api.types.county import County
from graph_service.api.types.household import Household
from graph_service.api.types.loan import Loan
from graph_service.api.types.station import Station
from graph_service.api.types.town import Town
from graph_service.api.types.village import Village

# Global-ID type name -> (label, type): the allow-list of what `node(id)` resolves.
NODE_TYPES: dict[str, Any] = {
    "County": County,
    "Town": Town,
    "Village": Village,
    "Household": Household,
    "Bank": Bank,
    "Station": Station,
    "Loan": Loan,
}


async def _one(info: Info, label: str, code: str) -> Any:
    props = await info.context.loaders.node(label, code)
    return None if props is None else NODE_TYPES[label].from_props(props)


def _code(what: str) -> Any:
    return Annotated[str, strawberry.argument(description=f"The {what}'s code (its unique key; unknown codes give null).")]


@strawberry.type
class LookupQuery:
    @strawberry.field(description="Any object by its global ID (Relay); null for an unknown, forged or out-of-scope ID.")
    async def node(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="A global ID, as read from any `id` field.")]
    ) -> Node | None:
        decoded = from_global_id(id)
        if decoded is None or decoded[0] not in NODE_TYPES:
            return None
        return await _one(info, decoded[0], decoded[1])

    @strawberry.field(description="Every county served (one: 上蔡县 Shangcai, 411722).")
    async def counties(self, info: Info) -> list[County]:
        rows = await info.context.graph.read("all_counties")
        return [County.from_props(row["node"]) for row in rows]

    @strawberry.field(description="A county by its division code.")
    async def county(self, info: Info, code: _code("county")) -> County | None:
        return await _one(info, "County", code)

    @strawberry.field(description="A town, township or subdistrict by code.")
    async def town(self, info: Info, code: _code("town")) -> Town | None:
        return await _one(info, "Town", code)

    @strawberry.field(description="A village by code.")
    async def village(self, info: Info, code: _code("village")) -> Village | None:
        return await _one(info, "Village", code)

    @strawberry.field(description="A household by code.")
    async def household(self, info: Info, code: _code("household")) -> Household | None:
        return await _one(info, "Household", code)

    @strawberry.field(description="A bank by code.")
    async def bank(self, info: Info, code: _code("bank")) -> Bank | None:
        return await _one(info, "Bank", code)

    @strawberry.field(description="A service station by code.")
    async def station(self, info: Info, code: _code("station")) -> Station | None:
        return await _one(info, "Station", code)

    @strawberry.field(description="A loan by code.")
    async def loan(self, info: Info, code: _code("loan")) -> Loan | None:
        return await _one(info, "Loan", code)
