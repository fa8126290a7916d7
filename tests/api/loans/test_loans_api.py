"""issueLoan and the loan changes through GraphQL: every refusal code (L3), lending up to exactly the
line (L1), repayments (L4), C1 minor and severe, the red and black lists (C3), lifting (C2), and
freeze events (R3) paged newest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests import factories
from tests.integration.loans import support

ISSUE = """mutation($input: IssueLoanInput!) { issueLoan(input: $input) {
  loan { code principal outstanding status purpose rateDiscountPermille household { code } bank { code } }
  userErrors { code message field } } }"""
REPAY = """mutation($input: RecordRepaymentInput!) { recordRepayment(input: $input) {
  loan { code outstanding status } userErrors { code field } } }"""
OVERDUE = """mutation($input: ReportOverdueInput!) { reportOverdue(input: $input) {
  loan { code status daysOverdue } userErrors { code field } } }"""
WRITE_OFF = """mutation($input: WriteOffLoanInput!) { writeOffLoan(input: $input) {
  loan { code status outstanding } userErrors { code field } } }"""
LIFT = """mutation($code: String!, $reason: String!) { liftFromBlackList(householdCode: $code, reason: $reason) {
  household { code listStatus } userErrors { code } } }"""


def issue_input(code: str, household: str, principal: str, **overrides: Any) -> dict[str, Any]:
    return {"input": {"code": code, "householdCode": household, "bankCode": "B1", "principal": principal,
                      "purpose": "SPECIALTY_FARMING", "issuedOn": "2026-02-01", "dueOn": "2027-02-01", **overrides}}


async def issue(gql, code: str, household: str, principal: str, **overrides: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    body = await gql(ISSUE, issue_input(code, household, principal, **overrides))
    assert "errors" not in body, body
    return body["data"]["issueLoan"]


def codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def setup(load, db) -> None:  # type: ignore[no-untyped-def]
    doc = factories.county(towns=2, villages_per_town=2, households_per_village=3)
    doc["loans"] = [factories.loan("OLD", "T2V1H1", 100, status="OVERDUE", days_overdue=3)]
    await load(doc)
    await support.set_standing(db, ["T1V1H1", "T1V1H2", "T1V1H3", "T2V1H1", "T2V2H1"], line=20000)


async def test_lending_up_to_exactly_the_line_then_one_fen_more_is_refused(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)
    first = await issue(gql, "L1", "T1V1H1", "15000.00")
    assert first["userErrors"] == []
    assert first["loan"]["status"] == "ACTIVE" and first["loan"]["outstanding"] == "15000.00"
    assert first["loan"]["rateDiscountPermille"] == 0.6  # D1/D2: credit household with stars
    assert codes(await issue(gql, "L2", "T1V1H1", "5000.01")) == ["CREDIT_LINE_EXCEEDED"]
    assert (await issue(gql, "L2", "T1V1H1", "5000.00"))["userErrors"] == []  # L1: exactly the line
    household = await support.props(db, "Household", "T1V1H1")
    assert household["outstandingFen"] == 2_000_000
    assert codes(await issue(gql, "L3", "T1V1H1", "0.01")) == ["CREDIT_LINE_EXCEEDED"]
    # L1 is revolving: a repayment frees the line again.
    assert (await gql(REPAY, {"input": {"loanCode": "L1", "amount": "0.01", "paidOn": "2026-03-01"}}))[
        "data"]["recordRepayment"]["userErrors"] == []
    assert (await issue(gql, "L3", "T1V1H1", "0.01"))["userErrors"] == []


async def test_each_refusal_code_and_a_refused_loan_writes_nothing(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)
    await support.set_standing(db, ["T1V2H1"], certificate="NONE", line=0, credit=False, stars=None)
    await support.set_standing(db, ["T1V2H2"], certificate="NONE", line=0, credit=False, stars=None, blacklisted=True)
    cases = [
        (issue_input("X1", "NOPE", "100.00"), "NOT_FOUND", ["householdCode"]),
        (issue_input("X2", "T1V1H1", "100.00", bankCode="NOPE"), "NOT_FOUND", ["bankCode"]),
        (issue_input("X3", "T1V2H1", "100.00"), "NO_CERTIFICATE", ["householdCode"]),
        (issue_input("X4", "T1V2H2", "100.00"), "BLACKLISTED", ["householdCode"]),
        (issue_input("X5", "T2V1H1", "100.00"), "HAS_OVERDUE_LOAN", ["householdCode"]),
        (issue_input("X6", "T1V1H1", "20000.01"), "CREDIT_LINE_EXCEEDED", ["principal"]),
        (issue_input("X7", "T1V1H1", "100.00", purpose="CONSUMPTION"), "PURPOSE_NOT_ALLOWED", ["purpose"]),
        (issue_input("X8", "T1V1H1", "0.00"), "INVALID_INPUT", ["principal"]),
        (issue_input("X9", "T1V1H1", "-5.00"), "INVALID_INPUT", ["principal"]),
        (issue_input("X10", "T1V1H1", "100.00", dueOn="2026-01-31"), "INVALID_INPUT", ["dueOn"]),
    ]
    for variables, code, field in cases:
        body = await gql(ISSUE, variables)
        payload = body["data"]["issueLoan"]
        assert payload["loan"] is None, variables
        assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)], variables
    assert await support.count(db, "Loan") == 1  # only the imported one: nothing was written
    assert (await support.props(db, "Household", "T1V1H1"))["outstandingFen"] == 0
    assert (await support.props(db, "Village", "T1V1"))["loanBalanceFen"] == 0


async def test_frozen_village_and_town_refusals(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)  # OLD: 100.00 overdue of 100.00 freezes T2V1 and T2
    assert codes(await issue(gql, "F1", "T2V1H2", "100.00")) == ["NO_CERTIFICATE"]
    await support.set_standing(db, ["T2V1H2"])
    assert codes(await issue(gql, "F1", "T2V1H2", "100.00")) == ["VILLAGE_FROZEN"]
    assert codes(await issue(gql, "F2", "T2V2H1", "100.00")) == ["TOWN_FROZEN"]


async def test_a_code_already_used_is_conflict_and_never_lends_twice(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)
    assert (await issue(gql, "L1", "T1V1H1", "1000.00"))["userErrors"] == []
    assert codes(await issue(gql, "L1", "T1V1H1", "1000.00")) == ["CONFLICT"]
    assert codes(await issue(gql, "L1", "T1V1H2", "1000.00")) == ["CONFLICT"]
    assert (await support.props(db, "Household", "T1V1H1"))["outstandingFen"] == 100_000
    assert (await support.props(db, "Village", "T1V1"))["loanBalanceFen"] == 100_000


async def test_repayment_above_what_is_owed_is_refused_and_in_full_makes_repaid(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)
    await issue(gql, "L1", "T1V1H1", "1000.00")

    async def repay(amount: str, loan: str = "L1") -> dict[str, Any]:
        return (await gql(REPAY, {"input": {"loanCode": loan, "amount": amount, "paidOn": "2026-03-01"}}))["data"]["recordRepayment"]

    assert [(e["code"], e["field"]) for e in (await repay("1000.01"))["userErrors"]] == [("INVALID_INPUT", ["amount"])]
    assert codes(await repay("0.00")) == ["INVALID_INPUT"]
    assert codes(await repay("1.00", "NOPE")) == ["NOT_FOUND"]
    assert (await repay("400.00"))["loan"] == {"code": "L1", "outstanding": "600.00", "status": "ACTIVE"}
    assert (await repay("600.00"))["loan"] == {"code": "L1", "outstanding": "0.00", "status": "REPAID"}
    assert codes(await repay("1.00")) == ["CONFLICT"]
    assert (await support.props(db, "Village", "T1V1"))["loanBalanceFen"] == 0


async def test_c1_minor_overdue_downgrades_red_to_blue(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)
    await issue(gql, "L1", "T1V1H1", "1000.00")
    body = await gql(OVERDUE, {"input": {"loanCode": "L1", "daysOverdue": 90, "asOf": "2026-06-01"}})
    assert body["data"]["reportOverdue"]["loan"] == {"code": "L1", "status": "OVERDUE", "daysOverdue": 90}
    h = await support.props(db, "Household", "T1V1H1")
    assert (h["certificate"], h["creditLineFen"], h["isCreditHousehold"], h.get("blacklisted")) == ("BLUE", 1_000_000, True, None)
    assert (h["overdueLoanCount"], str(h["lastOverdueOn"])) == (1, "2026-06-01")


async def test_c1_severe_overdue_revokes_and_black_lists_then_lift_after_settling(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)
    await issue(gql, "L1", "T1V1H1", "1000.00")
    body = await gql(OVERDUE, {"input": {"loanCode": "L1", "daysOverdue": 91, "asOf": "2026-06-01"}})
    assert body["data"]["reportOverdue"]["userErrors"] == []
    h = await support.props(db, "Household", "T1V1H1")
    assert (h["certificate"], h["creditLineFen"], h["isCreditHousehold"], h["blacklisted"]) == ("NONE", 0, False, True)
    # C3: the black list; the household is no longer counted as a credit household (R4).
    body = await gql("{ blackList { totalCount edges { node { code listStatus } } } }")
    assert body["data"]["blackList"] == {"totalCount": 1, "edges": [{"node": {"code": "T1V1H1", "listStatus": "BLACK_LIST"}}]}
    assert (await support.props(db, "Village", "T1V1"))["creditHouseholdCount"] == 2
    assert codes(await issue(gql, "L2", "T1V1H1", "1.00")) == ["BLACKLISTED"]
    # C2: lifted only after the debts are settled, with a reason.
    lift = (await gql(LIFT, {"code": "T1V1H1", "reason": "repaid"}))["data"]["liftFromBlackList"]
    assert codes(lift) == ["CONFLICT"]
    await gql(REPAY, {"input": {"loanCode": "L1", "amount": "1000.00", "paidOn": "2026-06-10"}})
    assert codes((await gql(LIFT, {"code": "T1V1H1", "reason": " "}))["data"]["liftFromBlackList"]) == ["INVALID_INPUT"]
    lift = (await gql(LIFT, {"code": "T1V1H1", "reason": "repaid in full"}))["data"]["liftFromBlackList"]
    assert lift == {"household": {"code": "T1V1H1", "listStatus": "NONE"}, "userErrors": []}
    h = await support.props(db, "Household", "T1V1H1")
    assert (h["blacklisted"], h["certificate"]) == (False, "NONE")  # C2: NONE until re-assessed
    assert codes((await gql(LIFT, {"code": "T1V1H1", "reason": "again"}))["data"]["liftFromBlackList"]) == ["CONFLICT"]


async def test_write_off_revokes_and_counts_in_no_balance(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)
    await issue(gql, "L1", "T1V1H1", "1000.00")
    body = await gql(WRITE_OFF, {"input": {"loanCode": "L1", "on": "2026-06-01", "reason": "debtor absconded"}})
    assert body["data"]["writeOffLoan"]["loan"] == {"code": "L1", "status": "WRITTEN_OFF", "outstanding": "1000.00"}
    h = await support.props(db, "Household", "T1V1H1")
    assert (h["certificate"], h["blacklisted"], h["outstandingFen"]) == ("NONE", True, 0)
    assert (await support.props(db, "Village", "T1V1"))["loanBalanceFen"] == 0
    again = await gql(WRITE_OFF, {"input": {"loanCode": "L1", "on": "2026-06-02", "reason": "again"}})
    assert codes(again["data"]["writeOffLoan"]) == ["CONFLICT"]


async def test_red_list_excludes_overdue_in_the_last_12_months(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)  # TODAY = 2026-06-30: the window is (2025-06-30, 2026-06-30]
    await support.set_standing(db, ["T1V1H2"], lastOverdueOn=dt.date(2025, 6, 30))
    await support.set_standing(db, ["T1V1H3"], lastOverdueOn=dt.date(2025, 7, 1))
    body = await gql("{ redList(first: 2) { totalCount edges { node { code listStatus } } pageInfo { hasNextPage endCursor } } }")
    page = body["data"]["redList"]
    # T1V1H1, T1V1H2 (12 months ago exactly), T2V2H1; not T1V1H3 (inside 12 months) nor T2V1H1 (overdue now).
    assert page["totalCount"] == 3
    assert [e["node"] for e in page["edges"]] == [{"code": "T1V1H1", "listStatus": "RED_LIST"}, {"code": "T1V1H2", "listStatus": "RED_LIST"}]
    assert page["pageInfo"]["hasNextPage"] is True
    body = await gql("query($after: String) { redList(first: 2, after: $after) { edges { node { code } } pageInfo { hasNextPage } } }",
                     {"after": page["pageInfo"]["endCursor"]})
    assert body["data"]["redList"] == {"edges": [{"node": {"code": "T2V2H1"}}], "pageInfo": {"hasNextPage": False}}
    body = await gql('{ a: household(code: "T1V1H3") { listStatus } b: household(code: "T2V1H1") { listStatus } }')
    assert body["data"] == {"a": {"listStatus": "NONE"}, "b": {"listStatus": "NONE"}}


async def test_freeze_events_newest_first_paged_and_filtered(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    doc = factories.county(towns=1, villages_per_town=2, households_per_village=2)
    await load(doc)
    await support.set_standing(db, ["T1V1H1", "T1V2H1", "T1V2H2"])
    await issue(gql, "L1", "T1V1H1", "1000.00")
    await gql(OVERDUE, {"input": {"loanCode": "L1", "daysOverdue": 5, "asOf": "2026-06-01"}})  # V1 and T1 freeze
    await gql(OVERDUE, {"input": {"loanCode": "L1", "daysOverdue": 0, "asOf": "2026-06-02"}})  # both lift
    body = await gql("""{ freezeEvents(first: 3) { totalCount
        edges { node { level code frozen ratio loanBalance overdueBalance cause causeLoanCode causeAction at } }
        pageInfo { hasNextPage endCursor } } }""")
    page = body["data"]["freezeEvents"]
    assert page["totalCount"] == 4 and page["pageInfo"]["hasNextPage"] is True
    nodes = [e["node"] for e in page["edges"]]
    assert [n["frozen"] for n in nodes] == [False, False, True]
    assert {n["cause"] for n in nodes[:2]} == {"reportOverdue L1"}
    assert nodes[2]["ratio"] == 1.0 and nodes[2]["overdueBalance"] == "1000.00"
    rest = await gql("query($a: String) { freezeEvents(first: 3, after: $a) { edges { node { frozen } } pageInfo { hasNextPage } } }",
                     {"a": page["pageInfo"]["endCursor"]})
    assert rest["data"]["freezeEvents"] == {"edges": [{"node": {"frozen": True}}], "pageInfo": {"hasNextPage": False}}
    towns = await gql('{ freezeEvents(level: TOWN, code: "T1") { totalCount edges { node { level code frozen } } } }')
    assert towns["data"]["freezeEvents"]["edges"] == [
        {"node": {"level": "TOWN", "code": "T1", "frozen": False}}, {"node": {"level": "TOWN", "code": "T1", "frozen": True}}]
    assert towns["data"]["freezeEvents"]["totalCount"] == 2


async def test_recompute_rollups_mutation_reports_counts(load, db, gql) -> None:  # type: ignore[no-untyped-def]
    await setup(load, db)
    body = await gql("mutation { recomputeRollups { villages towns frozenVillages frozenTowns milliseconds } }")
    report = body["data"]["recomputeRollups"]
    assert (report["villages"], report["towns"], report["frozenVillages"], report["frozenTowns"]) == (4, 2, 1, 1)
