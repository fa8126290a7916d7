"""S6, S7: credit household, stars, certificate and credit line from the band score."""

from __future__ import annotations

from decimal import Decimal

from graph_service.policy.config import Policy, Tier, current_policy
from graph_service.policy.items import Certificate


def _tier(band: int, tiers: tuple[Tier, ...]) -> int | None:
    for tier in sorted(tiers, key=lambda t: t.min_band, reverse=True):
        if band >= tier.min_band:
            return tier.value
    return None


def is_credit_household(eligible: bool, vetoed: bool, band: int, policy: Policy | None = None) -> bool:
    """S6: eligible, no veto, band score >= 80."""
    p = policy or current_policy()
    return eligible and not vetoed and band >= p.assessment.credit_household_min_band


def stars(eligible: bool, vetoed: bool, band: int, policy: Policy | None = None) -> int | None:
    """S6: 96–100 ★5, 92–95 ★4, 88–91 ★3, 84–87 ★2, 80–83 ★1; None for a non-credit household."""
    p = policy or current_policy()
    if not is_credit_household(eligible, vetoed, band, p):
        return None
    return _tier(band, p.stars)


def certificate(eligible: bool, vetoed: bool, band: int, policy: Policy | None = None) -> Certificate:
    """S7: NONE when vetoed or ineligible; RED from band 80; BLUE below."""
    p = policy or current_policy()
    if not eligible or vetoed:
        return Certificate.NONE
    return Certificate.RED if band >= p.certificates.red_min_band else Certificate.BLUE


def credit_line_yuan(cert: Certificate, band: int, policy: Policy | None = None) -> Decimal:
    """S7: RED 96–100 → 50,000; 91–95 → 40,000; 86–90 → 30,000; 80–85 → 20,000; BLUE 10,000; NONE 0."""
    p = policy or current_policy()
    if cert == Certificate.NONE:
        return Decimal(0)
    if cert == Certificate.BLUE:
        return Decimal(p.certificates.blue_line_yuan)
    line = _tier(band, p.certificates.red_lines_yuan)
    return Decimal(line or 0)
