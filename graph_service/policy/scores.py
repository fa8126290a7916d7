"""S1, S2, S4, S5: the scores of an assessment, in exact decimal arithmetic (half-up)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from graph_service.policy.config import AssessmentPolicy, current_policy


class InvalidScore(ValueError):
    """Input outside what S1/S2 allow; `field` names the input at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _p(policy: AssessmentPolicy | None) -> AssessmentPolicy:
    return policy or current_policy().assessment


def system_score(value: Decimal | float | int | str, policy: AssessmentPolicy | None = None) -> Decimal:
    """S1: 0–100 with at most two decimals; floats go through their shortest repr (93.57 stays 93.57)."""
    p = _p(policy)
    if isinstance(value, bool):
        raise InvalidScore("systemScore", "the system score must be a number")
    try:
        score = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise InvalidScore("systemScore", f"{value!r} is not a number") from None
    if not score.is_finite():
        raise InvalidScore("systemScore", "the system score must be a finite number")
    if not p.system_score_min <= score <= p.system_score_max:
        raise InvalidScore("systemScore", f"the system score must be between {p.system_score_min} and {p.system_score_max} (S1)")
    step = Decimal(1).scaleb(-p.system_score_decimals)
    if score != score.quantize(step):
        raise InvalidScore("systemScore", f"the system score has at most {p.system_score_decimals} decimals (S1)")
    return score


def no_repeats(field: str, items: Sequence[str]) -> None:
    """S2: a repeated panel item (or veto) is invalid input."""
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise InvalidScore(field, f"{item} is listed twice (S2: a repeated item is invalid)")
        seen.add(item)


def panel_score(positives: Sequence[str], negatives: Sequence[str], policy: AssessmentPolicy | None = None) -> int:
    """S2: 6 × positives − 6 × negatives, clamped to [0, 30]; repeated items are refused."""
    p = _p(policy)
    no_repeats("positives", positives)
    no_repeats("negatives", negatives)
    raw = p.panel_points_per_item * (len(positives) - len(negatives))
    return max(p.panel_min, min(p.panel_max, raw))


def composite_score(system: Decimal, panel: int, policy: AssessmentPolicy | None = None) -> Decimal:
    """S4: 0.7 × system + panel, exact, kept to one decimal half-up (0.7 × 93.57 + 30 = 95.499 → 95.5)."""
    p = _p(policy)
    exact = p.system_weight * system + panel
    return exact.quantize(Decimal(1).scaleb(-p.composite_decimals), rounding=ROUND_HALF_UP)


def band_score(composite: Decimal) -> int:
    """S5: the one-decimal composite the household is shown, rounded half-up to an integer
    (79.5 → 80, 90.5 → 91 where Python's round() would say 90)."""
    return int(composite.quantize(Decimal(1), rounding=ROUND_HALF_UP))
