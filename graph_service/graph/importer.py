"""`graph-service import`: validate the whole file, then write it in batched `UNWIND` statements.

Nothing is written unless every record is valid and every reference resolves (in the file or the
database). Writes are idempotent by `code` (MERGE), so importing a file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph_service.dataset import records as r
from graph_service.dataset.validate import DatasetInvalid, Existing, check_references, parse
from graph_service.graph import rollups, station_import
from graph_service.graph.db import Graph
from graph_service.money import to_fen

BATCH = 5000
Progress = Callable[[str, int, int], None]

# Labels the importer may ask for: an allow-list, since labels are passed as dynamic labels.
_EXISTING_LABELS = {
    "county": "County",
    "towns": "Town",
    "villages": "Village",
    "households": "Household",
    "banks": "Bank",
}


@dataclass
class ImportReport:
    counts: dict[str, int] = field(default_factory=dict)
    recompute: dict[str, int] = field(default_factory=dict)


async def load_existing(graph: Graph) -> Existing:
    existing = Existing()
    for attr, label in _EXISTING_LABELS.items():
        rows = await graph.read("existing_codes", label=label)
        setattr(existing, attr, {row["code"] for row in rows})
    rows = await graph.read("existing_codes", label="Loan")
    existing.loan_borrowers = {row["code"]: row["borrower"] for row in rows}
    await station_import.load_existing(graph, existing)  # T2/T3: openings and stored ratings
    return existing


async def reset(graph: Graph) -> None:
    async with graph.driver.session() as session:
        await (await session.run(graph.queries["delete_all"].text)).consume()


def _batches(rows: Sequence[dict[str, Any]]) -> list[Sequence[dict[str, Any]]]:
    return [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]


def _household_row(h: r.HouseholdRecord) -> dict[str, Any]:
    return h.model_dump()


def _loan_row(loan: r.LoanRecord) -> dict[str, Any]:
    row = loan.model_dump(exclude={"principal", "outstanding"})
    row["principalFen"] = to_fen(loan.principal)
    row["outstandingFen"] = to_fen(loan.outstanding)
    return row


def _guarantee_row(g: r.GuaranteeRecord) -> dict[str, Any]:
    return {"guarantorCode": g.guarantorCode, "loanCode": g.loanCode, "amountFen": to_fen(g.amount)}


async def import_document(
    graph: Graph,
    document: Any,
    *,
    today: dt.date,
    reset_first: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    data, problems = parse(document)
    if problems:
        raise DatasetInvalid(problems)
    if reset_first:
        await reset(graph)
        existing = Existing()
    else:
        existing = await load_existing(graph)
    problems = check_references(data, existing, today=today)
    if problems:
        raise DatasetInvalid(problems)

    report = ImportReport()
    if data.county:
        await graph.write("upsert_county", code=data.county.code, name=data.county.name)
        report.counts["county"] = 1
    county_code = data.county.code if data.county else next(iter(existing.county), None)

    async def write(name: str, query: str, rows: list[dict[str, Any]], **extra: Any) -> None:
        done = 0
        for batch in _batches(rows):
            await graph.write(query, rows=list(batch), **extra)
            done += len(batch)
            if progress:
                progress(name, done, len(rows))
        report.counts[name] = len(rows)

    await write("towns", "upsert_towns", [t.model_dump() for t in data.towns], countyCode=county_code)
    await write("villages", "upsert_villages", [v.model_dump() for v in data.villages])
    await write("households", "upsert_households", [_household_row(h) for h in data.households])
    await write("banks", "upsert_banks", [b.model_dump() for b in data.banks])
    await write("stations", "upsert_stations", [s.model_dump() for s in data.stations])
    report.counts |= await station_import.import_records(graph, data.inspections, data.ratings, progress=progress)
    await write("loans", "upsert_loans", [_loan_row(loan) for loan in data.loans])
    await write("guarantees", "upsert_guarantees", [_guarantee_row(g) for g in data.guarantees])
    if data.assessments:
        from graph_service.graph import assessments  # issue 3: same policy code as assessHousehold

        report.counts["assessments"] = await assessments.import_records(
            graph, data.assessments, today=today, progress=progress
        )
    report.recompute = await rollups.recompute(graph, today=today)
    return report
