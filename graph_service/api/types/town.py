"""乡(镇)/街道 Town, township or subdistrict (H1)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.hierarchy import arguments as hargs
from graph_service.api.hierarchy.orders import VillageOrder
from graph_service.api.node import Node, to_global_id
from graph_service.api.types.risk import RiskFigures

if TYPE_CHECKING:
    from graph_service.api.types.county import County
    from graph_service.api.types.station_activity import StationCoverage
    from graph_service.api.types.village import Village

CountyRef = Annotated["County", strawberry.lazy("graph_service.api.types.county")]
VillageRef = Annotated["Village", strawberry.lazy("graph_service.api.types.village")]
StationCoverageRef = Annotated["StationCoverage", strawberry.lazy("graph_service.api.types.station_activity")]


@strawberry.enum(description="Kind of township-level unit (H1).")
class TownKind(Enum):
    TOWN = strawberry.enum_value("TOWN", description="镇 town")
    TOWNSHIP = strawberry.enum_value("TOWNSHIP", description="乡 township")
    SUBDISTRICT = strawberry.enum_value("SUBDISTRICT", description="街道 subdistrict")


@strawberry.type(description="乡(镇)/街道 A township-level unit; 'town' in RULES.md (H1).")
class Town(Node):
    code: str = strawberry.field(description="Town code (unique; 乡镇代码).")
    name: str = strawberry.field(description="Name, e.g. 东洪乡.")
    kind: TownKind = strawberry.field(description="Town (镇), township (乡) or subdistrict (街道) (H1).")
    # Figures read from the node are plain fields, set once in from_props (no resolver per field);
    # fields resolved by a method below are only named here, so the schema keeps its field order.
    county: CountyRef
    risk: RiskFigures = strawberry.field(description="Risk figures summed over the town's villages (R2); frozen at ≥ 3% (R3).")
    station_coverage: StationCoverageRef
    villages: pagination.Connection[VillageRef]
    village_count: int = strawberry.field(description="Number of villages (R4).")
    credit_village_count: int = strawberry.field(description="Number of credit villages (信用村, R4).")
    is_credit_town: bool = strawberry.field(description="信用乡镇: ≥ 65% of its villages are credit villages and it is not frozen (R4, R5).")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Town":
        return cls(
            id=to_global_id("Town", props["code"]),
            code=props["code"],
            name=props["name"],
            kind=TownKind(props["kind"]),
            risk=RiskFigures.from_props(props),
            village_count=int(props.get("villageCount") or 0),
            credit_village_count=int(props.get("creditVillageCount") or 0),
            is_credit_town=bool(props.get("isCreditTown")),
            _props=props,
        )

    @strawberry.field(description="The county the town belongs to.")
    async def county(self, info: Info) -> CountyRef:
        from graph_service.api.types.county import County

        props = await info.context.loaders.node("County", self._props["countyCode"])
        assert props is not None, "every town belongs to a county (H1)"
        return County.from_props(props)

    @strawberry.field(description="Service-station coverage (H4): villages without a bank branch and without a station; goal 100%.")
    async def station_coverage(self, info: Info) -> StationCoverageRef:
        from graph_service.api.types.station_activity import town_coverage

        return await town_coverage(info, self.code)

    @strawberry.field(description="The town's administrative villages (行政村, H1): a keyset-paged connection, filtered and ordered (code order by default).")
    async def villages(
        self,
        info: Info,
        first: pagination.First = None,
        after: pagination.After = None,
        frozen: hargs.Frozen = None,
        is_credit_village: Annotated[bool | None, strawberry.argument(description="Only credit villages 信用村 (true) or only the others (false) (R4, R5).")] = None,
        name_contains: hargs.NameContains = None,
        min_overdue_ratio: hargs.MinOverdueRatio = None,
        max_overdue_ratio: hargs.MaxOverdueRatio = None,
        order_by: Annotated[VillageOrder, strawberry.argument(description="Ordering, from an allow-list; keep it the same on every page.")] = VillageOrder.CODE,
    ) -> pagination.Connection[VillageRef]:
        from graph_service.api.hierarchy import lists

        return await lists.villages(
            info, self.code, first=first, after=after, order_by=order_by, frozen=frozen, is_credit_village=is_credit_village,
            name_contains=name_contains, min_overdue_ratio=min_overdue_ratio, max_overdue_ratio=max_overdue_ratio,
        )
