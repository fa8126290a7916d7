"""A bounded schemathesis run over every query and mutation of the schema, as the county centre
(issue 8): no 5xx, no traceback, every answer a GraphQL JSON object, no unexpected (masked) error.

Cases are generated first (hypothesis, deterministic, no I/O), then sent through the app in the
test's event loop, so the run shares the test database and stays bounded: EXAMPLES per operation."""

from __future__ import annotations

import time
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.graphql.loaders import get_introspection_query

from tests.api.access.conftest import headers

EXAMPLES = 4

# Decimal (money in yuan) is our own scalar: well-formed amounts, and strings that are not.
schemathesis.graphql.scalar("Decimal", st.one_of(
    st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False).map(str),
    st.text(max_size=12),
).map(schemathesis.graphql.nodes.String))
BUDGET_SECONDS = 60
MASKED = "Internal error: the request could not be completed."


def generated_cases(introspection: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    schema = schemathesis.graphql.from_dict(introspection)
    cases: list[tuple[str, dict[str, Any]]] = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                  suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
        @given(case=operation.as_strategy())
        def collect(case: Any) -> None:
            cases.append((operation.label, case.as_transport_kwargs(base_url="http://test/graphql")["json"]))

        collect()
    return cases


async def test_fuzzing_every_operation_finds_no_server_error(county, http) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    # The schema as any client gets it: introspection is open even without a token.
    introspection = (await http.post("/graphql", json={"query": get_introspection_query()})).json()["data"]
    cases = generated_cases(introspection)
    labels = {label for label, _ in cases}
    assert {"Query.household", "Query.auditEvents", "Mutation.issueLoan"} <= labels  # the whole schema
    admin = headers("COUNTY_ADMIN")
    failures = []
    for label, body in cases:
        response = await http.post("/graphql", json=body, headers=admin)
        text = response.text
        answer = response.json() if response.headers.get("content-type", "").startswith("application/json") else None
        if (response.status_code >= 500 or "Traceback" in text or not isinstance(answer, dict)
                or any(e.get("message") == MASKED for e in answer.get("errors") or [])):
            failures.append((label, response.status_code, body["query"][:400], text[:400]))
    elapsed = time.monotonic() - started
    print(f'fuzz: {len(cases)} cases over {len(labels)} operations in {elapsed:.1f}s')  # shown with -s
    assert failures == [], failures
    assert len(cases) >= 2 * len(labels) and elapsed < BUDGET_SECONDS, (len(cases), elapsed)
