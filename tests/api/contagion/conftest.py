"""Fixtures of the contagion tests: test-only named queries (kept out of the service's library), and
a signed-in `gql` (A2: every operation needs a bearer token) independent of the suite's default."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph_service.auth import tokens
from graph_service.graph.db import Graph
from graph_service.graph.queries import QueryLibrary
from graph_service.settings import Settings

SECRET = "contagion-tests-secret-0123456789abcdef"  # test-only signing key (>= 32 bytes)

_QUERIES = QueryLibrary(Path(__file__).parent / "cypher")


@pytest.fixture
def test_graph(db: Graph) -> Graph:
    """The test database, running the test-only queries."""
    return Graph(db.driver, queries=_QUERIES)


@pytest.fixture
def set_credit_lines(test_graph: Graph):  # type: ignore[no-untyped-def]
    async def _set(lines_yuan: dict[str, int]) -> None:
        rows = [{"code": code, "creditLineFen": yuan * 100} for code, yuan in lines_yuan.items()]
        await test_graph.write("test_set_credit_lines", rows=rows)

    return _set


@pytest.fixture
def fingerprint(test_graph: Graph):  # type: ignore[no-untyped-def]
    async def _fingerprint() -> tuple[list[str], list[str]]:
        row = await test_graph.read_one("test_graph_fingerprint")
        assert row is not None
        return sorted(map(repr, row["nodes"])), sorted(map(repr, row["rels"]))

    return _fingerprint


@pytest.fixture(scope="session")
def settings(settings: Settings) -> Settings:  # type: ignore[override]
    return dataclasses.replace(settings, secret=SECRET)


@pytest.fixture
def role() -> str:
    """The caller's role; a test module may override it."""
    return "COUNTY_ADMIN"


@pytest.fixture
def gql(client: httpx.AsyncClient, role: str):  # type: ignore[no-untyped-def]
    """Posts a GraphQL operation signed in as `role`; returns the decoded JSON body (asserting HTTP 200)."""
    token = tokens.issue(SECRET, role)

    async def _gql(query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> dict[str, Any]:
        sent = {"Authorization": f"Bearer {token}", **(headers or {})}
        response = await client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=sent)
        assert response.status_code == 200, response.text
        assert "Traceback" not in response.text
        return response.json()

    return _gql
