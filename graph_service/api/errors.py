"""User errors: a refused business action is data in the payload, never an exception."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_service import errors
from graph_service.api.enums import describe_values
from graph_service.errors import Refused

__all__ = ["ErrorCode", "Refused", "UserError", "user_error", "user_errors_field"]

ErrorCode = strawberry.enum(
    errors.ErrorCode, name="ErrorCode", description="Why a mutation was refused. Refused mutations change nothing."
)
describe_values(ErrorCode, {
    "INVALID_INPUT": "Malformed or out-of-range input.",
    "NOT_FOUND": "A referenced code does not exist.",
    "CONFLICT": "The code is already used, or the state forbids it.",
    "FORBIDDEN": "The caller's role or scope does not allow it (A2).",
    "NO_CERTIFICATE": "Certificate NONE cannot borrow (L3).",
    "BLACKLISTED": "The household is on the black list (C3, L3).",
    "HAS_OVERDUE_LOAN": "The household has an overdue loan (L3).",
    "VILLAGE_FROZEN": "The village is frozen, 熔断 (R3).",
    "TOWN_FROZEN": "The town is frozen, 熔断 (R3).",
    "CREDIT_LINE_EXCEEDED": "Would exceed the credit line (L1).",
    "PURPOSE_NOT_ALLOWED": "A forbidden loan purpose (L2).",
    "LIMIT_EXCEEDED": "Would cross an account's daily count or amount cap at a station (T4).",
})


@strawberry.type(description="Why a mutation was refused: a code, a message and the input field at fault.")
class UserError:
    code: ErrorCode = strawberry.field(description="Machine-readable reason (rule id in its description).")
    message: str = strawberry.field(description="Human-readable explanation.")
    field: list[str] | None = strawberry.field(default=None, description="Path of the input field at fault, e.g. [\"input\", \"principal\"]; null when no single field is.")


def user_error(refused: Refused) -> UserError:
    return UserError(code=refused.code, message=refused.message, field=refused.field)


def user_errors_field() -> Any:
    """The `userErrors` field every mutation payload carries (CONTRACT.md "Errors")."""
    return strawberry.field(
        default_factory=list,
        description="Why the action was refused; empty when it succeeded (a refused action changes nothing).",
    )
