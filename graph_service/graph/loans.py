"""Loan changes (L1–L4, C1) with incremental roll-ups and freezes (R1–R3, R5, R6).

Every change is one managed transaction of a constant number of statements, whatever the size of
the county:
1. `lock_loan_chain` locks the loan, its household, village, town and county (in that order) and
   reads them under the lock, so concurrent changes serialize where they share a node;
2. the pure rules (`policy.lending`) decide: refuse, or compute the new loan, household and
   balances (deltas of this one loan) and whether a freeze flips;
3. `create_loan` (issue only) and `save_loan_change` write it all, with the freeze events;
4. `refresh_village_titles` when a freeze flag or a household's credit status changed (R5).
A refusal raises `Refused` inside the transaction: it rolls back, nothing is written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from neo4j.exceptions import ConstraintError

from graph_service.errors import ErrorCode, Refused
from graph_service.graph.db import Graph, Record, Tx
from graph_service.policy import lending
from graph_service.policy.config import current_policy
from graph_service.policy.discount import rate_discount_permille
from graph_service.policy.lending import Consequence, Figures, LendingRefusal, LoanState
from graph_service.policy.ratios import ratio


def _refused(refusal: LendingRefusal) -> Refused:
    return Refused(ErrorCode[refusal.code], refusal.message, refusal.field)


@dataclass(frozen=True)
class IssueRequest:
    code: str
    household_code: str
    bank_code: str
    principal_fen: int
    purpose: str
    issued_on: dt.date
    due_on: dt.date


@dataclass(frozen=True)
class Chain:
    """The locked nodes of one change, as read under the lock."""

    loan: Record | None
    household: Record
    village: Record
    town: Record
    county: Record
    bank_found: bool


async def _lock(tx: Tx, *, loan_code: str | None, household_code: str | None = None,
                bank_code: str | None = None) -> tuple[Record | None, Record | None, Chain | None]:
    row = await tx.single("lock_loan_chain", loanCode=loan_code, householdCode=household_code, bankCode=bank_code)
    assert row is not None
    if row["household"] is None:
        return row["loan"], None, None
    chain = Chain(
        loan=row["loan"],
        household=row["household"],
        village=row["village"],
        town=row["town"],
        county=row["county"],
        bank_found=bool(row["bankFound"]),
    )
    return row["loan"], row["household"], chain


def _level_props(props: Record, figures: Figures, now: dt.datetime) -> dict[str, Any]:
    was_frozen = bool(props.get("frozen"))
    if figures.frozen:
        since = props.get("frozenSince") if was_frozen else now
    else:
        since = None
    return {
        "code": props["code"],
        "loanBalanceFen": figures.balance_fen,
        "overdueBalanceFen": figures.overdue_fen,
        "frozen": figures.frozen,
        "frozenSince": since,
    }


def _event(level: str, code: str, figures: Figures, now: dt.datetime, loan_code: str, action: str) -> dict[str, Any]:
    return {
        "id": uuid.uuid4().hex,
        "at": now,
        "level": level,
        "code": code,
        "ratio": ratio(figures.overdue_fen, figures.balance_fen),
        "balanceFen": figures.balance_fen,
        "overdueFen": figures.overdue_fen,
        "frozen": figures.frozen,
        "causeLoanCode": loan_code,
        "causeAction": action,
        "cause": f"{action} {loan_code}",
    }


async def _apply(
    tx: Tx,
    chain: Chain,
    *,
    loan_code: str,
    before: LoanState | None,
    after: LoanState,
    loan_props: dict[str, Any],
    household_props: dict[str, Any],
    action: str,
) -> Record:
    """Writes one loan change and propagates its deltas up the hierarchy (R1–R3, R5)."""
    now = dt.datetime.now(dt.timezone.utc)
    freeze = current_policy().freeze
    balance_delta = after.balance_fen - (before.balance_fen if before else 0)
    overdue_delta = after.overdue_fen - (before.overdue_fen if before else 0)
    overdue_count_delta = int(after.status == lending.OVERDUE) - int(before is not None and before.status == lending.OVERDUE)

    household = chain.household
    changes = {
        "code": household["code"],
        "outstandingFen": int(household.get("outstandingFen") or 0) + balance_delta,
        "overdueLoanCount": int(household.get("overdueLoanCount") or 0) + overdue_count_delta,
        **household_props,
    }

    old_village, old_town = Figures.from_props(chain.village), Figures.from_props(chain.town)
    village = lending.shift(old_village, balance_delta, overdue_delta, freeze.village_overdue_percent)
    town = lending.shift(old_town, balance_delta, overdue_delta, freeze.town_overdue_percent)
    county = lending.shift(Figures.from_props(chain.county), balance_delta, overdue_delta, None)

    events = []
    if village.frozen != old_village.frozen:
        events.append(_event("VILLAGE", chain.village["code"], village, now, loan_code, action))
    if town.frozen != old_town.frozen:
        events.append(_event("TOWN", chain.town["code"], town, now, loan_code, action))

    row = await tx.single(
        "save_loan_change",
        loan={"code": loan_code, **loan_props, **_state_props(after)},
        household=changes,
        village=_level_props(chain.village, village, now),
        town=_level_props(chain.town, town, now),
        county=_level_props(chain.county, county, now),
        events=events,
    )
    assert row is not None
    credit_changed = "isCreditHousehold" in household_props and bool(household_props["isCreditHousehold"]) != bool(
        household.get("isCreditHousehold")
    )
    if events or credit_changed:
        titles = current_policy().titles
        await tx.run(
            "refresh_village_titles",
            villageCode=chain.village["code"],
            villagePercent=titles.credit_village_household_percent,
            townPercent=titles.credit_town_village_percent,
        )
    return row["loan"]


def _state_props(state: LoanState) -> dict[str, Any]:
    return {"outstandingFen": state.outstanding_fen, "status": state.status, "daysOverdue": state.days_overdue}


def _later(current: dt.date | None, day: dt.date) -> dt.date:
    return day if current is None or day > current else current


# --- issueLoan --------------------------------------------------------------------------------


def _check_issue_input(req: IssueRequest) -> None:
    if req.principal_fen <= 0:
        raise Refused(ErrorCode.INVALID_INPUT, "the principal must be more than 0", ["principal"])
    if req.due_on < req.issued_on:
        raise Refused(ErrorCode.INVALID_INPUT, "dueOn cannot be before issuedOn", ["dueOn"])
    if not req.code.strip():
        raise Refused(ErrorCode.INVALID_INPUT, "a loan code cannot be empty", ["code"])


async def issue_loan(graph: Graph, req: IssueRequest) -> Record:
    """L1–L3: lends, or raises Refused. The code is the caller's key: a code already used is CONFLICT."""
    _check_issue_input(req)

    async def work(tx: Tx) -> Record:
        existing, household, chain = await _lock(
            tx, loan_code=req.code, household_code=req.household_code, bank_code=req.bank_code
        )
        if existing is not None:
            raise Refused(ErrorCode.CONFLICT, f"loan {req.code} already exists: it is never lent twice", ["code"])
        if chain is None:
            raise Refused(ErrorCode.NOT_FOUND, f"no household {req.household_code}", ["householdCode"])
        if not chain.bank_found:
            raise Refused(ErrorCode.NOT_FOUND, f"no bank {req.bank_code}", ["bankCode"])
        refusal = lending.new_loan_refusal(
            lending.Borrower.from_props(chain.household),
            principal_fen=req.principal_fen,
            purpose=req.purpose,
            village_frozen=bool(chain.village.get("frozen")),
            town_frozen=bool(chain.town.get("frozen")),
        )
        if refusal is not None:
            raise _refused(refusal)
        props = chain.household
        # D2: the loan keeps the discount in force when it is issued.
        discount = rate_discount_permille(
            props,
            is_credit_household=bool(props.get("isCreditHousehold")),
            stars=props.get("stars"),
            certificate=str(props.get("certificate") or "NONE"),
            in_credit_village=bool(chain.village.get("isCreditVillage")),
        )
        after = LoanState(outstanding_fen=req.principal_fen, status=lending.ACTIVE)
        loan_props = {
            "code": req.code,
            "householdCode": req.household_code,
            "bankCode": req.bank_code,
            "villageCode": chain.village["code"],
            "principalFen": req.principal_fen,
            "purpose": req.purpose,
            "issuedOn": req.issued_on,
            "dueOn": req.due_on,
            "rateDiscountPermille": float(discount),
            **_state_props(after),
        }
        await tx.run("create_loan", loan=loan_props)
        return await _apply(tx, chain, loan_code=req.code, before=None, after=after,
                            loan_props=loan_props, household_props={}, action="issueLoan")

    try:
        return await graph.write_tx(work)
    except ConstraintError:
        # Another request created the same code at the same moment (for another household).
        raise Refused(ErrorCode.CONFLICT, f"loan {req.code} already exists: it is never lent twice", ["code"]) from None


