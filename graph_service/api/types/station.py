"""普惠金融服务站 Service station (H4, T1–T6)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.node import Node, to_global_id
from graph_service.api.types.bank import Bank

if TYPE_CHECKING:
    from graph_service.api.types.village import Village

VillageRef = Annotated["Village", strawberry.lazy("graph_service.api.types.village")]


@strawberry.type(description="普惠金融服务站 A village service station run with a host bank (H4).")
class Station(Node):
    code: str
    name: str
    registered_on: dt.date = strawberry.field(description="Filed (备案) with the central bank's county branch (T1).")
    opened_on: dt.date
    manager: str
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Station":
        return cls(
            id=to_global_id("Station", props["code"]),
            code=props["code"],
            name=props["name"],
            registered_on=props["registeredOn"],
            opened_on=props["openedOn"],
            manager=props.get("manager") or "",
            _props=props,
        )

    @strawberry.field(description="The village the station serves.")
    async def village(self, info: Info) -> VillageRef:
        from graph_service.api.types.village import Village

        props = await info.context.loaders.node("Village", self._props["villageCode"])
        assert props is not None
        return Village.from_props(props)

    @strawberry.field(description="The host bank.")
    async def bank(self, info: Info) -> Bank:
        props = await info.context.loaders.node("Bank", self._props["bankCode"])
        assert props is not None
        return Bank.from_props(props)
