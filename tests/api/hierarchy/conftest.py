"""Fixtures of the hierarchy tests: datasets built in code (tests/factories.py + the importer), and
test-only Cypher (this folder's `cypher/`) to set standing that other areas normally compute."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from graph_service.app import create_app
from graph_service.graph.db import Graph
from graph_service.graph.queries import QueryLibrary
from graph_service.settings import Settings

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


SECRET = "hierarchy-tests-secret-at-least-32-bytes-long"


@pytest_asyncio.fixture
async def client(db: Graph, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The shared `client`, signed in as the county centre (sees everything, A2): these tests are about
    lists, not access control. Falls back to anonymous when the service has no sign-in."""
    headers: dict[str, str] = {}
    try:
        from graph_service.auth.tokens import issue
    except ImportError:  # pragma: no cover - a service without access control
        pass
    else:
        settings = dataclasses.replace(settings, secret=SECRET)
        headers["Authorization"] = f"Bearer {issue(SECRET, 'COUNTY_ADMIN')}"
    app = create_app(settings, graph=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", headers=headers) as c:
        yield c
