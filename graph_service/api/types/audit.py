"""审计 An audit event (A1): one per mutation, accepted or refused; append-only."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import strawberry
from strawberry.scalars import JSON


@strawberry.type(description="One mutation, accepted or refused (A1). Events are never changed or deleted.")
class AuditEvent:
    id: strawberry.ID = strawberry.field(description="The event's id.")
    at: dt.datetime = strawberry.field(description="When (the transaction's time).")
    actor: str = strawberry.field(description="The token's subject; 'anonymous' without a token.")
    role: str | None = strawberry.field(description="The caller's role; null when anonymous.")
    action: str = strawberry.field(description="The mutation's name, e.g. issueLoan.")
    targets: list[str] = strawberry.field(description="The nodes it names, as Label:code.")
    outcome: str = strawberry.field(description="ACCEPTED, REFUSED (user errors), FORBIDDEN, UNAUTHENTICATED or ERROR.")
    error_codes: list[str] = strawberry.field(description="The user-error codes of a refused mutation.")
    message: str | None = strawberry.field(description="Why it was not accepted: the first user error's message, the access refusal or the error's type; null when accepted.")
    input: JSON = strawberry.field(description="The arguments (personal data masked).")
    before: JSON = strawberry.field(description="Changed properties per target before the change (null: created).")
    after: JSON = strawberry.field(description="Changed properties per target after the change (null: deleted).")

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "AuditEvent":
        return cls(
            id=strawberry.ID(props["id"]),
            at=props["at"],
            actor=props["actor"],
            role=props.get("role"),
            action=props["action"],
            targets=list(props.get("targets") or []),
            outcome=props["outcome"],
            error_codes=list(props.get("errorCodes") or []),
            message=props.get("message"),
            input=json.loads(props.get("input") or "{}"),
            before=json.loads(props.get("before") or "{}"),
            after=json.loads(props.get("after") or "{}"),
        )
