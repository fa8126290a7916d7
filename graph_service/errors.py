"""Refusals of business actions, shared by the graph layer and the API (which shows them as
`UserError`s). Kept free of GraphQL so the graph layer never depends on the API."""

from __future__ import annotations

from enum import Enum


class ErrorCode(Enum):
    """Why a mutation was refused (the contract's `ErrorCode`)."""

    INVALID_INPUT = "INVALID_INPUT"
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"
    FORBIDDEN = "FORBIDDEN"
    NO_CERTIFICATE = "NO_CERTIFICATE"
    BLACKLISTED = "BLACKLISTED"
    HAS_OVERDUE_LOAN = "HAS_OVERDUE_LOAN"
    VILLAGE_FROZEN = "VILLAGE_FROZEN"
    TOWN_FROZEN = "TOWN_FROZEN"
    CREDIT_LINE_EXCEEDED = "CREDIT_LINE_EXCEEDED"
    PURPOSE_NOT_ALLOWED = "PURPOSE_NOT_ALLOWED"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"


class Refused(Exception):
    """Raised inside a mutation's unit of work to abort it; the resolver returns it as a UserError.

    Raising inside a managed transaction rolls it back, so a refused change writes nothing.
    """

    def __init__(self, code: ErrorCode, message: str, field: list[str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
