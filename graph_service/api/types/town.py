"""乡(镇)/街道 Town, township or subdistrict (H1)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.node import Node, to_global_id
from graph_service.api.types.risk import RiskFigures

if TYPE_CHECKING:
    from graph_service.api.types.county import County

CountyRef = Annotated["County", strawberry.lazy("graph_service.api.types.county")]


@strawberry.enum(description="Kind of township-level unit (H1).")
class TownKind(Enum):
    TOWN = strawberry.enum_value("TOWN", description="镇 town")
    TOWNSHIP = strawberry.enum_value("TOWNSHIP", description="乡 township")
    SUBDISTRICT = strawberry.enum_value("SUBDISTRICT", description="街道 subdistrict")


@strawberry.type(description="乡(镇)/街道 A township-level unit; 'town' in RULES.md (H1).")
class Town(Node):
    code: str
    name: str
    kind: TownKind
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Town":
        return cls(
            id=to_global_id("Town", props["code"]),
            code=props["code"],
            name=props["name"],
            kind=TownKind(props["kind"]),
            _props=props,
        )

    @strawberry.field(description="The county the town belongs to.")
    async def county(self, info: Info) -> CountyRef:
        from graph_service.api.types.county import County

        props = await info.context.loaders.node("County", self._props["countyCode"])
        assert props is not None, "every town belongs to a county (H1)"
        return County.from_props(props)

    @strawberry.field(description="Risk figures summed over the town's villages (R2); frozen at ≥ 3% (R3).")
    def risk(self) -> RiskFigures:
        return RiskFigures.from_props(self._props)

    @strawberry.field(description="Number of villages (R4).")
    def village_count(self) -> int:
        return int(self._props.get("villageCount") or 0)

    @strawberry.field(description="Number of credit villages (信用村, R4).")
    def credit_village_count(self) -> int:
        return int(self._props.get("creditVillageCount") or 0)

    @strawberry.field(description="信用乡镇: ≥ 65% of its villages are credit villages and it is not frozen (R4, R5).")
    def is_credit_town(self) -> bool:
        return bool(self._props.get("isCreditTown"))
