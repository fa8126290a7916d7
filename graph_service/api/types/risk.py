"""Risk figures of a village, town or county (R1–R3), read from the roll-ups kept on the graph."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry

from graph_service.money import from_fen
from graph_service.policy.ratios import ratio


@strawberry.type(description="Loan balance, overdue balance and the credit circuit breaker (熔断) of a level (R1–R3).")
class RiskFigures:
    loan_balance: Decimal = strawberry.field(description="Σ outstanding principal of ACTIVE and OVERDUE loans (R1).")
    overdue_balance: Decimal = strawberry.field(description="Σ outstanding principal of OVERDUE loans (R1).")
    overdue_ratio: float = strawberry.field(description="overdueBalance / loanBalance; 0 when the balance is 0. Shown only: freezes compare exact integers.")
    frozen: bool = strawberry.field(description="Lending frozen (熔断): village at ≥ 5%, town at ≥ 3% (R3).")
    frozen_since: dt.datetime | None = strawberry.field(description="When the current freeze began.")

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "RiskFigures":
        balance = int(props.get("loanBalanceFen") or 0)
        overdue = int(props.get("overdueBalanceFen") or 0)
        return cls(
            loan_balance=from_fen(balance),
            overdue_balance=from_fen(overdue),
            overdue_ratio=ratio(overdue, balance),
            frozen=bool(props.get("frozen")),
            frozen_since=props.get("frozenSince"),
        )
