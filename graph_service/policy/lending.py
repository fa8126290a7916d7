"""Lending rules (L1–L4), dynamic certificates and lists (C1–C3) and the freeze test (R1–R3).

Pure: no I/O. The graph layer reads the locked state, asks these functions what happens, and
writes the answer. Refusal codes are the names of the GraphQL `ErrorCode` values.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum
from functools import cache
from typing import Any

from graph_service.money import to_fen
from graph_service.policy.config import current_policy
from graph_service.policy.ratios import reaches_percent

ACTIVE, OVERDUE, REPAID, WRITTEN_OFF = "ACTIVE", "OVERDUE", "REPAID", "WRITTEN_OFF"
#: R1: the statuses whose outstanding principal counts in a loan balance.
OUTSTANDING_STATUSES = frozenset({ACTIVE, OVERDUE})


@dataclass(frozen=True)
class LendingPolicy:
    blue_line_fen: int  # C1: a downgraded RED holder keeps a BLUE line (10,000 yuan)
    severe_overdue_days: int  # C1: more than this many days past due is severe (90)
    red_list_months: int  # C3: no overdue in the last 12 months
    allowed_purposes: frozenset[str]  # L2


def parse_lending(raw: Mapping[str, Any]) -> LendingPolicy:
    return LendingPolicy(
        blue_line_fen=to_fen(raw["blueLineYuan"]),
        severe_overdue_days=int(raw["severeOverdueDays"]),
        red_list_months=int(raw["redListMonths"]),
        allowed_purposes=frozenset(raw["allowedPurposes"]),
    )


@cache
def lending_policy() -> LendingPolicy:
    return parse_lending(current_policy().raw["lending"])


class LendingRefusal(Exception):
    """A business refusal: `code` is an ErrorCode name, `field` the input path at fault."""

    def __init__(self, code: str, message: str, field: list[str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


# --- L2 ---------------------------------------------------------------------------------------


def purpose_allowed(purpose: str, policy: LendingPolicy | None = None) -> bool:
    """L2: production purposes only; schooling, consumption, housing, medical bills, debts,
    gambling, usury and illegal fund-raising are forbidden."""
    return purpose in (policy or lending_policy()).allowed_purposes


# --- L3 ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Borrower:
    """What L1/L3 need to know about a household (from its node, locked in the transaction)."""

    certificate: str  # RED / BLUE / NONE
    credit_line_fen: int
    outstanding_fen: int  # Σ outstanding of ACTIVE + OVERDUE loans
    overdue_loan_count: int
    blacklisted: bool

    @classmethod
    def from_props(cls, props: Mapping[str, Any]) -> "Borrower":
        return cls(
            certificate=str(props.get("certificate") or "NONE"),
            credit_line_fen=int(props.get("creditLineFen") or 0),
            outstanding_fen=int(props.get("outstandingFen") or 0),
            overdue_loan_count=int(props.get("overdueLoanCount") or 0),
            blacklisted=bool(props.get("blacklisted")),
        )


def new_loan_refusal(
    borrower: Borrower,
    *,
    principal_fen: int,
    purpose: str,
    village_frozen: bool,
    town_frozen: bool,
    policy: LendingPolicy | None = None,
) -> LendingRefusal | None:
    """L3: the first reason to refuse a new loan, or None.

    Order (Decision): the borrower's own standing first, in the order of L3 — except that the black
    list is named before "no certificate", since a black-listed household also has certificate NONE
    and the black list is the more useful reason — then the freezes, then the amount (L1), then
    the purpose (L2).
    """
    if borrower.blacklisted:
        return LendingRefusal("BLACKLISTED", "the household is on the black list (C3)", ["householdCode"])
    if borrower.certificate == "NONE":
        return LendingRefusal("NO_CERTIFICATE", "the household has no credit certificate (L3)", ["householdCode"])
    if borrower.overdue_loan_count > 0:
        return LendingRefusal("HAS_OVERDUE_LOAN", "the household has an overdue loan (L3)", ["householdCode"])
    if village_frozen:
        return LendingRefusal("VILLAGE_FROZEN", "lending in the household's village is frozen (R3)", ["householdCode"])
    if town_frozen:
        return LendingRefusal("TOWN_FROZEN", "lending in the household's town is frozen (R3)", ["householdCode"])
    if borrower.outstanding_fen + principal_fen > borrower.credit_line_fen:
        available = max(borrower.credit_line_fen - borrower.outstanding_fen, 0)
        return LendingRefusal(
            "CREDIT_LINE_EXCEEDED",
            f"the loan would exceed the credit line (L1): {available / 100:.2f} yuan available",
            ["principal"],
        )
    if not purpose_allowed(purpose, policy):
        return LendingRefusal("PURPOSE_NOT_ALLOWED", f"{purpose} is not an allowed purpose (L2)", ["purpose"])
    return None


# --- L4: loan states --------------------------------------------------------------------------


@dataclass(frozen=True)
class LoanState:
    outstanding_fen: int
    status: str
    days_overdue: int = 0

    @classmethod
    def from_props(cls, props: Mapping[str, Any]) -> "LoanState":
        return cls(
            outstanding_fen=int(props.get("outstandingFen") or 0),
            status=str(props["status"]),
            days_overdue=int(props.get("daysOverdue") or 0),
        )

    @property
    def balance_fen(self) -> int:
        """R1: what the loan adds to a loan balance."""
        return self.outstanding_fen if self.status in OUTSTANDING_STATUSES else 0

    @property
    def overdue_fen(self) -> int:
        """R1: what the loan adds to an overdue balance."""
        return self.outstanding_fen if self.status == OVERDUE else 0


def _require_open(loan: LoanState) -> None:
    if loan.status not in OUTSTANDING_STATUSES:
        raise LendingRefusal("CONFLICT", f"the loan is {loan.status}: nothing is owed on it", ["loanCode"])


def repay(loan: LoanState, amount_fen: int) -> LoanState:
    """L4: outstanding falls with repayments; repaid in full is REPAID. More than owed is refused."""
    if amount_fen <= 0:
        raise LendingRefusal("INVALID_INPUT", "a repayment must be more than 0", ["amount"])
    _require_open(loan)
    if amount_fen > loan.outstanding_fen:
        raise LendingRefusal(
            "INVALID_INPUT", f"the repayment exceeds what is owed ({loan.outstanding_fen / 100:.2f} yuan)", ["amount"]
        )
    left = loan.outstanding_fen - amount_fen
    if left == 0:
        return LoanState(outstanding_fen=0, status=REPAID, days_overdue=0)
    return replace(loan, outstanding_fen=left)


def report_overdue(loan: LoanState, days_overdue: int) -> LoanState:
    """L4: days past due > 0 makes a loan OVERDUE; 0 brings it back to ACTIVE."""
    if days_overdue < 0:
        raise LendingRefusal("INVALID_INPUT", "daysOverdue cannot be negative", ["daysOverdue"])
    _require_open(loan)
    return replace(loan, status=OVERDUE if days_overdue > 0 else ACTIVE, days_overdue=days_overdue)


def write_off(loan: LoanState) -> LoanState:
    """L4: a written-off loan keeps its outstanding as the loss but counts in no balance (R1)."""
    _require_open(loan)
    return replace(loan, status=WRITTEN_OFF)


# --- C1: dynamic certificates -----------------------------------------------------------------


class Consequence(Enum):
    NOTHING = "NOTHING"
    DOWNGRADE = "DOWNGRADE"  # minor overdue of a RED holder: BLUE, blue line
    REVOKE = "REVOKE"  # severe: NONE, line 0, not a credit household, black list


def overdue_consequence(
    certificate: str, *, days_overdue: int, written_off: bool, policy: LendingPolicy | None = None
) -> Consequence:
    """C1. Severe (> 90 days, or a write-off) revokes whatever the certificate (Decision: a BLUE
    holder's credit is revoked too; the black list is for every household whose credit was
    revoked). Minor (1–90 days) only downgrades a RED holder."""
    p = policy or lending_policy()
    if written_off or days_overdue > p.severe_overdue_days:
        return Consequence.REVOKE
    if days_overdue > 0 and certificate == "RED":
        return Consequence.DOWNGRADE
    return Consequence.NOTHING


def standing_after(
    consequence: Consequence, on: dt.date, policy: LendingPolicy | None = None
) -> dict[str, Any]:
    """The household properties C1 changes (empty for NOTHING)."""
    p = policy or lending_policy()
    if consequence is Consequence.DOWNGRADE:
        return {"certificate": "BLUE", "creditLineFen": p.blue_line_fen}
    if consequence is Consequence.REVOKE:
        return {
            "certificate": "NONE",
            "creditLineFen": 0,
            "isCreditHousehold": False,
            "blacklisted": True,
            "blacklistedOn": on,
        }
    return {}


# --- R1–R3: freezes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """A level's roll-up: loan and overdue balance in fen, and its freeze flag."""

    balance_fen: int
    overdue_fen: int
    frozen: bool

    @classmethod
    def from_props(cls, props: Mapping[str, Any]) -> "Figures":
        return cls(
            balance_fen=int(props.get("loanBalanceFen") or 0),
            overdue_fen=int(props.get("overdueBalanceFen") or 0),
            frozen=bool(props.get("frozen")),
        )


