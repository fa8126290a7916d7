"""Bulk writes for the import: one named UNWIND statement per batch, with the next batch prepared
while earlier ones are written.

Neo4j runs one transaction on one core; on a 2-core machine a second batch in flight keeps the
other core busy instead of waiting for Python. Batches must therefore be independent of each other
(disjoint nodes, parents written by an earlier call); each is its own auto-commit transaction,
retried by the driver on transient errors (a lock conflict between two batches is one), so the
statement must be idempotent (MERGE). Rows are built lazily, so only the batches in flight are held
in memory.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

from graph_service.graph.db import Graph

IN_FLIGHT = 2
_END = object()


async def write_batches(
    graph: Graph,
    query: str,
    batches: Iterator[dict[str, Any]],
    *,
    on_done: Callable[[dict[str, Any]], None] | None = None,
    in_flight: int = IN_FLIGHT,
) -> None:
    """Runs `query` once per item of `batches` (each item: the statement's parameters), at most
    `in_flight` at a time; the next item is built in a worker thread meanwhile. `on_done` is called
    with each item's parameters once written (in completion order). The first error is raised
    after the writes already started have finished."""
    pending: set[asyncio.Task[dict[str, Any]]] = set()

    async def one(params: dict[str, Any]) -> dict[str, Any]:
        await graph.write(query, **params)
        return params

    async def settle(until: int) -> None:
        nonlocal pending
        while len(pending) > until:
            finished, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in finished:
                params = task.result()  # raises the batch's error
                if on_done:
                    on_done(params)

    try:
        while True:
            params = await asyncio.to_thread(next, batches, _END)
            if params is _END:
                break
            await settle(in_flight - 1)
            pending.add(asyncio.create_task(one(params)))
        await settle(0)
    finally:
        if pending:  # an error: let the writes in flight end before reporting it
            await asyncio.wait(pending)
