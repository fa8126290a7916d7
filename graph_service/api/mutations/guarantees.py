"""Guarantee mutations (K1): addGuarantee and releaseGuarantee."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from graph_service.api.context import Info
from graph_service.api.errors import Refused, user_error
from graph_service.api.types.contagion import Guarantee, GuaranteePayload
from graph_service.graph import guarantees
from graph_service.money import from_fen, to_fen


def _payload(row: guarantees.GuaranteeRow) -> GuaranteePayload:
    # The loan node itself is unchanged; its guarantees are read after the write, within this request.
    return GuaranteePayload(
        guarantee=Guarantee(amount=from_fen(row.amount_fen), guarantor_code=row.guarantor_code, loan_code=row.loan_code),
        user_errors=[],
        loan_code=row.loan_code,
    )


@strawberry.type
class GuaranteeMutation:
    @strawberry.mutation(description=(
        "A household guarantees another household's live loan for `amount` (K1); called again, it sets the "
        "new amount. Refused: unknown household or loan (NOT_FOUND), amount ≤ 0 or the borrower guaranteeing "
        "its own loan (INVALID_INPUT), a repaid or written-off loan (CONFLICT)."))
    async def add_guarantee(
        self, info: Info,
        guarantor_code: Annotated[str, strawberry.argument(description="The guarantor household (担保人), not the borrower; unknown: NOT_FOUND.")],
        loan_code: Annotated[str, strawberry.argument(description="The guaranteed loan: ACTIVE or OVERDUE (else CONFLICT); unknown: NOT_FOUND.")],
        amount: Annotated[Decimal, strawberry.argument(description="The guaranteed amount in yuan, > 0 (else INVALID_INPUT); replaces an earlier amount.")],
    ) -> GuaranteePayload:
        try:
            row = await guarantees.add(info.context.graph, guarantor_code, loan_code, to_fen(amount))
        except Refused as refused:
            return GuaranteePayload(guarantee=None, user_errors=[user_error(refused)])
        return _payload(row)

    @strawberry.mutation(description=(
        "Removes a guarantee (K1); the payload shows it as it was. Refused: unknown household or loan, or no "
        "such guarantee (NOT_FOUND)."))
    async def release_guarantee(
        self, info: Info,
        guarantor_code: Annotated[str, strawberry.argument(description="The guarantor household; unknown: NOT_FOUND.")],
        loan_code: Annotated[str, strawberry.argument(description="The guaranteed loan; unknown, or not guaranteed by this household: NOT_FOUND.")],
    ) -> GuaranteePayload:
        try:
            row = await guarantees.release(info.context.graph, guarantor_code, loan_code)
        except Refused as refused:
            return GuaranteePayload(guarantee=None, user_errors=[user_error(refused)])
        return _payload(row)
