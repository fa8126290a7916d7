"""The caller of a request: a role and, for scoped roles, the town, village or bank it serves (A2)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class Role(str, Enum):
    COUNTY_ADMIN = "COUNTY_ADMIN"  # 县级中心: everything
    TOWN_OFFICER = "TOWN_OFFICER"  # 乡镇: its town (read, station operations)
    VILLAGE_PANEL = "VILLAGE_PANEL"  # 村评议小组: its village (read, assessHousehold, objections)
    BANK_OFFICER = "BANK_OFFICER"  # 银行: its bank's loans and stations
    RISK_OFFICER = "RISK_OFFICER"  # 风控: reads everything, personal data masked; contagion, stress
    PARTNER = "PARTNER"  # 合作方: aggregates only, no household data


#: The scope a role must carry (None: the role is county-wide).
SCOPE_OF_ROLE: dict[Role, str | None] = {
    Role.COUNTY_ADMIN: None,
    Role.TOWN_OFFICER: "town",
    Role.VILLAGE_PANEL: "village",
    Role.BANK_OFFICER: "bank",
    Role.RISK_OFFICER: None,
    Role.PARTNER: None,
}


class PrincipalError(ValueError):
    """A role without the scope it needs, or with a scope it must not have."""


@dataclass(frozen=True)
class Principal:
    role: Role
    subject: str
    town: str | None = None
    village: str | None = None
    bank: str | None = None

    def __post_init__(self) -> None:
        needed = SCOPE_OF_ROLE[self.role]
        given = {kind for kind in ("town", "village", "bank") if getattr(self, kind)}
        if needed is not None and needed not in given:
            raise PrincipalError(f"role {self.role.value} needs --{needed}")
        if needed is None and given:
            raise PrincipalError(f"role {self.role.value} is county-wide: no --{sorted(given)[0]}")
        if needed is not None and given != {needed}:
            extra = sorted(given - {needed})[0]
            raise PrincipalError(f"role {self.role.value} is scoped by its {needed} only: no --{extra}")

    @property
    def scoped(self) -> bool:
        return SCOPE_OF_ROLE[self.role] is not None

    def scope_params(self) -> dict[str, Any]:
        """The Cypher parameters that confine a MATCH to this caller's scope (null: no restriction)."""
        return {"scopeTown": self.town, "scopeVillage": self.village, "scopeBank": self.bank}

    def sees_personal_data(self, village_code: str | None) -> bool:
        """A2: ID numbers and phones in clear for the county centre and the household's own village panel."""
        if self.role is Role.COUNTY_ADMIN:
            return True
        return self.role is Role.VILLAGE_PANEL and village_code is not None and village_code == self.village


#: No restriction at all: what code running outside a request (CLI, import) uses.
UNSCOPED: dict[str, Any] = {"scopeTown": None, "scopeVillage": None, "scopeBank": None}
