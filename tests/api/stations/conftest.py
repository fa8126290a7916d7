"""The station API tests sign in as the county centre (COUNTY_ADMIN) with a token of their own secret."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

from graph_service.app import create_app
from graph_service.auth import tokens
from graph_service.graph.db import Graph
from graph_service.settings import Settings

SECRET = "stations-api-tests-secret-0123456789abcdef"


@pytest.fixture
def admin_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens.issue(SECRET, 'COUNTY_ADMIN', subject='county-centre')}"}


@pytest_asyncio.fixture
async def client(db: Graph, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(dataclasses.replace(settings, secret=SECRET), graph=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        yield c


@pytest.fixture
def gql(client: httpx.AsyncClient, admin_headers: dict[str, str]):  # type: ignore[no-untyped-def]
    async def _gql(query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> dict[str, Any]:
        response = await client.post("/graphql", json={"query": query, "variables": variables or {}},
                                     headers=headers or admin_headers)
        assert response.status_code == 200, response.text
        assert "Traceback" not in response.text
        return response.json()

    return _gql
