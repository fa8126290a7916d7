"""L1 and R1–R3 under concurrency: many requests at once through the app on the real Neo4j. The
loan chain is locked in each transaction, so no line is exceeded and no balance update is lost."""

from __future__ import annotations

import asyncio
from typing import Any

from graph_service.graph import rollups
from tests import factories
from tests.conftest import TODAY
from tests.integration.loans import support

ISSUE = """mutation($input: IssueLoanInput!) { issueLoan(input: $input) { loan { code } userErrors { code } } }"""
OVERDUE = """mutation($input: ReportOverdueInput!) { reportOverdue(input: $input) { loan { code } userErrors { code } } }"""
REPAY = """mutation($input: RecordRepaymentInput!) { recordRepayment(input: $input) { loan { code } userErrors { code } } }"""


def issue_vars(code: str, household: str, principal: str) -> dict[str, Any]:
    return {"input": {"code": code, "householdCode": household, "bankCode": "B1", "principal": principal,
                      "purpose": "PHOTOVOLTAIC", "issuedOn": "2026-02-01", "dueOn": "2027-02-01"}}


async def test_parallel_loans_for_one_household_never_exceed_its_line(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await load(factories.county(towns=1, villages_per_town=1, households_per_village=2))
    await support.set_standing(db, ["T1V1H1"], line=20000)
    bodies = await asyncio.gather(*(gql(ISSUE, issue_vars(f"P{i}", "T1V1H1", "3000.00")) for i in range(20)))
    results = [b["data"]["issueLoan"] for b in bodies]
    lent = [r for r in results if r["loan"]]
    assert len(lent) == 6  # 6 × 3000 = 18000 <= 20000 < 7 × 3000
    assert all([e["code"] for e in r["userErrors"]] == ["CREDIT_LINE_EXCEEDED"] for r in results if not r["loan"])
    assert (await support.props(db, "Household", "T1V1H1"))["outstandingFen"] == 1_800_000
    assert (await support.props(db, "Village", "T1V1"))["loanBalanceFen"] == 1_800_000
    assert await support.count(db, "Loan") == 6


async def test_the_same_code_sent_many_times_at_once_lends_once(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await load(factories.county(towns=1, villages_per_town=1, households_per_village=3))
    await support.set_standing(db, ["T1V1H1", "T1V1H2", "T1V1H3"], line=50000)
    households = ["T1V1H1", "T1V1H2", "T1V1H3"] * 4
    bodies = await asyncio.gather(*(gql(ISSUE, issue_vars("SAME", h, "1000.00")) for h in households))
    results = [b["data"]["issueLoan"] for b in bodies]
    assert sum(1 for r in results if r["loan"]) == 1
    assert sorted({e["code"] for r in results for e in r["userErrors"]}) == ["CONFLICT"]
    assert (await support.props(db, "Village", "T1V1"))["loanBalanceFen"] == 100_000


async def test_parallel_changes_in_one_village_lose_no_update(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await load(factories.county(towns=1, villages_per_town=2, households_per_village=15))
    households = [f"T1V1H{h}" for h in range(1, 16)] + [f"T1V2H{h}" for h in range(1, 16)]
    await support.set_standing(db, households, line=50000)
    bodies = await asyncio.gather(*(gql(ISSUE, issue_vars(f"L{i}", h, f"{1000 + i}.00")) for i, h in enumerate(households)))
    assert all(b["data"]["issueLoan"]["userErrors"] == [] for b in bodies)
    expected = sum(100_000 + i * 100 for i in range(30))
    assert (await support.props(db, "Town", "T1"))["loanBalanceFen"] == expected
    # Then overdue reports and repayments all at once, across both villages.
    changes = [gql(OVERDUE, {"input": {"loanCode": f"L{i}", "daysOverdue": 10, "asOf": "2026-06-01"}}) for i in range(0, 30, 2)]
    changes += [gql(REPAY, {"input": {"loanCode": f"L{i}", "amount": "500.00", "paidOn": "2026-06-01"}}) for i in range(1, 30, 2)]
    for body in await asyncio.gather(*changes):
        assert "errors" not in body, body
        assert all(not payload["userErrors"] for payload in body["data"].values())
    incremental = await support.snapshot(db)
    town = next(row for row in incremental if row["kind"] == "Town")
    assert town["balance"] == expected - 15 * 50_000
    assert town["overdue"] == sum(100_000 + i * 100 for i in range(0, 30, 2))
    await rollups.recompute(db, today=TODAY)
    assert await support.snapshot(db) == incremental
