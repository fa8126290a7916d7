"""D1: the interest-rate preference (利率优惠) of a household, in per mille of the monthly rate.

Pure and stable: the loans area imports `rate_discount_permille` to fix a loan's discount on its
issue date (D2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from graph_service.policy.config import DiscountPolicy, current_policy


@dataclass(frozen=True)
class FamilyFlags:
    """The household facts D1 rewards (property names in the graph in brackets)."""

    non_compulsory_student: bool = False  # nonCompulsoryStudent
    one_child: bool = False  # oneChild
    two_daughters: bool = False  # twoDaughters
    active_serviceman: bool = False  # activeServiceman
    party_member: bool = False  # partyMember

    @classmethod
    def from_props(cls, props: Mapping[str, Any]) -> "FamilyFlags":
        """From a Household node's properties (missing ones count as false)."""
        return cls(
            non_compulsory_student=bool(props.get("nonCompulsoryStudent")),
            one_child=bool(props.get("oneChild")),
            two_daughters=bool(props.get("twoDaughters")),
            active_serviceman=bool(props.get("activeServiceman")),
            party_member=bool(props.get("partyMember")),
        )


def rate_discount_permille(
    flags: FamilyFlags | Mapping[str, Any],
    *,
    is_credit_household: bool,
    stars: int | None,
    certificate: str,
    in_credit_village: bool,
    policy: DiscountPolicy | None = None,
) -> Decimal:
    """D1: 0.6 for a credit household with >= 1 star, 0.3 for a credit village's resident, 0.3 once
    for a student / one-child / two-daughter family, 0.3 once for a serviceman / party member;
    summed, capped at 0.9. Certificate NONE cannot borrow, so its discount is 0.

    `flags` is a FamilyFlags or a Household's property mapping; `certificate` is "RED"/"BLUE"/"NONE"
    (a str enum works too).
    """
    p = policy or current_policy().discount
    if not isinstance(flags, FamilyFlags):
        flags = FamilyFlags.from_props(flags)
    if _name(certificate) == "NONE":
        return Decimal("0")
    total = Decimal("0")
    if is_credit_household and (stars or 0) >= p.credit_household_min_stars:
        total += p.credit_household_permille
    if in_credit_village:
        total += p.credit_village_permille
    if flags.non_compulsory_student or flags.one_child or flags.two_daughters:
        total += p.student_or_small_family_permille
    if flags.active_serviceman or flags.party_member:
        total += p.serviceman_or_party_member_permille
    return min(total, p.cap_permille)


def _name(value: Any) -> str:
    """Accept a plain string or an Enum member (its value or name)."""
    return str(getattr(value, "value", value))
