"""A small terminal progress bar for `generate` and `import` (no dependency: tqdm is not installed).

`bar(name, done, total)` redraws one line on stderr with the share done, the rate and an ETA; it
prints nothing when stderr is not a terminal (logs, CI, the bench's sub-processes).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 28
_MIN_REDRAW_SECONDS = 0.1

_started: dict[str, float] = {}
_drawn: dict[str, float] = {}


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60:d}:{seconds % 60:02d}"


def render(name: str, done: int, total: int, elapsed: float) -> str:
    """The bar's text (pure, so it can be tested)."""
    share = min(1.0, done / total) if total > 0 else 1.0
    filled = int(WIDTH * share)
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate > 0 and done < total else 0.0
    if done >= total:
        tail = f"{_duration(elapsed)} elapsed"
    else:
        tail = f"ETA {_duration(eta)}" if rate > 0 else "ETA --:--"
    return (
        f"  {name:<12} [{'#' * filled}{'.' * (WIDTH - filled)}] {share:6.1%} "
        f"{done:,}/{total:,}  {rate:,.0f}/s  {tail}"
    )


def bar(name: str, done: int, total: int, stream: TextIO | None = None) -> None:
    out = stream or sys.stderr
    if not out.isatty():
        return
    now = time.monotonic()
    started = _started.setdefault(name, now)
    finished = done >= total
    if not finished and now - _drawn.get(name, 0.0) < _MIN_REDRAW_SECONDS:
        return  # redrawing on every batch would cost more than the work at small batch sizes
    _drawn[name] = now
    print("\r" + render(name, done, total, now - started), end="\n" if finished else "", file=out, flush=True)
    if finished:
        _started.pop(name, None)
        _drawn.pop(name, None)
