"""Service stations on the graph (H4, T1–T6): the units of work of the station mutations and the
reads behind the station views. Rules are in `graph_service.policy.stations`; this module checks
input, locks, reads what a rule needs, asks the rule, and writes — each mutation in one transaction.

Every check-then-write first locks its station (`station_lock`, `account_day_lock`), so two
concurrent requests on one station run one after the other and a cap or a quarter cannot be
used twice. A refusal raises `Refused` inside the transaction, which rolls it back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from neo4j.exceptions import ConstraintError
from pydantic import ValidationError

from graph_service.errors import ErrorCode, Refused
from graph_service.dataset.records import StationRecord
from graph_service.graph.db import Graph, Record, Tx
from graph_service.policy import stations as rules
from graph_service.policy.stations import Quarter, TrainingKind, TxnKind

Props = dict[str, Any]
MAX_TEXT = 2000
MAX_MONTHS = 120  # a missed-inspection period longer than ten years is a mistake, not a question
SCAN_CHUNK = 200


def _text(value: str, field: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    cleaned = value.strip()
    if required and not cleaned:
        raise Refused(ErrorCode.INVALID_INPUT, f"{field} must not be empty", [field])
    if len(cleaned) > limit:
        raise Refused(ErrorCode.INVALID_INPUT, f"{field} is longer than {limit} characters", [field])
    return cleaned


def _not_after_today(day: dt.date, today: dt.date, field: str) -> None:
    if day > today:
        raise Refused(ErrorCode.INVALID_INPUT, f"{field} {day} is in the future (today is {today})", [field])


async def _locked_station(tx: Tx, code: str, field: str = "stationCode") -> Record:
    row = await tx.single("station_lock", code=code)
    if row is None:
        raise Refused(ErrorCode.NOT_FOUND, f"no station {code!r}", [field])
    return row


# --- T1 registerStation -----------------------------------------------------------------------

async def register_station(graph: Graph, data: Props, *, today: dt.date) -> Props:
    """Files a new station (T1). A late filing is stored; `registrationLate` is computed on read
    from registeredOn/openedOn, so imported stations get the same answer."""
    try:
        record = StationRecord.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "input"
        raise Refused(ErrorCode.INVALID_INPUT, f"{field}: {first['msg']}", [field]) from None
    for field in ("name", "manager"):
        _text(getattr(record, field), field, limit=200)
    _not_after_today(record.registeredOn, today, "registeredOn")
    row = record.model_dump()
    row["name"], row["manager"] = row["name"].strip(), row["manager"].strip()

    async def work(tx: Tx) -> Props:
        refs = await tx.single("station_register_refs", code=row["code"], villageCode=row["villageCode"], bankCode=row["bankCode"])
        assert refs is not None
        if refs["codeUsed"]:
            raise Refused(ErrorCode.CONFLICT, f"station code {row['code']!r} is already used", ["code"])
        if not refs["villageFound"]:
            raise Refused(ErrorCode.NOT_FOUND, f"no village {row['villageCode']!r}", ["villageCode"])
        if not refs["bankFound"]:
            raise Refused(ErrorCode.NOT_FOUND, f"no bank {row['bankCode']!r}", ["bankCode"])
        created = await tx.single("station_create", row=row)
        assert created is not None
        return created["node"]

    try:
        return await graph.write_tx(work)
    except ConstraintError:  # a concurrent registration took the code between check and create
        raise Refused(ErrorCode.CONFLICT, f"station code {row['code']!r} is already used", ["code"]) from None


# --- T2 recordInspection ----------------------------------------------------------------------

async def record_inspection(graph: Graph, code: str, data: Props, *, today: dt.date) -> Props:
    inspected_on: dt.date = data["inspectedOn"]
    _not_after_today(inspected_on, today, "inspectedOn")
    row = {
        "id": uuid.uuid4().hex,
        "inspectedOn": inspected_on,
        "inspector": _text(data["inspector"], "inspector", limit=200),
        "findings": _text(data["findings"], "findings", required=False),
        "askedAboutIllegalFundraising": bool(data["askedAboutIllegalFundraising"]),
        "illegalActivityFound": bool(data["illegalActivityFound"]),
    }

    async def work(tx: Tx) -> Props:
        station = (await _locked_station(tx, code))["node"]
        if inspected_on < station["openedOn"]:
            raise Refused(ErrorCode.INVALID_INPUT,
                          f"inspectedOn {inspected_on} is before the station opened ({station['openedOn']})", ["inspectedOn"])
        written = await tx.single("inspection_create", code=code, row=row)
        assert written is not None
        return written["node"]

    return await graph.write_tx(work)


def missed_months(station: Props, inspected: Sequence[dt.date], start: dt.date, end: dt.date, today: dt.date) -> list[str]:
    return rules.missed_inspection_months(list(inspected), start, end, opened_on=station["openedOn"], today=today)


def check_period(start: dt.date, end: dt.date) -> str | None:
    """Why a (from, to) period is not a question we answer, or None."""
    if start > end:
        return "from must not be after to"
    if len(rules.months(start, end)) > MAX_MONTHS:
        return f"the period spans more than {MAX_MONTHS} months"
    return None


async def stations_with_missed_inspections(
    graph: Graph, start: dt.date, end: dt.date, *, after: str | None, limit: int | None, today: dt.date
) -> list[tuple[Props, list[str]]]:
    """Stations in code order after `after` that missed an inspection in the period; up to `limit`
    (None: all). Scans in chunks, so a page costs a few round trips, not one per station."""
    found: list[tuple[Props, list[str]]] = []
    cursor = after
    while limit is None or len(found) < limit:
        rows = await graph.read("stations_inspection_dates_page", after=cursor, limit=SCAN_CHUNK, **{"from": start, "to": end})
        for row in rows:
            months = missed_months(row["node"], row["dates"], start, end, today)
            if months:
                found.append((row["node"], months))
                if limit is not None and len(found) >= limit:
                    break
        if len(rows) < SCAN_CHUNK:
            break
        cursor = rows[-1]["node"]["code"]
    return found


# --- T3 rateStation ---------------------------------------------------------------------------

async def rate_station(graph: Graph, code: str, quarter_text: str, scores: dict[str, int], *, today: dt.date) -> Props:
    """**Decision:** a quarter already rated is CONFLICT, not replaced: a published quarterly
    rating is a record, and a silent overwrite would rewrite the replacement history (T3)."""
    try:
        quarter = Quarter.parse(quarter_text)
    except ValueError as exc:
        raise Refused(ErrorCode.INVALID_INPUT, str(exc), ["quarter"]) from None
    if quarter.first_day > today:
        raise Refused(ErrorCode.INVALID_INPUT, f"{quarter} has not begun (today is {today})", ["quarter"])
    bad = rules.invalid_dimensions(scores)
    if bad:
        limit = rules.station_policy().dimension_max
        raise Refused(ErrorCode.INVALID_INPUT, f"{bad[0]} must be between 0 and {limit}", [bad[0]])
    outcome = rules.rate(scores)

    async def work(tx: Tx) -> Props:
        locked = await _locked_station(tx, code)
        station = locked["node"]
        if quarter.last_day < station["openedOn"]:
            raise Refused(ErrorCode.INVALID_INPUT, f"{quarter} ended before the station opened ({station['openedOn']})", ["quarter"])
        history = [(Quarter.parse(r["quarter"]), bool(r["qualified"])) for r in locked["ratings"]]
        if any(q == quarter for q, _ in history):
            raise Refused(ErrorCode.CONFLICT, f"{quarter} is already rated for station {code!r}", ["quarter"])
        flagged = rules.flagged_for_replacement([*history, (quarter, outcome.qualified)])
        row = {
            "quarter": str(quarter), **scores,
            "total": outcome.total, "stars": outcome.stars, "qualified": outcome.qualified,
            "policyVersion": rules.station_policy().version,
        }
        written = await tx.single("rating_create", code=code, row=row, flagged=flagged)
        assert written is not None
        return written["node"]

    return await graph.write_tx(work)


# --- T4 recordStationTransaction --------------------------------------------------------------

_COUNTERS = {TxnKind.WITHDRAWAL: ("withdrawalCount", "withdrawalFen"), TxnKind.TRANSFER: ("transferCount", "transferFen")}


async def record_transaction(
    graph: Graph, code: str, account: str, kind: TxnKind, amount_fen: int, at: dt.datetime, *, today: dt.date
) -> tuple[Props, Props]:
    """Returns (the transaction, the account's totals that day after it) or refuses with
    LIMIT_EXCEEDED. **Decision:** caps apply per account and day *at a station* (the station
    enforces them, T4; the 技术规范 sets them per service point)."""
    account = _text(account, "account", limit=64)
    if amount_fen <= 0:
        raise Refused(ErrorCode.INVALID_INPUT, "amount must be positive", ["amount"])
    day = rules.business_day(at)
    _not_after_today(day, today, "at")
    row = {"id": uuid.uuid4().hex, "kind": kind.value, "amountFen": amount_fen, "at": at}

    async def work(tx: Tx) -> tuple[Props, Props]:
        totals = await tx.single("account_day_lock", code=code, account=account, day=day)
        if totals is None:
            raise Refused(ErrorCode.NOT_FOUND, f"no station {code!r}", ["stationCode"])
        count_key, fen_key = _COUNTERS[kind]
        refusal = rules.limit_refusal(kind, int(totals[count_key]), int(totals[fen_key]), amount_fen)
        if refusal:
            raise Refused(ErrorCode.LIMIT_EXCEEDED, refusal, ["amount"])
        after = await tx.single("station_txn_create", code=code, account=account, day=day, row=row)
        assert after is not None
        return {**row, "account": account, "stationCode": code, "day": day}, after

    return await graph.write_tx(work)


# --- T5 incidents -----------------------------------------------------------------------------

def incident_id(station_code: str) -> str:
    """Opaque to callers; it names its station so closing finds it through the station's index."""
    return f"{station_code}~{uuid.uuid4().hex[:16]}"


async def report_incident(graph: Graph, code: str, data: Props, *, today: dt.date) -> Props:
    discovered: dt.date = data["discoveredOn"]
    reported: dt.date = data["reportedOn"]
    _not_after_today(reported, today, "reportedOn")
    if reported < discovered:
        raise Refused(ErrorCode.INVALID_INPUT, "reportedOn must not be before discoveredOn", ["reportedOn"])
    deadline = rules.incident_deadline(discovered)
    row = {
        "id": incident_id(code),
        "kind": data["kind"],
        "discoveredOn": discovered,
        "reportedOn": reported,
        "deadline": deadline,
        "late": reported > deadline,
        "description": _text(data["description"], "description"),
    }

    async def work(tx: Tx) -> Props:
        await _locked_station(tx, code)
        written = await tx.single("incident_create", code=code, row=row)
        assert written is not None
        return written["incident"]

    return await graph.write_tx(work)


async def close_incident(graph: Graph, incident: str, closed_on: dt.date, resolution: str, *, today: dt.date) -> Props:
    station_code, sep, _ = incident.partition("~")
    if not sep:
        raise Refused(ErrorCode.NOT_FOUND, f"no incident {incident!r}", ["id"])
    _not_after_today(closed_on, today, "closedOn")
    resolution = _text(resolution, "resolution")

    async def work(tx: Tx) -> Props:
        found = await tx.single("incident_lock", code=station_code, id=incident)
        if found is None:
            raise Refused(ErrorCode.NOT_FOUND, f"no incident {incident!r}", ["id"])
        current = found["incident"]
        if current.get("closedOn") is not None:
            raise Refused(ErrorCode.CONFLICT, f"incident {incident!r} was closed on {current['closedOn']}", ["id"])
        if closed_on < current["discoveredOn"]:
            raise Refused(ErrorCode.INVALID_INPUT, "closedOn must not be before discoveredOn", ["closedOn"])
        written = await tx.single("incident_close", code=station_code, id=incident, closedOn=closed_on, resolution=resolution)
        assert written is not None
        return written["incident"]

    return await graph.write_tx(work)


# --- T6 training ------------------------------------------------------------------------------

async def record_training(graph: Graph, code: str, kind: TrainingKind, on: dt.date, topics: list[str], *, today: dt.date) -> Props:
    _not_after_today(on, today, "on")
    cleaned = [_text(t, "topics", limit=200) for t in topics]
    if not cleaned:
        raise Refused(ErrorCode.INVALID_INPUT, "name at least one topic", ["topics"])
    row = {"id": uuid.uuid4().hex, "kind": kind.value, "on": on, "topics": cleaned}

    async def work(tx: Tx) -> Props:
        await _locked_station(tx, code)
        written = await tx.single("training_create", code=code, row=row)
        assert written is not None
        return written["node"]

    return await graph.write_tx(work)


async def training_gaps(graph: Graph, year: int, *, today: dt.date) -> list[tuple[Props, rules.TrainingGapReport]]:
    rows = await graph.read("stations_trainings_in_year", **{"from": dt.date(year, 1, 1), "to": dt.date(year, 12, 31)})
    out = []
    for row in rows:
        trainings = [(TrainingKind(t["kind"]), t["on"]) for t in row["trainings"]]
        report = rules.training_gaps(trainings, year, opened_on=row["node"]["openedOn"], today=today)
        if report.any:
            out.append((row["node"], report))
    return out


# --- batched child lists ----------------------------------------------------------------------

async def children_by_codes(graph: Graph, query: str, key: str, codes: Sequence[str]) -> list[list[Props]]:
    """For the data loaders: one round trip for the lists of many stations, in `codes` order."""
    rows = await graph.read(query, codes=list(codes))
    found = {row["code"]: row[key] for row in rows}
    return [found.get(code, []) for code in codes]
