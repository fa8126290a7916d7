"""The access tests call the API as each role, with tokens signed by a secret of their own."""

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
from tests import factories
from tests.integration.loans import support

SECRET = "access-tests-secret-0123456789-abcdefghij"

#: One principal per role, scoped where the role needs it: town T1, village T1V1, bank B1.
ROLES: dict[str, dict[str, str]] = {
    "COUNTY_ADMIN": {},
    "TOWN_OFFICER": {"town": "T1"},
    "VILLAGE_PANEL": {"village": "T1V1"},
    "BANK_OFFICER": {"bank": "B1"},
    "RISK_OFFICER": {},
    "PARTNER": {},
}


def token(role: str, **scope: str) -> str:
    return tokens.issue(SECRET, role, subject=f"{role.lower()}-tester", **(scope or ROLES[role]))


def headers(role: str | None, **scope: str) -> dict[str, str]:
    return {} if role is None else {"Authorization": f"Bearer {token(role, **scope)}"}


def dataset() -> dict[str, Any]:
    """Towns T1, T2; villages T1V1, T1V2, T2V1, T2V2; two households each; stations and loans of both banks."""
    doc = factories.county(towns=2, villages_per_town=2, households_per_village=2)
    for household in doc["households"]:
        n = household["code"].replace("T", "").replace("V", "").replace("H", "")
        household["headIdNumber"] = f"41172219800101{int(n):04d}"
        household["phone"] = f"1381234{int(n):04d}"
    doc["stations"] = [
        {"code": "S1", "name": "站一", "villageCode": "T1V1", "bankCode": "B1", "registeredOn": "2026-01-05",
         "openedOn": "2026-01-15", "manager": "王站长"},
        {"code": "S2", "name": "站二", "villageCode": "T2V1", "bankCode": "B2", "registeredOn": "2026-01-05",
         "openedOn": "2026-01-15", "manager": "赵站长"},
    ]
    doc["loans"] = [
        factories.loan("L1", "T1V1H1", 20000, 10000, bank="B1"),
        factories.loan("L2", "T2V1H1", 20000, 10000, bank="B2"),
    ]
    return doc


@pytest_asyncio.fixture
async def county(load, db: Graph) -> Graph:  # type: ignore[no-untyped-def]
    await load(dataset())
    await support.set_standing(db, ["T1V1H2", "T2V1H2"], line=50000)  # lendable (L3)
    return db


@pytest_asyncio.fixture
async def http(db: Graph, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(dataclasses.replace(settings, secret=SECRET), graph=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        yield c


@pytest.fixture
def call(http: httpx.AsyncClient):  # type: ignore[no-untyped-def]
    """call(role or None, query, variables, **scope) -> decoded body (HTTP 200, never a traceback)."""

    async def _call(role: str | None, query: str, variables: dict[str, Any] | None = None, **scope: str) -> dict[str, Any]:
        response = await http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers(role, **scope))
        assert response.status_code == 200, response.text
        assert "Traceback" not in response.text
        return response.json()

    return _call


def error_code(body: dict[str, Any]) -> str | None:
    """The `extensions.code` of the first GraphQL error (None when there is none)."""
    errors = body.get("errors") or []
    return errors[0].get("extensions", {}).get("code") if errors else None
