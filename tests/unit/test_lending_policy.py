"""Pure lending rules: L2 purposes, L3 refusal order, L4 states, C1, R3 boundaries, C3 lists."""

from __future__ import annotations

import datetime as dt

import pytest

from graph_service.policy import lending
from graph_service.policy.lending import Borrower, Consequence, Figures, LendingRefusal, LoanState

ALLOWED = ["SPECIALTY_FARMING", "AGRI_PROCESSING_SALES", "LEISURE_AGRICULTURE", "PHOTOVOLTAIC", "RURAL_TOURISM",
           "OTHER_PRODUCTION", "EQUITY_IN_AGRI_ENTERPRISE"]
FORBIDDEN = ["SCHOOLING", "CONSUMPTION", "REAL_ESTATE", "MEDICAL", "DEBT_REPAYMENT", "GAMBLING", "USURY",
             "ILLEGAL_FUNDRAISING"]
GOOD = Borrower(certificate="RED", credit_line_fen=2_000_000, outstanding_fen=0, overdue_loan_count=0, blacklisted=False)


@pytest.mark.parametrize("purpose", ALLOWED)
def test_l2_allowed_purposes(purpose: str) -> None:
    assert lending.purpose_allowed(purpose)


@pytest.mark.parametrize("purpose", FORBIDDEN)
def test_l2_forbidden_purposes(purpose: str) -> None:
    assert not lending.purpose_allowed(purpose)
    refusal = lending.new_loan_refusal(GOOD, principal_fen=100, purpose=purpose, village_frozen=False, town_frozen=False)
    assert refusal is not None and refusal.code == "PURPOSE_NOT_ALLOWED"


def refusal(borrower: Borrower = GOOD, principal: int = 100, purpose: str = "PHOTOVOLTAIC",
            village: bool = False, town: bool = False) -> str | None:
    r = lending.new_loan_refusal(borrower, principal_fen=principal, purpose=purpose, village_frozen=village, town_frozen=town)
    return None if r is None else r.code


def test_l1_line_boundary_both_sides() -> None:
    half = Borrower("BLUE", 1_000_000, 400_000, 0, False)
    assert refusal(half, 600_000) is None  # exactly the line
    assert refusal(half, 600_001) == "CREDIT_LINE_EXCEEDED"  # one fen over


def test_l3_refusal_order() -> None:
    worst = Borrower("NONE", 0, 0, 1, True)
    assert refusal(worst, 10**9, "GAMBLING", True, True) == "BLACKLISTED"
    assert refusal(Borrower("NONE", 0, 0, 1, False), 10**9, "GAMBLING", True, True) == "NO_CERTIFICATE"
    assert refusal(Borrower("RED", 0, 0, 1, False), 10**9, "GAMBLING", True, True) == "HAS_OVERDUE_LOAN"
    assert refusal(Borrower("RED", 0, 0, 0, False), 10**9, "GAMBLING", True, True) == "VILLAGE_FROZEN"
    assert refusal(Borrower("RED", 0, 0, 0, False), 10**9, "GAMBLING", False, True) == "TOWN_FROZEN"
    assert refusal(Borrower("RED", 0, 0, 0, False), 10**9, "GAMBLING") == "CREDIT_LINE_EXCEEDED"
    assert refusal(GOOD, 100, "GAMBLING") == "PURPOSE_NOT_ALLOWED"
    assert refusal(GOOD) is None


def test_l4_repayments() -> None:
    loan = LoanState(outstanding_fen=1000, status="OVERDUE", days_overdue=3)
    assert lending.repay(loan, 400) == LoanState(600, "OVERDUE", 3)
    assert lending.repay(loan, 1000) == LoanState(0, "REPAID", 0)
    for amount, code in ((1001, "INVALID_INPUT"), (0, "INVALID_INPUT"), (-1, "INVALID_INPUT")):
        with pytest.raises(LendingRefusal) as err:
            lending.repay(loan, amount)
        assert err.value.code == code
    with pytest.raises(LendingRefusal) as err:
        lending.repay(LoanState(0, "REPAID"), 1)
    assert err.value.code == "CONFLICT"


