"""Service-station rules (服务站方案, H4, T1–T6): pure functions over dates, scores and counts.

Numbers come from the `stations` section of the policy configuration; working days from
`policy.calendar`. Decisions taken here (RULES leaves them open) are marked **Decision**.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from graph_service.money import to_fen
from graph_service.policy.calendar import WorkCalendar, load_calendar
from graph_service.policy.config import current_policy


class TxnKind(str, Enum):
    WITHDRAWAL = "WITHDRAWAL"
    TRANSFER = "TRANSFER"


class TrainingKind(str, Enum):
    MONTHLY_ONSITE = "MONTHLY_ONSITE"          # 每月: the bank's patrol, at the station
    QUARTERLY_BRANCH = "QUARTERLY_BRANCH"      # 每季度: at a bank branch
    HALF_YEARLY_CENTRAL = "HALF_YEARLY_CENTRAL"  # 每半年: the central bank with the host banks


DIMENSIONS = ("environment", "functions", "volume", "service", "riskControl")


@dataclass(frozen=True)
class DailyCap:
    count: int
    fen: int


@dataclass(frozen=True)
class StationPolicy:
    version: str
    calendar: WorkCalendar
    registration_lead_working_days: int
    incident_report_working_days: int
    dimension_max: int
    rating_bands: tuple[tuple[int, int], ...]  # (minTotal, stars), highest first
    qualified_min_stars: int
    replacement_after: int
    caps: dict[TxnKind, DailyCap]
    min_trainings_per_year: int
    timezone: ZoneInfo


def parse_station_policy(raw: dict[str, Any], version: str) -> StationPolicy:
    bands = sorted(((int(b["minTotal"]), int(b["stars"])) for b in raw["ratingBands"]), reverse=True)
    return StationPolicy(
        version=version,
        calendar=load_calendar(raw.get("holidayCalendar", "holidays-cn.json")),
        registration_lead_working_days=int(raw["registrationLeadWorkingDays"]),
        incident_report_working_days=int(raw["incidentReportWorkingDays"]),
        dimension_max=int(raw["dimensionMax"]),
        rating_bands=tuple(bands),
        qualified_min_stars=int(raw["qualifiedMinStars"]),
        replacement_after=int(raw["replacementAfterUnqualifiedQuarters"]),
        caps={
            TxnKind(kind): DailyCap(count=int(cap["count"]), fen=to_fen(cap["yuan"]))
            for kind, cap in raw["dailyLimits"].items()
        },
        min_trainings_per_year=int(raw["minTrainingsPerYear"]),
        timezone=ZoneInfo(raw.get("timezone", "Asia/Shanghai")),
    )


@cache
def station_policy() -> StationPolicy:
    policy = current_policy()
    return parse_station_policy(policy.raw["stations"], policy.version)


# --- T1 registration (备案) -------------------------------------------------------------------

def registration_deadline(opened_on: dt.date, p: StationPolicy | None = None) -> dt.date:
    """The last on-time filing day: 5 working days before opening (T1).

    **Decision:** the filing day counts and the opening day does not, so filing on a Monday for the
    next Monday's opening (Mon–Fri: 5 working days) is on time, and on the Tuesday it is late.
    """
    p = p or station_policy()
    return p.calendar.add_working_days(opened_on, -p.registration_lead_working_days)


def registration_late(registered_on: dt.date, opened_on: dt.date, p: StationPolicy | None = None) -> bool:
    """T1: a later filing is recorded and flagged. **Decision:** a station that opened before it was
    filed is a (very) late filing, recorded and flagged, not refused: the register states facts."""
    return registered_on > registration_deadline(opened_on, p)


# --- T5 incidents -----------------------------------------------------------------------------

def incident_deadline(discovered_on: dt.date, p: StationPolicy | None = None) -> dt.date:
    """T5: within 1 working day of discovery = by the end of the next working day."""
    p = p or station_policy()
    return p.calendar.add_working_days(discovered_on, p.incident_report_working_days)


def incident_late(discovered_on: dt.date, reported_on: dt.date, p: StationPolicy | None = None) -> bool:
    return reported_on > incident_deadline(discovered_on, p)


# --- quarters and months ----------------------------------------------------------------------

_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        match = _QUARTER.match(text)
        if not match or not 2000 <= int(match.group(1)) <= 2099:
            raise ValueError(f"{text!r} is not a quarter like 2026Q1")
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> dt.date:
        return month_end(self.year, 3 * self.number)

    def index(self) -> int:
        return self.year * 4 + self.number - 1


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    """Calendar months (year, month) from the month of `start` to the month of `end`, inclusive."""
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_label(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


# --- T2 inspections ---------------------------------------------------------------------------

def missed_inspection_months(
    inspected: list[dt.date], start: dt.date, end: dt.date, *, opened_on: dt.date, today: dt.date
) -> list[str]:
    """T2: months from `start` to `end` (inclusive) without an inspection.

    **Decision:** the obligation runs from the station's opening month, and a month is missed only
    once it is over (its last day is before today): until then an inspection may still come.
    """
    seen = {(d.year, d.month) for d in inspected}
    out = []
    for year, month in months(start, end):
        if (year, month) < (opened_on.year, opened_on.month):
            continue
        if month_end(year, month) >= today:
            break
        if (year, month) not in seen:
            out.append(month_label(year, month))
    return out


# --- T3 quarterly star rating -----------------------------------------------------------------

@dataclass(frozen=True)
class RatingOutcome:
    total: int
    stars: int
    qualified: bool


def invalid_dimensions(scores: dict[str, int], p: StationPolicy | None = None) -> list[str]:
    p = p or station_policy()
    return [name for name in DIMENSIONS if not 0 <= scores[name] <= p.dimension_max]


def stars_for(total: int, p: StationPolicy | None = None) -> int:
    """T3 bands: ≥90 ★5, ≥80 ★4, ≥60 ★3, ≥40 ★2, else ★1."""
    p = p or station_policy()
    for min_total, stars in p.rating_bands:
        if total >= min_total:
            return stars
    return min(stars for _, stars in p.rating_bands)


def rate(scores: dict[str, int], p: StationPolicy | None = None) -> RatingOutcome:
    """Scores must already be valid (`invalid_dimensions` empty)."""
    p = p or station_policy()
    total = sum(scores[name] for name in DIMENSIONS)
    stars = stars_for(total, p)
    return RatingOutcome(total=total, stars=stars, qualified=stars >= p.qualified_min_stars)


def flagged_for_replacement(history: list[tuple[Quarter, bool]], p: StationPolicy | None = None) -> bool:
    """T3: three consecutive unqualified quarters flag the station for replacement (撤换); a later
    qualified quarter clears the flag.

    **Decision:** "consecutive" means adjacent calendar quarters: an unrated quarter breaks a run
    (it does not clear an existing flag: only a qualified rating does).
    """
    p = p or station_policy()
    flagged = False
    run = 0
    previous: Quarter | None = None
    for quarter, qualified in sorted(history):
        if qualified:
            run = 0
            flagged = False
        else:
            adjacent = previous is not None and previous.index() + 1 == quarter.index()
            run = run + 1 if adjacent and run > 0 else 1
            if run >= p.replacement_after:
                flagged = True
        previous = quarter
    return flagged


# --- T4 per-account daily caps ----------------------------------------------------------------

def business_day(at: dt.datetime, p: StationPolicy | None = None) -> dt.date:
    """The calendar day a transaction counts for: its date in China Standard Time (a time without an
    offset is taken as local time)."""
    p = p or station_policy()
    if at.tzinfo is None:
        return at.date()
    return at.astimezone(p.timezone).date()


def limit_refusal(kind: TxnKind, count: int, fen: int, amount_fen: int, p: StationPolicy | None = None) -> str | None:
    """T4: None when one more `kind` transaction of `amount_fen` stays within the day's caps, given
    `count` transactions totalling `fen` already done; else why not. Reaching a cap is allowed,
    crossing it is not."""
    p = p or station_policy()
    cap = p.caps[kind]
    if count + 1 > cap.count:
        return f"{kind.value}: {count} of {cap.count} allowed per account and day already done"
    if fen + amount_fen > cap.fen:
        return (f"{kind.value}: {fen / 100:.2f} + {amount_fen / 100:.2f} yuan would exceed the "
                f"{cap.fen / 100:.2f} yuan allowed per account and day")
    return None


# --- T6 training ------------------------------------------------------------------------------

@dataclass(frozen=True)
class TrainingGapReport:
    training_count: int
    below_annual_minimum: bool
    missing_months: list[str]
    missing_quarters: list[str]
    missing_halves: list[str]

    @property
    def any(self) -> bool:
        return bool(self.below_annual_minimum or self.missing_months or self.missing_quarters or self.missing_halves)


def training_gaps(
    trainings: list[tuple[TrainingKind, dt.date]], year: int, *, opened_on: dt.date, today: dt.date,
    p: StationPolicy | None = None,
) -> TrainingGapReport:
    """T6 for one station and year: the months without on-site training, the quarters without a
    branch training, the half-years without the central bank's, and the annual minimum of two.

    **Decision:** as for inspections, a period counts only once it is over and only from the
    station's opening; the annual minimum is judged once the year is over.
    """
    p = p or station_policy()
    in_year = [(kind, day) for kind, day in trainings if day.year == year]

    def due(first: dt.date, last: dt.date) -> bool:
        return last >= opened_on and last < today and first.year == year

    def covered(kind: TrainingKind, first: dt.date, last: dt.date) -> bool:
        return any(k == kind and first <= d <= last for k, d in in_year)

    missing_months = [
        month_label(year, m) for m in range(1, 13)
        if due(dt.date(year, m, 1), month_end(year, m))
        and not covered(TrainingKind.MONTHLY_ONSITE, dt.date(year, m, 1), month_end(year, m))
    ]
    missing_quarters = [
        str(q) for q in (Quarter(year, n) for n in range(1, 5))
        if due(q.first_day, q.last_day) and not covered(TrainingKind.QUARTERLY_BRANCH, q.first_day, q.last_day)
    ]
    halves = [(f"{year}H1", dt.date(year, 1, 1), dt.date(year, 6, 30)), (f"{year}H2", dt.date(year, 7, 1), dt.date(year, 12, 31))]
    missing_halves = [
        label for label, first, last in halves
        if due(first, last) and not covered(TrainingKind.HALF_YEARLY_CENTRAL, first, last)
    ]
    year_over = dt.date(year, 12, 31) < today and opened_on <= dt.date(year, 12, 31)
    return TrainingGapReport(
        training_count=len(in_year),
        below_annual_minimum=year_over and len(in_year) < p.min_trainings_per_year,
        missing_months=missing_months,
        missing_quarters=missing_quarters,
        missing_halves=missing_halves,
    )
