"""行政村 Village (H1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.hierarchy.orders import HouseholdOrder
from graph_service.api.node import Node, to_global_id
from graph_service.api.types.household import Certificate
from graph_service.api.types.risk import RiskFigures

if TYPE_CHECKING:
    from graph_service.api.types.household import Household
    from graph_service.api.types.station import Station
    from graph_service.api.types.town import Town

TownRef = Annotated["Town", strawberry.lazy("graph_service.api.types.town")]
HouseholdRef = Annotated["Household", strawberry.lazy("graph_service.api.types.household")]
StationRef = Annotated["Station", strawberry.lazy("graph_service.api.types.station")]


@strawberry.type(description="行政村 An administrative village (H1).")
class Village(Node):
    code: str = strawberry.field(description="Village code (unique; 行政村代码).")
    name: str = strawberry.field(description="Name of the administrative village (村名).")
    has_bank_branch: bool = strawberry.field(description="A bank branch is in the village (H4: else it needs a station).")
    # Figures read from the node are plain fields, set once in from_props: a hierarchy lists hundreds
    # of villages, and a resolver per field costs far more than the value. Fields resolved by a method
    # below are only named here, so the schema keeps its field order.
    town: TownRef
    risk: RiskFigures = strawberry.field(description="Risk figures of the village's loans (R1); frozen at ≥ 5% (R3).")
    households: pagination.Connection[HouseholdRef]
    stations: list[StationRef]
    household_count: int = strawberry.field(description="Number of households (R4).")
    credit_household_count: int = strawberry.field(description="Number of effective credit households (信用户, R4).")
    is_credit_village: bool = strawberry.field(description="信用村: ≥ 70% of its households are credit households and it is not frozen (R4, R5).")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Village":
        return cls(
            id=to_global_id("Village", props["code"]),
            code=props["code"],
            name=props["name"],
            has_bank_branch=bool(props.get("hasBankBranch")),
            risk=RiskFigures.from_props(props),
            household_count=int(props.get("householdCount") or 0),
            credit_household_count=int(props.get("creditHouseholdCount") or 0),
            is_credit_village=bool(props.get("isCreditVillage")),
            _props=props,
        )

    @strawberry.field(description="The town the village belongs to.")
    async def town(self, info: Info) -> TownRef:
        from graph_service.api.types.town import Town

        props = await info.context.loaders.node("Town", self._props["townCode"])
        assert props is not None, "every village belongs to a town (H1)"
        return Town.from_props(props)

    @strawberry.field(description="The village's households (农户, H1): a keyset-paged connection, filtered and ordered (code order by default).")
    async def households(
        self,
        info: Info,
        first: pagination.First = None,
        after: pagination.After = None,
        certificate: Annotated[Certificate | None, strawberry.argument(description="Only households holding this certificate (红蓝本, S7; NONE before a first assessment).")] = None,
        is_credit_household: Annotated[bool | None, strawberry.argument(description="Only credit households 信用户 (true) or only the others (false) (S6).")] = None,
        stars: Annotated[int | None, strawberry.argument(description="Only households with this star level (星级) 1–5; 0 = no stars (S6).")] = None,
        name_contains: Annotated[str | None, strawberry.argument(description="Only households whose head's name (户主姓名) contains this text.")] = None,
        order_by: Annotated[HouseholdOrder, strawberry.argument(description="Ordering, from an allow-list; keep it the same on every page.")] = HouseholdOrder.CODE,
    ) -> pagination.Connection[HouseholdRef]:
        from graph_service.api.hierarchy import lists

        return await lists.households(
            info, self.code, first=first, after=after, order_by=order_by, certificate=certificate,
            is_credit_household=is_credit_household, stars=stars, name_contains=name_contains,
        )

    @strawberry.field(description="The village's service stations (普惠金融服务站, H4), in code order; a short list, so not paged.")
    async def stations(self, info: Info) -> list[StationRef]:
        from graph_service.api.hierarchy import lists

        return await lists.stations(info, self.code)
