"""县 County: the root of the hierarchy (H1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.hierarchy import arguments as hargs
from graph_service.api.hierarchy.orders import TownOrder
from graph_service.api.node import Node, to_global_id
from graph_service.api.types.risk import RiskFigures
from graph_service.api.types.town import TownKind

if TYPE_CHECKING:
    from graph_service.api.types.station_activity import StationCoverage
    from graph_service.api.types.town import Town

TownRef = Annotated["Town", strawberry.lazy("graph_service.api.types.town")]
StationCoverageRef = Annotated["StationCoverage", strawberry.lazy("graph_service.api.types.station_activity")]


@strawberry.type(description="县 A county: the root of the hierarchy (H1).")
class County(Node):
    code: str = strawberry.field(description="Administrative division code, e.g. 411722.")
    name: str = strawberry.field(description="Name, e.g. 上蔡县.")
    # Figures read from the node are plain fields, set once in from_props (no resolver per field);
    # fields resolved by a method below are only named here, so the schema keeps its field order.
    risk: RiskFigures = strawberry.field(description="Risk figures summed over every town (R2).")
    station_coverage: StationCoverageRef
    towns: pagination.Connection[TownRef]
    town_count: int
    credit_town_count: int = strawberry.field(description="Number of credit towns (信用乡镇, R4).")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "County":
        return cls(
            id=to_global_id("County", props["code"]),
            code=props["code"],
            name=props["name"],
            risk=RiskFigures.from_props(props),
            credit_town_count=int(props.get("creditTownCount") or 0),
            _props=props,
        )

    @strawberry.field(description="Service-station coverage (H4): villages without a bank branch and without a station; goal 100%.")
    async def station_coverage(self, info: Info) -> StationCoverageRef:
        from graph_service.api.types.station_activity import county_coverage

        return await county_coverage(info, self.code)

    @strawberry.field(description="The county's towns, townships and subdistricts (乡镇/街道, H1): a keyset-paged connection, filtered and ordered (code order by default).")
    async def towns(
        self,
        info: Info,
        first: pagination.First = None,
        after: pagination.After = None,
        frozen: hargs.Frozen = None,
        is_credit_town: Annotated[bool | None, strawberry.argument(description="Only credit towns 信用乡镇 (true) or only the others (false) (R4, R5).")] = None,
        kind: Annotated[TownKind | None, strawberry.argument(description="Only towns (镇), townships (乡) or subdistricts (街道) (H1).")] = None,
        name_contains: hargs.NameContains = None,
        min_overdue_ratio: hargs.MinOverdueRatio = None,
        max_overdue_ratio: hargs.MaxOverdueRatio = None,
        order_by: Annotated[TownOrder, strawberry.argument(description="Ordering, from an allow-list; keep it the same on every page.")] = TownOrder.CODE,
    ) -> pagination.Connection[TownRef]:
        from graph_service.api.hierarchy import lists

        return await lists.towns(
            info, self.code, first=first, after=after, order_by=order_by, frozen=frozen, is_credit_town=is_credit_town,
            kind=kind, name_contains=name_contains, min_overdue_ratio=min_overdue_ratio, max_overdue_ratio=max_overdue_ratio,
        )

    @strawberry.field(description="Number of towns.")
    async def town_count(self, info: Info) -> int:
        async def load(codes: list[str]) -> list[int]:
            rows = await info.context.graph.read("town_counts", codes=codes)
            counts = {row["code"]: row["towns"] for row in rows}
            return [counts.get(code, 0) for code in codes]

        return await info.context.loaders.custom("town_counts", load).load(self.code)