# --- changes of an existing loan --------------------------------------------------------------


async def _change_loan(graph: Graph, loan_code: str, on: dt.date, on_field: str, action: str, decide: Any) -> Record:
    """Locks the loan's chain, lets `decide(before, household, chain)` return (after, loan props,
    household props), and writes the change with its roll-ups."""

    async def work(tx: Tx) -> Record:
        loan, _, chain = await _lock(tx, loan_code=loan_code)
        if loan is None or chain is None:
            raise Refused(ErrorCode.NOT_FOUND, f"no loan {loan_code}", ["loanCode"])
        if on < loan["issuedOn"]:
            raise Refused(ErrorCode.INVALID_INPUT, "the date is before the loan was issued", [on_field])
        before = LoanState.from_props(loan)
        try:
            after, loan_props, household_props = decide(before, chain.household)
        except LendingRefusal as refusal:
            raise _refused(refusal) from None
        # C3: the household had an overdue loan up to this day.
        if before.status == lending.OVERDUE or after.status == lending.OVERDUE:
            household_props = {"lastOverdueOn": _later(chain.household.get("lastOverdueOn"), on), **household_props}
        return await _apply(tx, chain, loan_code=loan_code, before=before, after=after,
                            loan_props=loan_props, household_props=household_props, action=action)

    return await graph.write_tx(work)


