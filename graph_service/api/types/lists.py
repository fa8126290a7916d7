"""红榜 / 黑榜: the red and black lists (C3)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A household's place on the county's lists (C3).")
class ListStatus(Enum):
    RED_LIST = strawberry.enum_value("RED_LIST", description="红榜: credit household, no overdue loan in the last 12 months.")
    BLACK_LIST = strawberry.enum_value("BLACK_LIST", description="黑榜: credit revoked (C1); joint collection (联合催收).")
    NONE = strawberry.enum_value("NONE", description="On neither list.")
