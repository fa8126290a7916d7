"""主办银行 Bank (H3)."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_service.api.node import Node, to_global_id


@strawberry.type(description="主办银行 A host bank that lends to households (H3) and runs stations (H4).")
class Bank(Node):
    code: str = strawberry.field(description="Bank code (unique).")
    name: str = strawberry.field(description="Name, e.g. 上蔡农商银行.")

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Bank":
        return cls(id=to_global_id("Bank", props["code"]), code=props["code"], name=props["name"])
