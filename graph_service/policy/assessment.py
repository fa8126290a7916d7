"""One credit assessment (H2, S1–S7, S9) as a pure function: inputs in, outcome out.

`assess` is the single path used by the `assessHousehold` mutation and by the dataset import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from graph_service.policy import eligibility, publicity, scores, standing
from graph_service.policy.config import Policy, current_policy
from graph_service.policy.items import Certificate, IneligibleReason, PanelNegative, PanelPositive, Veto
from graph_service.policy.scores import InvalidScore

E = TypeVar("E", bound=Enum)

__all__ = ["InvalidScore", "Inputs", "Outcome", "assess", "parse_inputs"]


@dataclass(frozen=True)
class Inputs:
    """Validated inputs: exact system score, distinct items of known kinds."""

    system_score: Decimal
    positives: tuple[PanelPositive, ...]
    negatives: tuple[PanelNegative, ...]
    vetoes: tuple[Veto, ...]


@dataclass(frozen=True)
class Outcome:
    panel_score: int
    composite_score: Decimal
    band_score: int
    eligible: bool
    ineligible_reason: IneligibleReason | None
    vetoed: bool
    is_credit_household: bool
    stars: int | None
    certificate: Certificate
    credit_line_yuan: Decimal
    effective_on: dt.date
    policy_version: str


def _items(field: str, values: Sequence[str | Enum], kind: type[E]) -> tuple[E, ...]:
    names = [str(getattr(v, "value", v)) for v in values]
    scores.no_repeats(field, names)
    known = {member.value for member in kind}  # type: ignore[attr-defined]
    for name in names:
        if name not in known:
            raise InvalidScore(field, f"{name!r} is not a {kind.__name__}")
    return tuple(kind(name) for name in names)


def parse_inputs(
    system_score: Decimal | float | int | str,
    positives: Sequence[str | Enum],
    negatives: Sequence[str | Enum],
    vetoes: Sequence[str | Enum],
    policy: Policy | None = None,
) -> Inputs:
    """S1–S3 input rules; raises InvalidScore (with the field) on the first problem."""
    p = policy or current_policy()
    return Inputs(
        system_score=scores.system_score(system_score, p.assessment),
        positives=_items("positives", positives, PanelPositive),
        negatives=_items("negatives", negatives, PanelNegative),
        vetoes=_items("vetoes", vetoes, Veto),
    )


def assess(inputs: Inputs, *, birth: dt.date, assessed_on: dt.date, policy: Policy | None = None) -> Outcome:
    p = policy or current_policy()
    panel = scores.panel_score([i.value for i in inputs.positives], [i.value for i in inputs.negatives], p.assessment)
    composite = scores.composite_score(inputs.system_score, panel, p.assessment)
    band = scores.band_score(composite)
    eligible = eligibility.is_eligible(birth, assessed_on, p.eligibility)  # H2, on the assessment date
    vetoed = bool(inputs.vetoes)  # S3
    cert = standing.certificate(eligible, vetoed, band, p)
    return Outcome(
        panel_score=panel,
        composite_score=composite,
        band_score=band,
        eligible=eligible,
        ineligible_reason=None if eligible else IneligibleReason.AGE,
        vetoed=vetoed,
        is_credit_household=standing.is_credit_household(eligible, vetoed, band, p),
        stars=standing.stars(eligible, vetoed, band, p),
        certificate=cert,
        credit_line_yuan=standing.credit_line_yuan(cert, band, p),
        effective_on=publicity.effective_on(assessed_on, p.assessment),
        policy_version=p.version,
    )
