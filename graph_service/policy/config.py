"""The versioned policy configuration: every number of RULES.md, loaded from a JSON file in the
package. Each computed result records `version`, so a county can change numbers without rewriting
history."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class FreezePolicy:
    """R3: a village freezes at 5% overdue, a town at 3% (reaches: >=)."""

    village_overdue_percent: int
    town_overdue_percent: int


@dataclass(frozen=True)
class TitlePolicy:
    """R4: credit village at 70% credit households, credit town at 65% credit villages."""

    credit_village_household_percent: int
    credit_town_village_percent: int


@dataclass(frozen=True)
class EligibilityPolicy:
    """H2: the head's age in full years on the assessment date, inclusive range."""

    min_age: int = 18
    max_age: int = 60


@dataclass(frozen=True)
class AssessmentPolicy:
    """S1, S2, S4, S6, S9, S10: score ranges, weights and periods."""

    system_score_min: Decimal = Decimal("0")
    system_score_max: Decimal = Decimal("100")
    system_score_decimals: int = 2
    system_weight: Decimal = Decimal("0.7")
    panel_points_per_item: int = 6
    panel_min: int = 0
    panel_max: int = 30
    composite_decimals: int = 1
    credit_household_min_band: int = 80
    publicity_days: int = 7
    review_after_days: int = 365


@dataclass(frozen=True)
class Tier:
    """A band threshold and what it gives (stars, or a credit line in yuan)."""

    min_band: int
    value: int


@dataclass(frozen=True)
class CertificatePolicy:
    """S7: RED from `red_min_band` with tiered lines, BLUE below with one line."""

    red_min_band: int = 80
    red_lines_yuan: tuple[Tier, ...] = (Tier(96, 50000), Tier(91, 40000), Tier(86, 30000), Tier(80, 20000))
    blue_line_yuan: int = 10000


@dataclass(frozen=True)
class DiscountPolicy:
    """D1: rate discounts in per mille (monthly rate), added up and capped."""

    credit_household_min_stars: int = 1
    credit_household_permille: Decimal = Decimal("0.6")
    credit_village_permille: Decimal = Decimal("0.3")
    student_or_small_family_permille: Decimal = Decimal("0.3")
    serviceman_or_party_member_permille: Decimal = Decimal("0.3")
    cap_permille: Decimal = Decimal("0.9")


_DEFAULT_STARS = (Tier(96, 5), Tier(92, 4), Tier(88, 3), Tier(84, 2), Tier(80, 1))


@dataclass(frozen=True)
class Policy:
    version: str
    freeze: FreezePolicy
    titles: TitlePolicy
    raw: dict[str, Any]
    eligibility: EligibilityPolicy = field(default_factory=EligibilityPolicy)
    assessment: AssessmentPolicy = field(default_factory=AssessmentPolicy)
    stars: tuple[Tier, ...] = _DEFAULT_STARS  # S6, highest threshold first
    certificates: CertificatePolicy = field(default_factory=CertificatePolicy)
    discount: DiscountPolicy = field(default_factory=DiscountPolicy)


def _tiers(rows: list[dict[str, Any]], value_key: str) -> tuple[Tier, ...]:
    tiers = [Tier(int(row["minBand"]), int(row[value_key])) for row in rows]
    return tuple(sorted(tiers, key=lambda t: t.min_band, reverse=True))


def _parse_eligibility(raw: dict[str, Any]) -> EligibilityPolicy:
    return EligibilityPolicy(min_age=int(raw["minAge"]), max_age=int(raw["maxAge"]))


def _parse_assessment(raw: dict[str, Any]) -> AssessmentPolicy:
    return AssessmentPolicy(
        system_score_min=Decimal(str(raw["systemScoreMin"])),
        system_score_max=Decimal(str(raw["systemScoreMax"])),
        system_score_decimals=int(raw["systemScoreDecimals"]),
        system_weight=Decimal(str(raw["systemWeight"])),
        panel_points_per_item=int(raw["panelPointsPerItem"]),
        panel_min=int(raw["panelMin"]),
        panel_max=int(raw["panelMax"]),
        composite_decimals=int(raw["compositeDecimals"]),
        credit_household_min_band=int(raw["creditHouseholdMinBand"]),
        publicity_days=int(raw["publicityDays"]),
        review_after_days=int(raw["reviewAfterDays"]),
    )


def _parse_certificates(raw: dict[str, Any]) -> CertificatePolicy:
    return CertificatePolicy(
        red_min_band=int(raw["redMinBand"]),
        red_lines_yuan=_tiers(raw["redLines"], "yuan"),
        blue_line_yuan=int(raw["blueLineYuan"]),
    )


def _parse_discount(raw: dict[str, Any]) -> DiscountPolicy:
    return DiscountPolicy(
        credit_household_min_stars=int(raw["creditHouseholdMinStars"]),
        credit_household_permille=Decimal(str(raw["creditHouseholdPermille"])),
        credit_village_permille=Decimal(str(raw["creditVillagePermille"])),
        student_or_small_family_permille=Decimal(str(raw["studentOrSmallFamilyPermille"])),
        serviceman_or_party_member_permille=Decimal(str(raw["servicemanOrPartyMemberPermille"])),
        cap_permille=Decimal(str(raw["capPermille"])),
    )


def parse_policy(raw: dict[str, Any]) -> Policy:
    return Policy(
        version=raw["version"],
        freeze=FreezePolicy(
            village_overdue_percent=int(raw["freeze"]["villageOverduePercent"]),
            town_overdue_percent=int(raw["freeze"]["townOverduePercent"]),
        ),
        titles=TitlePolicy(
            credit_village_household_percent=int(raw["titles"]["creditVillageHouseholdPercent"]),
            credit_town_village_percent=int(raw["titles"]["creditTownVillagePercent"]),
        ),
        raw=raw,
        # Sections of the credit assessment (H2, S, D); RULES defaults when a file lacks one.
        eligibility=_parse_eligibility(raw["eligibility"]) if "eligibility" in raw else EligibilityPolicy(),
        assessment=_parse_assessment(raw["assessment"]) if "assessment" in raw else AssessmentPolicy(),
        stars=_tiers(raw["stars"], "stars") if "stars" in raw else _DEFAULT_STARS,
        certificates=_parse_certificates(raw["certificates"]) if "certificates" in raw else CertificatePolicy(),
        discount=_parse_discount(raw["discount"]) if "discount" in raw else DiscountPolicy(),
    )


@cache
def current_policy() -> Policy:
    text = resources.files("graph_service.policy").joinpath("policy-2020.json").read_text("utf-8")
    return parse_policy(json.loads(text))
