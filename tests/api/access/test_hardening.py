"""Abuse is refused cleanly (issue 8): too deep, too many aliases, too many tokens, a huge page, a huge
or malformed body, batching; production hides the schema (no introspection, no suggestions)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio

from graph_service.api.extensions.hardening import LIMITS
from graph_service.app import create_app
from graph_service.graph.db import Graph
from graph_service.settings import Settings
from tests.api.access.conftest import SECRET, error_code, headers

ADMIN = headers("COUNTY_ADMIN")


def nested(levels: int) -> str:
    """county > towns > edges > node > county > towns … : 4 levels per step."""
    inner = "code"
    for _ in range(levels):
        inner = f"towns {{ edges {{ node {{ county {{ {inner} }} }} }} }}"
    return f'{{ county(code: "411722") {{ {inner} }} }}'


async def post(http: httpx.AsyncClient, query: str, **extra) -> httpx.Response:  # type: ignore[no-untyped-def]
    response = await http.post("/graphql", json={"query": query, **extra}, headers=ADMIN)
    assert "Traceback" not in response.text
    return response


def messages(response: httpx.Response) -> str:
    return " ".join(e["message"] for e in response.json().get("errors", []))


async def test_depth_limit(county, http) -> None:  # type: ignore[no-untyped-def]
    ok = await post(http, nested(3))  # depth 14: still served
    assert "errors" not in ok.json(), ok.json()
    deep = await post(http, nested(4))  # depth 18
    assert deep.status_code == 200 and deep.json()["data"] is None
    assert "exceeds maximum operation depth" in messages(deep)


async def test_alias_limit(county, http) -> None:  # type: ignore[no-untyped-def]
    ok = await post(http, "{ " + " ".join(f'a{i}: town(code: "T1") {{ code }}' for i in range(LIMITS.max_aliases)) + " }")
    assert "errors" not in ok.json()
    many = await post(http, "{ " + " ".join(f'a{i}: town(code: "T1") {{ code }}' for i in range(LIMITS.max_aliases + 1)) + " }")
    assert many.json()["data"] is None and "aliases" in messages(many)


async def test_token_limit_stops_a_wide_query_before_it_is_parsed_whole(county, http) -> None:  # type: ignore[no-untyped-def]
    wide = await post(http, "{ " + " ".join(["__typename"] * (LIMITS.max_tokens + 10)) + " }")
    assert wide.status_code == 200 and wide.json()["data"] is None
    assert "tokens" in messages(wide)


async def test_page_size_is_capped(county, http) -> None:  # type: ignore[no-untyped-def]
    huge = await post(http, '{ county(code: "411722") { towns(first: 100000) { totalCount } } }')
    assert huge.json()["data"] is None or huge.json()["data"]["county"] is None
    assert error_code(huge.json()) == "INVALID_INPUT" and "between 0 and 100" in messages(huge)


async def test_a_body_above_the_limit_is_413_before_parsing(county, http) -> None:  # type: ignore[no-untyped-def]
    padding = " " * (LIMITS.max_body_bytes + 1)
    response = await http.post("/graphql", content=f'{{"query": "{{ counties {{ code }} }}{padding}"}}',
                               headers={**ADMIN, "content-type": "application/json"})
    assert response.status_code == 413 and response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"query": "{ counties { code } }'
        for _ in range(LIMITS.max_body_bytes // 1024 + 2):
            yield b" " * 1024
        yield b'"}'

    streamed = await http.post("/graphql", content=chunks(), headers={**ADMIN, "content-type": "application/json"})
    assert streamed.status_code == 413


@pytest.mark.parametrize("body, content_type", [
    (b"{not json", "application/json"),
    (b'[{"query": "{ counties { code } }"}, {"query": "{ counties { code } }"}]', "application/json"),  # a batch
    (b'{"variables": {}}', "application/json"),  # no query
    (b'{"query": 42}', "application/json"),
    (b"\xff\xfe\x00garbage", "application/json"),
    (b"query=%7B%7D", "application/x-www-form-urlencoded"),
])
async def test_malformed_bodies_are_400_without_a_traceback(county, http, body: bytes, content_type: str) -> None:  # type: ignore[no-untyped-def]
    response = await http.post("/graphql", content=body, headers={**ADMIN, "content-type": content_type})
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    assert "Traceback" not in response.text


async def test_a_syntax_error_is_a_clean_graphql_error(county, http) -> None:  # type: ignore[no-untyped-def]
    response = await post(http, "{ counties { code ")
    assert response.status_code == 200 and response.json()["data"] is None
    assert "Syntax Error" in messages(response)


async def test_development_mode_keeps_introspection_and_suggestions(county, http) -> None:  # type: ignore[no-untyped-def]
    assert (await post(http, "{ __schema { types { name } } }")).json()["data"]["__schema"]["types"]
    assert "Did you mean" in messages(await post(http, "{ countie { code } }"))
    enum = await post(http, "query($s: LoanStatus) { loan(code: \"L1\") { household { loans(status: $s) { totalCount } } } }",
                      variables={"s": "OVERDU"})
    assert "Did you mean" in messages(enum)
    graphiql = await http.get("/graphql", headers={"accept": "text/html"})
    assert graphiql.status_code == 200 and "graphiql" in graphiql.text.lower()


@pytest_asyncio.fixture
async def production(db: Graph, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(dataclasses.replace(settings, secret=SECRET, production=True), graph=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        yield c


async def test_production_hides_the_schema(county, production) -> None:  # type: ignore[no-untyped-def]
    introspection = await post(production, "{ __schema { types { name } } }")
    assert introspection.json()["data"] is None and "introspection" in messages(introspection).lower()
    typo = await post(production, "{ countie { code } }")
    assert "Cannot query field 'countie'" in messages(typo) and "Did you mean" not in messages(typo)
    enum = await post(production, "query($s: LoanStatus) { loan(code: \"L1\") { loans: household { loans(status: $s) { totalCount } } } }",
                      variables={"s": "OVERDU"})
    assert "OVERDU" in messages(enum) and "Did you mean" not in messages(enum)
    served = await post(production, "{ counties { code } }")
    assert served.json() == {"data": {"counties": [{"code": "411722"}]}}
    graphiql = await production.get("/graphql", headers={"accept": "text/html"})
    assert "graphiql" not in graphiql.text.lower()
    # The limits still apply in production.
    assert "exceeds maximum operation depth" in messages(await post(production, nested(4)))
