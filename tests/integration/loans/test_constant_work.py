"""The Cypher work of one loan change does not grow with the county (R6, issue 4): the same round
trips, the same statements and the same rows written (result summary counters) on a small county
and on one 50 times larger, for each kind of change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph_service.graph import db as db_module
from graph_service.graph import loans, stats
from graph_service.graph.importer import import_document, reset
from tests import factories
from tests.conftest import TODAY
from tests.integration.loans import support

ON = dt.date(2026, 6, 1)
COUNTER_FIELDS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                  "properties_set", "labels_added")


def county(scale: int) -> dict[str, Any]:
    """12 households with one loan each (scale 1), or 600 households and 600 loans (scale 50)."""
    doc = factories.county(towns=2 * scale if scale == 1 else 10, villages_per_town=2 if scale == 1 else 10,
                           households_per_village=3 if scale == 1 else 6)
    doc["loans"] = [factories.loan(f"OLD{i}", h["code"], 1000) for i, h in enumerate(doc["households"])]
    return doc


async def measure(graph, monkeypatch: pytest.MonkeyPatch, change) -> tuple[int, list[str], list[tuple[int, ...]]]:  # type: ignore[no-untyped-def]
    counters: list[tuple[int, ...]] = []
    original = db_module._elapsed

    def capture(summary):  # type: ignore[no-untyped-def]
        if summary is not None:
            counters.append(tuple(getattr(summary.counters, f) for f in COUNTER_FIELDS))
        return original(summary)

    monkeypatch.setattr(db_module, "_elapsed", capture)
    counted = stats.start()
    await change()
    monkeypatch.setattr(db_module, "_elapsed", original)
    return counted.round_trips, list(counted.queries), counters


async def work_of_each_change(graph, monkeypatch: pytest.MonkeyPatch, scale: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    await reset(graph)
    doc = county(scale)
    assert len(doc["households"]) == 12 * scale
    await import_document(graph, doc, today=TODAY)
    await support.set_standing(graph, ["T1V1H1"], line=50000)
    changes = {
        "issue": lambda: support.issue(graph, "NEW", "T1V1H1", 2000),
        "repay": lambda: loans.record_repayment(graph, "NEW", 100, ON),
        "overdue (freezes)": lambda: loans.report_overdue(graph, "NEW", 10, ON),
        "cure (lifts)": lambda: loans.report_overdue(graph, "NEW", 0, ON),
        "write-off": lambda: loans.write_off_loan(graph, "NEW", ON, "test"),
    }
    return {name: await measure(graph, monkeypatch, change) for name, change in changes.items()}


async def test_one_loan_change_costs_the_same_on_a_50x_larger_county(graph, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    small = await work_of_each_change(graph, monkeypatch, 1)
    large = await work_of_each_change(graph, monkeypatch, 50)
    assert small == large
    # Constant and small: lock+read, (create,) save, and the title refresh when a freeze flips.
    trips = {name: work[0] for name, work in small.items()}
    assert max(trips.values()) <= 6, trips
    assert "refresh_village_titles" in small["overdue (freezes)"][1]
    assert "refresh_village_titles" not in small["repay"][1]
