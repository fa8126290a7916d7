"""Loan-side lists: freeze events (R3), the red list and the black list (C3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, TypeVar

import strawberry

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.types.freeze_event import FreezeEvent, FreezeLevel
from graph_service.api.types.household import Household
from graph_service.policy.lending import red_list_cutoff


T = TypeVar("T")
EVENTS_ORDER = "newest"
LIST_ORDER = "code"


def _page(items: Sequence[T], keys: Sequence[tuple[Any, str]], size: int, *, order: str, after: str | None,
          count: Callable[[], Awaitable[int]]) -> pagination.Connection[T]:
    """A Relay page from up to size + 1 rows (the extra one only says that another page follows)."""
    edges = [pagination.Edge(cursor=pagination.encode_cursor(order, key, code), node=item)
             for item, (key, code) in zip(items[:size], keys)]
    return pagination.Connection(
        edges=edges,
        page_info=pagination.PageInfo(
            has_next_page=len(items) > size,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _count=count,
    )


def _event_key(after: str | None) -> tuple[dt.datetime | None, str | None]:
    cursor = pagination.decode_cursor(after, EVENTS_ORDER, str)
    if cursor is None:
        return None, None
    try:
        return dt.datetime.fromisoformat(cursor["k"]), cursor["code"]
    except ValueError:
        raise pagination.invalid("after: not a cursor of this list") from None


def _code_key(after: str | None) -> str | None:
    cursor = pagination.decode_cursor(after, LIST_ORDER, str)
    return None if cursor is None else cursor["code"]


@strawberry.type
class LoanQuery:
    @strawberry.field(description="Freeze and lift events (熔断, R3), newest first; optionally of one level and/or one village or town.")
    async def freeze_events(
        self,
        info: Info,
        first: pagination.First = None,
        after: pagination.After = None,
        level: Annotated[FreezeLevel | None, strawberry.argument(description="Only events of this level; null: villages and towns.")] = None,
        code: Annotated[str | None, strawberry.argument(description="Only events of this village or town code; null: all.")] = None,
    ) -> pagination.Connection[FreezeEvent]:
        size = pagination.page_size(first)
        after_at, after_id = _event_key(after)
        graph = info.context.graph
        level_name = level.value if level else None
        rows = await graph.read(
            "freeze_events_page", level=level_name, code=code, afterAt=after_at, afterId=after_id, limit=size + 1
        )
        events = [FreezeEvent.from_props(row["node"]) for row in rows]
        keys = [(row["node"]["at"].isoformat(), row["node"]["id"]) for row in rows]

        async def total() -> int:
            row = await graph.read_one("freeze_events_count", level=level_name, code=code)
            return int(row["total"]) if row else 0

        return _page(events, keys, size, order=EVENTS_ORDER, after=after, count=total)

    @strawberry.field(description="红榜 (C3): credit households with no overdue loan in the last 12 months, in code order.")
    async def red_list(self, info: Info, first: pagination.First = None, after: pagination.After = None) -> pagination.Connection[Household]:
        size = pagination.page_size(first)
        graph = info.context.graph
        cutoff = red_list_cutoff(info.context.today())
        rows = await graph.read("red_list_page", cutoff=cutoff, after=_code_key(after), limit=size + 1)
        households = [Household.from_props(row["node"]) for row in rows]

        async def total() -> int:
            row = await graph.read_one("red_list_count", cutoff=cutoff)
            return int(row["total"]) if row else 0

        return _page(households, [(h.code, h.code) for h in households], size, order=LIST_ORDER, after=after, count=total)

    @strawberry.field(description="黑榜 (C3): households whose credit was revoked (C1), in code order.")
    async def black_list(self, info: Info, first: pagination.First = None, after: pagination.After = None) -> pagination.Connection[Household]:
        size = pagination.page_size(first)
        graph = info.context.graph
        rows = await graph.read("black_list_page", after=_code_key(after), limit=size + 1)
        households = [Household.from_props(row["node"]) for row in rows]

        async def total() -> int:
            row = await graph.read_one("black_list_count")
            return int(row["total"]) if row else 0

        return _page(households, [(h.code, h.code) for h in households], size, order=LIST_ORDER, after=after, count=total)
