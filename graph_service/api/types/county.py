"""县 County: the root of the hierarchy (H1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.node import Node, to_global_id
from graph_service.api.types.risk import RiskFigures

if TYPE_CHECKING:
    from graph_service.api.types.town import Town

TownRef = Annotated["Town", strawberry.lazy("graph_service.api.types.town")]


@strawberry.type(description="县 A county: the root of the hierarchy (H1).")
class County(Node):
    code: str = strawberry.field(description="Administrative division code, e.g. 411722.")
    name: str
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "County":
        return cls(id=to_global_id("County", props["code"]), code=props["code"], name=props["name"], _props=props)

    @strawberry.field(description="Risk figures summed over every town (R2).")
    def risk(self) -> RiskFigures:
        return RiskFigures.from_props(self._props)

    @strawberry.field(description="Towns, townships and subdistricts (乡镇/街道) in code order.")
    async def towns(self, info: Info, first: int | None = None, after: str | None = None) -> pagination.Connection[TownRef]:
        from graph_service.api.types.town import Town

        size = pagination.page_size(first)
        key = pagination.decode_cursor(after)
        rows = await info.context.graph.read(
            "towns_page", countyCode=self.code, after=key[0] if key else None, limit=size + 1
        )
        towns = [Town.from_props(row["node"]) for row in rows]

        async def total() -> int:
            return await self.town_count(info)

        return pagination.build(towns, [[t.code] for t in towns], size, after=after, total=total)

    @strawberry.field(description="Number of towns.")
    async def town_count(self, info: Info) -> int:
        async def load(codes: list[str]) -> list[int]:
            rows = await info.context.graph.read("town_counts", codes=codes)
            counts = {row["code"]: row["towns"] for row in rows}
            return [counts.get(code, 0) for code in codes]

        return await info.context.loaders.custom("town_counts", load).load(self.code)

    @strawberry.field(description="Number of credit towns (信用乡镇, R4).")
    def credit_town_count(self) -> int:
        return int(self._props.get("creditTownCount") or 0)
