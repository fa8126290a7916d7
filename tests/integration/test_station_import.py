"""The dataset's `inspections` (T2) and `ratings` (T3): an imported station reads through the API
exactly like one given the same records through recordInspection / rateStation; a bad record of
each kind refuses the whole file; importing twice adds nothing. TODAY is 2026-06-30."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from graph_service.dataset.validate import DatasetInvalid
from graph_service.graph.db import Graph
from graph_service.graph.importer import import_document
from tests import factories
from tests.conftest import TODAY

KEYS = ("environment", "functions", "volume", "service", "riskControl")
DAYS = ("2025-07-03", "2025-08-15", "2025-10-01", "2025-11-30", "2026-01-05", "2026-03-31", "2026-05-02")
# A: qualified, then three unqualified quarters (★2, ★2, ★1): flagged, latest ★1.
# B: three unqualified quarters, then a qualified one that clears the flag; given newest first.
TOTALS = {"A": (("2025Q3", 75), ("2025Q4", 55), ("2026Q1", 40), ("2026Q2", 39)),
          "B": (("2026Q2", 80), ("2026Q1", 59), ("2025Q4", 45), ("2025Q3", 20))}


def scores(total: int) -> dict[str, int]:
    base, extra = divmod(total, 5)
    return {key: base + (1 if i < extra else 0) for i, key in enumerate(KEYS)}


def inspection(station: str, day: str, **over: Any) -> dict[str, Any]:
    return {"stationCode": station, "inspectedOn": day, "inspector": " 农商行巡检员 ", "findings": f"{day} 正常",
            "askedAboutIllegalFundraising": True, "illegalActivityFound": day == "2026-01-05", **over}


def rating(station: str, quarter: str, total: int) -> dict[str, Any]:
    return {"stationCode": station, "quarter": quarter, **scores(total)}


def dataset(*, records: bool = True) -> dict[str, Any]:
    """S1 (A) and S2 (B) get their records from the file; S3 (A) and S4 (B) get none."""
    doc = factories.county(towns=1, villages_per_town=4, households_per_village=0)
    doc["stations"] = [{"code": f"S{i}", "name": f"站{i}", "villageCode": f"T1V{i}", "bankCode": "B1",
                        "registeredOn": "2025-01-02", "openedOn": "2025-01-10", "manager": "王站长"} for i in range(1, 5)]
    if records:
        doc["inspections"] = [inspection("S1", day) for day in DAYS]
        doc["ratings"] = [rating("S1", q, t) for q, t in TOTALS["A"]] + [rating("S2", q, t) for q, t in TOTALS["B"]]
    return doc


INSPECT = """mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { userErrors { code field } } }"""
RATE = """mutation($input: RateStationInput!) { rateStation(input: $input) { userErrors { code field } } }"""
CARD = """inspections { inspectedOn inspector findings askedAboutIllegalFundraising illegalActivityFound }
  missedInspectionMonths(from: "2025-07-01", to: "2026-06-30")
  ratings { quarter environment functions volume service riskControl total stars qualified policyVersion }
  latestStars flaggedForReplacement"""
CARDS = "{ %s }" % " ".join(f'{c}: station(code: "{c.upper()}") {{ {CARD} }}' for c in ("s1", "s2", "s3", "s4"))


async def node_count(graph: Graph) -> int:
    row = await graph.read_one("count_nodes")
    assert row is not None
    return int(row["nodes"])


async def test_imported_records_read_exactly_as_the_mutations_give_them(db: Graph, gql) -> None:  # type: ignore[no-untyped-def]
    report = await import_document(db, dataset(), today=TODAY)
    assert report.counts["inspections"] == 7 and report.counts["ratings"] == 8
    for day in DAYS:
        body = await gql(INSPECT, {"input": inspection("S3", day)})
        assert body["data"]["recordInspection"]["userErrors"] == []
    for station, pattern in (("S3", "A"), ("S4", "B")):
        for quarter, total in TOTALS[pattern]:
            body = await gql(RATE, {"input": rating(station, quarter, total)})
            assert body["data"]["rateStation"]["userErrors"] == []
    cards = (await gql(CARDS))["data"]
    assert cards["s1"] == cards["s3"]
    assert cards["s2"] == cards["s4"]
    a, b = cards["s1"], cards["s2"]
    assert a["missedInspectionMonths"] == ["2025-09", "2025-12", "2026-02", "2026-04"]  # June is not over
    assert [i["inspectedOn"] for i in a["inspections"]] == sorted(DAYS, reverse=True)
    assert a["inspections"][0]["inspector"] == "农商行巡检员"  # trimmed, as the mutation does
    assert [(r["quarter"], r["total"], r["stars"], r["qualified"]) for r in a["ratings"]] == [
        ("2025Q3", 75, 3, True), ("2025Q4", 55, 2, False), ("2026Q1", 40, 2, False), ("2026Q2", 39, 1, False)]
    assert (a["latestStars"], a["flaggedForReplacement"]) == (1, True)
    assert [r["quarter"] for r in b["ratings"]] == ["2025Q3", "2025Q4", "2026Q1", "2026Q2"]
    assert (b["latestStars"], b["flaggedForReplacement"]) == (4, False)


async def test_each_array_is_written_in_batches_not_per_record(db: Graph, cypher_stats) -> None:  # type: ignore[no-untyped-def]
    doc = dataset()
    doc["inspections"] = [inspection(f"S{i}", day) for i in range(1, 5) for day in DAYS]
    doc["ratings"] = [rating(f"S{i}", q, t) for i in range(1, 5) for q, t in TOTALS["A"]]
    await import_document(db, doc, today=TODAY)
    assert [cypher_stats.queries.count(q) for q in ("import_inspections", "import_ratings", "import_station_flags")] == [1, 1, 1]


def _bad(mutate: Any) -> dict[str, Any]:
    doc = dataset()
    mutate(doc)
    return doc


BAD_RECORDS = {
    "inspection: unknown station": (lambda d: d["inspections"][3].update(stationCode="S9"), "inspections[3] (S9): stationCode 'S9' is unknown"),
    "inspection: in the future": (lambda d: d["inspections"][0].update(inspectedOn="2026-07-01"), "inspections[0] (S1): inspectedOn 2026-07-01 is in the future"),
    "inspection: before the opening": (lambda d: d["inspections"][0].update(inspectedOn="2025-01-09"), "before the station opened"),
    "inspection: no inspector": (lambda d: d["inspections"][2].update(inspector="  "), "inspections[2] (S1): inspector"),
    "inspection: duplicate": (lambda d: d["inspections"].append(copy.deepcopy(d["inspections"][0])), "inspections[7] (S1): duplicate inspection"),
    "rating: unknown station": (lambda d: d["ratings"][0].update(stationCode="S9"), "ratings[0] (S9 2025Q3): stationCode 'S9' is unknown"),
    "rating: score above 20": (lambda d: d["ratings"][1].update(volume=21), "ratings[1] (S1): volume must be between 0 and 20"),
    "rating: score below 0": (lambda d: d["ratings"][1].update(service=-1), "ratings[1] (S1): service must be between 0 and 20"),
    "rating: bad quarter": (lambda d: d["ratings"][2].update(quarter="2026Q5"), "ratings[2] (S1): quarter"),
    "rating: quarter not begun": (lambda d: d["ratings"][2].update(quarter="2026Q3"), "2026Q3 has not begun"),
    "rating: duplicate quarter": (lambda d: d["ratings"][5].update(quarter="2026Q2"), "ratings[5] (S2 2026Q2): duplicate rating (station, quarter)"),
}


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
async def test_a_bad_record_refuses_the_whole_file_and_writes_nothing(db: Graph, case: str) -> None:
    mutate, expected = BAD_RECORDS[case]
    with pytest.raises(DatasetInvalid) as refused:
        await import_document(db, _bad(mutate), today=TODAY)
    assert expected in str(refused.value)
    assert await node_count(db) == 0


async def test_importing_twice_adds_nothing_and_keeps_the_flags(db: Graph, gql) -> None:  # type: ignore[no-untyped-def]
    await import_document(db, dataset(), today=TODAY)
    before, cards = await node_count(db), (await gql(CARDS))["data"]
    await import_document(db, dataset(), today=TODAY)
    assert await node_count(db) == before
    assert (await gql(CARDS))["data"] == cards
    assert len(cards["s1"]["inspections"]) == 7 and len(cards["s2"]["ratings"]) == 4


async def test_records_given_by_the_mutations_are_the_same_records_on_import(db: Graph, gql) -> None:  # type: ignore[no-untyped-def]
    await import_document(db, dataset(records=False), today=TODAY)
    assert (await gql(INSPECT, {"input": inspection("S1", DAYS[0])}))["data"]["recordInspection"]["userErrors"] == []
    for quarter, total in TOTALS["A"][:2]:
        assert (await gql(RATE, {"input": rating("S1", quarter, total)}))["data"]["rateStation"]["userErrors"] == []
    before = await node_count(db)
    await import_document(db, dataset(), today=TODAY)
    # 6 new inspections of S1 and 6 new ratings (2 of S1, 4 of S2): the stored ones are not doubled.
    assert await node_count(db) == before + 12
    cards = (await gql(CARDS))["data"]
    assert len(cards["s1"]["inspections"]) == 7 and cards["s1"]["flaggedForReplacement"] is True


async def test_a_stored_quarter_with_other_scores_refuses_the_file(db: Graph, gql) -> None:  # type: ignore[no-untyped-def]
    await import_document(db, dataset(records=False), today=TODAY)
    assert (await gql(RATE, {"input": rating("S1", "2025Q4", 90)}))["data"]["rateStation"]["userErrors"] == []
    before = await node_count(db)
    with pytest.raises(DatasetInvalid) as refused:
        await import_document(db, dataset(), today=TODAY)
    assert "ratings[1] (S1 2025Q4): 2025Q4 is already rated with other scores" in str(refused.value)
    assert await node_count(db) == before
