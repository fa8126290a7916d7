"""普惠金融服务站 Service station (H4, T1–T6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from graphql import GraphQLError

from graph_service.api.context import Info
from graph_service.api.node import Node, to_global_id
from graph_service.api.types.bank import Bank
from graph_service.api.types.station_activity import Incident, Inspection, StationRating, Training
from graph_service.graph import stations as station_graph
from graph_service.policy import stations as rules

if TYPE_CHECKING:
    from graph_service.api.types.village import Village

VillageRef = Annotated["Village", strawberry.lazy("graph_service.api.types.village")]

# The period of a missed-inspection question (T2), shared with Query.stationsWithMissedInspections.
PeriodFrom = Annotated[dt.date, strawberry.argument(name="from", description="First day of the period; its month is the first one checked.")]
PeriodTo = Annotated[dt.date, strawberry.argument(description="Last day of the period, inclusive; not before `from` and at most 120 months in all (else INVALID_INPUT).")]


@strawberry.type(description="普惠金融服务站 A village service station run with a host bank (H4).")
class Station(Node):
    code: str = strawberry.field(description="Station code (unique).")
    name: str = strawberry.field(description="Name, e.g. …村普惠金融服务站.")
    registered_on: dt.date = strawberry.field(description="Filed (备案) with the central bank's county branch (T1).")
    opened_on: dt.date = strawberry.field(description="Opening date; registration is due 5 working days before it (T1).")
    manager: str = strawberry.field(description="The station manager (站长).")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Station":
        return cls(
            id=to_global_id("Station", props["code"]),
            code=props["code"],
            name=props["name"],
            registered_on=props["registeredOn"],
            opened_on=props["openedOn"],
            manager=props.get("manager") or "",
            _props=props,
        )

    @strawberry.field(description="The village the station serves.")
    async def village(self, info: Info) -> VillageRef:
        from graph_service.api.types.village import Village

        props = await info.context.loaders.node("Village", self._props["villageCode"])
        assert props is not None
        return Village.from_props(props)

    @strawberry.field(description="The host bank.")
    async def bank(self, info: Info) -> Bank:
        props = await info.context.loaders.node("Bank", self._props["bankCode"])
        assert props is not None
        return Bank.from_props(props)

    async def _children(self, info: Info, query: str, key: str) -> list[dict[str, Any]]:
        """One round trip per request for the `key` lists of every station asked for."""
        graph = info.context.graph

        def load(codes: list[str]) -> Awaitable[list[list[dict[str, Any]]]]:
            return station_graph.children_by_codes(graph, query, key, codes)

        loader_fn: Callable[[list[str]], Awaitable[list[Any]]] = load
        return await info.context.loaders.custom(query, loader_fn).load(self.code)

    @strawberry.field(description="The last on-time filing day: 5 working days before opening (T1).")
    def registration_deadline(self) -> dt.date:
        return rules.registration_deadline(self.opened_on)

    @strawberry.field(description="Filed later than 5 working days before opening (T1), computed from the dates; opening before filing counts as late.")
    def registration_late(self) -> bool:
        return rules.registration_late(self.registered_on, self.opened_on)

    @strawberry.field(description="Inspections by the host bank, newest first (T2).")
    async def inspections(self, info: Info) -> list[Inspection]:
        rows = await self._children(info, "station_inspections_by_codes", "inspections")
        return [Inspection.from_props(p) for p in rows]

    @strawberry.field(description="Calendar months (YYYY-MM) from `from` to `to` inclusive with no inspection (rule T2). Months before the opening month and months not yet over are not missed.")
    async def missed_inspection_months(self, info: Info, from_: PeriodFrom, to: PeriodTo) -> list[str]:
        problem = station_graph.check_period(from_, to)
        if problem:
            raise GraphQLError(problem, extensions={"code": "INVALID_INPUT"})
        rows = await self._children(info, "station_inspections_by_codes", "inspections")
        return station_graph.missed_months(self._props, [p["inspectedOn"] for p in rows], from_, to, info.context.today())

    @strawberry.field(description="Quarterly star ratings in quarter order (T3).")
    async def ratings(self, info: Info) -> list[StationRating]:
        rows = await self._children(info, "station_ratings_by_codes", "ratings")
        return [StationRating.from_props(p) for p in rows]

    @strawberry.field(description="Stars of the latest rated quarter (T3); null before the first rating.")
    async def latest_stars(self, info: Info) -> int | None:
        rows = await self._children(info, "station_ratings_by_codes", "ratings")
        return int(rows[-1]["stars"]) if rows else None

    @strawberry.field(description="Three consecutive unqualified quarters (★1–★2) and no qualified quarter since: to be replaced, 撤换 (T3).")
    def flagged_for_replacement(self) -> bool:
        return bool(self._props.get("flaggedForReplacement"))

    @strawberry.field(description="Major incidents reported for the station (T5), newest discovery first; `open` filters.")
    async def incidents(
        self, info: Info,
        open: Annotated[bool | None, strawberry.argument(description="true: only open incidents; false: only closed ones; null: all.")] = None,
    ) -> list[Incident]:
        rows = await self._children(info, "station_incidents_by_codes", "incidents")
        items = [Incident.from_props(p) for p in rows]
        return items if open is None else [i for i in items if (i.closed_on is None) == open]

    @strawberry.field(description="Trainings of the station's staff in date order (T6); `year` filters.")
    async def trainings(
        self, info: Info,
        year: Annotated[int | None, strawberry.argument(description="Only trainings in this calendar year; null: all.")] = None,
    ) -> list[Training]:
        rows = await self._children(info, "station_trainings_by_codes", "trainings")
        return [Training.from_props(p) for p in rows if year is None or p["on"].year == year]