def _c1(household: Record, consequence: Consequence, on: dt.date) -> dict[str, Any]:
    """C1 on the household; a household already on the black list stays as it is."""
    if consequence is Consequence.REVOKE and household.get("blacklisted"):
        return {}
    return lending.standing_after(consequence, on)


async def record_repayment(graph: Graph, loan_code: str, amount_fen: int, paid_on: dt.date) -> Record:
    def decide(before: LoanState, household: Record) -> tuple[LoanState, dict[str, Any], dict[str, Any]]:
        after = lending.repay(before, amount_fen)
        return after, {"lastRepaidOn": paid_on}, {}

    return await _change_loan(graph, loan_code, paid_on, "paidOn", "recordRepayment", decide)


async def report_overdue(graph: Graph, loan_code: str, days_overdue: int, as_of: dt.date) -> Record:
    def decide(before: LoanState, household: Record) -> tuple[LoanState, dict[str, Any], dict[str, Any]]:
        after = lending.report_overdue(before, days_overdue)
        consequence = lending.overdue_consequence(
            str(household.get("certificate") or "NONE"), days_overdue=days_overdue, written_off=False
        )
        return after, {"overdueAsOf": as_of}, _c1(household, consequence, as_of)

    return await _change_loan(graph, loan_code, as_of, "asOf", "reportOverdue", decide)


async def write_off_loan(graph: Graph, loan_code: str, on: dt.date, reason: str) -> Record:
    if not reason.strip():
        raise Refused(ErrorCode.INVALID_INPUT, "a write-off needs a reason", ["reason"])

    def decide(before: LoanState, household: Record) -> tuple[LoanState, dict[str, Any], dict[str, Any]]:
        after = lending.write_off(before)
        return after, {"writtenOffOn": on, "writeOffReason": reason}, _c1(household, Consequence.REVOKE, on)

    return await _change_loan(graph, loan_code, on, "on", "writeOffLoan", decide)


# --- C2: lifting from the black list ----------------------------------------------------------


async def lift_from_black_list(graph: Graph, household_code: str, reason: str, on: dt.date) -> Record:
    """C2: an explicit, reasoned action, only once the household's debts are settled. The
    certificate stays NONE until an ordinary new assessment."""
    if not reason.strip():
        raise Refused(ErrorCode.INVALID_INPUT, "lifting from the black list needs a reason", ["reason"])

    async def work(tx: Tx) -> Record:
        _, household, _ = await _lock(tx, loan_code=None, household_code=household_code)
        if household is None:
            raise Refused(ErrorCode.NOT_FOUND, f"no household {household_code}", ["householdCode"])
        if not household.get("blacklisted"):
            raise Refused(ErrorCode.CONFLICT, "the household is not on the black list", ["householdCode"])
        if int(household.get("overdueLoanCount") or 0) > 0 or int(household.get("outstandingFen") or 0) > 0:
            raise Refused(ErrorCode.CONFLICT, "the household still has overdue or unsettled loans (C2)", ["householdCode"])
        row = await tx.single(
            "save_household_listing",
            code=household_code,
            props={"blacklisted": False, "blackListLiftedOn": on, "blackListLiftReason": reason},
        )
        assert row is not None
        return row["household"]

    return await graph.write_tx(work)
