"""Station mutations (H4, T1–T6). Each is one unit of work in `graph_service.graph.stations`;
a refusal comes back in `userErrors` and changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from decimal import Decimal
from typing import Annotated, TypeVar

import strawberry

from graph_service.api.context import Info
from graph_service.api.errors import ErrorCode, Refused, UserError, user_error, user_errors_field
from graph_service.api.types.station import Station
from graph_service.api.types.station_activity import (
    AccountDayTotals,
    Incident,
    IncidentKind,
    StationTransaction,
    StationTransactionKind,
    TrainingKind,
)
from graph_service.graph import stations as station_graph
from graph_service.money import MoneyError, from_fen, to_fen
from graph_service.policy.stations import TrainingKind as PolicyTrainingKind
from graph_service.policy.stations import TxnKind

T = TypeVar("T")


@strawberry.input(description="备案 Files a new station (T1); a filing later than 5 working days before opening is stored and flagged.")
class RegisterStationInput:
    code: str = strawberry.field(description="The new station's code; already used: CONFLICT.")
    name: str = strawberry.field(description="Its name, e.g. …村普惠金融服务站; required, up to 200 characters.")
    village_code: str = strawberry.field(description="The village it serves (H4); unknown: NOT_FOUND.")
    bank_code: str = strawberry.field(description="The host bank (主办银行) that runs it; unknown: NOT_FOUND.")
    registered_on: dt.date = strawberry.field(description="The filing date (备案, T1); not in the future.")
    opened_on: dt.date = strawberry.field(description="The opening date; a filing later than 5 working days before it is stored and flagged late (T1).")
    manager: str = strawberry.field(description="The station manager (站长); required, up to 200 characters.")


@strawberry.input(description="One monthly inspection by the host bank (T2).")
class RecordInspectionInput:
    station_code: str = strawberry.field(description="The station's code; unknown: NOT_FOUND.")
    inspected_on: dt.date = strawberry.field(description="The inspection date; not in the future nor before the opening (INVALID_INPUT).")
    inspector: str = strawberry.field(description="The host bank's inspector; required, up to 200 characters.")
    findings: str = strawberry.field(description="The written findings; may be empty, up to 2,000 characters.")
    asked_about_illegal_fundraising: bool = strawberry.field(description="Illegal fund-raising and private lending were asked about (T2).")
    illegal_activity_found: bool = strawberry.field(description="Illegal fund-raising (非法集资) or private lending was found (T2).")


@strawberry.input(description="`quarter` is YYYYQn, e.g. 2026Q1; each dimension 0-20.")
class RateStationInput:
    station_code: str = strawberry.field(description="The station's code; unknown: NOT_FOUND.")
    quarter: str = strawberry.field(description="YYYYQn, e.g. 2026Q1: begun by today and not ended before the opening (INVALID_INPUT); a quarter already rated is CONFLICT.")
    environment: int = strawberry.field(description="服务环境 service environment, 0–20.")
    functions: int = strawberry.field(description="站点功能 station functions, 0–20.")
    volume: int = strawberry.field(description="业务量 business volume, 0–20.")
    service: int = strawberry.field(description="服务水平 service level, 0–20.")
    risk_control: int = strawberry.field(description="风险防控 risk control, 0–20.")


@strawberry.input(description="A cash withdrawal or transfer for an account at a station (T4).")
class RecordStationTransactionInput:
    station_code: str = strawberry.field(description="The station's code; unknown: NOT_FOUND.")
    account: str = strawberry.field(description="The customer's account; required, up to 64 characters.")
    kind: StationTransactionKind = strawberry.field(description="取现 withdrawal or 转账 transfer (T4).")
    amount: Decimal = strawberry.field(description="The amount in yuan, > 0; crossing the account's daily count or amount cap is LIMIT_EXCEEDED (T4).")
    at: dt.datetime = strawberry.field(description="When it takes place, not in the future; it counts for its day in China Standard Time (a time without an offset is taken as local).")


@strawberry.input(description="A major incident and when it was discovered and reported (T5).")
class ReportIncidentInput:
    station_code: str = strawberry.field(description="The station's code; unknown: NOT_FOUND.")
    kind: IncidentKind = strawberry.field(description="What kind of major incident (T5).")
    discovered_on: dt.date = strawberry.field(description="When it was discovered; the report is due by the next working day (T5).")
    reported_on: dt.date = strawberry.field(description="When it was reported; not before discoveredOn nor in the future. After the deadline it is flagged late (T5).")
    description: str = strawberry.field(description="What happened; required, up to 2,000 characters.")


@strawberry.input(description="Closes an open incident (T5).")
class CloseIncidentInput:
    id: strawberry.ID = strawberry.field(description="The incident's id (Incident.id); unknown: NOT_FOUND; already closed: CONFLICT.")
    closed_on: dt.date = strawberry.field(description="The closing date; not before the discovery nor in the future.")
    resolution: str = strawberry.field(description="How it was resolved; required, up to 2,000 characters.")


@strawberry.input(description="One training of a station's staff (T6).")
class RecordTrainingInput:
    station_code: str = strawberry.field(description="The station's code; unknown: NOT_FOUND.")
    kind: TrainingKind = strawberry.field(description="The T6 rhythm it counts for.")
    on: dt.date = strawberry.field(description="The day of the training; not in the future.")
    topics: list[str] = strawberry.field(description="The topics covered: at least one, each up to 200 characters.")


@strawberry.type(description="The station after the change, or why it was refused.")
class StationPayload:
    station: Station | None = strawberry.field(description="The station after the change; null when refused.")
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="The recorded transaction and the account's totals that day, or why it was refused (LIMIT_EXCEEDED).")
class StationTransactionPayload:
    transaction: StationTransaction | None = strawberry.field(description="The recorded transaction; null when refused.")
    day_totals: AccountDayTotals | None = strawberry.field(description="The account's totals at the station that day, this transaction included (T4); null when refused.")
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="The incident after the change, or why it was refused.")
class IncidentPayload:
    incident: Incident | None = strawberry.field(description="The incident after the change; null when refused.")
    user_errors: list[UserError] = user_errors_field()


async def _attempt(work: Awaitable[T]) -> tuple[T | None, list[UserError]]:
    try:
        return await work, []
    except Refused as refused:
        return None, [user_error(refused)]


async def _station(info: Info, work: Awaitable[dict]) -> StationPayload:  # type: ignore[type-arg]
    props, errors = await _attempt(work)
    if props is not None:
        info.context.loaders.clear("Station", props["code"])
    return StationPayload(station=Station.from_props(props) if props else None, user_errors=errors)


@strawberry.type
class StationMutation:
    @strawberry.mutation(description="备案 Registers a station (T1). CONFLICT: code used; NOT_FOUND: village or bank.")
    async def register_station(
        self, info: Info, input: Annotated[RegisterStationInput, strawberry.argument(description="The station to file (T1).")]
    ) -> StationPayload:
        data = {
            "code": input.code, "name": input.name, "villageCode": input.village_code, "bankCode": input.bank_code,
            "registeredOn": input.registered_on, "openedOn": input.opened_on, "manager": input.manager,
        }
        return await _station(info, station_graph.register_station(info.context.graph, data, today=info.context.today()))

    @strawberry.mutation(description="巡检 Records an inspection (T2).")
    async def record_inspection(
        self, info: Info, input: Annotated[RecordInspectionInput, strawberry.argument(description="The inspection record (T2).")]
    ) -> StationPayload:
        data = {
            "inspectedOn": input.inspected_on, "inspector": input.inspector, "findings": input.findings,
            "askedAboutIllegalFundraising": input.asked_about_illegal_fundraising,
            "illegalActivityFound": input.illegal_activity_found,
        }
        return await _station(info, station_graph.record_inspection(
            info.context.graph, input.station_code, data, today=info.context.today()))

    @strawberry.mutation(description="Quarterly star rating (T3). INVALID_INPUT: bad quarter or score; NOT_FOUND: station; CONFLICT: quarter already rated.")
    async def rate_station(
        self, info: Info, input: Annotated[RateStationInput, strawberry.argument(description="The quarter and its five scores (T3).")]
    ) -> StationPayload:
        scores = {
            "environment": input.environment, "functions": input.functions, "volume": input.volume,
            "service": input.service, "riskControl": input.risk_control,
        }
        return await _station(info, station_graph.rate_station(
            info.context.graph, input.station_code, input.quarter, scores, today=info.context.today()))

    @strawberry.mutation(description="Records a withdrawal or transfer (T4); LIMIT_EXCEEDED when it would cross the account's daily count or amount cap.")
    async def record_station_transaction(
        self, info: Info, input: Annotated[RecordStationTransactionInput, strawberry.argument(description="The withdrawal or transfer (T4).")]
    ) -> StationTransactionPayload:
        try:
            amount_fen = to_fen(input.amount)
        except MoneyError as exc:
            return StationTransactionPayload(transaction=None, day_totals=None,
                                             user_errors=[UserError(code=ErrorCode.INVALID_INPUT, message=str(exc), field=["amount"])])
        result, errors = await _attempt(station_graph.record_transaction(
            info.context.graph, input.station_code, input.account, TxnKind(input.kind.value), amount_fen, input.at,
            today=info.context.today()))
        if result is None:
            return StationTransactionPayload(transaction=None, day_totals=None, user_errors=errors)
        txn, totals = result
        return StationTransactionPayload(
            transaction=StationTransaction(
                id=strawberry.ID(txn["id"]), station_code=txn["stationCode"], account=txn["account"],
                kind=StationTransactionKind(txn["kind"]), amount=from_fen(txn["amountFen"]), at=txn["at"], day=txn["day"],
            ),
            day_totals=AccountDayTotals.from_row(totals),
            user_errors=[],
        )

    @strawberry.mutation(description="Reports a major incident (T5); `late` when reported after the next working day.")
    async def report_incident(
        self, info: Info, input: Annotated[ReportIncidentInput, strawberry.argument(description="The incident and its dates (T5).")]
    ) -> IncidentPayload:
        data = {"kind": input.kind.value, "discoveredOn": input.discovered_on, "reportedOn": input.reported_on,
                "description": input.description}
        props, errors = await _attempt(station_graph.report_incident(
            info.context.graph, input.station_code, data, today=info.context.today()))
        return IncidentPayload(incident=Incident.from_props(props) if props else None, user_errors=errors)

    @strawberry.mutation(description="Closes an incident (T5). NOT_FOUND: unknown id; CONFLICT: already closed.")
    async def close_incident(
        self, info: Info, input: Annotated[CloseIncidentInput, strawberry.argument(description="Which incident, when and how it was closed (T5).")]
    ) -> IncidentPayload:
        props, errors = await _attempt(station_graph.close_incident(
            info.context.graph, str(input.id), input.closed_on, input.resolution, today=info.context.today()))
        return IncidentPayload(incident=Incident.from_props(props) if props else None, user_errors=errors)

    @strawberry.mutation(description="Records a training (T6).")
    async def record_training(
        self, info: Info, input: Annotated[RecordTrainingInput, strawberry.argument(description="The training (T6).")]
    ) -> StationPayload:
        return await _station(info, station_graph.record_training(
            info.context.graph, input.station_code, PolicyTrainingKind(input.kind.value), input.on, input.topics,
            today=info.context.today()))
