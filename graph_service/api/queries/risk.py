"""Risk officers' queries: contagion traces (K2), stress tests (K3) and systemic villages."""

from __future__ import annotations

import asyncio
import math
from typing import Annotated, Any

import strawberry
from graphql import GraphQLError
from strawberry.types.nodes import SelectedField, Selection

from graph_service.api.context import Info
from graph_service.api.loaders import zoned_datetime
from graph_service.api.types.contagion import (
    ContagionReport,
    ExposedVillage,
    ProjectedFigures,
    StressReport,
    StressRound,
    StressTestInput,
    SystemicVillage,
)
from graph_service.api.types.village import Village
from graph_service.graph import contagion
from graph_service.graph.db import Graph
from graph_service.money import from_fen
from graph_service.policy.config import current_policy
from graph_service.policy.stress import Scenario, share_fraction

MAX_SYSTEMIC = 100
SystemicFirst = Annotated[int, strawberry.argument(description=f"How many villages, 0–{MAX_SYSTEMIC} (default 10; else INVALID_INPUT).")]


def _error(code: str, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})


def _scenario(input: StressTestInput) -> Scenario:
    share = input.guarantor_distress_share
    if input.rounds < 0:
        raise _error("INVALID_INPUT", "rounds: must be 0 or more")
    if not math.isfinite(share) or share <= 0:
        raise _error("INVALID_INPUT", "guarantorDistressShare: must be greater than 0")
    return Scenario(
        default_villages=frozenset(input.default_village_codes),
        default_loans=frozenset(input.default_loan_codes),
        rounds=input.rounds,
        distress_share=share_fraction(share),
    )


