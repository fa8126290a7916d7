"""Contagion between villages (K2) and the data of the stress engine (K3).

Trace: computed live, never from a stored projection, so it is right after every guarantee or loan
change without any refresh. Each hop is one aggregated Cypher round trip over the GUARANTEES of the
live loans of the newly reached villages only (`exposure_links`), so a k-hop trace costs at most k
round trips and touches each village's loans once; the breadth-first search itself runs in Python
over the small village graph. Each hop's links come back as one row holding one list of
(from, to, exposure) triples: hundreds of records cost the driver more than the query itself.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from graph_service.graph.db import Graph
from graph_service.policy.config import current_policy
from graph_service.policy.stress import GuaranteeLink, LiveLoan, Portfolio, Scenario, VillageBase

MAX_HOPS = 6  # K2: traces are capped at six hops

Links = dict[str, dict[str, int]]  # from village -> {to village: exposure fen}


@dataclass(frozen=True)
class Reached:
    code: str
    hops: int
    exposure_fen: int  # on the last link of the path, into this village
    path: tuple[str, ...]  # source first, this village last


async def trace_links(
    source: str, max_hops: int, fetch: Callable[[list[str]], Awaitable[Links]]
) -> list[Reached]:
    """Breadth-first from `source` along exposure links (K2), nearest first.

    Each village appears once, at its least number of hops; among equally short paths the one whose
    village codes compare smallest wins (deterministic). Visited villages are never expanded again,
    so cycles terminate. Within a hop: largest exposure first, then code.
    """
    paths: dict[str, tuple[str, ...]] = {source: (source,)}
    frontier = [source]
    reached: list[Reached] = []
    for hop in range(1, max_hops + 1):
        if not frontier:
            break
        links = await fetch(frontier)
        best: dict[str, tuple[tuple[str, ...], int]] = {}
        for parent in sorted(frontier, key=lambda code: paths[code]):
            for child, exposure in links.get(parent, {}).items():
                if child in paths:
                    continue
                candidate = paths[parent] + (child,)
                if child not in best or candidate < best[child][0]:
                    best[child] = (candidate, exposure)
        layer = [Reached(code, hop, exposure, path) for code, (path, exposure) in best.items()]
        layer.sort(key=lambda item: (-item.exposure_fen, item.code))
        for item in layer:
            paths[item.code] = item.path
        reached.extend(layer)
        frontier = sorted(best)
    return reached


async def trace(graph: Graph, source: str, max_hops: int) -> list[Reached]:
    async def fetch(frontier: list[str]) -> Links:
        links: Links = {}
        row = await graph.read_one("exposure_links", codes=frontier)
        for from_code, to_code, exposure in row["links"] if row else ():
            links.setdefault(from_code, {})[to_code] = int(exposure)
        return links

    return await trace_links(source, min(max_hops, MAX_HOPS), fetch)


async def load_portfolio(
    graph: Graph, village_codes: Iterable[str] | None = None, loan_codes: Iterable[str] = ()
) -> Portfolio:
    """What the stress engine needs, in three round trips. With `village_codes`, only the loans a
    scenario defaulting those villages and `loan_codes` can reach are pulled (their villages' and the
    guarantors' loans); with None, every live loan (the systemic batch tries every village)."""
    hierarchy = await graph.read_one("stress_villages")
    if village_codes is None:
        loans_row = await graph.read_one("stress_live_loans")
    else:
        loans_row = await graph.read_one(
            "stress_candidate_loans", villageCodes=sorted(village_codes), loanCodes=sorted(loan_codes)
        )
    guarantees_row = await graph.read_one("stress_guarantees")
    assert hierarchy is not None and loans_row is not None and guarantees_row is not None
    villages = {code: VillageBase(town, int(balance), int(overdue))
                for code, town, balance, overdue in hierarchy["villages"] if code is not None}
    loans = [LiveLoan(code, household, village, int(fen or 0), bool(overdue))
             for code, household, village, fen, overdue in loans_row["loans"]]
    lines: dict[str, int] = {}
    guarantees = []
    for guarantor, loan, amount, line in guarantees_row["guarantees"]:
        guarantees.append(GuaranteeLink(guarantor, loan, int(amount or 0)))
        lines[guarantor] = int(line or 0)
    return Portfolio(loans, guarantees, lines, villages, hierarchy["countyCode"] or "", hierarchy["towns"])


async def refresh_systemic(graph: Graph) -> dict[str, int]:
    """`graph-service systemic`: for each village, the county-wide outstanding that would default if
    it alone defaulted (K3 engine, default distress share, until nothing changes); stored on the
    Village nodes with the time and the policy version."""
    started = time.perf_counter()
    portfolio = await load_portfolio(graph)
    rows = []
    for village in sorted(portfolio.village_towns):
        cascade = portfolio.cascade(Scenario(default_villages=frozenset({village}), rounds=None))
        total = portfolio.defaulted_fen(cascade)
        own = sum(portfolio.loans[code].outstanding_fen for code in portfolio.loans_of_village.get(village, ()))
        rows.append({"code": village, "defaultFen": total, "spilloverFen": total - own,
                     "distressed": len(cascade.distressed)})
    now = dt.datetime.now(dt.timezone.utc)
    result = await graph.write("store_systemic", rows=rows, now=now, policyVersion=current_policy().version)
    return {"villages": result[0]["villages"] if result else 0,
            "milliseconds": int((time.perf_counter() - started) * 1000)}
