"""Validation of a dataset file before anything is written: every problem is reported with the
record's array, index, code and reason, and a file with any problem writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from graph_service.dataset import records as r
from graph_service.policy.stations import Quarter

#: array name -> record model, in write order (parents before children).
ARRAYS: dict[str, type[BaseModel]] = {
    "towns": r.TownRecord,
    "villages": r.VillageRecord,
    "households": r.HouseholdRecord,
    "banks": r.BankRecord,
    "stations": r.StationRecord,
    "inspections": r.InspectionRecord,
    "ratings": r.RatingRecord,
    "assessments": r.AssessmentRecord,
    "loans": r.LoanRecord,
    "guarantees": r.GuaranteeRecord,
}
KEYED = ("towns", "villages", "households", "banks", "stations", "loans")


@dataclass(frozen=True)
class Problem:
    array: str
    index: int | None
    code: str | None
    reason: str

    def __str__(self) -> str:
        where = self.array if self.index is None else f"{self.array}[{self.index}]"
        who = f" ({self.code})" if self.code else ""
        return f"{where}{who}: {self.reason}"


class DatasetInvalid(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"the dataset was refused, nothing was written:\n{shown}{more}")


@dataclass
class Existing:
    """Codes already in the database, per label; `loan_borrowers` maps a loan to its household."""

    county: set[str] = field(default_factory=set)
    towns: set[str] = field(default_factory=set)
    villages: set[str] = field(default_factory=set)
    households: set[str] = field(default_factory=set)
    banks: set[str] = field(default_factory=set)
    loan_borrowers: dict[str, str] = field(default_factory=dict)
    #: station code -> openedOn, and (station, quarter) -> the five scores of a stored rating (T2, T3).
    station_openings: dict[str, dt.date] = field(default_factory=dict)
    ratings: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)


def _record_code(raw: Any) -> str | None:
    if isinstance(raw, dict):
        for key in ("code", "householdCode", "guarantorCode", "stationCode"):
            if isinstance(raw.get(key), str):
                return raw[key]
    return None


def _reason(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        loc = ".".join(str(x) for x in item["loc"])
        msg = item["msg"].removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts)


def parse(document: Any) -> tuple[r.Dataset, list[Problem]]:
    """Validates each record on its own so every bad record is named."""
    problems: list[Problem] = []
    if not isinstance(document, dict):
        return r.Dataset(), [Problem("file", None, None, "the file must hold one JSON object")]
    unknown = set(document) - {"county", *ARRAYS}
    for key in sorted(unknown):
        problems.append(Problem(key, None, None, "unknown array"))
    county = None
    if document.get("county") is not None:
        try:
            county = r.CountyRecord.model_validate(document["county"])
        except ValidationError as exc:
            problems.append(Problem("county", None, _record_code(document["county"]), _reason(exc)))
    parsed: dict[str, list[BaseModel]] = {}
    for name, model in ARRAYS.items():
        raw_items = document.get(name) or []
        if not isinstance(raw_items, list):
            problems.append(Problem(name, None, None, "must be an array"))
            continue
        items = []
        for index, raw in enumerate(raw_items):
            try:
                items.append(model.model_validate(raw))
            except ValidationError as exc:
                problems.append(Problem(name, index, _record_code(raw), _reason(exc)))
        parsed[name] = items
    dataset = r.Dataset.model_construct(county=county, **parsed)
    return dataset, problems


def _duplicates(name: str, codes: Iterable[str]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for index, code in enumerate(codes):
        if code in seen:
            problems.append(Problem(name, index, code, "duplicate code in the file"))
        seen.add(code)
    return problems


def check_references(data: r.Dataset, existing: Existing, *, today: dt.date | None = None) -> list[Problem]:
    """`today` (when given) also refuses inspections and ratings dated after it, as the mutations do."""
    problems: list[Problem] = []
    for name in KEYED:
        problems += _duplicates(name, (rec.code for rec in getattr(data, name)))
    counties = ({data.county.code} if data.county else set()) | existing.county
    if data.towns and len(counties) != 1:
        problems.append(Problem("towns", None, None, "towns need exactly one county (in the file or the database)"))
    towns = existing.towns | {t.code for t in data.towns}
    villages = existing.villages | {v.code for v in data.villages}
    households = existing.households | {h.code for h in data.households}
    banks = existing.banks | {b.code for b in data.banks}
    borrowers = dict(existing.loan_borrowers) | {loan.code: loan.householdCode for loan in data.loans}

    def need(array: str, index: int, code: str, field_name: str, value: str, known: set[str] | dict[str, str]) -> None:
        if value not in known:
            problems.append(Problem(array, index, code, f"{field_name} {value!r} is unknown"))

    for i, v in enumerate(data.villages):
        need("villages", i, v.code, "townCode", v.townCode, towns)
    for i, h in enumerate(data.households):
        need("households", i, h.code, "villageCode", h.villageCode, villages)
    for i, s in enumerate(data.stations):
        need("stations", i, s.code, "villageCode", s.villageCode, villages)
        need("stations", i, s.code, "bankCode", s.bankCode, banks)
    for i, a in enumerate(data.assessments):
        need("assessments", i, a.householdCode, "householdCode", a.householdCode, households)
    for i, loan in enumerate(data.loans):
        need("loans", i, loan.code, "householdCode", loan.householdCode, households)
        need("loans", i, loan.code, "bankCode", loan.bankCode, banks)
    seen_pairs: set[tuple[str, str]] = set()
    for i, g in enumerate(data.guarantees):
        code = f"{g.guarantorCode}->{g.loanCode}"
        need("guarantees", i, code, "guarantorCode", g.guarantorCode, households)
        need("guarantees", i, code, "loanCode", g.loanCode, borrowers)
        if borrowers.get(g.loanCode) == g.guarantorCode:
            problems.append(Problem("guarantees", i, code, "a household cannot guarantee its own loan (K1)"))
        if (g.guarantorCode, g.loanCode) in seen_pairs:
            problems.append(Problem("guarantees", i, code, "duplicate guarantee in the file"))
        seen_pairs.add((g.guarantorCode, g.loanCode))
    problems += check_station_records(data, existing, today)
    return problems


def check_station_records(data: r.Dataset, existing: Existing, today: dt.date | None) -> list[Problem]:
    """Inspections (T2) and ratings (T3) get the checks of recordInspection and rateStation: a known
    station, not in the future, not before the station opened, one rating per station and quarter.
    A quarter already rated in the database with the same scores is the same record (a second import);
    with other scores it is refused, since a rating is never replaced (T3)."""
    problems: list[Problem] = []
    opened = existing.station_openings | {s.code: s.openedOn for s in data.stations}
    seen_inspections: set[tuple[str, dt.date, str]] = set()
    for i, ins in enumerate(data.inspections):
        code, on = ins.stationCode, ins.inspectedOn
        if code not in opened:
            problems.append(Problem("inspections", i, code, f"stationCode {code!r} is unknown"))
        elif on < opened[code]:
            problems.append(Problem("inspections", i, code, f"inspectedOn {on} is before the station opened ({opened[code]})"))
        if today is not None and on > today:
            problems.append(Problem("inspections", i, code, f"inspectedOn {on} is in the future (today is {today})"))
        key = (code, on, ins.inspector)
        if key in seen_inspections:
            problems.append(Problem("inspections", i, code, "duplicate inspection (station, date, inspector) in the file"))
        seen_inspections.add(key)
    seen_quarters: set[tuple[str, str]] = set()
    for i, rating in enumerate(data.ratings):
        code, quarter = rating.stationCode, Quarter.parse(rating.quarter)
        who = f"{code} {quarter}"
        if code not in opened:
            problems.append(Problem("ratings", i, who, f"stationCode {code!r} is unknown"))
        elif quarter.last_day < opened[code]:
            problems.append(Problem("ratings", i, who, f"{quarter} ended before the station opened ({opened[code]})"))
        if today is not None and quarter.first_day > today:
            problems.append(Problem("ratings", i, who, f"{quarter} has not begun (today is {today})"))
        key = (code, str(quarter))
        if key in seen_quarters:
            problems.append(Problem("ratings", i, who, "duplicate rating (station, quarter) in the file"))
        stored = existing.ratings.get(key)
        if stored is not None and stored != rating.scores():
            problems.append(Problem("ratings", i, who, f"{quarter} is already rated with other scores; a rating is not replaced (T3)"))
        seen_quarters.add(key)
    return problems
