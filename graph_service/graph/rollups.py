"""Roll-ups of the county hierarchy (R1–R6): full recomputation from the loans.

The incremental path (one loan change, constant work) lives with the loan mutations; this module is
the reference it must agree with (R6).
"""

from __future__ import annotations

import datetime as dt
import time

from graph_service.graph.db import Graph
from graph_service.policy.config import current_policy


async def recompute(graph: Graph, *, today: dt.date) -> dict[str, int]:
    """Recomputes balances, freezes and titles bottom-up; returns counts and the time taken."""
    policy = current_policy()
    started = time.perf_counter()
    now = dt.datetime.now(dt.timezone.utc)
    # L1, R6: each household's loan figures, which issueLoan checks against its line.
    await graph.write("recompute_household_loans")
    villages = await graph.write(
        "recompute_village_balances", villagePercent=policy.freeze.village_overdue_percent, now=now
    )
    towns = await graph.write(
        "recompute_town_balances", townPercent=policy.freeze.town_overdue_percent, now=now
    )
    await graph.write("recompute_county_balances")
    # S9: assessments that have come into force by today change who is a credit household (R4).
    from graph_service.graph import assessments

    await assessments.apply_due(graph, today)
    await graph.write(
        "recompute_village_titles", villagePercent=policy.titles.credit_village_household_percent
    )
    await graph.write("recompute_town_titles", townPercent=policy.titles.credit_town_village_percent)
    return {
        "villages": villages[0]["villages"],
        "towns": towns[0]["towns"],
        "frozenVillages": villages[0]["frozen"],
        "frozenTowns": towns[0]["frozen"],
        "milliseconds": int((time.perf_counter() - started) * 1000),
    }
