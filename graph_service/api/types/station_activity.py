"""What happens at a service station: inspections (T2), star ratings (T3), cash transactions (T4),
incidents (T5), trainings (T6), and the coverage goal of H4."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.money import from_fen
from graph_service.policy.ratios import ratio

if TYPE_CHECKING:
    from graph_service.api.types.station import Station
    from graph_service.api.types.village import Village

StationRef = Annotated["Station", strawberry.lazy("graph_service.api.types.station")]
VillageRef = Annotated["Village", strawberry.lazy("graph_service.api.types.village")]


@strawberry.type(description="巡检 One inspection of a station by its host bank (T2).")
class Inspection:
    inspected_on: dt.date = strawberry.field(description="The inspection date (T2: at least one each calendar month); not in the future nor before the opening.")
    inspector: str = strawberry.field(description="The host bank's inspector who signed the written record (T2).")
    findings: str = strawberry.field(description="The written findings (T2); may be empty.")
    asked_about_illegal_fundraising: bool = strawberry.field(description="Illegal fund-raising and private lending were asked about.")
    illegal_activity_found: bool = strawberry.field(description="Illegal fund-raising (非法集资) or private lending was found (T2).")

    @classmethod
    def from_props(cls, p: dict[str, Any]) -> "Inspection":
        return cls(
            inspected_on=p["inspectedOn"], inspector=p["inspector"], findings=p.get("findings") or "",
            asked_about_illegal_fundraising=bool(p["askedAboutIllegalFundraising"]),
            illegal_activity_found=bool(p["illegalActivityFound"]),
        )


@strawberry.type(description="星级评定 A quarterly star rating on five dimensions of 0–20 (T3).")
class StationRating:
    quarter: str = strawberry.field(description="YYYYQn, e.g. 2026Q1.")
    environment: int = strawberry.field(description="服务环境 service environment, 0–20.")
    functions: int = strawberry.field(description="站点功能 station functions, 0–20.")
    volume: int = strawberry.field(description="业务量 business volume, 0–20.")
    service: int = strawberry.field(description="服务水平 service level, 0–20.")
    risk_control: int = strawberry.field(description="风险防控 risk control, 0–20.")
    total: int = strawberry.field(description="Sum of the five dimensions, 0–100; decides the stars (T3).")
    stars: int = strawberry.field(description="≥90 ★5, ≥80 ★4, ≥60 ★3, ≥40 ★2, else ★1.")
    qualified: bool = strawberry.field(description="★3 or more; ★1–★2 are unqualified.")
    policy_version: str = strawberry.field(description="The policy configuration version the stars were computed with.")

    @classmethod
    def from_props(cls, p: dict[str, Any]) -> "StationRating":
        return cls(
            quarter=p["quarter"], environment=int(p["environment"]), functions=int(p["functions"]),
            volume=int(p["volume"]), service=int(p["service"]), risk_control=int(p["riskControl"]),
            total=int(p["total"]), stars=int(p["stars"]), qualified=bool(p["qualified"]),
            policy_version=p.get("policyVersion") or "",
        )


@strawberry.enum(description="Kinds of cash business capped per account and day (T4).")
class StationTransactionKind(Enum):
    WITHDRAWAL = strawberry.enum_value("WITHDRAWAL", description="取现 cash withdrawal")
    TRANSFER = strawberry.enum_value("TRANSFER", description="转账 transfer")


@strawberry.type(description="One cash withdrawal or transfer at a station (T4).")
class StationTransaction:
    id: strawberry.ID = strawberry.field(description="The transaction's id.")
    station_code: str = strawberry.field(description="The station's code.")
    account: str = strawberry.field(description="The customer's account, as entered (trimmed).")
    kind: StationTransactionKind = strawberry.field(description="取现 withdrawal or 转账 transfer (T4).")
    amount: Decimal = strawberry.field(description="The amount in yuan (> 0).")
    at: dt.datetime = strawberry.field(description="When it took place, as sent.")
    day: dt.date = strawberry.field(description="The day it counts for (China Standard Time).")


@strawberry.type(description="An account's totals at a station on one day, against the caps (T4).")
class AccountDayTotals:
    withdrawal_count: int = strawberry.field(description="Withdrawals of the account at this station that day, this one included (cap: 3 by default, T4).")
    withdrawal_amount: Decimal = strawberry.field(description="Their total in yuan (cap: 2,000 by default, T4).")
    transfer_count: int = strawberry.field(description="Transfers of the account at this station that day, this one included (cap: 3 by default, T4).")
    transfer_amount: Decimal = strawberry.field(description="Their total in yuan (cap: 5,000 by default, T4).")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "AccountDayTotals":
        return cls(
            withdrawal_count=int(row["withdrawalCount"]), withdrawal_amount=from_fen(row["withdrawalFen"]),
            transfer_count=int(row["transferCount"]), transfer_amount=from_fen(row["transferFen"]),
        )


@strawberry.enum(description="Major incidents to report within 1 working day (T5).")
class IncidentKind(Enum):
    ILLEGAL_FUNDRAISING = strawberry.enum_value("ILLEGAL_FUNDRAISING", description="非法集资")
    USURY = strawberry.enum_value("USURY", description="高利贷")
    ILLEGAL_DEPOSIT_TAKING = strawberry.enum_value("ILLEGAL_DEPOSIT_TAKING", description="非法吸收公众存款")
    PRIVATE_FINANCING = strawberry.enum_value("PRIVATE_FINANCING", description="民间融资")
    OTHER_ILLEGAL_FINANCE = strawberry.enum_value("OTHER_ILLEGAL_FINANCE", description="其他非法金融业务")
    MAJOR_VIOLATION = strawberry.enum_value("MAJOR_VIOLATION", description="重大违规事件")


@strawberry.type(description="A major incident at a station, reported to the central bank's county branch (T5).")
class Incident:
    id: strawberry.ID = strawberry.field(description="The incident's opaque id; pass it to closeIncident.")
    kind: IncidentKind = strawberry.field(description="What kind of major incident (T5).")
    discovered_on: dt.date = strawberry.field(description="When it was discovered; the report deadline runs from this day (T5).")
    reported_on: dt.date = strawberry.field(description="When it was reported to the central bank's county branch (T5); not before discoveredOn.")
    deadline: dt.date = strawberry.field(description="The last on-time report day: the next working day after discovery.")
    late: bool = strawberry.field(description="Reported after the deadline (T5: flagged LATE).")
    description: str = strawberry.field(description="What happened, as reported.")
    closed_on: dt.date | None = strawberry.field(description="When it was closed; null while open.")
    resolution: str | None = strawberry.field(description="How it was resolved; null while open.")
    _station_code: strawberry.Private[str]

    @classmethod
    def from_props(cls, p: dict[str, Any]) -> "Incident":
        return cls(
            id=strawberry.ID(p["id"]), kind=IncidentKind(p["kind"]), discovered_on=p["discoveredOn"],
            reported_on=p["reportedOn"], deadline=p["deadline"], late=bool(p["late"]),
            description=p["description"], closed_on=p.get("closedOn"), resolution=p.get("resolution"),
            _station_code=p["stationCode"],
        )

    @strawberry.field(description="Open until closed.")
    def open(self) -> bool:
        return self.closed_on is None

    @strawberry.field(description="The station.")
    async def station(self, info: Info) -> StationRef:
        from graph_service.api.types.station import Station

        props = await info.context.loaders.node("Station", self._station_code)
        assert props is not None
        return Station.from_props(props)


@strawberry.enum(description="The training rhythm of T6.")
class TrainingKind(Enum):
    MONTHLY_ONSITE = strawberry.enum_value("MONTHLY_ONSITE", description="每月: the bank's patrol, on site")
    QUARTERLY_BRANCH = strawberry.enum_value("QUARTERLY_BRANCH", description="每季度: at a bank branch")
    HALF_YEARLY_CENTRAL = strawberry.enum_value("HALF_YEARLY_CENTRAL", description="每半年: the central bank with the host banks")


@strawberry.type(description="One training of a station's staff (T6).")
class Training:
    id: strawberry.ID = strawberry.field(description="The training's id.")
    kind: TrainingKind = strawberry.field(description="The T6 rhythm it counts for: monthly on-site, quarterly at a branch or half-yearly central.")
    on: dt.date = strawberry.field(description="The day of the training.")
    topics: list[str] = strawberry.field(description="The topics covered (at least one).")

    @classmethod
    def from_props(cls, p: dict[str, Any]) -> "Training":
        return cls(id=strawberry.ID(p["id"]), kind=TrainingKind(p["kind"]), on=p["on"], topics=list(p.get("topics") or []))


@strawberry.type(description="A station's missing trainings in a year (T6); only ended periods since its opening count.")
class TrainingGap:
    station: StationRef = strawberry.field(description="The station.")
    training_count: int = strawberry.field(description="Trainings of any kind in the year.")
    below_annual_minimum: bool = strawberry.field(description="The year is over with fewer than two trainings.")
    missing_months: list[str] = strawberry.field(description="YYYY-MM without on-site training.")
    missing_quarters: list[str] = strawberry.field(description="YYYYQn without a branch training.")
    missing_halves: list[str] = strawberry.field(description="YYYYH1/H2 without the central bank's training.")


@strawberry.type(description="A station and the months of a period in which it was not inspected (T2).")
class StationMissedInspections:
    station: StationRef = strawberry.field(description="The station.")
    months: list[str] = strawberry.field(description="Months (YYYY-MM) of the period without an inspection, in order (T2).")


@strawberry.type(description="H4: every village without a bank branch should have a service station (goal 100%).")
class StationCoverage:
    villages: int = strawberry.field(description="Villages of the town or county (H4).")
    villages_with_bank_branch: int = strawberry.field(description="Villages with a bank branch: they need no station (H4).")
    villages_needing_station: int = strawberry.field(description="Villages without a bank branch.")
    covered_villages: int = strawberry.field(description="Villages without a branch that have a station open today.")
    uncovered_village_count: int = strawberry.field(description="Villages without a bank branch and without a station open today.")
    coverage_ratio: float = strawberry.field(description="covered / needing; 1 when no village needs one. Shown only.")
    goal_met: bool = strawberry.field(description="Every village without a bank branch has a station open today (coverage goal 100%, H4).")
    _uncovered: strawberry.Private[list[str]]

    @classmethod
    def from_row(cls, row: dict[str, Any] | None) -> "StationCoverage":
        row = row or {}
        needing = int(row.get("needing") or 0)
        uncovered = [code for code in row.get("uncovered") or [] if code is not None]
        covered = needing - len(uncovered)
        return cls(
            villages=int(row.get("villages") or 0),
            villages_with_bank_branch=int(row.get("withBranch") or 0),
            villages_needing_station=needing,
            covered_villages=covered,
            uncovered_village_count=len(uncovered),
            coverage_ratio=ratio(covered, needing) if needing else 1.0,
            goal_met=not uncovered,
            _uncovered=uncovered,
        )

    @strawberry.field(description="Villages without a bank branch and without a station, in code order.")
    async def uncovered_villages(self, info: Info) -> list[VillageRef]:
        from graph_service.api.types.village import Village

        found = await asyncio.gather(*(info.context.loaders.node("Village", code) for code in self._uncovered))
        return [Village.from_props(p) for p in found if p is not None]


async def town_coverage(info: Info, town_code: str) -> StationCoverage:
    """H4 for one town; the towns of one request share a round trip."""
    graph, today = info.context.graph, info.context.today()

    async def load(codes: list[str]) -> list[dict[str, Any] | None]:
        rows = await graph.read("town_station_coverage", codes=list(codes), today=today)
        found = {row["code"]: row for row in rows}
        return [found.get(code) for code in codes]

    return StationCoverage.from_row(await info.context.loaders.custom("town_station_coverage", load).load(town_code))


async def county_coverage(info: Info, county_code: str) -> StationCoverage:
    """H4 for the whole county."""
    row = await info.context.graph.read_one("county_station_coverage", code=county_code, today=info.context.today())
    return StationCoverage.from_row(row)
