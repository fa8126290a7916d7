"""Per-request data loaders: every lookup by code in one request is batched into one round trip."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from strawberry.dataloader import DataLoader

from graph_service.graph.db import Graph

Props = dict[str, Any]

# label -> named query returning `node` rows for `$codes`
_BY_CODES = {
    "County": "counties_by_codes",
    "Town": "towns_by_codes",
    "Village": "villages_by_codes",
    "Household": "households_by_codes",
    "Bank": "banks_by_codes",
    "Station": "stations_by_codes",
    "Loan": "loans_by_codes",
}


def _by_code(graph: Graph, query: str) -> Callable[[list[str]], Awaitable[list[Props | None]]]:
    async def load(codes: list[str]) -> list[Props | None]:
        rows = await graph.read(query, codes=list(codes))
        found = {row["node"]["code"]: row["node"] for row in rows}
        return [found.get(code) for code in codes]

    return load


class Loaders:
    """One set per request, so nothing is cached across requests (reads see every write)."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._by_label = {
            label: DataLoader(load_fn=_by_code(graph, query)) for label, query in _BY_CODES.items()
        }
        self._extra: dict[str, DataLoader[Any, Any]] = {}

    async def node(self, label: str, code: str) -> Props | None:
        return await self._by_label[label].load(code)

    def clear(self, label: str, code: str) -> None:
        """Forget a node a mutation has just changed, so the payload shows the new state."""
        self._by_label[label].clear(code)

    def custom(self, name: str, load_fn: Callable[[list[Any]], Awaitable[list[Any]]]) -> DataLoader[Any, Any]:
        """A named loader created on first use (for batched child lists and counts)."""
        loader = self._extra.get(name)
        if loader is None:
            loader = self._extra[name] = DataLoader(load_fn=load_fn)
        return loader
