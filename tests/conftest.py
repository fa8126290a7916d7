"""Fixtures shared by the suites. Integration and API tests talk to the tests' own real Neo4j
(TEST_NEO4J_URI, started by `make test`); unit tests need no database."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

from graph_service.app import create_app
from graph_service.auth import tokens
from graph_service.graph import stats
from graph_service.graph.db import Graph
from graph_service.graph.importer import import_document, reset
from graph_service.graph.setup import apply_schema
from graph_service.settings import Settings

TODAY = dt.date(2026, 6, 30)
TEST_SECRET = "test-suite-secret-0123456789-abcdefghijkl"  # signs the suite's tokens (issue 8)


def bearer(role: str = "COUNTY_ADMIN", **scope: str) -> dict[str, str]:
    """An Authorization header signed with the suite's secret (A2: every operation needs a token)."""
    return {"Authorization": f"Bearer {tokens.issue(TEST_SECRET, role, subject='test-suite', **scope)}"}


@pytest.fixture
def admin_headers() -> dict[str, str]:
    return bearer()


@pytest.fixture(scope="session")
def settings() -> Settings:
    uri = os.environ.get("TEST_NEO4J_URI")
    if not uri:
        pytest.fail("TEST_NEO4J_URI is not set: run the suite with `make test`")
    return Settings.from_env(
        {"NEO4J_URI": uri, "GRAPH_SERVICE_TODAY": TODAY.isoformat(), "GRAPH_SERVICE_SECRET": TEST_SECRET}
    )


@pytest_asyncio.fixture(scope="session")
async def graph(settings: Settings) -> AsyncIterator[Graph]:
    g = Graph.connect(settings)
    await apply_schema(g)
    yield g
    await g.close()


@pytest_asyncio.fixture
async def db(graph: Graph) -> Graph:
    """An empty database (constraints kept) for one test."""
    await reset(graph)
    return graph


@pytest_asyncio.fixture
async def load(db: Graph):  # type: ignore[no-untyped-def]
    """Imports a dataset document into the empty database."""

    async def _load(document: dict[str, Any]) -> Any:
        return await import_document(db, document, today=TODAY)

    return _load


@pytest_asyncio.fixture
async def client(db: Graph, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, graph=db)
    transport = httpx.ASGITransport(app=app)
    # The suite calls the API as the county centre unless a test sends its own Authorization.
    async with httpx.AsyncClient(transport=transport, base_url="http://test", headers=bearer()) as c:
        yield c


@pytest.fixture
def gql(client: httpx.AsyncClient):  # type: ignore[no-untyped-def]
    """Posts a GraphQL operation; returns the decoded JSON body (asserting HTTP 200)."""

    async def _gql(query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> dict[str, Any]:
        response = await client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers or {})
        assert response.status_code == 200, response.text
        body = response.json()
        assert "Traceback" not in response.text
        return body

    return _gql


@pytest.fixture
def cypher_stats() -> stats.CypherStats:
    """Counts the Cypher round trips of the current test (deterministic, unlike time)."""
    return stats.start()
