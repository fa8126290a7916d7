"""`graph-service import`: validate the whole file, then write it in batched `UNWIND` statements.

Nothing is written unless every record is valid and every reference resolves (in the file or the
database). Writes are idempotent by `code` (MERGE), so importing a file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph_service.dataset import records as r
from graph_service.dataset.validate import DatasetInvalid, Existing, check_references, parse
from graph_service.graph import bulk, rollups, station_import
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


def _batches(records: Sequence[Any], key: Callable[[Any], str] | None = None) -> Iterator[Sequence[Any]]:
    """About BATCH records each. With `key`, records with the same key stay in one batch: two
    batches in flight then never add relationships to the same dense node (a village), on whose
    relationship-group locks they could deadlock."""
    if key is None:
        yield from (records[i : i + BATCH] for i in range(0, len(records), BATCH))
        return
    groups: dict[str, list[Any]] = {}
    for rec in records:
        groups.setdefault(key(rec), []).append(rec)
    batch: list[Any] = []
    for group in groups.values():
        if batch and len(batch) + len(group) > BATCH:
            yield batch
            batch = []
        batch.extend(group)
    if batch:
        yield batch


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

    async def write(name: str, query: str, records: Sequence[Any], to_row: Callable[[Any], dict[str, Any]],
                    *, in_flight: int = bulk.IN_FLIGHT, key: Callable[[Any], str] | None = None,
                    **extra: Any) -> None:
        """Batches of distinct records (duplicates are refused), so two can be written at once;
        rows are built batch by batch, not all at once (memory)."""
        done = 0

        def written(params: dict[str, Any]) -> None:
            nonlocal done
            done += len(params["rows"])
            if progress:
                progress(name, done, len(records))

        batches = ({"rows": [to_row(rec) for rec in batch], **extra} for batch in _batches(records, key))
        await bulk.write_batches(graph, query, batches, on_done=written, in_flight=in_flight)
        report.counts[name] = len(records)

    def dump(rec: Any) -> dict[str, Any]:
        return rec.model_dump()

    await write("towns", "upsert_towns", data.towns, dump, countyCode=county_code)
    await write("villages", "upsert_villages", data.villages, dump)
    await write("households", "upsert_households", data.households, _household_row, key=lambda h: h.villageCode)
    await write("banks", "upsert_banks", data.banks, dump)
    await write("stations", "upsert_stations", data.stations, dump)
    report.counts |= await station_import.import_records(graph, data.inspections, data.ratings, progress=progress)
    # One batch at a time: loan batches all link to the same few banks (dense nodes), and guarantee
    # batches link households across the county; two at once can deadlock on relationship locks
    # (seen for guarantees at 400k: the driver retries, but the work is wasted and logged).
    await write("loans", "upsert_loans", data.loans, _loan_row, in_flight=1)
    await write("guarantees", "upsert_guarantees", data.guarantees, _guarantee_row, in_flight=1)
    if data.assessments:
        from graph_service.graph import assessments  # issue 3: same policy code as assessHousehold

        # Households new in this import have only the file's assessments: their standing is written
        # with them (no second pass); the recompute below refreshes the titles (R4).
        report.counts["assessments"] = await assessments.import_records(
            graph, data.assessments, today=today, progress=progress,
            births={h.code: h.headBirthDate for h in data.households},
            new_households={h.code for h in data.households} - existing.households,
        )
    report.recompute = await rollups.recompute(graph, today=today)
    return report