def test_l4_overdue_and_cure_and_write_off() -> None:
    loan = LoanState(1000, "ACTIVE")
    assert lending.report_overdue(loan, 1) == LoanState(1000, "OVERDUE", 1)
    assert lending.report_overdue(LoanState(1000, "OVERDUE", 9), 0) == LoanState(1000, "ACTIVE", 0)
    with pytest.raises(LendingRefusal):
        lending.report_overdue(loan, -1)
    written = lending.write_off(loan)
    assert (written.status, written.balance_fen, written.overdue_fen) == ("WRITTEN_OFF", 0, 0)  # R1
    with pytest.raises(LendingRefusal) as err:
        lending.write_off(written)
    assert err.value.code == "CONFLICT"


def test_c1_minor_and_severe_boundaries() -> None:
    c = lending.overdue_consequence
    assert c("RED", days_overdue=90, written_off=False) is Consequence.DOWNGRADE  # minor: <= 90
    assert c("RED", days_overdue=91, written_off=False) is Consequence.REVOKE  # severe: > 90
    assert c("RED", days_overdue=1, written_off=False) is Consequence.DOWNGRADE
    assert c("RED", days_overdue=0, written_off=False) is Consequence.NOTHING
    assert c("BLUE", days_overdue=90, written_off=False) is Consequence.NOTHING
    assert c("BLUE", days_overdue=91, written_off=False) is Consequence.REVOKE
    assert c("RED", days_overdue=0, written_off=True) is Consequence.REVOKE
    on = dt.date(2026, 6, 1)
    assert lending.standing_after(Consequence.DOWNGRADE, on) == {"certificate": "BLUE", "creditLineFen": 1_000_000}
    assert lending.standing_after(Consequence.REVOKE, on) == {
        "certificate": "NONE", "creditLineFen": 0, "isCreditHousehold": False, "blacklisted": True, "blacklistedOn": on}


def test_r3_village_at_exactly_5_percent_and_just_under() -> None:
    assert lending.is_frozen(1_000_000, 50_000, 5)
    assert not lending.is_frozen(1_000_000, 49_999, 5)
    assert not lending.is_frozen(0, 0, 5)  # R1: no balance, ratio 0


def test_r3_town_at_exactly_3_percent_and_just_under() -> None:
    assert lending.is_frozen(2_000_000, 60_000, 3)
    assert not lending.is_frozen(2_000_000, 59_999, 3)
    assert not lending.is_frozen(2_000_000, 2_000_000, None)  # the county has no threshold


def test_shift_adds_deltas_and_retests() -> None:
    before = Figures(balance_fen=1_000_000, overdue_fen=49_999, frozen=False)
    assert lending.shift(before, 0, 1, 5) == Figures(1_000_000, 50_000, True)
    assert lending.shift(Figures(1_000_000, 50_000, True), -1, -1, 5) == Figures(999_999, 49_999, False)


def test_c3_list_status_window_both_sides() -> None:
    today = dt.date(2026, 6, 30)
    credit = {"isCreditHousehold": True, "overdueLoanCount": 0}
    assert lending.list_status(credit, today) == "RED_LIST"
    assert lending.list_status({**credit, "lastOverdueOn": dt.date(2025, 6, 30)}, today) == "RED_LIST"
    assert lending.list_status({**credit, "lastOverdueOn": dt.date(2025, 7, 1)}, today) == "NONE"
    assert lending.list_status({**credit, "overdueLoanCount": 1}, today) == "NONE"
    assert lending.list_status({"isCreditHousehold": False}, today) == "NONE"
    assert lending.list_status({"blacklisted": True}, today) == "BLACK_LIST"


def test_months_before_clamps_to_month_end() -> None:
    assert lending.months_before(dt.date(2024, 2, 29), 12) == dt.date(2023, 2, 28)
    assert lending.months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert lending.months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)
