"""Money: integer fen in the database, `Decimal` yuan in Python and GraphQL (RULES: money is exact)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN_PER_YUAN = 100
_CENT = Decimal("0.01")


class MoneyError(ValueError):
    """An amount is not a valid yuan amount (not a number, or more than two decimals)."""


def yuan(value: Decimal | int | str | float) -> Decimal:
    """Parse a yuan amount with at most two decimals; floats go through their shortest repr."""
    if isinstance(value, bool):
        raise MoneyError("an amount must be a number")
    try:
        amount = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise MoneyError(f"{value!r} is not an amount") from None
    if not amount.is_finite():
        raise MoneyError(f"{value!r} is not a finite amount")
    if amount != amount.quantize(_CENT):
        raise MoneyError(f"{value!r} has more than two decimals")
    return amount.quantize(_CENT)


def to_fen(amount: Decimal | int | str | float) -> int:
    return int(yuan(amount) * FEN_PER_YUAN)


def from_fen(fen: int | None) -> Decimal:
    return (Decimal(fen or 0) / FEN_PER_YUAN).quantize(_CENT)


def format_yuan(amount: Decimal) -> str:
    """Two decimals, half-up: the wire format of the `Decimal` scalar."""
    return str(amount.quantize(_CENT, rounding=ROUND_HALF_UP))
