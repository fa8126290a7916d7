"""Relay connections with keyset cursors: a cursor is the opaque sort key of an edge, so paging is
stable under inserts and never scans an OFFSET."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry
from graphql import GraphQLError

T = TypeVar("T")

DEFAULT_PAGE = 20
MAX_PAGE = 100


@strawberry.type(description="Relay page information.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="An edge of a connection: a node and its cursor.")
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a list (Relay connection). `totalCount` is computed only when asked for.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    _total: strawberry.Private[Callable[[], Awaitable[int]] | None] = None

    @strawberry.field(description="How many items match, over all pages.")
    async def total_count(self) -> int:
        if self._total is None:
            return len(self.edges)
        return await self._total()


def encode_cursor(key: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key), separators=(",", ":")).encode()).decode()


def decode_cursor(cursor: str | None) -> list[Any] | None:
    if cursor is None:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise GraphQLError("after: not a cursor of this list", extensions={"code": "INVALID_INPUT"}) from None
    if not isinstance(key, list):
        raise GraphQLError("after: not a cursor of this list", extensions={"code": "INVALID_INPUT"})
    return key


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE
    if first < 0 or first > MAX_PAGE:
        raise GraphQLError(f"first: must be between 0 and {MAX_PAGE}", extensions={"code": "INVALID_INPUT"})
    return first


def build(
    items: Sequence[T],
    keys: Sequence[Sequence[Any]],
    first: int,
    *,
    after: str | None,
    total: Callable[[], Awaitable[int]] | None,
) -> Connection[T]:
    """`items` holds up to first + 1 rows; the extra one only says that another page follows."""
    shown = list(items[:first])
    edges = [Edge(cursor=encode_cursor(key), node=item) for item, key in zip(shown, keys)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(items) > first,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _total=total,
    )
