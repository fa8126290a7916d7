"""Guarantees (K1, 担保/联保): a household guarantees another household's loan for an amount.

Each change is one transaction: the checks and the write see the same state, and a refusal
(`Refused`) rolls everything back. Both writes are idempotent, as transaction retries require.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_service.errors import ErrorCode, Refused
from graph_service.graph.db import Graph, Tx

LIVE = ("ACTIVE", "OVERDUE")


@dataclass(frozen=True)
class GuaranteeRow:
    guarantor_code: str
    loan_code: str
    amount_fen: int


async def _context(tx: Tx, guarantor_code: str, loan_code: str) -> dict:
    row = await tx.single("guarantee_context", guarantorCode=guarantor_code, loanCode=loan_code)
    assert row is not None  # OPTIONAL MATCHes always return one row
    if not row["guarantor"]:
        raise Refused(ErrorCode.NOT_FOUND, f"no household {guarantor_code}", ["guarantorCode"])
    if not row["loan"]:
        raise Refused(ErrorCode.NOT_FOUND, f"no loan {loan_code}", ["loanCode"])
    return row


async def add(graph: Graph, guarantor_code: str, loan_code: str, amount_fen: int) -> GuaranteeRow:
    """Adds the guarantee, or sets a new amount on an existing one (so a retried call is harmless)."""
    if amount_fen <= 0:
        raise Refused(ErrorCode.INVALID_INPUT, "the amount must be greater than 0", ["amount"])

    async def work(tx: Tx) -> GuaranteeRow:
        row = await _context(tx, guarantor_code, loan_code)
        if row["borrowerCode"] == guarantor_code:
            raise Refused(ErrorCode.INVALID_INPUT, "a household cannot guarantee its own loan (K1)", ["guarantorCode"])
        if row["status"] not in LIVE:
            raise Refused(ErrorCode.CONFLICT, f"loan {loan_code} is {row['status']}: only a live loan can be guaranteed", ["loanCode"])
        written = await tx.single("set_guarantee", guarantorCode=guarantor_code, loanCode=loan_code, amountFen=amount_fen)
        assert written is not None
        return GuaranteeRow(guarantor_code, loan_code, int(written["amountFen"]))

    return await graph.write_tx(work)


async def release(graph: Graph, guarantor_code: str, loan_code: str) -> GuaranteeRow:
    """Removes the guarantee; returns what it was."""

    async def work(tx: Tx) -> GuaranteeRow:
        row = await _context(tx, guarantor_code, loan_code)
        if row["amountFen"] is None:
            raise Refused(ErrorCode.NOT_FOUND, f"{guarantor_code} does not guarantee loan {loan_code}", ["guarantorCode"])
        await tx.run("delete_guarantee", guarantorCode=guarantor_code, loanCode=loan_code)
        return GuaranteeRow(guarantor_code, loan_code, int(row["amountFen"]))

    return await graph.write_tx(work)


async def of_loans(graph: Graph, loan_codes: list[str]) -> list[list[GuaranteeRow]]:
    """The guarantees of each loan, in the order of `loan_codes` (one round trip for the batch)."""
    by_loan: dict[str, list[GuaranteeRow]] = {code: [] for code in loan_codes}
    for row in await graph.read("guarantees_by_loans", codes=list(loan_codes)):
        by_loan[row["loanCode"]].append(GuaranteeRow(row["guarantorCode"], row["loanCode"], int(row["amountFen"])))
    return [by_loan[code] for code in loan_codes]