async def trace_village_props(graph: Graph, codes: set[str], scope: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The villages' properties exactly as the Village loader gives them, in one round trip and one row
    (`trace_villages`)."""
    row = await graph.read_one("trace_villages", codes=sorted(codes), **scope)
    found = {props["code"]: props for props in (row["nodes"] if row else ())}
    for props in found.values():
        if type(props.get("frozenSince")) is list:
            props["frozenSince"] = zoned_datetime(props["frozenSince"])
    return found


async def _load_villages(info: Info, codes: set[str]) -> dict[str, Village]:
    found = await trace_village_props(info.context.graph, codes, info.context.loaders.scope)
    missing = codes - found.keys()
    assert not missing, f"villages {sorted(missing)} vanished during the request"
    return {code: Village.from_props(props) for code, props in found.items()}


def _selects(info: Info, parent: str, names: set[str]) -> bool:
    """Look-ahead: whether the field's selection asks for any of `names` under `parent` (fragments
    included; a field skipped by a directive still counts, which only costs a query)."""

    def walk(selections: list[Selection], inside: bool) -> bool:
        for selection in selections:
            if isinstance(selection, SelectedField):
                if inside and selection.name in names:
                    return True
                if not inside and selection.name == parent and walk(selection.selections, True):
                    return True
            elif walk(selection.selections, inside):  # fragment spread or inline fragment
                return True
        return False

    return any(walk(field.selections, False) for field in info.selected_fields)


@strawberry.type
class RiskQuery:
    @strawberry.field(description=(
        "Villages exposed to `villageCode` through guarantees, nearest first (rule K2). Hop 1: the villages "
        "whose households guarantee live loans of the source; hop 2: those guaranteeing loans of hop 1; … "
        "Guarantees inside one village are not links. `maxHops` above 6 is capped at 6; below 0 is an "
        "INVALID_INPUT error; an unknown village is a NOT_FOUND error. Computed live from the guarantees."))
    async def contagion(
        self, info: Info,
        village_code: Annotated[str, strawberry.argument(description="The source village's code; unknown: NOT_FOUND error.")],
        max_hops: Annotated[int, strawberry.argument(description="Hops to trace, ≥ 0 (default 3); above 6 is capped at 6.")] = 3,
    ) -> ContagionReport:
        if max_hops < 0:
            raise _error("INVALID_INPUT", "maxHops: must be 0 or more")
        source = await info.context.loaders.node("Village", village_code)
        if source is None:
            raise _error("NOT_FOUND", f"no village {village_code}")
        hops = min(max_hops, contagion.MAX_HOPS)
        reached = await contagion.trace(info.context.graph, village_code, hops)
        # Each village of the answer becomes one Village object, loaded in one batch, shared by every
        # path it is on; the reached villages need none when the query asks for neither field.
        villages = {village_code: Village.from_props(source)}
        if reached and _selects(info, "reached", {"village", "path"}):
            villages.update(await _load_villages(info, {r.code for r in reached} - villages.keys()))
        return ContagionReport(
            max_hops=hops,
            source=villages[village_code],
            reached=[ExposedVillage(hops=r.hops, exposure=from_fen(r.exposure_fen), village=villages.get(r.code),  # type: ignore[arg-type]
                                    path=[villages[code] for code in r.path] if r.code in villages else [])
                     for r in reached],
        )

    @strawberry.field(description=(
        "Read-only what-if (rule K3): nothing is written. Round 0 defaults every outstanding loan of the "
        "chosen villages and the chosen loans; each next round, a household whose guarantees on defaulted "
        "loans (each counted as min(amount, outstanding)) reach `guarantorDistressShare` of its credit line "
        "(any amount when the line is 0) is distressed and all its loans default. Unknown codes are a "
        "NOT_FOUND error."))
    async def stress_test(
        self, info: Info, input: Annotated[StressTestInput, strawberry.argument(description="The scenario: round-0 defaults, rounds and distress share (K3).")]
    ) -> StressReport:
        scenario = _scenario(input)
        portfolio = await contagion.load_portfolio(
            info.context.graph, scenario.default_villages, scenario.default_loans
        )
        unknown_villages = sorted(scenario.default_villages - portfolio.village_towns.keys())
        if unknown_villages:
            raise _error("NOT_FOUND", f"defaultVillageCodes: no village {', '.join(unknown_villages)}")
        not_live = sorted(scenario.default_loans - portfolio.loans.keys())
        found = await asyncio.gather(*(info.context.loaders.node("Loan", code) for code in not_live))
        unknown_loans = [code for code, props in zip(not_live, found) if props is None]
        if unknown_loans:
            raise _error("NOT_FOUND", f"defaultLoanCodes: no loan {', '.join(unknown_loans)}")

        result = portfolio.stress(scenario, current_policy().freeze)
        cascade = result.cascade
        return StressReport(
            rounds_run=cascade.rounds_run,
            defaulted_loan_count=len(cascade.defaulted),
            distressed_household_count=len(cascade.distressed),
            defaulted_balance=from_fen(result.defaulted_fen),
            rounds=[
                StressRound(
                    round=number,
                    distressed_household_count=len(households),
                    defaulted_loan_count=len(loans),
                    defaulted_balance=from_fen(sum(portfolio.loans[code].outstanding_fen for code in loans)),
                )
                for number, (households, loans) in enumerate(cascade.rounds)
            ],
            villages=[ProjectedFigures.of(f.code, f.balance_fen, f.overdue_fen, f.frozen) for f in result.villages],
            towns=[ProjectedFigures.of(f.code, f.balance_fen, f.overdue_fen, f.frozen) for f in result.towns],
            county=ProjectedFigures.of(result.county.code, result.county.balance_fen, result.county.overdue_fen, result.county.frozen),
            newly_frozen_village_codes=result.newly_frozen_villages,
            newly_frozen_town_codes=result.newly_frozen_towns,
        )

    @strawberry.field(description=(
        "Villages ranked by systemic risk, most dangerous first: the outstanding that would default "
        "county-wide if each village's borrowers alone defaulted (the K3 stress engine with the default "
        "distress share, run until nothing changes). Refreshed by `graph-service systemic`; villages never "
        "computed are not listed. `first`: 0–100, default 10."))
    async def systemic_villages(
        self, info: Info,
        first: SystemicFirst = 10,
    ) -> list[SystemicVillage]:
        if first < 0 or first > MAX_SYSTEMIC:
            raise _error("INVALID_INPUT", f"first: must be between 0 and {MAX_SYSTEMIC}")
        rows = await info.context.graph.read("systemic_top", limit=first)
        return [SystemicVillage.from_props(rank, row["node"]) for rank, row in enumerate(rows, start=1)]
