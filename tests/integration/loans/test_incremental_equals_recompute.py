"""R6: random sequences of issue / repay / overdue / cure / write-off leave the incremental figures
(households, villages, towns, county, freeze flags, titles) equal to a full recomputation."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from graph_service.errors import Refused
from graph_service.graph import loans, rollups
from graph_service.graph.importer import import_document, reset
from tests import factories
from tests.conftest import TODAY
from tests.integration.loans import support

HOUSEHOLDS = [f"T{t}V{v}H{h}" for t in (1, 2) for v in (1, 2) for h in (1, 2)]
ON = dt.date(2026, 5, 1)

issue = st.tuples(st.just("issue"), st.sampled_from(HOUSEHOLDS), st.integers(1, 800_000))
repay = st.tuples(st.just("repay"), st.integers(0, 30), st.integers(1, 800_000))
overdue = st.tuples(st.just("overdue"), st.integers(0, 30), st.integers(1, 120))
cure = st.tuples(st.just("cure"), st.integers(0, 30), st.just(0))
write_off = st.tuples(st.just("writeoff"), st.integers(0, 30), st.just(0))
operations = st.lists(st.one_of(issue, issue, repay, overdue, cure, write_off), min_size=1, max_size=25)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
async def test_incremental_figures_equal_a_full_recomputation(graph, ops) -> None:  # type: ignore[no-untyped-def]
    await reset(graph)
    await import_document(graph, factories.county(towns=2, villages_per_town=2, households_per_village=2), today=TODAY)
    # Half the households start as credit households, so the titles move too (R4, R5).
    await support.set_standing(graph, HOUSEHOLDS[::2], line=10_000)
    await support.set_standing(graph, HOUSEHOLDS[1::2], certificate="BLUE", line=10_000, credit=False, stars=None)
    await rollups.recompute(graph, today=TODAY)
    issued: list[str] = []
    for kind, target, amount in ops:
        try:
            if kind == "issue":
                code = f"L{len(issued) + 1}"
                await support.issue(graph, code, target, f"{amount / 100:.2f}")
                issued.append(code)
            elif not issued:
                continue
            elif kind == "repay":
                await loans.record_repayment(graph, issued[target % len(issued)], amount, ON)
            elif kind == "overdue":
                await loans.report_overdue(graph, issued[target % len(issued)], amount, ON)
            elif kind == "cure":
                await loans.report_overdue(graph, issued[target % len(issued)], 0, ON)
            else:
                await loans.write_off_loan(graph, issued[target % len(issued)], ON, "test")
        except Refused:
            pass  # a refused change writes nothing; the figures must still agree
    incremental = await support.snapshot(graph)
    await rollups.recompute(graph, today=TODAY)
    assert incremental == await support.snapshot(graph)
