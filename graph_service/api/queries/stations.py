"""County-wide station views: missed inspections (T2), open incidents (T5), training gaps (T6)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry
from graphql import GraphQLError

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.loaders import Page
from graph_service.api.types.station import PeriodFrom, PeriodTo, Station
from graph_service.api.types.station_activity import Incident, StationMissedInspections, TrainingGap
from graph_service.graph import stations as station_graph

MIN_YEAR, MAX_YEAR = 2000, 2099
MISSED_ORDER = "STATION_CODE"
INCIDENT_ORDER = "DISCOVERED_ON"
Year = Annotated[int, strawberry.argument(description=f"The calendar year, {MIN_YEAR}–{MAX_YEAR} (else INVALID_INPUT).")]


@strawberry.type
class StationQuery:
    @strawberry.field(description="Stations with at least one missed inspection month between `from` and `to` (T2), in station code order.")
    async def stations_with_missed_inspections(
        self, info: Info,
        from_: PeriodFrom,
        to: PeriodTo,
        first: pagination.First = None,
        after: pagination.After = None,
    ) -> pagination.Connection[StationMissedInspections]:
        problem = station_graph.check_period(from_, to)
        if problem:
            raise GraphQLError(problem, extensions={"code": "INVALID_INPUT"})
        size = pagination.page_size(first)
        cursor = pagination.decode_cursor(after, MISSED_ORDER, str)
        graph, today = info.context.graph, info.context.today()
        found = await station_graph.stations_with_missed_inspections(
            graph, from_, to, after=cursor["code"] if cursor else None, limit=size + 1, today=today
        )
        rows = tuple(
            {"_k": props["code"], "code": props["code"],
             "item": StationMissedInspections(station=Station.from_props(props), months=months)}
            for props, months in found
        )

        async def total() -> int:
            return len(await station_graph.stations_with_missed_inspections(graph, from_, to, after=None, limit=None, today=today))

        return pagination.build(Page(rows=rows, total=None), size, order=MISSED_ORDER, after=after,
                                make=lambda row: row["item"], count=total)

    @strawberry.field(description="Incidents not yet closed, oldest discovery first (T5).")
    async def open_incidents(self, info: Info, first: pagination.First = None, after: pagination.After = None) -> pagination.Connection[Incident]:
        size = pagination.page_size(first)
        cursor = pagination.decode_cursor(after, INCIDENT_ORDER, str)
        after_day: dt.date | None = None
        if cursor is not None:
            try:
                after_day = dt.date.fromisoformat(cursor["k"])
            except ValueError:
                raise pagination.invalid("after: not a cursor of this list") from None
        graph = info.context.graph
        found = await graph.read("open_incidents_page", afterDay=after_day, afterId=cursor["code"] if cursor else None, limit=size + 1)
        rows = tuple({"_k": r["incident"]["discoveredOn"].isoformat(), "code": r["incident"]["id"], "item": r["incident"]} for r in found)

        async def total() -> int:
            row = await graph.read_one("open_incidents_count")
            return int(row["total"]) if row else 0

        return pagination.build(Page(rows=rows, total=None), size, order=INCIDENT_ORDER, after=after,
                                make=lambda row: Incident.from_props(row["item"]), count=total)

    @strawberry.field(description="Stations missing trainings in `year` (T6): monthly on-site, quarterly at a branch, half-yearly central, two a year.")
    async def training_gaps(
        self, info: Info,
        year: Year,
    ) -> list[TrainingGap]:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise GraphQLError(f"year must be between {MIN_YEAR} and {MAX_YEAR}", extensions={"code": "INVALID_INPUT"})
        found = await station_graph.training_gaps(info.context.graph, year, today=info.context.today())
        return [
            TrainingGap(
                station=Station.from_props(props),
                training_count=report.training_count,
                below_annual_minimum=report.below_annual_minimum,
                missing_months=report.missing_months,
                missing_quarters=report.missing_quarters,
                missing_halves=report.missing_halves,
            )
            for props, report in found
        ]
