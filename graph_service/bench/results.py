"""Markdown tables of a bench JSON, for bench/RESULTS.md:
`python -m graph_service.bench.results var/bench/bench-400000.json`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

LABELS = {
    "import_seconds": "import (generate excluded)",
    "recompute_seconds": "full recompute (recomputeRollups)",
    "hierarchy_p50_ms": "hierarchy: county → 26 towns → all villages with risk",
    "household_p50_ms": "household card (assessment, loans)",
    "issue_loan_p50_ms": "issueLoan with propagation",
    "contagion_p50_ms": "contagion, 3 hops",
    "stress_county_seconds": "stress test, five worst villages defaulted",
    "hierarchy_speedup_vs_naive": "hierarchy vs naive baseline (×)",
}


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"


def render(report: dict[str, Any]) -> str:
    lines = ["| figure | goal | measured | met |", "| --- | --- | --- | --- |"]
    for name, goal in report["goals"].items():
        sign = "≤" if goal["kind"] == "max" else "≥"
        met = {True: "yes", False: "**no**", None: "missing"}[goal["met"]]
        lines.append(f"| {LABELS.get(name, name)} (`{name}`) | {sign} {goal['goal']} | {_fmt(goal['value'])} | {met} |")
    lines += ["", "| other figure | value |", "| --- | --- |"]
    for name, value in report["figures"].items():
        if name not in report["goals"]:
            lines.append(f"| `{name}` | {_fmt(value)} |")
    for name, value in report["ratios"].items():
        if name not in report["goals"]:
            lines.append(f"| `{name}` | {_fmt(value)} |")
    if report.get("missing"):
        lines += ["", "Missing figures:"] + [f"- `{k}`: {v}" for k, v in report["missing"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
