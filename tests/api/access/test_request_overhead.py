"""The per-request savings of issue 9 keep the rules they replace: only mutation root fields carry the
audit wrapper (A1), and a document whose parse and validation verdict are cached is refused again
each time it is sent (issue 8 limits)."""

from __future__ import annotations

from graph_service.api.extensions.hardening import LIMITS
from graph_service.api.schema import build_schema
from tests.api.access.conftest import error_code
from tests.api.access.test_hardening import messages, nested, post

AUDIT_EVENTS = "{ auditEvents(first: 50) { edges { node { action outcome } } } }"


def test_no_extension_wraps_every_field_and_every_mutation_is_audited() -> None:
    schema = build_schema()
    assert not [e for e in schema.get_extensions() if e._implements_resolve()]  # no per-field middleware
    mutation = schema._schema.mutation_type
    assert mutation is not None
    assert {name for name, f in mutation.fields.items() if f.resolve.__name__ != "audited"} == set()
    query = schema._schema.query_type
    assert query is not None and not [n for n, f in query.fields.items() if getattr(f.resolve, "__name__", "") == "audited"]


async def test_a_repeated_document_is_refused_each_time(county, http) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        deep = await post(http, nested(4))
        assert deep.json()["data"] is None and "exceeds maximum operation depth" in messages(deep)
        wide = await post(http, "{ " + " ".join(["__typename"] * (LIMITS.max_tokens + 10)) + " }")
        assert wide.json()["data"] is None and "tokens" in messages(wide)
        typo = await post(http, "{ countie { code } }")
        assert "Cannot query field 'countie'" in messages(typo)


async def test_a_repeated_mutation_is_audited_each_time(county, call) -> None:  # type: ignore[no-untyped-def]
    repay = 'mutation { recordRepayment(input: {loanCode: "NOPE", amount: "1.00", paidOn: "2026-06-01"}) { userErrors { code } } }'
    for _ in range(2):
        assert (await call("COUNTY_ADMIN", repay))["data"]["recordRepayment"]["userErrors"]
    assert error_code(await call("PARTNER", repay)) == "FORBIDDEN"
    events = [e["node"] for e in (await call("COUNTY_ADMIN", AUDIT_EVENTS))["data"]["auditEvents"]["edges"]]
    assert [(e["action"], e["outcome"]) for e in events if e["action"] == "recordRepayment"] == [
        ("recordRepayment", "FORBIDDEN"), ("recordRepayment", "REFUSED"), ("recordRepayment", "REFUSED"),
    ]
