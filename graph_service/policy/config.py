"""The versioned policy configuration: every number of RULES.md, loaded from a JSON file in the
package. Each computed result records `version`, so a county can change numbers without rewriting
history."""

from __future__ import annotations

import json
from dataclasses import dataclass
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
class Policy:
    version: str
    freeze: FreezePolicy
    titles: TitlePolicy
    raw: dict[str, Any]


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
    )


@cache
def current_policy() -> Policy:
    text = resources.files("graph_service.policy").joinpath("policy-2020.json").read_text("utf-8")
    return parse_policy(json.loads(text))
