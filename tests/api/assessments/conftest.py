"""Helpers of the assessment API tests: a signed-in `gql` (COUNTY_ADMIN, A2), the mutation, a
household's standing, and a client whose "today" is another day (publicity needs two dates)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import dataclasses

import httpx
import pytest_asyncio

from graph_service.app import create_app
from graph_service.graph.db import Graph
from tests.conftest import bearer
from graph_service.settings import Settings

ASSESSMENT_FIELDS = """
  id assessedOn effectiveOn systemScore panelScore compositeScore bandScore positives negatives vetoes
  eligible isCreditHousehold stars certificate creditLine policyVersion status
"""
ASSESS = f"""
mutation($input: AssessHouseholdInput!) {{
  assessHousehold(input: $input) {{
    assessment {{ {ASSESSMENT_FIELDS} }}
    household {{ code certificate creditLine isCreditHousehold stars eligible }}
    userErrors {{ code message field }}
  }}
}}
"""
HOUSEHOLD = f"""
query($code: String!) {{
  household(code: $code) {{
    code eligible isCreditHousehold stars certificate creditLine availableCredit rateDiscountPermille
    latestAssessment {{ {ASSESSMENT_FIELDS} }}
    assessments {{ {ASSESSMENT_FIELDS} objection {{ reason upheld note }} }}
    village {{ isCreditVillage creditHouseholdCount householdCount town {{ isCreditTown creditVillageCount villageCount }} }}
  }}
}}
"""
TOP = ["HONEST_CONDUCT", "FILIAL", "GOOD_NEIGHBOUR", "SMALL_PRODUCTION", "GOOD_BANK_RECORD"]

Gql = Callable[..., Awaitable[dict[str, Any]]]
def assess_input(code: str, on: dt.date, score: float = 100, positives: list[str] | None = None,
                 negatives: list[str] | None = None, vetoes: list[str] | None = None,
                 assessor: str | None = "panel") -> dict[str, Any]:
    return {
        "householdCode": code,
        "assessedOn": on.isoformat(),
        "systemScore": score,
        "positives": TOP if positives is None else positives,
        "negatives": negatives or [],
        "vetoes": vetoes or [],
        "assessor": assessor,
    }


async def assess(gql: Gql, code: str, on: dt.date, **kwargs: Any) -> dict[str, Any]:
    body = await gql(ASSESS, {"input": assess_input(code, on, **kwargs)})
    assert "errors" not in body, body
    return body["data"]["assessHousehold"]


async def household(gql: Gql, code: str) -> dict[str, Any]:
    body = await gql(HOUSEHOLD, {"code": code})
    assert "errors" not in body, body
    return body["data"]["household"]


@pytest_asyncio.fixture
async def gql_on(db: Graph, settings: Settings) -> AsyncIterator[Callable[[dt.date], Gql]]:
    """gql_on(day) is a `gql` whose service believes today is `day` (GRAPH_SERVICE_TODAY)."""
    clients: list[httpx.AsyncClient] = []

    def make(day: dt.date) -> Gql:
        app = create_app(dataclasses.replace(settings, fixed_today=day), graph=db)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")
        clients.append(client)

        async def run(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
            response = await client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=bearer())
            assert response.status_code == 200, response.text
            assert "Traceback" not in response.text
            return response.json()

        return run

    yield make
    for client in clients:
        await client.aclose()
