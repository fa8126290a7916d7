"""The dataset's `inspections` (T2) and `ratings` (T3) arrays: batched, idempotent writes.

The records were validated before anything was written (`dataset.validate.check_station_records`,
the checks of recordInspection and rateStation). A rating's total, stars and qualified come from
`policy.stations.rate` and the station's replacement flag from `flagged_for_replacement` over all
its ratings, so an imported quarter ends exactly as it would through rateStation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from graph_service.dataset import records as r
from graph_service.dataset.validate import Existing
from graph_service.graph.db import Graph, Tx
from graph_service.policy import stations as rules
from graph_service.policy.stations import Quarter

BATCH = 5000
Progress = Callable[[str, int, int], None]


def inspection_id(rec: r.InspectionRecord) -> str:
    """Deterministic, so the id of an inspection does not depend on which import created it."""
    key = f"{rec.stationCode}|{rec.inspectedOn.isoformat()}|{rec.inspector}"
    return "I" + hashlib.sha256(key.encode()).hexdigest()[:20]


def inspection_row(rec: r.InspectionRecord) -> dict[str, Any]:
    return {"id": inspection_id(rec), **rec.model_dump()}


def rating_row(rec: r.RatingRecord) -> dict[str, Any]:
    """The stored form of rateStation (`rating_create`): scores, total, stars, qualified, version."""
    scores = rec.scores()
    outcome = rules.rate(scores)
    return {
        "stationCode": rec.stationCode, "quarter": rec.quarter, **scores,
        "total": outcome.total, "stars": outcome.stars, "qualified": outcome.qualified,
        "policyVersion": rules.station_policy().version,
    }


def flag_row(code: str, history: Sequence[dict[str, Any]]) -> dict[str, Any]:
    quarters = [(Quarter.parse(h["quarter"]), bool(h["qualified"])) for h in history]
    return {"code": code, "flagged": rules.flagged_for_replacement(quarters)}


async def load_existing(graph: Graph, existing: Existing) -> None:
    """Fills in the stations' openings and stored ratings, for the checks before writing."""
    for row in await graph.read("import_existing_stations"):
        existing.station_openings[row["code"]] = row["openedOn"]
        for rating in row["ratings"]:
            scores = {name: int(rating[name]) for name in rules.DIMENSIONS}
            existing.ratings[(row["code"], rating["quarter"])] = scores


async def import_records(
    graph: Graph,
    inspections: Sequence[r.InspectionRecord],
    ratings: Sequence[r.RatingRecord],
    *,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Writes both arrays; returns the counts of the non-empty ones (for the import report)."""
    counts: dict[str, int] = {}
    if inspections:
        rows = [inspection_row(rec) for rec in inspections]
        for start in range(0, len(rows), BATCH):
            await graph.write("import_inspections", rows=rows[start : start + BATCH])
            if progress:
                progress("inspections", min(start + BATCH, len(rows)), len(rows))
        counts["inspections"] = len(rows)
    if ratings:
        # Sorted by station so a station's ratings rarely span two batches; when they do, the later
        # batch sees the whole history and sets the flag again.
        rows = sorted((rating_row(rec) for rec in ratings), key=lambda x: (x["stationCode"], x["quarter"]))
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]

            async def work(tx: Tx, batch: list[dict[str, Any]] = batch) -> None:
                # The ratings and the flags they decide belong together: one transaction.
                histories = await tx.run("import_ratings", rows=batch)
                await tx.run("import_station_flags", rows=[flag_row(h["code"], h["ratings"]) for h in histories])

            await graph.write_tx(work)
            if progress:
                progress("ratings", min(start + BATCH, len(rows)), len(rows))
        counts["ratings"] = len(rows)
    return counts
