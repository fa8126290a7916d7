"""The audit trail (A1), for the county centre only (see graph_service.auth.permissions)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.loaders import Page
from graph_service.api.types.audit import AuditEvent

ORDER = "AT_DESC"  # the only ordering: newest first, ties by id


def _row(node: dict[str, Any]) -> dict[str, Any]:
    return {**node, "_k": node["at"].isoformat(), "code": node["id"]}


@strawberry.type
class AuditQuery:
    @strawberry.field(description="Audit events, newest first; only those naming `target` (a code) when given (A1).")
    async def audit_events(
        self, info: Info, first: pagination.First = None, after: pagination.After = None,
        target: Annotated[str | None, strawberry.argument(description="A code (household, loan, station …): only events naming it; null: all.")] = None,
    ) -> pagination.Connection[AuditEvent]:
        size = pagination.page_size(first)
        cursor = pagination.decode_cursor(after, ORDER, str)
        graph = info.context.graph
        rows = await graph.read("audit_events_page", target=target, after=cursor, limit=size + 1)

        async def count() -> int:
            found = await graph.read_one("audit_events_count", target=target)
            return int(found["total"]) if found else 0

        page = Page(rows=tuple(_row(row["node"]) for row in rows), total=None)
        return pagination.build(page, size, order=ORDER, after=after, make=AuditEvent.from_props, count=count)
