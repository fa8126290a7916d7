"""Exact ratio thresholds (RULES "Decision": integer arithmetic, never floating point)."""

from __future__ import annotations


def reaches_percent(part: int, whole: int, percent: int) -> bool:
    """True when part/whole >= percent% (R3 freeze, R4 titles); an empty whole never reaches."""
    if whole <= 0:
        return False
    return part * 100 >= percent * whole


def ratio(part: int, whole: int) -> float:
    """The ratio shown to people (R1: 0 when the whole is 0). Never used for a decision."""
    return part / whole if whole > 0 else 0.0