def is_frozen(balance_fen: int, overdue_fen: int, percent: int | None) -> bool:
    """R3: frozen when overdue / balance reaches the percent (exact integers: overdue·100 >= p·balance).
    `percent` None: the level has no threshold (the county)."""
    if percent is None:
        return False
    return reaches_percent(overdue_fen, balance_fen, percent)


def shift(figures: Figures, balance_delta: int, overdue_delta: int, percent: int | None) -> Figures:
    """R1–R3 incrementally: add one loan change's deltas and re-test the freeze."""
    balance = figures.balance_fen + balance_delta
    overdue = figures.overdue_fen + overdue_delta
    return Figures(balance_fen=balance, overdue_fen=overdue, frozen=is_frozen(balance, overdue, percent))


# --- C3: red and black lists ------------------------------------------------------------------


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (the month's last day when it has no such day)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last_day))


def red_list_cutoff(today: dt.date, policy: LendingPolicy | None = None) -> dt.date:
    """C3: an overdue on this day or earlier is outside "the last 12 months" (Decision: the window
    is (today − 12 months, today])."""
    return months_before(today, (policy or lending_policy()).red_list_months)


def list_status(props: Mapping[str, Any], today: dt.date, policy: LendingPolicy | None = None) -> str:
    """C3: BLACK_LIST when credit was revoked; RED_LIST for a credit household with no overdue loan
    now and none in the last 12 months; NONE otherwise."""
    if props.get("blacklisted"):
        return "BLACK_LIST"
    if not props.get("isCreditHousehold") or int(props.get("overdueLoanCount") or 0) > 0:
        return "NONE"
    last = props.get("lastOverdueOn")
    if last is not None and last > red_list_cutoff(today, policy):
        return "NONE"
    return "RED_LIST"
