"""Queries of the credit assessment area: the annual review list (S10)."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.loaders import Page
from graph_service.api.pagination import After, Connection, First
from graph_service.api.types.household import Household
from graph_service.policy.publicity import review_cutoff

_ORDER = "effectiveSince"


@strawberry.type
class AssessmentQuery:
    @strawberry.field(
        description="年审 Households whose effective outcome is older than 365 days, oldest first (S10)."
    )
    async def due_for_review(self, info: Info, first: First = None, after: After = None) -> Connection[Household]:
        size = pagination.page_size(first)
        cursor = pagination.decode_cursor(after, _ORDER, str)
        if cursor is not None:
            try:
                dt.date.fromisoformat(cursor["k"])
            except ValueError:
                raise pagination.invalid("after: not a cursor of this list") from None
        cutoff = review_cutoff(info.context.today())
        graph = info.context.graph
        rows = await graph.read(
            "households_due_for_review",
            cutoff=cutoff,
            afterSince=cursor["k"] if cursor else None,
            afterCode=cursor["code"] if cursor else None,
            limit=size + 1,
        )

        async def count() -> int:
            row = await graph.read_one("count_due_for_review", cutoff=cutoff)
            return int(row["total"]) if row else 0

        page = Page(rows=tuple(row["node"] for row in rows), total=None)
        return pagination.build(
            page, size, order=_ORDER, after=after, make=Household.from_props, count=count
        )
