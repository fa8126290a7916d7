"""Relay connections with keyset cursors.

A cursor is the opaque sort key of its edge: the ordering's name, the value of the ordering's key and
the code (the tie-breaker). The next page is "rows whose (key, code) comes after the cursor's", so
paging is stable under inserts and never scans an OFFSET; a cursor of another ordering is refused.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from graphql import GraphQLError

from graph_service.api.context import Info
from graph_service.api.loaders import Page, PageArgs

T = TypeVar("T")

DEFAULT_PAGE = 20
MAX_PAGE = 100

# Shared argument declarations, so every connection documents them the same way.
First = Annotated[
    int | None,
    strawberry.argument(description=f"Page size: at most {MAX_PAGE} (default {DEFAULT_PAGE}); 0 gives no edges but still counts."),
]
After = Annotated[
    str | None,
    strawberry.argument(description="Return the edges after this cursor (an `endCursor` of the same list and ordering)."),
]


def invalid(message: str) -> GraphQLError:
    """A clean, client-facing error for a bad argument (never masked, never a 500)."""
    return GraphQLError(message, extensions={"code": "INVALID_INPUT"})


@strawberry.type(description="Relay page information of a connection.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More edges follow the last one of this page.")
    has_previous_page: bool = strawberry.field(description="This page was asked for with `after` (forward paging only).")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge; null for an empty page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last edge: pass it as `after` for the next page.")


@strawberry.type(description="An edge of a connection: a node and its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque keyset cursor of this edge (its sort key; stable under inserts).")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list (Relay connection, keyset cursors). `totalCount` is computed only when asked for.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, in the list's order.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the list.")
    _total: strawberry.Private[int | None] = None
    _count: strawberry.Private[Callable[[], Awaitable[int]] | None] = None

    @strawberry.field(description="How many items match the filters, over all pages (batched; computed only when selected).")
    async def total_count(self) -> int:
        if self._total is not None:
            return self._total
        if self._count is not None:
            return await self._count()
        return len(self.edges)


# --- cursors -------------------------------------------------------------------------------------

# One encoder for every cursor: `json.dumps` with options builds a new encoder on each call.
_CURSOR_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def encode_cursor(order: str, key: Any, code: str) -> str:
    raw = _CURSOR_JSON.encode([order, key, code])
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(cursor: str | None, order: str, key_type: type | tuple[type, ...]) -> dict[str, Any] | None:
    """The `$after` parameter of a page query: {k, code}, or None. Anything else is a clean error:
    a cursor of another list or ordering, or a forged one, must not reach Cypher with a wrong type."""
    if cursor is None:
        return None
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
    except (binascii.Error, UnicodeError, ValueError):
        raise invalid("after: not a cursor of this list") from None
    if not (isinstance(value, list) and len(value) == 3):
        raise invalid("after: not a cursor of this list")
    tag, key, code = value
    if tag != order:
        raise invalid("after: the cursor belongs to another ordering; use the same orderBy for every page")
    if isinstance(key, bool) or not isinstance(key, key_type) or not isinstance(code, str):
        raise invalid("after: not a cursor of this list")
    return {"k": key, "code": code}


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE
    if first < 0 or first > MAX_PAGE:
        raise invalid(f"first: must be between 0 and {MAX_PAGE}")
    return first


# --- look-ahead ----------------------------------------------------------------------------------

def _mentions(selections: Sequence[Any], name: str) -> bool:
    for selection in selections:
        if getattr(selection, "name", None) == name:
            return True
        if _mentions(getattr(selection, "selections", []) or [], name) and not hasattr(selection, "arguments"):
            return True  # a fragment (spread or inline) directly under the connection
    return False


def wants_total(info: Info) -> bool:
    """Whether the connection's selection asks for totalCount: then the page query counts too, in the
    same round trip (any miss falls back to a lazy batched count, so this is only an optimisation)."""
    return any(_mentions(field.selections, "totalCount") for field in info.selected_fields)


# --- building ------------------------------------------------------------------------------------

def build(
    page: Page,
    size: int,
    *,
    order: str,
    after: str | None,
    make: Callable[[dict[str, Any]], T],
    count: Callable[[], Awaitable[int]] | None = None,
) -> Connection[T]:
    """The extra row beyond `size` only says that another page follows."""
    shown = page.rows[:size]
    edges = [Edge(cursor=encode_cursor(order, row["_k"], row["code"]), node=make(row)) for row in shown]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(page.rows) > size,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _total=page.total,
        _count=count,
    )


async def connection(
    info: Info,
    parent: str,
    *,
    query: str,
    order: str,
    key_type: type | tuple[type, ...],
    first: int | None,
    after: str | None,
    filters: dict[str, Any],
    make: Callable[[dict[str, Any]], T],
) -> Connection[T]:
    """One page of `parent`'s children through the request's page loader: every parent asking with the
    same arguments at this level shares one query (one round trip), and the total rides along when
    the selection asks for it."""
    size = page_size(first)
    cursor = decode_cursor(after, order, key_type)
    args = PageArgs(
        query=query,
        order=order,
        after=tuple(cursor.items()) if cursor else None,
        limit=size + 1,
        with_total=wants_total(info),
        filters=tuple(sorted(filters.items())),
    )
    loaders = info.context.loaders
    page = await loaders.page(parent, args)

    async def count() -> int:
        return (await loaders.page(parent, args.counting())).total or 0

    return build(page, size, order=order, after=after, make=make, count=None if args.with_total else count)
