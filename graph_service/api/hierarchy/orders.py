"""Orderings of the child lists: an allow-list per list, each an enum whose value is the name the page
query switches on. Every ordering ends with the code as a tie-breaker, so it is total and a keyset
cursor (sort key, code) is unambiguous. `KEY_TYPES` says what a cursor's sort key must be."""

from __future__ import annotations

from enum import Enum

import strawberry

_TIE = "Ties are broken by code."


@strawberry.enum(description=f"How a county's towns are ordered. {_TIE}")
class TownOrder(Enum):
    CODE = strawberry.enum_value("CODE", description="By administrative division code (the default).")
    NAME = strawberry.enum_value("NAME", description="By name (Unicode code-point order).")
    OVERDUE_RATIO_DESC = strawberry.enum_value("OVERDUE_RATIO_DESC", description="Highest overdue ratio (逾期率) first (R2).")
    LOAN_BALANCE_DESC = strawberry.enum_value("LOAN_BALANCE_DESC", description="Largest loan balance (贷款余额) first (R2).")


@strawberry.enum(description=f"How a town's villages are ordered. {_TIE}")
class VillageOrder(Enum):
    CODE = strawberry.enum_value("CODE", description="By village code (the default).")
    NAME = strawberry.enum_value("NAME", description="By name (Unicode code-point order).")
    OVERDUE_RATIO_DESC = strawberry.enum_value("OVERDUE_RATIO_DESC", description="Highest overdue ratio (逾期率) first: where the circuit breaker (熔断, R3) bites.")
    LOAN_BALANCE_DESC = strawberry.enum_value("LOAN_BALANCE_DESC", description="Largest loan balance (贷款余额) first (R1).")


@strawberry.enum(description=f"How a village's households are ordered. {_TIE}")
class HouseholdOrder(Enum):
    CODE = strawberry.enum_value("CODE", description="By household code (the default).")
    NAME = strawberry.enum_value("NAME", description="By the head's name (户主姓名, Unicode code-point order).")
    STARS_DESC = strawberry.enum_value("STARS_DESC", description="Most stars (星级) first; households without stars last (S6).")
    CREDIT_LINE_DESC = strawberry.enum_value("CREDIT_LINE_DESC", description="Largest credit line (授信额度) first (S7).")
    OUTSTANDING_DESC = strawberry.enum_value("OUTSTANDING_DESC", description="Largest outstanding principal (ACTIVE + OVERDUE loans) first (L1).")


@strawberry.enum(description=f"How a household's loans are ordered. {_TIE}")
class LoanOrder(Enum):
    CODE = strawberry.enum_value("CODE", description="By loan code (the default).")
    ISSUED_ON_DESC = strawberry.enum_value("ISSUED_ON_DESC", description="Most recently issued (放款日) first.")
    DUE_ON = strawberry.enum_value("DUE_ON", description="Soonest due date (到期日) first.")
    OUTSTANDING_DESC = strawberry.enum_value("OUTSTANDING_DESC", description="Largest outstanding principal first (L4).")


# The type of the sort key a cursor of each ordering carries (a forged one is refused before Cypher).
KEY_TYPES: dict[str, type | tuple[type, ...]] = {
    "CODE": str,
    "NAME": str,
    "OVERDUE_RATIO_DESC": (float, int),
    "LOAN_BALANCE_DESC": int,
    "STARS_DESC": int,
    "CREDIT_LINE_DESC": int,
    "OUTSTANDING_DESC": int,
    "ISSUED_ON_DESC": int,
    "DUE_ON": int,
}
