"""The bench at a small scale (issue 9): every figure is produced (a number, not a missing-reason),
every ratio and goal is computed, and the JSON is written. Values are not checked: timing is the
bench's business, not the test suite's."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from graph_service.bench.run import ALL_FIGURES, GOALS, run

HOUSEHOLDS = 2000


@pytest.mark.slow
def test_small_bench_produces_every_figure(tmp_path: Path) -> None:
    uri = os.environ.get("TEST_NEO4J_URI")
    data = os.environ.get("TEST_NEO4J_DATA")
    if not uri or not data:
        pytest.fail("TEST_NEO4J_URI / TEST_NEO4J_DATA are not set: run the suite with `make test`")
    out = tmp_path / "bench.json"

    report = run(HOUSEHOLDS, 7, out, neo4j_uri=uri, neo4j_data=Path(data), samples=3, work_dir=tmp_path)

    assert json.loads(out.read_text(encoding="utf-8")) == report
    assert report["missing"] == {}
    for name in ALL_FIGURES:
        assert isinstance(report["figures"][name], (int, float)), name
    assert all(isinstance(v, float) for v in report["ratios"].values()), report["ratios"]
    assert set(report["goals"]) == set(GOALS)
    assert all(goal["met"] in (True, False) for goal in report["goals"].values())
    assert report["details"]["dataset"]["households"] == HOUSEHOLDS
    assert report["details"]["issue_loan"]["village_balance_propagated"] is True
