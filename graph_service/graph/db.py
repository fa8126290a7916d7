"""Driver lifecycle and the one way to run a named query.

`Graph` owns one async driver. Reads and single-statement writes are one round trip each
(`execute_query`); writes that belong together run in one managed transaction (`write_tx`), which
the driver retries on transient errors, so transaction functions must be idempotent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import neo4j
import neo4j.graph
import neo4j.time
from neo4j import AsyncGraphDatabase, RoutingControl

from graph_service.auth import audit
from graph_service.graph import stats
from graph_service.graph.queries import QueryLibrary, library
from graph_service.settings import Settings

T = TypeVar("T")
Record = dict[str, Any]


# Values that come out of the driver as they go into Python: most of a row, so they are passed over
# with one type lookup and no call.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def native(value: Any) -> Any:
    """A Neo4j value as plain Python, in one walk through maps and lists: temporal values as
    `datetime`/`date`, and graph values as `Record.data()` gives them (a node as the map of its
    properties, a relationship as (start, type, end), a path as a list)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:
        return {key: item if type(item) in _PLAIN else native(item) for key, item in value.items()}
    if kind is list:
        return [item if type(item) in _PLAIN else native(item) for item in value]
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime)):
        return value.to_native()
    if isinstance(value, neo4j.graph.Node):
        return native(dict(value))
    if isinstance(value, neo4j.graph.Relationship):
        return (native(value.start_node), type(value).__name__, native(value.end_node))
    if isinstance(value, neo4j.graph.Path):
        path = [native(value.start_node)]
        for relationship, node in zip(value.relationships, value.nodes[1:]):
            path += [type(relationship).__name__, native(node)]
        return path
    return value


def as_row(record: neo4j.Record) -> Record:
    """A record as a dict of native values (cheaper than `native(record.data())`, same result)."""
    return {key: value if type(value) in _PLAIN else native(value) for key, value in zip(record.keys(), record)}


def _elapsed(summary: neo4j.ResultSummary | None) -> int:
    if summary is None:
        return 0
    return (summary.result_available_after or 0) + (summary.result_consumed_after or 0)


class Tx:
    """A transaction that runs named queries and counts each as a round trip."""

    def __init__(self, tx: neo4j.AsyncManagedTransaction, queries: QueryLibrary) -> None:
        self._tx = tx
        self._queries = queries

    async def run(self, name: str, /, **params: Any) -> list[Record]:
        query = self._queries[name]
        result = await self._tx.run(query.text, params)
        records = [as_row(record) async for record in result]
        summary = await result.consume()
        stats.record(name, _elapsed(summary))
        return records

    async def single(self, name: str, /, **params: Any) -> Record | None:
        records = await self.run(name, **params)
        return records[0] if records else None


class Graph:
    def __init__(self, driver: neo4j.AsyncDriver, queries: QueryLibrary | None = None) -> None:
        self.driver = driver
        self.queries = queries or library()

    @classmethod
    def connect(cls, settings: Settings) -> "Graph":
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=settings.auth,
            max_connection_pool_size=50,
            connection_acquisition_timeout=30,
            notifications_min_severity="OFF",
        )
        return cls(driver)

    async def close(self) -> None:
        await self.driver.close()

    async def ping(self) -> None:
        """Raises when the server does not answer (used by /ready)."""
        await self.driver.verify_connectivity()

    async def _execute(self, name: str, params: dict[str, Any], routing: RoutingControl) -> list[Record]:
        query = self.queries[name]
        result = await self.driver.execute_query(query.text, params, routing_=routing)
        stats.record(name, _elapsed(result.summary))
        return [as_row(record) for record in result.records]

    async def read(self, name: str, /, **params: Any) -> list[Record]:
        return await self._execute(name, params, RoutingControl.READ)

    async def read_one(self, name: str, /, **params: Any) -> Record | None:
        records = await self.read(name, **params)
        return records[0] if records else None

    async def write(self, name: str, /, **params: Any) -> list[Record]:
        return await self._execute(name, params, RoutingControl.WRITE)

    async def write_tx(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        # A1: inside a mutation, the audit event is appended in this same transaction, after the unit
        # of work succeeded (a Refused or failed unit rolls back and is audited by the access extension).
        pending = audit.current()
        if pending is not None and pending.recorded:
            pending = None  # one event per mutation, even if it runs several transactions

        async def unit(tx: neo4j.AsyncManagedTransaction) -> T:
            wrapped = Tx(tx, self.queries)
            before = await audit.snapshot(wrapped, pending) if pending is not None else None
            result = await work(wrapped)
            if pending is not None:
                await audit.record_in_tx(wrapped, pending, before)
            return result

        async with self.driver.session() as session:
            result = await session.execute_write(unit)
        if pending is not None:
            pending.recorded = True
        return result

    async def read_tx(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        async def unit(tx: neo4j.AsyncManagedTransaction) -> T:
            return await work(Tx(tx, self.queries))

        async with self.driver.session() as session:
            return await session.execute_read(unit)
