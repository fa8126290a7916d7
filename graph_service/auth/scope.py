"""Scope of a change (A2): the codes named in a mutation's arguments, resolved to the town, village
and bank they belong to with one Cypher lookup, and checked against the caller's scope."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph_service.auth.principal import Principal, Role

#: Argument key -> label of the node it names (an allow-list; anything else is not a target).
CODE_KEYS: dict[str, str] = {
    "countyCode": "County",
    "townCode": "Town",
    "villageCode": "Village",
    "householdCode": "Household",
    "guarantorCode": "Household",
    "borrowerCode": "Household",
    "bankCode": "Bank",
    "stationCode": "Station",
    "loanCode": "Loan",
    "assessmentId": "Assessment",
    "incidentId": "Incident",
}
#: Plural keys (lists of codes) -> label.
CODES_KEYS: dict[str, str] = {
    "villageCodes": "Village",
    "defaultVillageCodes": "Village",
    "householdCodes": "Household",
    "loanCodes": "Loan",
    "defaultLoanCodes": "Loan",
    "stationCodes": "Station",
    "townCodes": "Town",
}
#: Query parameter of `scope_of_targets` per label.
PARAM_OF_LABEL = {
    "Town": "towns",
    "Village": "villages",
    "Household": "households",
    "Bank": "banks",
    "Station": "stations",
    "Loan": "loans",
    "Assessment": "assessments",
    "Incident": "incidents",
}


@dataclass(frozen=True, order=True)
class Target:
    label: str
    code: str

    def __str__(self) -> str:
        return f"{self.label}:{self.code}"


def targets_of(arguments: Mapping[str, Any], code_label: str | None = None) -> list[Target]:
    """Every code named anywhere in the arguments (input objects included), in a stable order; a
    bare `code` or `id` names a node of `code_label` (the node a mutation creates or acts on)."""
    found: set[Target] = set()

    def walk(value: Any) -> None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                if isinstance(item, str) and item:
                    label = CODE_KEYS.get(key) or (code_label if key in ("code", "id") else None)
                    if label:
                        found.add(Target(label, item))
                elif isinstance(item, list) and key in CODES_KEYS:
                    found.update(Target(CODES_KEYS[key], code) for code in item if isinstance(code, str) and code)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(arguments)
    return sorted(found)


def lookup_params(targets: Iterable[Target]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {name: [] for name in PARAM_OF_LABEL.values()}
    for target in targets:
        if target.label in PARAM_OF_LABEL:
            params[PARAM_OF_LABEL[target.label]].append(target.code)
    return params


@dataclass(frozen=True)
class Place:
    """Where an existing node belongs: its town, village and bank (None where it has none)."""

    town: str | None
    village: str | None
    bank: str | None


def out_of_scope(principal: Principal, places: Mapping[Target, Place]) -> list[Target]:
    """Targets the principal may not touch. Codes that do not exist are left to the mutation (it
    answers NOT_FOUND, or creates the node); a dimension a node lacks (a bank has no village) does not
    constrain it."""
    refused = []
    for target, place in places.items():
        if principal.role is Role.TOWN_OFFICER and place.town is not None and place.town != principal.town:
            refused.append(target)
        elif principal.role is Role.VILLAGE_PANEL and (
            (place.village is not None and place.village != principal.village)
            or (target.label == "Town" and place.town is not None and place.village is None)
        ):
            refused.append(target)
        elif principal.role is Role.BANK_OFFICER and place.bank is not None and place.bank != principal.bank:
            refused.append(target)
    return sorted(refused)


def anchored(principal: Principal, targets: Iterable[Target], places: Mapping[Target, Place]) -> bool:
    """A scoped caller's change must name at least one existing node inside its scope (its village,
    a household of it, its bank's loan…); else an unknown code would slip past the check, and the
    caller could tell unknown codes from other towns' codes."""
    mine = {"town": principal.town, "village": principal.village, "bank": principal.bank}
    return any(
        (value := mine[kind]) is not None and getattr(places[t], kind) == value
        for t in targets if t in places
        for kind in ("town", "village", "bank")
    )
