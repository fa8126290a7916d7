"""R1–R3, R5 on the graph: each boundary from both sides, reached by one incremental loan change,
with its freeze / lift events, and titles lost and regained."""

from __future__ import annotations

import datetime as dt

from graph_service.graph import loans
from tests import factories
from tests.integration.loans import support

AS_OF = dt.date(2026, 6, 1)


def county_with(loans_: list[dict]) -> dict:
    doc = factories.county(towns=2, villages_per_town=2, households_per_village=3)
    doc["loans"] = loans_
    return doc


async def test_village_freezes_at_exactly_5_percent(load, db) -> None:  # type: ignore[no-untyped-def]
    # T1V1: 9500.00 + 500.00 = 10000.00; 500.00 overdue is exactly 5% (R3: reaches, >=).
    await load(county_with([factories.loan("A", "T1V1H1", 9500), factories.loan("B", "T1V1H2", 500)]))
    await loans.report_overdue(db, "B", 10, AS_OF)
    village = await support.props(db, "Village", "T1V1")
    assert (village["loanBalanceFen"], village["overdueBalanceFen"], village["frozen"]) == (1_000_000, 50_000, True)
    assert village["frozenSince"] is not None
    events = [e for e in await support_events(db) if e["level"] == "VILLAGE"]
    assert [(e["code"], e["frozen"], e["cause"]) for e in events] == [("T1V1", True, "reportOverdue B")]
    assert events[0]["ratio"] == 0.05 and events[0]["balanceFen"] == 1_000_000 and events[0]["overdueFen"] == 50_000


async def test_village_just_under_5_percent_is_not_frozen(load, db) -> None:  # type: ignore[no-untyped-def]
    # 499.99 of 10000.00 is one fen under 5%.
    await load(county_with([factories.loan("A", "T1V1H1", 9500.01), factories.loan("B", "T1V1H2", 499.99)]))
    await loans.report_overdue(db, "B", 10, AS_OF)
    village = await support.props(db, "Village", "T1V1")
    assert (village["overdueBalanceFen"], village["frozen"]) == (49_999, False)
    assert village.get("frozenSince") is None


async def test_town_freezes_at_exactly_3_percent_while_no_village_is_frozen(load, db) -> None:  # type: ignore[no-untyped-def]
    # T1V1 4% and T1V2 2% (both under 5%); the town: 600.00 of 20000.00 = exactly 3% (R2: ratio of sums).
    await load(county_with([
        factories.loan("A", "T1V1H1", 9600), factories.loan("B", "T1V1H2", 400, status="OVERDUE", days_overdue=5),
        factories.loan("C", "T1V2H1", 9800), factories.loan("D", "T1V2H2", 200),
    ]))
    assert (await support.props(db, "Town", "T1"))["frozen"] is False
    await loans.report_overdue(db, "D", 5, AS_OF)
    town = await support.props(db, "Town", "T1")
    assert (town["loanBalanceFen"], town["overdueBalanceFen"], town["frozen"]) == (2_000_000, 60_000, True)
    assert not (await support.props(db, "Village", "T1V1"))["frozen"]
    assert not (await support.props(db, "Village", "T1V2"))["frozen"]
    county = await support.props(db, "County", "411722")
    assert (county["loanBalanceFen"], county["overdueBalanceFen"], county["frozen"]) == (2_000_000, 60_000, False)
    assert [(e["level"], e["code"], e["frozen"]) for e in await support_events(db)] == [("TOWN", "T1", True)]


async def test_town_just_under_3_percent_is_not_frozen(load, db) -> None:  # type: ignore[no-untyped-def]
    await load(county_with([
        factories.loan("A", "T1V1H1", 9600), factories.loan("B", "T1V1H2", 400, status="OVERDUE", days_overdue=5),
        factories.loan("C", "T1V2H1", 9800.01), factories.loan("D", "T1V2H2", 199.99),
    ]))
    await loans.report_overdue(db, "D", 5, AS_OF)
    town = await support.props(db, "Town", "T1")
    assert (town["overdueBalanceFen"], town["frozen"]) == (59_999, False)
    assert await support_events(db) == []


async def test_freeze_lifts_by_itself_with_an_event_and_a_frozen_village_refuses_loans(load, db) -> None:  # type: ignore[no-untyped-def]
    await load(county_with([factories.loan("A", "T1V1H1", 9500), factories.loan("B", "T1V1H2", 500)]))
    await support.set_standing(db, ["T1V1H3", "T1V2H1"])
    await loans.report_overdue(db, "B", 10, AS_OF)
    # R3: no new loan in a frozen village, nor anywhere in a frozen town (T1 is at 5% too).
    refused = await refusal_of(support.issue(db, "N1", "T1V1H3", 100))
    assert refused == "VILLAGE_FROZEN"
    assert await refusal_of(support.issue(db, "N2", "T1V2H1", 100)) == "TOWN_FROZEN"
    await loans.record_repayment(db, "B", 1, AS_OF)  # 499.99 of 9999.99: under 5% (the town stays >= 3%)
    village = await support.props(db, "Village", "T1V1")
    assert village["frozen"] is False and village.get("frozenSince") is None
    events = await support_events(db)
    assert [(e["level"], e["frozen"], e["causeAction"]) for e in events if e["level"] == "VILLAGE"] == [
        ("VILLAGE", False, "recordRepayment"), ("VILLAGE", True, "reportOverdue")]


async def test_credit_village_and_town_titles_drop_while_frozen_and_return_after(load, db) -> None:  # type: ignore[no-untyped-def]
    # R4/R5: every household of T1V1 and T1V2 is a credit household, so both villages and T1 hold titles.
    await load(county_with([factories.loan("A", "T1V1H1", 9500), factories.loan("B", "T1V1H2", 500)]))
    codes = [f"T1V{v}H{h}" for v in (1, 2) for h in (1, 2, 3)]
    await support.set_standing(db, codes)
    from graph_service.graph import rollups
    await rollups.recompute(db, today=AS_OF)
    assert (await support.props(db, "Village", "T1V1"))["isCreditVillage"] is True
    assert (await support.props(db, "Town", "T1"))["isCreditTown"] is True

    await loans.report_overdue(db, "B", 10, AS_OF)  # 5%: T1V1 and T1 freeze
    assert (await support.props(db, "Village", "T1V1"))["isCreditVillage"] is False
    assert (await support.props(db, "Village", "T1V2"))["isCreditVillage"] is True
    town = await support.props(db, "Town", "T1")
    assert (town["frozen"], town["isCreditTown"]) == (True, False)
    assert (await support.props(db, "County", "411722"))["creditTownCount"] == 0

    await loans.report_overdue(db, "B", 0, AS_OF)  # cured: the freezes lift, the titles return
    assert (await support.props(db, "Village", "T1V1"))["isCreditVillage"] is True
    town = await support.props(db, "Town", "T1")
    assert (town["frozen"], town["isCreditTown"]) == (False, True)
    assert (await support.props(db, "County", "411722"))["creditTownCount"] == 1


async def refusal_of(awaitable) -> str | None:  # type: ignore[no-untyped-def]
    from graph_service.errors import Refused

    try:
        await awaitable
    except Refused as refused:
        return refused.code.value
    return None


async def support_events(db) -> list[dict]:  # type: ignore[no-untyped-def]
    rows = await db.read("freeze_events_page", level=None, code=None, afterAt=None, afterId=None, limit=100)
    return [row["node"] for row in rows]
