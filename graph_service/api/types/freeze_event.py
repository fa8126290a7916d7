"""熔断 Freeze and lift events of villages and towns (R3)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry

from graph_service.money import from_fen


@strawberry.enum(description="The level a freeze applies to (R3).")
class FreezeLevel(Enum):
    VILLAGE = strawberry.enum_value("VILLAGE", description="A village: frozen at ≥ 5% overdue.")
    TOWN = strawberry.enum_value("TOWN", description="A town: frozen at ≥ 3% overdue.")


@strawberry.type(description="A freeze (熔断) or its lift (R3): when, which level, the figures, and the loan change that caused it.")
class FreezeEvent:
    at: dt.datetime = strawberry.field(description="When the loan change that caused it was written (server time).")
    level: FreezeLevel = strawberry.field(description="A village (≥ 5%) or a town (≥ 3%) freeze (R3).")
    code: str = strawberry.field(description="The village or town code.")
    frozen: bool = strawberry.field(description="true: the freeze began; false: it lifted.")
    ratio: float = strawberry.field(description="overdueBalance / loanBalance after the change (shown only).")
    loan_balance: Decimal = strawberry.field(description="The village's or town's loan balance after the change (R1, R2).")
    overdue_balance: Decimal = strawberry.field(description="Its overdue balance after the change (R1, R2).")
    cause_loan_code: str = strawberry.field(description="The loan whose change caused it; empty when a full recomputation (recomputeRollups, import) flipped the flag.")
    cause_action: str = strawberry.field(description="The mutation: issueLoan, recordRepayment, reportOverdue, writeOffLoan, or recomputeRollups for a full recomputation.")
    cause: str = strawberry.field(description="Action and loan code, e.g. 'reportOverdue L1'.")

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "FreezeEvent":
        return cls(
            at=props["at"],
            level=FreezeLevel(props["level"]),
            code=props["code"],
            frozen=bool(props["frozen"]),
            ratio=float(props.get("ratio") or 0.0),
            loan_balance=from_fen(props.get("balanceFen")),
            overdue_balance=from_fen(props.get("overdueFen")),
            cause_loan_code=props.get("causeLoanCode") or "",
            cause_action=props.get("causeAction") or "",
            cause=props.get("cause") or "",
        )
