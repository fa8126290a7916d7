"""R3: every freeze and lift is an event — also when a full recomputation (import, recomputeRollups)
flips a flag; a recomputation that changes nothing writes no event."""

from __future__ import annotations

from typing import Any

from tests import factories

EVENTS = """{ freezeEvents(first: 50) { totalCount edges { node { level code frozen causeAction causeLoanCode } } } }"""


def county_with_overdue(overdue_fen_share: int) -> dict[str, Any]:
    """T1V1 lends 100.00; `overdue_fen_share` fen of it overdue (500 fen = exactly 5%)."""
    doc = factories.county(towns=1, villages_per_town=2, households_per_village=2)
    doc["loans"] = [
        factories.loan("L1", "T1V1H1", 100.00 - overdue_fen_share / 100),
        factories.loan("L2", "T1V1H2", overdue_fen_share / 100, status="OVERDUE", days_overdue=3),
        factories.loan("L3", "T1V2H1", 10000.00),
    ]
    return doc


async def test_import_that_freezes_records_the_freeze_as_an_event(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(county_with_overdue(500))  # exactly 5% in T1V1: frozen (R3); the town is at 0.05%
    body = await gql(EVENTS)
    assert body["data"]["freezeEvents"]["edges"] == [
        {"node": {"level": "VILLAGE", "code": "T1V1", "frozen": True, "causeAction": "recomputeRollups", "causeLoanCode": ""}}
    ]


async def test_import_just_under_the_threshold_records_nothing(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(county_with_overdue(499))  # 4.99%: not frozen
    assert (await gql(EVENTS))["data"]["freezeEvents"]["totalCount"] == 0


async def test_a_recomputation_that_changes_nothing_writes_no_event(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(county_with_overdue(500))
    report = await gql("mutation { recomputeRollups { frozenVillages } }")
    assert report["data"]["recomputeRollups"]["frozenVillages"] == 1
    assert (await gql(EVENTS))["data"]["freezeEvents"]["totalCount"] == 1
