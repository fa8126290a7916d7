"""Scalars of the contract. `Decimal` is money in yuan on the wire: a string with two decimals."""

from __future__ import annotations

import decimal
from typing import Any

import strawberry
from graphql import GraphQLError

from graph_service.money import MoneyError, format_yuan, yuan


def _parse_decimal(value: Any) -> decimal.Decimal:
    try:
        return yuan(value)
    except MoneyError as exc:
        raise GraphQLError(f"Decimal: {exc}") from None


DecimalScalar = strawberry.scalar(
    name="Decimal",
    description='Money in yuan, a string with two decimals: "50000.00". Stored as integer fen.',
    serialize=format_yuan,
    parse_value=_parse_decimal,
)

SCALAR_MAP: dict[object, Any] = {decimal.Decimal: DecimalScalar}
