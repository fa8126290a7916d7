"""Fixtures of the hierarchy tests: datasets built in code (tests/factories.py + the importer), and
test-only Cypher (this folder's `cypher/`) to set standing that other areas normally compute."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph_service.graph.db import Graph
from graph_service.graph.queries import QueryLibrary

HERE = Path(__file__).parent
DEBUG = {"X-Debug-Cypher": "1"}


@pytest.fixture
def test_graph(db: Graph) -> Graph:
    """The same driver, with the test-only queries."""
    return Graph(db.driver, QueryLibrary(HERE / "cypher"))


@pytest.fixture
def set_standing(test_graph: Graph):  # type: ignore[no-untyped-def]
    async def _set(rows: list[dict[str, Any]]) -> None:
        full = [{"certificate": "NONE", "isCreditHousehold": False, "stars": None, "creditLineFen": 0, **row} for row in rows]
        await test_graph.write("set_household_standing", rows=full)

    return _set


@pytest.fixture
def set_titles(test_graph: Graph):  # type: ignore[no-untyped-def]
    async def _set(label: str, codes: list[str], flag: bool = True) -> None:
        await test_graph.write("set_area_flags", label=label, codes=codes, flag=flag)

    return _set
