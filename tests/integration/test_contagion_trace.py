"""Contagion traces (K2) on the graph layer: hops, paths, exposures, direction, cycles, internal
guarantees, the hop cap, and the cost in round trips (one per hop)."""

from __future__ import annotations

import pytest

from graph_service.graph import contagion
from graph_service.graph.contagion import Reached
from tests.api.contagion.data import chain_county

HOP1 = [
    Reached("T1V2", 1, 1300000, ("T1V1", "T1V2")),  # 3000 + min(20000, 10000); T1V1H2's internal one ignored
    Reached("T2V1", 1, 500000, ("T1V1", "T2V1")),
]
HOP2 = [Reached("T2V2", 2, 400000, ("T1V1", "T1V2", "T2V2"))]  # tie: via T1V2 < via T2V1 (6000 not used)
HOP3 = [Reached("T2V3", 3, 250000, ("T1V1", "T1V2", "T2V2", "T2V3"))]


async def test_chain_across_two_towns(load, db) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    assert await contagion.trace(db, "T1V1", 3) == HOP1 + HOP2 + HOP3


@pytest.mark.parametrize(("hops", "expected"), [(0, []), (1, HOP1), (2, HOP1 + HOP2), (3, HOP1 + HOP2 + HOP3)])
async def test_max_hops_is_honoured(load, db, hops, expected) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    assert await contagion.trace(db, "T1V1", hops) == expected


async def test_cycle_terminates_and_the_source_is_never_reached(load, db, cypher_stats) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    cypher_stats.round_trips = 0
    reached = await contagion.trace(db, "T1V1", 6)
    assert reached == HOP1 + HOP2 + HOP3  # T2V3 -> T1V1 closes a cycle: nothing more
    # hops 1-4 each one aggregated query; hop 4 finds only the visited source, so the search ends
    assert cypher_stats.round_trips == 4


async def test_direction_the_village_the_source_guarantees_is_not_reached(load, db) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    reached = {r.code for r in await contagion.trace(db, "T1V1", 6)}
    assert "T1V3" not in reached  # T1V1's household guarantees T1V3's loan: T1V1 is exposed to T1V3
    assert "T1V4" not in reached  # only through a REPAID loan: not live
    from_t1v3 = await contagion.trace(db, "T1V3", 2)
    assert from_t1v3[0] == Reached("T1V1", 1, 999900, ("T1V3", "T1V1"))
    assert [r.code for r in from_t1v3[1:]] == ["T1V2", "T2V1"]


async def test_internal_guarantees_are_not_links(load, db) -> None:  # type: ignore[no-untyped-def]
    doc = chain_county()
    doc["guarantees"] = [g for g in doc["guarantees"] if g["loanCode"] == "L11" and g["guarantorCode"].startswith("T1V1")]
    await load(doc)
    assert await contagion.trace(db, "T1V1", 6) == []


async def test_cap_at_six_hops(load, db) -> None:  # type: ignore[no-untyped-def]
    from tests import factories

    doc = factories.county(towns=1, villages_per_town=9, households_per_village=1)
    doc["loans"] = [factories.loan(f"L{i}", f"T1V{i}H1", 100) for i in range(1, 9)]
    doc["guarantees"] = [{"guarantorCode": f"T1V{i + 1}H1", "loanCode": f"L{i}", "amount": 100} for i in range(1, 9)]
    await load(doc)
    reached = await contagion.trace(db, "T1V1", 99)
    assert [r.hops for r in reached] == [1, 2, 3, 4, 5, 6]
    assert reached[-1].path == tuple(f"T1V{i}" for i in range(1, 8))
