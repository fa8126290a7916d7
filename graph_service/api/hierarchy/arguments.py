"""Filter arguments shared by the child lists, with their documentation, and their conversion to
query parameters. Overdue-ratio bounds become exact fractions (num / den) so the page query compares
integers, `overdue * den >= num * balance`, never floats (as the freeze rule R3 does)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Annotated

import strawberry

from graph_service.api.pagination import invalid

RATIO_DECIMALS = 6  # keeps den <= 10^6: products stay far inside 64-bit integers for any county

NameContains = Annotated[
    str | None,
    strawberry.argument(description="Only items whose name contains this text (case-sensitive; Chinese names match as typed)."),
]
MinOverdueRatio = Annotated[
    float | None,
    strawberry.argument(description="Only items whose overdue ratio (逾期率 = overdue / loan balance, 0 without loans; R1, R2) is ≥ this, 0–1, at most 6 decimals; compared exactly."),
]
MaxOverdueRatio = Annotated[
    float | None,
    strawberry.argument(description="Only items whose overdue ratio (逾期率; R1, R2) is ≤ this, 0–1, at most 6 decimals; compared exactly."),
]
Frozen = Annotated[
    bool | None,
    strawberry.argument(description="Only frozen (true) or only not frozen (false) items: the credit circuit breaker 熔断 (R3)."),
]


def ratio_bound(value: float | None, name: str) -> tuple[int | None, int | None]:
    """(num, den) of the exact decimal the caller wrote (0.05 → 1/20), or (None, None) for no bound."""
    if value is None:
        return None, None
    try:
        exact = Decimal(repr(value))
    except InvalidOperation:
        raise invalid(f"{name}: not a number") from None
    if not exact.is_finite() or exact < 0 or exact > 1:
        raise invalid(f"{name}: must be between 0 and 1")
    if exact != round(exact, RATIO_DECIMALS):
        raise invalid(f"{name}: at most {RATIO_DECIMALS} decimals")
    fraction = Fraction(exact)
    return fraction.numerator, fraction.denominator


def ratio_filters(min_ratio: float | None, max_ratio: float | None) -> dict[str, int | None]:
    min_num, min_den = ratio_bound(min_ratio, "minOverdueRatio")
    max_num, max_den = ratio_bound(max_ratio, "maxOverdueRatio")
    return {"minRatioNum": min_num, "minRatioDen": min_den, "maxRatioNum": max_num, "maxRatioDen": max_den}


def stars_filter(stars: int | None) -> int | None:
    if stars is not None and not 0 <= stars <= 5:
        raise invalid("stars: must be between 0 (no stars) and 5")
    return stars
