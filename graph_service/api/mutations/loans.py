"""Loan mutations (L1–L4, C1, C2, R1–R6): issueLoan, recordRepayment, reportOverdue, writeOffLoan,
recomputeRollups and liftFromBlackList. Refusals come back as userErrors and change nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.errors import ErrorCode, Refused, UserError, user_error, user_errors_field
from graph_service.api.types.household import Household
from graph_service.api.types.loan import Loan, LoanPurpose
from graph_service.graph import loans, rollups
from graph_service.money import to_fen


@strawberry.input(description="`code` is the caller's key: sending the same loan twice never lends twice (CONFLICT).")
class IssueLoanInput:
    code: str = strawberry.field(description="The new loan's code, chosen by the caller; already used: CONFLICT (never lent twice).")
    household_code: str = strawberry.field(description="The borrowing household (农户); unknown: NOT_FOUND. Refused by L3 as NO_CERTIFICATE, BLACKLISTED, HAS_OVERDUE_LOAN, VILLAGE_FROZEN or TOWN_FROZEN.")
    bank_code: str = strawberry.field(description="The lending bank (主办银行, H3); unknown: NOT_FOUND.")
    principal: Decimal = strawberry.field(description="Principal in yuan, > 0; with the household's outstanding it must stay within its credit line (L1: else CREDIT_LINE_EXCEEDED).")
    purpose: LoanPurpose = strawberry.field(description="What the loan is for (L2); a forbidden purpose is PURPOSE_NOT_ALLOWED.")
    issued_on: dt.date = strawberry.field(description="The issue date. The loan keeps the rate discount in force when it is issued (D2).")
    due_on: dt.date = strawberry.field(description="The due date; not before issuedOn (INVALID_INPUT).")


@strawberry.input(description="A repayment of principal (L4); more than is owed is refused.")
class RecordRepaymentInput:
    loan_code: str = strawberry.field(description="The loan's code; unknown: NOT_FOUND; repaid or written off: CONFLICT.")
    amount: Decimal = strawberry.field(description="Principal repaid in yuan: > 0 and at most the outstanding (else INVALID_INPUT).")
    paid_on: dt.date = strawberry.field(description="The payment date; not before the issue date (INVALID_INPUT).")


@strawberry.input(description="daysOverdue > 0 makes the loan OVERDUE; 0 brings it back to ACTIVE.")
class ReportOverdueInput:
    loan_code: str = strawberry.field(description="The loan's code; unknown: NOT_FOUND; repaid or written off: CONFLICT.")
    days_overdue: int = strawberry.field(description=(
        "Days past due, ≥ 0. > 0: OVERDUE; ≤ 90 downgrades a RED holder to BLUE, > 90 revokes the borrower's credit (C1). 0: ACTIVE again."))
    as_of: dt.date = strawberry.field(description="The day the figure is as of; not before the issue date (INVALID_INPUT).")


@strawberry.input(description="核销: writes a loan off (L4); revokes the borrower's credit (C1).")
class WriteOffLoanInput:
    loan_code: str = strawberry.field(description="The loan's code; unknown: NOT_FOUND; repaid or written off: CONFLICT.")
    on: dt.date = strawberry.field(description="The write-off date; not before the issue date (INVALID_INPUT).")
    reason: str = strawberry.field(description="Why it is written off; blank: INVALID_INPUT.")


@strawberry.type(description="The loan after the change, or why it was refused.")
class LoanPayload:
    loan: Loan | None = strawberry.field(description="The loan after the change; null when refused.")
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="The household after it was lifted from the black list, or why not.")
class LiftFromBlackListPayload:
    household: Household | None = strawberry.field(description="The household after the lift (certificate still NONE until a new assessment, C2); null when refused.")
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="What a full recomputation of the roll-ups found (R6).")
class RecomputeReport:
    villages: int = strawberry.field(description="Villages recomputed (R1).")
    towns: int = strawberry.field(description="Towns recomputed (R2).")
    frozen_villages: int = strawberry.field(description="Villages frozen (熔断) after the recomputation: ratio ≥ 5% (R3).")
    frozen_towns: int = strawberry.field(description="Towns frozen (熔断) after the recomputation: ratio ≥ 3% (R3).")
    milliseconds: int = strawberry.field(description="Time taken (shown only).")


async def _loan_payload(info: Info, change: Callable[[], Awaitable[dict[str, Any]]]) -> LoanPayload:
    try:
        props = await change()
    except Refused as refused:
        return LoanPayload(loan=None, user_errors=[user_error(refused)])
    info.context.loaders.clear("Loan", props["code"])
    info.context.loaders.clear("Household", props["householdCode"])
    info.context.loaders.clear("Village", props["villageCode"])
    return LoanPayload(loan=Loan.from_props(props), user_errors=[])


def _fen(amount: Decimal, field: list[str]) -> int:
    try:
        return to_fen(amount)
    except ValueError:
        raise Refused(ErrorCode.INVALID_INPUT, "not an amount in yuan with at most two decimals", field) from None


@strawberry.type
class LoanMutation:
    @strawberry.mutation(description=(
        "Lends to a household (L1–L3). Refused: NO_CERTIFICATE, BLACKLISTED, HAS_OVERDUE_LOAN, VILLAGE_FROZEN, "
        "TOWN_FROZEN, CREDIT_LINE_EXCEEDED, PURPOSE_NOT_ALLOWED; NOT_FOUND for an unknown household or bank; "
        "CONFLICT for a code already used; INVALID_INPUT for principal ≤ 0 or dueOn before issuedOn."))
    async def issue_loan(
        self, info: Info, input: Annotated[IssueLoanInput, strawberry.argument(description="The loan to issue (L1–L3).")]
    ) -> LoanPayload:
        async def change() -> dict[str, Any]:
            request = loans.IssueRequest(
                code=input.code,
                household_code=input.household_code,
                bank_code=input.bank_code,
                principal_fen=_fen(input.principal, ["input", "principal"]),
                purpose=input.purpose.value,
                issued_on=input.issued_on,
                due_on=input.due_on,
            )
            return await loans.issue_loan(info.context.graph, request)

        return await _loan_payload(info, change)

    @strawberry.mutation(description="Records a repayment (L4); repaid in full makes the loan REPAID. More than is owed is refused (INVALID_INPUT).")
    async def record_repayment(
        self, info: Info, input: Annotated[RecordRepaymentInput, strawberry.argument(description="The repayment (L4).")]
    ) -> LoanPayload:
        async def change() -> dict[str, Any]:
            amount = _fen(input.amount, ["input", "amount"])
            return await loans.record_repayment(info.context.graph, input.loan_code, amount, input.paid_on)

        return await _loan_payload(info, change)

    @strawberry.mutation(description="Reports days past due (L4): > 0 makes the loan OVERDUE (C1: RED → BLUE when ≤ 90 days, revoked beyond); 0 cures it.")
    async def report_overdue(
        self, info: Info, input: Annotated[ReportOverdueInput, strawberry.argument(description="The loan and its days past due (L4, C1).")]
    ) -> LoanPayload:
        return await _loan_payload(
            info, lambda: loans.report_overdue(info.context.graph, input.loan_code, input.days_overdue, input.as_of)
        )

    @strawberry.mutation(description="Writes a loan off (L4); the borrower's credit is revoked and it goes on the black list (C1).")
    async def write_off_loan(
        self, info: Info, input: Annotated[WriteOffLoanInput, strawberry.argument(description="The loan, the date and the reason (核销, L4).")]
    ) -> LoanPayload:
        return await _loan_payload(
            info, lambda: loans.write_off_loan(info.context.graph, input.loan_code, input.on, input.reason)
        )

    @strawberry.mutation(description="Recomputes every roll-up and freeze from the loans (R6); gives the figures the mutations keep incrementally.")
    async def recompute_rollups(self, info: Info) -> RecomputeReport:
        report = await rollups.recompute(info.context.graph, today=info.context.today())
        return RecomputeReport(
            villages=report["villages"],
            towns=report["towns"],
            frozen_villages=report["frozenVillages"],
            frozen_towns=report["frozenTowns"],
            milliseconds=report["milliseconds"],
        )

    @strawberry.mutation(description=(
        "Lifts a household from the black list (C2), for the county centre, with a reason. Refused with CONFLICT "
        "while it still has overdue or unsettled loans, or when it is not on the list. Its certificate stays NONE "
        "until a new assessment."))
    async def lift_from_black_list(
        self, info: Info,
        household_code: Annotated[str, strawberry.argument(description=(
            "The household (黑榜); unknown: NOT_FOUND; not on the list, or with overdue or unsettled loans: CONFLICT."))],
        reason: Annotated[str, strawberry.argument(description="Why it is lifted (C2: an explicit, reasoned action); blank: INVALID_INPUT.")],
    ) -> LiftFromBlackListPayload:
        try:
            props = await loans.lift_from_black_list(info.context.graph, household_code, reason, info.context.today())
        except Refused as refused:
            return LiftFromBlackListPayload(household=None, user_errors=[user_error(refused)])
        info.context.loaders.clear("Household", household_code)
        return LiftFromBlackListPayload(household=Household.from_props(props), user_errors=[])
