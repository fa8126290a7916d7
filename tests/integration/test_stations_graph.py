"""Station units of work on the graph: round trips per mutation (counted, not timed) and what they store."""

from __future__ import annotations

import datetime as dt

import pytest

from graph_service.errors import ErrorCode, Refused
from graph_service.graph import stations
from graph_service.policy.stations import TrainingKind, TxnKind
from tests import factories
from tests.conftest import TODAY


def dataset():  # type: ignore[no-untyped-def]
    doc = factories.county(towns=1, villages_per_town=2, households_per_village=0)
    doc["stations"] = [{"code": "S1", "name": "站一", "villageCode": "T1V1", "bankCode": "B1",
                        "registeredOn": "2025-01-02", "openedOn": "2025-01-10", "manager": "王站长"}]
    return doc


async def test_each_station_mutation_is_two_round_trips(load, db, cypher_stats) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    cases = {
        "register": lambda: stations.register_station(db, {
            "code": "S2", "name": "站二", "villageCode": "T1V2", "bankCode": "B1",
            "registeredOn": dt.date(2026, 3, 2), "openedOn": dt.date(2026, 3, 9), "manager": "李"}, today=TODAY),
        "inspection": lambda: stations.record_inspection(db, "S1", {
            "inspectedOn": dt.date(2026, 6, 1), "inspector": "巡检员", "findings": "",
            "askedAboutIllegalFundraising": True, "illegalActivityFound": False}, today=TODAY),
        "rating": lambda: stations.rate_station(db, "S1", "2026Q1", dict.fromkeys(
            ("environment", "functions", "volume", "service", "riskControl"), 10), today=TODAY),
        "transaction": lambda: stations.record_transaction(
            db, "S1", "acct", TxnKind.WITHDRAWAL, 10_000, dt.datetime(2026, 6, 29, 9, 0), today=TODAY),
        "incident": lambda: stations.report_incident(db, "S1", {
            "kind": "USURY", "discoveredOn": dt.date(2026, 6, 26), "reportedOn": dt.date(2026, 6, 29),
            "description": "高利贷"}, today=TODAY),
        "training": lambda: stations.record_training(
            db, "S1", TrainingKind.MONTHLY_ONSITE, dt.date(2026, 6, 2), ["反洗钱"], today=TODAY),
    }
    for name, run in cases.items():
        before = cypher_stats.round_trips
        await run()
        assert cypher_stats.round_trips - before == 2, name


async def test_stored_facts(load, db) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    incident = await stations.report_incident(db, "S1", {
        "kind": "USURY", "discoveredOn": dt.date(2026, 6, 26), "reportedOn": dt.date(2026, 6, 29),
        "description": "高利贷"}, today=TODAY)
    # Fri 06-26 -> Mon 06-29 is the next working day: on time.
    assert incident["late"] is False and incident["deadline"] == dt.date(2026, 6, 29)
    assert incident["id"].startswith("S1~") and incident["stationCode"] == "S1"
    node = await stations.rate_station(db, "S1", "2025Q2", dict.fromkeys(
        ("environment", "functions", "volume", "service", "riskControl"), 7), today=TODAY)
    assert node["flaggedForReplacement"] is False and "_lock" not in node
    with pytest.raises(Refused) as refused:
        await stations.rate_station(db, "S1", "2025Q2", dict.fromkeys(
            ("environment", "functions", "volume", "service", "riskControl"), 7), today=TODAY)
    assert refused.value.code == ErrorCode.CONFLICT
