"""The permission table (A2): which roles may use each root field of the API.

One row per root field, by its GraphQL name. A root field that is not in the table is allowed to
COUNTY_ADMIN only (default deny), so a query or mutation added later is never open by accident.
What a scoped role may *see* is enforced in the Cypher of the lookups (the scope parameters of
`Principal.scope_params`); what it may *change* is checked by resolving the codes in the mutation's
arguments to their town, village and bank (`graph_service.auth.scope`).
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_service.auth.principal import Role

ALL = frozenset(Role)
ADMIN = frozenset({Role.COUNTY_ADMIN})
#: Everyone who may read the hierarchy (scoped roles through the scoped lookups).
READERS = ALL
#: Household-level reads: every role but PARTNER ("no household data").
HOUSEHOLD_READERS = ALL - {Role.PARTNER}
RISK = frozenset({Role.COUNTY_ADMIN, Role.RISK_OFFICER})
LENDING = frozenset({Role.COUNTY_ADMIN, Role.BANK_OFFICER})
STATION_OPS = frozenset({Role.COUNTY_ADMIN, Role.TOWN_OFFICER, Role.BANK_OFFICER})
PANEL = frozenset({Role.COUNTY_ADMIN, Role.VILLAGE_PANEL})


@dataclass(frozen=True)
class Rule:
    roles: frozenset[Role]
    #: Check the codes in the arguments against the caller's scope before running (always for
    #: mutations; for queries only where the field takes codes rather than going through the lookups).
    check_targets: bool = False
    #: Label of a bare `code` or `id` argument (the node a mutation creates or acts on).
    code_label: str | None = None


QUERIES: dict[str, Rule] = {
    # Lookups: every role; scoped roles get null outside their scope (scoped Cypher in the loaders).
    "node": Rule(READERS),
    "counties": Rule(READERS),
    "county": Rule(READERS),
    "town": Rule(READERS),
    "village": Rule(READERS),
    "household": Rule(HOUSEHOLD_READERS),
    "bank": Rule(READERS),
    "station": Rule(READERS),
    "loan": Rule(HOUSEHOLD_READERS),
    # County-wide lists (not confined by scope): the county centre and risk officers only.
    "dueForReview": Rule(RISK),
    "redList": Rule(RISK),
    "blackList": Rule(RISK),
    "freezeEvents": Rule(RISK | {Role.PARTNER}),  # village/town aggregates, no household data
    "stationsWithMissedInspections": Rule(RISK),
    "openIncidents": Rule(RISK),
    "trainingGaps": Rule(RISK),
    # Contagion and stress (K2, K3).
    "contagion": Rule(RISK),
    "stressTest": Rule(RISK),
    "systemicVillages": Rule(RISK),
    # The audit trail (A1).
    "auditEvents": Rule(ADMIN),
}

MUTATIONS: dict[str, Rule] = {
    # Assessments and objections: the village panel, in its village.
    "assessHousehold": Rule(PANEL, check_targets=True),
    "fileObjection": Rule(PANEL, check_targets=True, code_label="Assessment"),
    "resolveObjection": Rule(PANEL, check_targets=True, code_label="Assessment"),
    # Lending: the bank's own loans.
    "issueLoan": Rule(LENDING, check_targets=True, code_label="Loan"),
    "recordRepayment": Rule(LENDING, check_targets=True),
    "reportOverdue": Rule(LENDING, check_targets=True),
    "writeOffLoan": Rule(LENDING, check_targets=True),
    "addGuarantee": Rule(LENDING, check_targets=True),
    "releaseGuarantee": Rule(LENDING, check_targets=True),
    "liftFromBlackList": Rule(ADMIN, check_targets=True),
    # County-wide recomputation.
    "recomputeRollups": Rule(RISK, check_targets=True),
    # Station operations: the town (its villages' stations) and the host bank (its stations).
    "registerStation": Rule(STATION_OPS, check_targets=True, code_label="Station"),
    "recordInspection": Rule(STATION_OPS, check_targets=True),
    "rateStation": Rule(STATION_OPS, check_targets=True),
    "recordStationTransaction": Rule(STATION_OPS, check_targets=True),
    "reportIncident": Rule(STATION_OPS, check_targets=True),
    "closeIncident": Rule(STATION_OPS, check_targets=True, code_label="Incident"),
    "recordTraining": Rule(STATION_OPS, check_targets=True),
}

DEFAULT = Rule(ADMIN, check_targets=True)

#: Object types a role may not select at all, wherever they appear in a query (PARTNER: no
#: household data, so neither households nor what identifies them: loans, assessments, guarantees).
HIDDEN_TYPES: dict[Role, frozenset[str]] = {
    Role.PARTNER: frozenset({"Household", "Loan", "Assessment", "Guarantee", "AuditEvent"}),
}


def rule_for(operation: str, field: str) -> Rule:
    table = MUTATIONS if operation == "mutation" else QUERIES
    return table.get(field, DEFAULT)


def allowed(role: Role, operation: str, field: str) -> bool:
    return role in rule_for(operation, field).roles


def hidden_labels(role: Role) -> frozenset[str]:
    return HIDDEN_TYPES.get(role, frozenset())
