"""Station rules without a database (H4, T1–T6): both sides of every boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from graph_service.policy import stations as rules
from graph_service.policy.calendar import load_calendar
from graph_service.policy.stations import Quarter, TrainingKind, TxnKind

D = dt.date
CAL = load_calendar()


# --- the calendar -----------------------------------------------------------------------------

def test_calendar_has_the_official_2025_and_2026_notices_and_the_statutory_2027_days() -> None:
    assert CAL.official_years == {2025, 2026}
    assert all(CAL.covers(y) for y in (2025, 2026, 2027))
    # 2026: 春节 2-15..2-23 off; 2-14 (Sat) and 2-28 (Sat) worked (调休).
    assert not CAL.is_working_day(D(2026, 2, 16))
    assert CAL.is_working_day(D(2026, 2, 14)) and CAL.is_working_day(D(2026, 2, 28))
    # 2025: 国庆+中秋 10-1..10-8; 9-28 (Sun) and 10-11 (Sat) worked.
    assert not CAL.is_working_day(D(2025, 10, 8))
    assert CAL.is_working_day(D(2025, 9, 28)) and CAL.is_working_day(D(2025, 10, 11))
    # 2027 (statutory days only until the notice): 春节 除夕..初三 = 2-05..2-08.
    assert not CAL.is_working_day(D(2027, 2, 8)) and CAL.is_working_day(D(2027, 2, 9))
    # Outside the file: plain Monday–Friday.
    assert CAL.is_working_day(D(2024, 1, 1)) and not CAL.is_working_day(D(2024, 1, 6))


def test_working_day_arithmetic() -> None:
    assert CAL.add_working_days(D(2026, 3, 13), 1) == D(2026, 3, 16)  # Fri -> Mon
    assert CAL.add_working_days(D(2026, 3, 16), -5) == D(2026, 3, 9)
    assert CAL.working_days_from(D(2026, 3, 9), D(2026, 3, 16)) == 5
    assert CAL.working_days_from(D(2026, 3, 10), D(2026, 3, 16)) == 4
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2026, 3, 16), 0)


# --- T1 registration: exactly 5 working days ahead vs 4 -----------------------------------------

def test_t1_across_a_weekend_five_is_on_time_four_is_late() -> None:
    opened = D(2026, 3, 16)  # Monday
    assert rules.registration_deadline(opened) == D(2026, 3, 9)
    assert not rules.registration_late(D(2026, 3, 9), opened)   # Mon..Fri: 5 working days
    assert rules.registration_late(D(2026, 3, 10), opened)      # Tue..Fri: 4
    assert not rules.registration_late(D(2026, 3, 8), opened)   # a Sunday before is earlier still


def test_t1_across_a_holiday_five_is_on_time_four_is_late() -> None:
    # 清明 2026: 4-04 (Sat) .. 4-06 (Mon) off. Opening Fri 4-10: 9,8,7 | 6 off | 3,2 -> deadline Thu 4-02.
    opened = D(2026, 4, 10)
    assert CAL.working_days_from(D(2026, 4, 2), opened) == 5
    assert not rules.registration_late(D(2026, 4, 2), opened)
    assert rules.registration_late(D(2026, 4, 3), opened)


def test_t1_a_make_up_working_day_counts() -> None:
    # 劳动节 2026: 5-01..5-05 off, Sat 5-09 worked. Opening Wed 5-13: 12, 11, 9 (Sat!), 8, 7.
    opened = D(2026, 5, 13)
    assert rules.registration_deadline(opened) == D(2026, 5, 7)
    assert not rules.registration_late(D(2026, 5, 7), opened)
    assert rules.registration_late(D(2026, 5, 8), opened)


def test_t1_opening_before_filing_is_late_not_refused() -> None:
    assert rules.registration_late(D(2026, 3, 20), D(2026, 3, 16))


# --- T5 incidents: within one working day ------------------------------------------------------

def test_t5_next_working_day_is_on_time_and_the_day_after_is_late() -> None:
    discovered = D(2026, 3, 13)  # Friday
    assert rules.incident_deadline(discovered) == D(2026, 3, 16)
    assert not rules.incident_late(discovered, D(2026, 3, 13))  # same day
    assert not rules.incident_late(discovered, D(2026, 3, 16))  # next working day (Monday)
    assert rules.incident_late(discovered, D(2026, 3, 17))


def test_t5_across_a_holiday_and_a_make_up_saturday() -> None:
    assert rules.incident_deadline(D(2026, 4, 30)) == D(2026, 5, 6)  # 5-01..5-05 off
    assert rules.incident_late(D(2026, 4, 30), D(2026, 5, 7))
    assert rules.incident_deadline(D(2026, 5, 8)) == D(2026, 5, 9)   # Sat 5-09 is worked
    assert rules.incident_late(D(2026, 5, 8), D(2026, 5, 11))


# --- T3 ratings: band edges and replacement ----------------------------------------------------

def _scores(total: int) -> dict[str, int]:
    base, extra = divmod(total, 5)
    values = [base + (1 if i < extra else 0) for i in range(5)]
    return dict(zip(rules.DIMENSIONS, values))


@pytest.mark.parametrize(("total", "stars", "qualified"), [
    (100, 5, True), (90, 5, True), (89, 4, True), (80, 4, True), (79, 3, True), (60, 3, True),
    (59, 2, False), (40, 2, False), (39, 1, False), (0, 1, False),
])
def test_t3_bands(total: int, stars: int, qualified: bool) -> None:
    outcome = rules.rate(_scores(total))
    assert (outcome.total, outcome.stars, outcome.qualified) == (total, stars, qualified)


def test_t3_dimension_range() -> None:
    assert rules.invalid_dimensions(_scores(100)) == []
    assert rules.invalid_dimensions({**_scores(0), "volume": 21, "service": -1}) == ["volume", "service"]


def test_quarters() -> None:
    q = Quarter.parse("2026Q1")
    assert (q.first_day, q.last_day, str(q)) == (D(2026, 1, 1), D(2026, 3, 31), "2026Q1")
    assert Quarter.parse("2025Q4").index() + 1 == q.index()
    for bad in ("2026Q5", "2026Q0", "2026-Q1", "26Q1", "2026q1", "1999Q4", ""):
        with pytest.raises(ValueError):
            Quarter.parse(bad)


def _history(*items: tuple[str, bool]) -> list[tuple[Quarter, bool]]:
    return [(Quarter.parse(q), ok) for q, ok in items]


def test_t3_replacement_after_the_third_unqualified_quarter_in_a_row() -> None:
    two = _history(("2025Q3", False), ("2025Q4", False))
    assert not rules.flagged_for_replacement(two)
    three = [*two, (Quarter.parse("2026Q1"), False)]
    assert rules.flagged_for_replacement(three)
    # across a year boundary, in any order of entry
    assert rules.flagged_for_replacement(list(reversed(three)))


def test_t3_no_replacement_after_a_broken_run() -> None:
    broken = _history(("2025Q2", False), ("2025Q3", False), ("2025Q4", True), ("2026Q1", False))
    assert not rules.flagged_for_replacement(broken)
    gap = _history(("2025Q1", False), ("2025Q2", False), ("2025Q4", False))  # 2025Q3 unrated
    assert not rules.flagged_for_replacement(gap)


def test_t3_a_later_qualified_quarter_clears_the_flag() -> None:
    flagged = _history(("2025Q2", False), ("2025Q3", False), ("2025Q4", False))
    assert rules.flagged_for_replacement([*flagged, (Quarter.parse("2026Q1"), True)]) is False
    assert rules.flagged_for_replacement([*flagged, (Quarter.parse("2026Q1"), False)]) is True


# --- T2 missed inspections ---------------------------------------------------------------------

def test_t2_a_month_with_its_only_inspection_on_the_last_day_is_not_missed() -> None:
    missed = rules.missed_inspection_months(
        [D(2026, 2, 28), D(2026, 4, 1)], D(2026, 1, 1), D(2026, 4, 30), opened_on=D(2025, 1, 1), today=D(2026, 6, 30))
    assert missed == ["2026-01", "2026-03"]
    # a day later (March 1st) would have left February missed
    assert "2026-02" in rules.missed_inspection_months(
        [D(2026, 3, 1)], D(2026, 2, 1), D(2026, 2, 28), opened_on=D(2025, 1, 1), today=D(2026, 6, 30))


def test_t2_months_before_opening_and_not_yet_over_are_not_missed() -> None:
    missed = rules.missed_inspection_months(
        [], D(2026, 1, 1), D(2026, 12, 31), opened_on=D(2026, 3, 15), today=D(2026, 6, 30))
    assert missed == ["2026-03", "2026-04", "2026-05"]  # June ends today: not over yet
    assert rules.missed_inspection_months([], D(2026, 6, 1), D(2026, 6, 30), opened_on=D(2026, 1, 1), today=D(2026, 7, 1)) == ["2026-06"]


# --- T4 daily caps -----------------------------------------------------------------------------

def test_t4_reaching_a_cap_is_allowed_crossing_it_is_not() -> None:
    w, t = TxnKind.WITHDRAWAL, TxnKind.TRANSFER
    assert rules.limit_refusal(w, 2, 100_000, 100_000) is None          # 3rd withdrawal, 2,000.00 exactly
    assert rules.limit_refusal(w, 3, 0, 1) is not None                  # a 4th
    assert rules.limit_refusal(w, 1, 199_999, 1) is None                # 2,000.00 reached
    assert rules.limit_refusal(w, 1, 200_000, 1) is not None            # 2,000.01
    assert rules.limit_refusal(t, 0, 0, 500_000) is None                # 5,000.00
    assert rules.limit_refusal(t, 0, 0, 500_001) is not None


def test_t4_business_day_is_china_time() -> None:
    utc = dt.timezone.utc
    assert rules.business_day(dt.datetime(2026, 3, 9, 16, 30, tzinfo=utc)) == D(2026, 3, 10)  # 00:30 in Beijing
    assert rules.business_day(dt.datetime(2026, 3, 9, 15, 59, tzinfo=utc)) == D(2026, 3, 9)
    assert rules.business_day(dt.datetime(2026, 3, 9, 23, 59)) == D(2026, 3, 9)


# --- T6 training gaps --------------------------------------------------------------------------

def test_t6_gaps_over_a_finished_year() -> None:
    trainings = [(TrainingKind.MONTHLY_ONSITE, D(2025, m, 10)) for m in range(1, 13) if m != 7]
    trainings += [(TrainingKind.QUARTERLY_BRANCH, D(2025, 2, 1)), (TrainingKind.QUARTERLY_BRANCH, D(2025, 5, 1)),
                  (TrainingKind.QUARTERLY_BRANCH, D(2025, 11, 1)), (TrainingKind.HALF_YEARLY_CENTRAL, D(2025, 3, 1))]
    report = rules.training_gaps(trainings, 2025, opened_on=D(2020, 1, 1), today=D(2026, 6, 30))
    assert report.missing_months == ["2025-07"]
    assert report.missing_quarters == ["2025Q3"]
    assert report.missing_halves == ["2025H2"]
    assert not report.below_annual_minimum and report.training_count == 15


def test_t6_annual_minimum_of_two() -> None:
    one = [(TrainingKind.HALF_YEARLY_CENTRAL, D(2025, 3, 1))]
    two = [*one, (TrainingKind.HALF_YEARLY_CENTRAL, D(2025, 9, 1))]
    assert rules.training_gaps(one, 2025, opened_on=D(2020, 1, 1), today=D(2026, 1, 1)).below_annual_minimum
    assert not rules.training_gaps(two, 2025, opened_on=D(2020, 1, 1), today=D(2026, 1, 1)).below_annual_minimum
    # the current year is not judged yet; its months count only once over and from the opening
    current = rules.training_gaps([], 2026, opened_on=D(2026, 4, 20), today=D(2026, 6, 30))
    assert not current.below_annual_minimum
    assert current.missing_months == ["2026-04", "2026-05"]  # June ends today: not over yet
    assert current.missing_quarters == [] and current.missing_halves == []
    later = rules.training_gaps([], 2026, opened_on=D(2026, 4, 20), today=D(2026, 7, 1))
    assert later.missing_months == ["2026-04", "2026-05", "2026-06"]
    assert later.missing_quarters == ["2026Q2"] and later.missing_halves == ["2026H1"]
