"""Validation of a dataset file before anything is written: every problem is reported with the
record's array, index, code and reason, and a file with any problem writes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from graph_service.dataset import records as r

#: array name -> record model, in write order (parents before children).
ARRAYS: dict[str, type[BaseModel]] = {
    "towns": r.TownRecord,
    "villages": r.VillageRecord,
    "households": r.HouseholdRecord,
    "banks": r.BankRecord,
    "stations": r.StationRecord,
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


def _record_code(raw: Any) -> str | None:
    if isinstance(raw, dict):
        for key in ("code", "householdCode", "guarantorCode"):
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


def check_references(data: r.Dataset, existing: Existing) -> list[Problem]:
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
    return problems
