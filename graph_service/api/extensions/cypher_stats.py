"""Reports the Cypher round trips and database time of a request in `extensions.cypher` when the
request carries `X-Debug-Cypher: 1` (issue 5: batching is checked by counting round trips)."""

from __future__ import annotations

from typing import Any

from strawberry.extensions import SchemaExtension

from graph_service.graph import stats

HEADER = "x-debug-cypher"


class CypherStatsExtension(SchemaExtension):
    def on_operation(self):  # type: ignore[no-untyped-def]
        self._stats = stats.start()
        yield

    def get_results(self) -> dict[str, Any]:
        request = getattr(self.execution_context.context, "request", None)
        if request is None or request.headers.get(HEADER) != "1":
            return {}
        return {
            "cypher": {
                "roundTrips": self._stats.round_trips,
                "dbMilliseconds": self._stats.db_milliseconds,
            }
        }
