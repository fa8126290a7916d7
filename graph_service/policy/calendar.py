"""Working days of the PRC (T1, T5): Monday–Friday, minus the public holidays of the State Council's
yearly notice, plus its make-up working days (调休: a Saturday or Sunday that is worked).

The dates are data (`holidays-cn.json`, named by the policy's `stations.holidayCalendar`), so a new
year's notice is a data change. A year the file does not list falls back to plain Monday–Friday:
`WorkCalendar.covers(year)` tells whether a result rests on a published calendar.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]  # make-up working days on a weekend (调休上班)
    years: frozenset[int]
    official_years: frozenset[int]

    def covers(self, year: int) -> bool:
        return year in self.years

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after `day` (n ≥ 1), or before it (n ≤ -1); `day` itself never counts."""
        if n == 0:
            raise ValueError("n must not be 0")
        step = _DAY if n > 0 else -_DAY
        remaining = abs(n)
        current = day
        while remaining:
            current += step
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_from(self, start: dt.date, end: dt.date) -> int:
        """Working days d with start ≤ d < end (0 when end ≤ start)."""
        count = 0
        current = start
        while current < end:
            if self.is_working_day(current):
                count += 1
            current += _DAY
        return count


def parse_calendar(raw: dict[str, Any]) -> WorkCalendar:
    holidays: set[dt.date] = set()
    workdays: set[dt.date] = set()
    official: set[int] = set()
    for year, entry in raw["years"].items():
        for days in entry["holidays"].values():
            holidays.update(dt.date.fromisoformat(d) for d in days)
        workdays.update(dt.date.fromisoformat(d) for d in entry["workdays"])
        if entry.get("official"):
            official.add(int(year))
    if holidays & workdays:
        raise ValueError("a day cannot be both a holiday and a make-up working day")
    return WorkCalendar(
        holidays=frozenset(holidays),
        workdays=frozenset(workdays),
        years=frozenset(int(y) for y in raw["years"]),
        official_years=frozenset(official),
    )


@cache
def load_calendar(name: str = "holidays-cn.json") -> WorkCalendar:
    text = resources.files("graph_service.policy").joinpath(name).read_text("utf-8")
    return parse_calendar(json.loads(text))
