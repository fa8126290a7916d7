"""The audit trail (A1): every mutation, accepted or refused, leaves one append-only :AuditEvent.

The access extension opens an `AuditIntent` (who, which mutation, which codes, the input) around each
mutation resolver. `Graph.write_tx` picks it up: after the unit of work succeeds it appends the event
in the same transaction, with the targets' properties before and after (`record_in_tx`). A mutation
that is refused (user errors, the transaction rolled back), forbidden, or that fails, is recorded
afterwards in a transaction of its own (`record_after`), as is one that wrote without `write_tx`.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import decimal
import enum
import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph_service.auth.principal import Principal
from graph_service.auth.scope import Target, lookup_params

if TYPE_CHECKING:
    from graph_service.graph.db import Graph, Tx

ACCEPTED = "ACCEPTED"
REFUSED = "REFUSED"
FORBIDDEN = "FORBIDDEN"
UNAUTHENTICATED = "UNAUTHENTICATED"
ERROR = "ERROR"

# Properties never copied into an event: personal data stays out of the log (A2).
_UNLOGGED = frozenset({"headIdNumber", "phone"})


def _json(value: Any) -> str:
    def default(item: Any) -> Any:
        if isinstance(item, (dt.date, dt.datetime, dt.time)):
            return item.isoformat()
        if isinstance(item, decimal.Decimal):
            return str(item)
        if isinstance(item, enum.Enum):
            return item.value
        if hasattr(item, "iso_format"):  # neo4j temporal types that native() leaves alone
            return item.iso_format()
        return str(item)

    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=default)


@dataclass
class AuditIntent:
    actor: str
    role: str | None
    action: str
    targets: list[Target]
    input: Mapping[str, Any]
    recorded: bool = False

    @classmethod
    def of(cls, principal: Principal | None, action: str, targets: Sequence[Target], arguments: Mapping[str, Any]) -> "AuditIntent":
        return cls(
            actor=principal.subject if principal else "anonymous",
            role=principal.role.value if principal else None,
            action=action,
            targets=list(targets),
            input=dict(arguments),
        )

    def params(self, outcome: str, *, before: Any = None, after: Any = None, error_codes: Sequence[str] = (), message: str | None = None) -> dict[str, Any]:
        return {
            "id": str(uuid.uuid4()),
            "actor": self.actor,
            "role": self.role,
            "action": self.action,
            "targets": [str(t) for t in self.targets],
            "targetCodes": sorted({t.code for t in self.targets}),
            "input": _json(self.input),
            "before": _json(before or {}),
            "after": _json(after or {}),
            "outcome": outcome,
            "errorCodes": list(error_codes),
            "message": message,
        }


_current: contextvars.ContextVar[AuditIntent | None] = contextvars.ContextVar("audit_intent", default=None)


def current() -> AuditIntent | None:
    return _current.get()


@contextmanager
def intent(value: AuditIntent) -> Iterator[AuditIntent]:
    token = _current.set(value)
    try:
        yield value
    finally:
        _current.reset(token)


def _snapshot_rows(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        f"{row['label']}:{row['code']}": {k: v for k, v in row["props"].items() if k not in _UNLOGGED}
        for row in rows
    }


def diff(before: Mapping[str, Mapping[str, Any]], after: Mapping[str, Mapping[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only what changed, per target: {"Loan:L1": {"outstandingFen": 100}} before and after."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for key in sorted(set(before) | set(after)):
        b, a = before.get(key, {}), after.get(key, {})
        changed = sorted(k for k in set(b) | set(a) if b.get(k) != a.get(k))
        if key not in before:
            new[key] = dict(a)
            old[key] = None
        elif key not in after:
            old[key] = dict(b)
            new[key] = None
        elif changed:
            old[key] = {k: b.get(k) for k in changed}
            new[key] = {k: a.get(k) for k in changed}
    return old, new


async def snapshot(tx: "Tx", value: AuditIntent) -> dict[str, dict[str, Any]] | None:
    """The targets' properties inside the transaction (None when the mutation names no node)."""
    params = lookup_params(value.targets)
    if not any(params.values()):
        return None
    return _snapshot_rows(await tx.run("audit_snapshot", **params))


async def record_in_tx(tx: "Tx", value: AuditIntent, before: dict[str, dict[str, Any]] | None) -> None:
    """Appends the ACCEPTED event in the mutation's own transaction, after its unit of work."""
    after = await snapshot(tx, value) if before is not None else None
    old, new = diff(before or {}, after or {})
    await tx.run("append_audit_event", **value.params(ACCEPTED, before=old, after=new))


async def record_after(graph: "Graph", value: AuditIntent, outcome: str, *, error_codes: Sequence[str] = (), message: str | None = None) -> None:
    """An event for a mutation that changed nothing through `write_tx` (refused, forbidden, failed)."""
    await graph.write("append_audit_event", **value.params(outcome, error_codes=error_codes, message=message))
    value.recorded = True
