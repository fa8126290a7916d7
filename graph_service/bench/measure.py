"""Timing helpers and the record of figures: each figure is a number, or null with the reason it is
missing (a part not implemented yet must not crash the bench)."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any


class Missing(Exception):
    """A figure cannot be measured; the message says why (goes into the JSON)."""


@dataclass
class Series:
    """Latencies of repeated runs of one operation, in milliseconds."""

    samples: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    def summary(self) -> dict[str, float | int]:
        ordered = sorted(self.samples)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return {"n": len(ordered), "p50_ms": round(self.p50, 2), "p95_ms": round(p95, 2),
                "min_ms": round(ordered[0], 2), "max_ms": round(ordered[-1], 2)}


async def timed(work: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = await work()
    return (time.perf_counter() - started) * 1000, result


async def series(runs: list[Callable[[], Awaitable[Any]]], warmup: int = 1, max_seconds: float = 120) -> Series:
    """Times each run after `warmup` untimed runs of the first (plan caches, page cache); stops
    early once `max_seconds` are spent (a slow operation still gets at least one sample)."""
    for _ in range(warmup):
        await runs[0]()
    out = Series()
    spent = 0.0
    for run in runs:
        ms, _ = await timed(run)
        out.samples.append(ms)
        spent += ms / 1000
        if spent > max_seconds:
            break
    return out


@dataclass
class Figures:
    values: dict[str, float | int | None] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)

    def put(self, name: str, value: float | None, digits: int = 2) -> None:
        self.values[name] = round(value, digits) if isinstance(value, float) else value

    def miss(self, name: str, reason: str) -> None:
        self.values[name] = None
        self.missing[name] = reason

    async def measure(self, names: list[str], work: Callable[[], Awaitable[None]], budget: float = 300) -> None:
        """Runs `work` (which `put`s the figures) within `budget` seconds; on `Missing`, a failure or
        the budget running out, the names it did not fill are missing."""
        try:
            await asyncio.wait_for(work(), timeout=budget)
        except TimeoutError:
            for name in names:
                if self.values.get(name) is None:
                    self.miss(name, f"not finished within the bench's budget of {budget:.0f} s")
        except Missing as exc:
            for name in names:
                if self.values.get(name) is None:
                    self.miss(name, str(exc))
        except Exception as exc:  # noqa: BLE001 — the bench reports a broken part instead of stopping
            for name in names:
                if self.values.get(name) is None:
                    self.miss(name, f"failed: {type(exc).__name__}: {str(exc)[:300]}")
