"""Station mutations (H4, T1–T6). Each is one unit of work in `graph_service.graph.stations`;
a refusal comes back in `userErrors` and changes nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Awaitable
from decimal import Decimal
from typing import TypeVar

import strawberry

from graph_service.api.context import Info
from graph_service.api.errors import ErrorCode, Refused, UserError
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
    code: str
    name: str
    village_code: str
    bank_code: str
    registered_on: dt.date
    opened_on: dt.date
    manager: str


@strawberry.input(description="One monthly inspection by the host bank (T2).")
class RecordInspectionInput:
    station_code: str
    inspected_on: dt.date
    inspector: str
    findings: str
    asked_about_illegal_fundraising: bool
    illegal_activity_found: bool


@strawberry.input(description="`quarter` is YYYYQn, e.g. 2026Q1; each dimension 0-20.")
class RateStationInput:
    station_code: str
    quarter: str
    environment: int
    functions: int
    volume: int
    service: int
    risk_control: int


@strawberry.input(description="A cash withdrawal or transfer for an account at a station (T4).")
class RecordStationTransactionInput:
    station_code: str
    account: str
    kind: StationTransactionKind
    amount: Decimal
    at: dt.datetime


@strawberry.input(description="A major incident and when it was discovered and reported (T5).")
class ReportIncidentInput:
    station_code: str
    kind: IncidentKind
    discovered_on: dt.date
    reported_on: dt.date
    description: str


@strawberry.input(description="Closes an open incident (T5).")
class CloseIncidentInput:
    id: strawberry.ID
    closed_on: dt.date
    resolution: str


@strawberry.input(description="One training of a station's staff (T6).")
class RecordTrainingInput:
    station_code: str
    kind: TrainingKind
    on: dt.date
    topics: list[str]


@strawberry.type(description="The station after the change, or why it was refused.")
class StationPayload:
    station: Station | None
    user_errors: list[UserError] = strawberry.field(description="Why the action was refused; empty when it succeeded (a refused action changes nothing).")


@strawberry.type(description="The recorded transaction and the account's totals that day, or why it was refused (LIMIT_EXCEEDED).")
class StationTransactionPayload:
    transaction: StationTransaction | None
    day_totals: AccountDayTotals | None
    user_errors: list[UserError] = strawberry.field(description="Why the action was refused; empty when it succeeded (a refused action changes nothing).")


@strawberry.type(description="The incident after the change, or why it was refused.")
class IncidentPayload:
    incident: Incident | None
    user_errors: list[UserError] = strawberry.field(description="Why the action was refused; empty when it succeeded (a refused action changes nothing).")


async def _attempt(work: Awaitable[T]) -> tuple[T | None, list[UserError]]:
    try:
        return await work, []
    except Refused as refused:
        return None, [refused.error]


async def _station(info: Info, work: Awaitable[dict]) -> StationPayload:  # type: ignore[type-arg]
    props, errors = await _attempt(work)
    if props is not None:
        with contextlib.suppress(KeyError):  # the loader raises when the station was not cached
            info.context.loaders.clear("Station", props["code"])
    return StationPayload(station=Station.from_props(props) if props else None, user_errors=errors)


@strawberry.type
class StationMutation:
    @strawberry.mutation(description="备案 Registers a station (T1). CONFLICT: code used; NOT_FOUND: village or bank.")
    async def register_station(self, info: Info, input: RegisterStationInput) -> StationPayload:
        data = {
            "code": input.code, "name": input.name, "villageCode": input.village_code, "bankCode": input.bank_code,
            "registeredOn": input.registered_on, "openedOn": input.opened_on, "manager": input.manager,
        }
        return await _station(info, station_graph.register_station(info.context.graph, data, today=info.context.today()))

    @strawberry.mutation(description="巡检 Records an inspection (T2).")
    async def record_inspection(self, info: Info, input: RecordInspectionInput) -> StationPayload:
        data = {
            "inspectedOn": input.inspected_on, "inspector": input.inspector, "findings": input.findings,
            "askedAboutIllegalFundraising": input.asked_about_illegal_fundraising,
            "illegalActivityFound": input.illegal_activity_found,
        }
        return await _station(info, station_graph.record_inspection(
            info.context.graph, input.station_code, data, today=info.context.today()))

    @strawberry.mutation(description="Quarterly star rating (T3). INVALID_INPUT: bad quarter or score; NOT_FOUND: station; CONFLICT: quarter already rated.")
    async def rate_station(self, info: Info, input: RateStationInput) -> StationPayload:
        scores = {
            "environment": input.environment, "functions": input.functions, "volume": input.volume,
            "service": input.service, "riskControl": input.risk_control,
        }
        return await _station(info, station_graph.rate_station(
            info.context.graph, input.station_code, input.quarter, scores, today=info.context.today()))

    @strawberry.mutation(description="Records a withdrawal or transfer (T4); LIMIT_EXCEEDED when it would cross the account's daily count or amount cap.")
    async def record_station_transaction(self, info: Info, input: RecordStationTransactionInput) -> StationTransactionPayload:
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
    async def report_incident(self, info: Info, input: ReportIncidentInput) -> IncidentPayload:
        data = {"kind": input.kind.value, "discoveredOn": input.discovered_on, "reportedOn": input.reported_on,
                "description": input.description}
        props, errors = await _attempt(station_graph.report_incident(
            info.context.graph, input.station_code, data, today=info.context.today()))
        return IncidentPayload(incident=Incident.from_props(props) if props else None, user_errors=errors)

    @strawberry.mutation(description="Closes an incident (T5). NOT_FOUND: unknown id; CONFLICT: already closed.")
    async def close_incident(self, info: Info, input: CloseIncidentInput) -> IncidentPayload:
        props, errors = await _attempt(station_graph.close_incident(
            info.context.graph, str(input.id), input.closed_on, input.resolution, today=info.context.today()))
        return IncidentPayload(incident=Incident.from_props(props) if props else None, user_errors=errors)

    @strawberry.mutation(description="Records a training (T6).")
    async def record_training(self, info: Info, input: RecordTrainingInput) -> StationPayload:
        return await _station(info, station_graph.record_training(
            info.context.graph, input.station_code, PolicyTrainingKind(input.kind.value), input.on, input.topics,
            today=info.context.today()))
