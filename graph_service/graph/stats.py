"""Per-request Cypher statistics: round trips and database time (reported on X-Debug-Cypher)."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field


@dataclass
class CypherStats:
    round_trips: int = 0
    db_milliseconds: int = 0
    queries: list[str] = field(default_factory=list)

    def record(self, name: str, milliseconds: int) -> None:
        self.round_trips += 1
        self.db_milliseconds += milliseconds
        self.queries.append(name)


_current: contextvars.ContextVar[CypherStats | None] = contextvars.ContextVar(
    "cypher_stats", default=None
)


def start() -> CypherStats:
    """Begin counting for the current task (a request, a test); returns the counter."""
    stats = CypherStats()
    _current.set(stats)
    return stats


def current() -> CypherStats | None:
    return _current.get()


def record(name: str, milliseconds: int | None) -> None:
    stats = _current.get()
    if stats is not None:
        stats.record(name, milliseconds or 0)
