"""User errors: a refused business action is data in the payload, never an exception."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Why a mutation was refused. Refused mutations change nothing.")
class ErrorCode(Enum):
    INVALID_INPUT = strawberry.enum_value("INVALID_INPUT", description="Malformed or out-of-range input.")
    NOT_FOUND = strawberry.enum_value("NOT_FOUND", description="A referenced code does not exist.")
    CONFLICT = strawberry.enum_value("CONFLICT", description="The code is already used, or the state forbids it.")
    FORBIDDEN = strawberry.enum_value("FORBIDDEN", description="The caller's role or scope does not allow it (A2).")
    NO_CERTIFICATE = strawberry.enum_value("NO_CERTIFICATE", description="Certificate NONE cannot borrow (L3).")
    BLACKLISTED = strawberry.enum_value("BLACKLISTED", description="The household is on the black list (C3, L3).")
    HAS_OVERDUE_LOAN = strawberry.enum_value("HAS_OVERDUE_LOAN", description="The household has an overdue loan (L3).")
    VILLAGE_FROZEN = strawberry.enum_value("VILLAGE_FROZEN", description="The village is frozen, 熔断 (R3).")
    TOWN_FROZEN = strawberry.enum_value("TOWN_FROZEN", description="The town is frozen, 熔断 (R3).")
    CREDIT_LINE_EXCEEDED = strawberry.enum_value("CREDIT_LINE_EXCEEDED", description="Would exceed the credit line (L1).")
    PURPOSE_NOT_ALLOWED = strawberry.enum_value("PURPOSE_NOT_ALLOWED", description="A forbidden loan purpose (L2).")
    LIMIT_EXCEEDED = strawberry.enum_value("LIMIT_EXCEEDED", description="Would cross an account's daily count or amount cap at a station (T4).")


@strawberry.type(description="Why a mutation was refused: a code, a message and the input field at fault.")
class UserError:
    code: ErrorCode = strawberry.field(description="Machine-readable reason (rule id in its description).")
    message: str = strawberry.field(description="Human-readable explanation.")
    field: list[str] | None = strawberry.field(default=None, description="Path of the input field at fault, e.g. [\"input\", \"principal\"]; null when no single field is.")


class Refused(Exception):
    """Raised inside a mutation's unit of work to abort it; the resolver turns it into a UserError.

    Raising inside a managed transaction rolls it back, so a refused change writes nothing.
    """

    def __init__(self, code: ErrorCode, message: str, field: list[str] | None = None) -> None:
        super().__init__(message)
        self.error = UserError(code=code, message=message, field=field)
