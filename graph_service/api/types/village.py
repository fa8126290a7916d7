"""行政村 Village (H1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.node import Node, to_global_id
from graph_service.api.types.risk import RiskFigures

if TYPE_CHECKING:
    from graph_service.api.types.town import Town

TownRef = Annotated["Town", strawberry.lazy("graph_service.api.types.town")]


@strawberry.type(description="行政村 An administrative village (H1).")
class Village(Node):
    code: str
    name: str
    has_bank_branch: bool = strawberry.field(description="A bank branch is in the village (H4: else it needs a station).")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Village":
        return cls(
            id=to_global_id("Village", props["code"]),
            code=props["code"],
            name=props["name"],
            has_bank_branch=bool(props.get("hasBankBranch")),
            _props=props,
        )

    @strawberry.field(description="The town the village belongs to.")
    async def town(self, info: Info) -> TownRef:
        from graph_service.api.types.town import Town

        props = await info.context.loaders.node("Town", self._props["townCode"])
        assert props is not None, "every village belongs to a town (H1)"
        return Town.from_props(props)

    @strawberry.field(description="Risk figures of the village's loans (R1); frozen at ≥ 5% (R3).")
    def risk(self) -> RiskFigures:
        return RiskFigures.from_props(self._props)

    @strawberry.field(description="Number of households (R4).")
    def household_count(self) -> int:
        return int(self._props.get("householdCount") or 0)

    @strawberry.field(description="Number of effective credit households (信用户, R4).")
    def credit_household_count(self) -> int:
        return int(self._props.get("creditHouseholdCount") or 0)

    @strawberry.field(description="信用村: ≥ 70% of its households are credit households and it is not frozen (R4, R5).")
    def is_credit_village(self) -> bool:
        return bool(self._props.get("isCreditVillage"))
