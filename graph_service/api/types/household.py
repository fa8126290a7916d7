"""农户 Household (H1): its head, its village, and its credit standing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.node import Node, to_global_id

if TYPE_CHECKING:
    from graph_service.api.types.village import Village

VillageRef = Annotated["Village", strawberry.lazy("graph_service.api.types.village")]


@strawberry.type(description="农户 A rural household (H1).")
class Household(Node):
    code: str
    head_name: str = strawberry.field(description="Name of the head of the household (户主).")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Household":
        return cls(
            id=to_global_id("Household", props["code"]),
            code=props["code"],
            head_name=props["headName"],
            _props=props,
        )

    @strawberry.field(description="ID number of the head. Personal data: masked for callers not allowed to see it (rule A2).")
    def head_id_number(self) -> str | None:
        return self._props.get("headIdNumber")

    @strawberry.field(description="Phone number. Personal data (A2).")
    def phone(self) -> str | None:
        return self._props.get("phone")

    @strawberry.field(description="The household's village.")
    async def village(self, info: Info) -> VillageRef:
        from graph_service.api.types.village import Village

        props = await info.context.loaders.node("Village", self._props["villageCode"])
        assert props is not None, "every household belongs to a village (H1)"
        return Village.from_props(props)
