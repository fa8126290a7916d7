"""Per-request data loaders: every lookup by code in one request is batched into one round trip, and
so is every page of a child list (one query for the villages of all 26 towns, keyed by parent code
and arguments), whatever the number of parents: one round trip per level of nesting."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from strawberry.dataloader import DataLoader

from graph_service.auth.permissions import hidden_labels
from graph_service.auth.principal import UNSCOPED, Principal
from graph_service.graph.db import Graph

Props = dict[str, Any]

# label -> named query returning `node` rows for `$codes`; the `*_in_scope` ones also take the caller's
# scope ($scopeTown, $scopeVillage, $scopeBank: A2), counties and banks are public.
_BY_CODES = {
    "County": "counties_by_codes",
    "Town": "towns_in_scope",
    "Village": "villages_in_scope",
    "Household": "households_in_scope",
    "Bank": "banks_by_codes",
    "Station": "stations_in_scope",
    "Loan": "loans_in_scope",
}


# Zoned date-times the hierarchy's queries return as [epochSeconds, nanosecond, offsetSeconds] instead of
# a temporal value: the driver's hydration (pytz zones, then `to_native`) costs ~0.1 ms a value, ~95 a
# hierarchy read. Turned back here, so every consumer sees the same `datetime` as from `{.*}`.
_ZONED = ("frozenSince",)


def zoned_datetime(parts: list[int]) -> dt.datetime:
    """[epochSeconds, nanosecond, offsetSeconds] as the driver's `to_native` gives it: the wall clock at
    that offset, microseconds truncated (the output only depends on the wall clock and the offset)."""
    seconds, nanosecond, offset = parts
    moment = dt.datetime.fromtimestamp(seconds, dt.timezone(dt.timedelta(seconds=offset)))
    return moment.replace(microsecond=nanosecond // 1000)


def _with_datetimes(props: Props) -> Props:
    for key in _ZONED:
        value = props.get(key)
        if type(value) is list:
            props[key] = zoned_datetime(value)
    return props


@dataclass(frozen=True)
class PageArgs:
    """Everything but the parent that a page query needs; hashable, so it is part of the loader key and
    parents asking with the same arguments share one query."""

    query: str  # named query: `$parentCodes` -> rows (parentCode, total, page)
    order: str  # an ordering's name, from the field's enum (an allow-list)
    after: tuple[tuple[str, Any], ...] | None  # the decoded cursor {k, code}, as items
    limit: int  # page size + 1
    with_total: bool
    filters: tuple[tuple[str, Any], ...]  # query parameter -> value (None: no filter)

    def params(self) -> dict[str, Any]:
        return {
            **dict(self.filters),
            "order": self.order,
            "after": dict(self.after) if self.after is not None else None,
            "limit": self.limit,
            "withTotal": self.with_total,
        }

    def counting(self) -> "PageArgs":
        """The same list, counted only (a selection the look-ahead missed, e.g. in a fragment)."""
        return replace(self, after=None, limit=0, with_total=True)


@dataclass(frozen=True)
class Page:
    """One parent's page: up to size + 1 rows, each with its sort key `_k`; the total when asked."""

    rows: tuple[Props, ...]
    total: int | None


def _pages(graph: Graph, scope: Props) -> Callable[[list[tuple[str, PageArgs]]], Awaitable[list[Page]]]:
    async def run(args: PageArgs, parents: list[str]) -> dict[str, Page]:
        rows = await graph.read(args.query, parentCodes=parents, **args.params(), **scope)
        total = (lambda row: int(row["total"])) if args.with_total else (lambda row: None)
        return {
            row["parentCode"]: Page(rows=tuple(_with_datetimes(props) for props in row["page"]), total=total(row))
            for row in rows
        }

    async def load(keys: list[tuple[str, PageArgs]]) -> list[Page]:
        groups: dict[PageArgs, list[str]] = {}
        for parent, args in keys:
            groups.setdefault(args, []).append(parent)
        # Distinct arguments (aliases) are distinct queries; they run concurrently.
        results = await asyncio.gather(*(run(args, parents) for args, parents in groups.items()))
        found = dict(zip(groups, results))
        empty = {args: Page(rows=(), total=0 if args.with_total else None) for args in groups}
        return [found[args].get(parent, empty[args]) for parent, args in keys]

    return load


def _children(graph: Graph, query: str, scope: Props) -> Callable[[list[str]], Awaitable[list[list[Props]]]]:
    """Short, bounded child lists (a village's stations) by parent code, in one round trip."""

    async def load(parents: list[str]) -> list[list[Props]]:
        rows = await graph.read(query, parentCodes=list(parents), **scope)
        found: dict[str, list[Props]] = {}
        for row in rows:
            found.setdefault(row["parentCode"], []).append(row["node"])
        return [found.get(parent, []) for parent in parents]

    return load


def _by_code(graph: Graph, query: str, scope: Props) -> Callable[[list[str]], Awaitable[list[Props | None]]]:
    async def load(codes: list[str]) -> list[Props | None]:
        rows = await graph.read(query, codes=list(codes), **scope)
        found = {row["node"]["code"]: _with_datetimes(row["node"]) for row in rows}
        return [found.get(code) for code in codes]

    return load


class Loaders:
    """One set per request, so nothing is cached across requests (reads see every write)."""

    def __init__(self, graph: Graph, principal: Principal | None = None) -> None:
        self.graph = graph
        # A2: the caller's scope goes into every lookup's MATCH (a scoped caller gets null, or no row,
        # for what lies outside it); labels its role may not see at all are never loaded.
        self.scope: Props = principal.scope_params() if principal else dict(UNSCOPED)
        self._hidden = hidden_labels(principal.role) if principal else frozenset()
        self._by_label = {
            label: DataLoader(load_fn=_by_code(graph, query, self.scope)) for label, query in _BY_CODES.items()
        }
        self._pages: DataLoader[tuple[str, PageArgs], Page] = DataLoader(load_fn=_pages(graph, self.scope))
        self._stations = DataLoader(load_fn=_children(graph, "stations_by_villages", self.scope))
        self._extra: dict[str, DataLoader[Any, Any]] = {}

    async def page(self, parent: str, args: PageArgs) -> Page:
        """A page of `parent`'s children; batched with every other parent asking the same way."""
        return await self._pages.load((parent, args))

    async def stations(self, village_code: str) -> Sequence[Props]:
        return await self._stations.load(village_code)

    async def node(self, label: str, code: str) -> Props | None:
        if label in self._hidden:
            return None
        return await self._by_label[label].load(code)

    def clear(self, label: str, code: str) -> None:
        """Forget a node a mutation has just changed, so the payload shows the new state (child pages
        of anything may have changed with it, so they are all forgotten)."""
        with contextlib.suppress(KeyError):  # strawberry raises for a key this request never loaded
            self._by_label[label].clear(code)
        self._pages.clear_all()
        self._stations.clear_all()

    def custom(self, name: str, load_fn: Callable[[list[Any]], Awaitable[list[Any]]]) -> DataLoader[Any, Any]:
        """A named loader created on first use (for batched child lists and counts)."""
        loader = self._extra.get(name)
        if loader is None:
            loader = self._extra[name] = DataLoader(load_fn=load_fn)
        return loader
