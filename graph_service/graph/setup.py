"""Constraints and indexes, created idempotently from `cypher/schema/schema_statements.cypher`."""

from __future__ import annotations

from graph_service.graph.db import Graph


def statements(graph: Graph) -> list[str]:
    body = "\n".join(
        line for line in graph.queries["schema_statements"].text.splitlines()
        if not line.lstrip().startswith("//")
    )
    return [part.strip() for part in body.split(";") if part.strip()]


async def apply_schema(graph: Graph) -> int:
    """Creates what is missing and waits until every index is online; returns the statement count."""
    parts = statements(graph)
    async with graph.driver.session() as session:
        for statement in parts:
            await (await session.run(statement)).consume()
        await (await session.run(graph.queries["await_indexes"].text)).consume()
    return len(parts)
