"""A1: every mutation, accepted or refused, leaves exactly one append-only audit event; an accepted
one is written in the mutation's own transaction, with the changed properties before and after."""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx

from graph_service.app import create_app
from graph_service.graph import stats
from graph_service.graph.db import Graph
from graph_service.graph.queries import Query, QueryLibrary
from graph_service.settings import Settings
from tests.api.access.conftest import SECRET, error_code, headers
from tests.integration.loans import support

EVENTS = """query($target: String, $first: Int, $after: String) { auditEvents(target: $target, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { at actor role action targets outcome errorCodes message input before after } } } }"""
REPAY = """mutation($loan: String!, $amount: Decimal!) { recordRepayment(input: {loanCode: $loan, amount: $amount,
  paidOn: "2026-06-01"}) { loan { outstanding } userErrors { code } } }"""


async def events(call, target: str | None = None) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    body = await call("COUNTY_ADMIN", EVENTS, {"target": target, "first": 100})
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"]["auditEvents"]["edges"]]


async def test_an_accepted_mutation_records_who_what_and_the_change_in_its_transaction(county, call, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    names: list[str] = []
    monkeypatch.setattr(stats, "record", lambda name, _ms: names.append(name))
    body = await call("BANK_OFFICER", REPAY, {"loan": "L1", "amount": "2500.00"})
    assert body["data"]["recordRepayment"] == {"loan": {"outstanding": "7500.00"}, "userErrors": []}
    monkeypatch.undo()
    # The event rides in the mutation's transaction: read before, changed, read after, appended.
    assert names.count("append_audit_event") == 1 and names.count("audit_snapshot") == 2
    assert names.index("append_audit_event") > names.index("audit_snapshot")
    [event] = await events(call, "L1")
    assert event["outcome"] == "ACCEPTED" and event["action"] == "recordRepayment"
    assert (event["actor"], event["role"]) == ("bank_officer-tester", "BANK_OFFICER")
    assert event["targets"] == ["Loan:L1"]
    assert event["input"]["input"]["amount"] == "2500.00"
    assert event["before"]["Loan:L1"]["outstandingFen"] == 1_000_000
    assert event["after"]["Loan:L1"]["outstandingFen"] == 750_000
    assert "code" not in event["after"]["Loan:L1"]  # only what changed


async def test_refused_forbidden_and_anonymous_mutations_are_recorded_once_each(county, call) -> None:  # type: ignore[no-untyped-def]
    refused = await call("COUNTY_ADMIN", REPAY, {"loan": "L1", "amount": "999999.00"})  # more than is owed
    assert refused["data"]["recordRepayment"]["userErrors"] != []
    forbidden = await call("BANK_OFFICER", REPAY, {"loan": "L2", "amount": "1.00"})
    assert error_code(forbidden) == "FORBIDDEN"
    by_role = await call("PARTNER", REPAY, {"loan": "L1", "amount": "1.00"})
    assert error_code(by_role) == "FORBIDDEN"
    anonymous = await call(None, REPAY, {"loan": "L1", "amount": "1.00"})
    assert error_code(anonymous) == "UNAUTHENTICATED"
    found = await events(call)
    assert [(e["outcome"], e["role"], e["targets"]) for e in found] == [  # newest first
        ("UNAUTHENTICATED", None, ["Loan:L1"]),
        ("FORBIDDEN", "PARTNER", ["Loan:L1"]),
        ("FORBIDDEN", "BANK_OFFICER", ["Loan:L2"]),
        ("REFUSED", "COUNTY_ADMIN", ["Loan:L1"]),
    ]
    assert found[0]["actor"] == "anonymous"
    assert found[3]["errorCodes"] == [refused["data"]["recordRepayment"]["userErrors"][0]["code"]]
    assert found[3]["before"] == {} and found[3]["after"] == {}  # nothing changed
    assert (await support.props(county, "Loan", "L1"))["outstandingFen"] == 1_000_000


async def test_one_event_per_mutation_of_a_request(county, call) -> None:  # type: ignore[no-untyped-def]
    body = await call("COUNTY_ADMIN", """mutation {
      a: recordRepayment(input: {loanCode: "L1", amount: "1.00", paidOn: "2026-06-01"}) { userErrors { code } }
      b: recordRepayment(input: {loanCode: "L2", amount: "2.00", paidOn: "2026-06-01"}) { userErrors { code } }
      c: recordRepayment(input: {loanCode: "NOPE", amount: "3.00", paidOn: "2026-06-01"}) { userErrors { code } }
      d: recomputeRollups { villages } }""")
    assert "errors" not in body, body
    found = await events(call)
    assert [(e["action"], e["targets"], e["outcome"]) for e in reversed(found)] == [
        ("recordRepayment", ["Loan:L1"], "ACCEPTED"),
        ("recordRepayment", ["Loan:L2"], "ACCEPTED"),
        ("recordRepayment", ["Loan:NOPE"], "REFUSED"),
        ("recomputeRollups", [], "ACCEPTED"),
    ]
    # Queries are not audited.
    await call("COUNTY_ADMIN", '{ loan(code: "L1") { code } }')
    assert len(await events(call)) == 4


async def test_audit_events_page_newest_first_and_filter_by_code(county, call) -> None:  # type: ignore[no-untyped-def]
    for amount in ("1.00", "2.00", "3.00"):
        await call("COUNTY_ADMIN", REPAY, {"loan": "L1", "amount": amount})
    await call("COUNTY_ADMIN", REPAY, {"loan": "L2", "amount": "4.00"})
    first = await call("COUNTY_ADMIN", EVENTS, {"target": "L1", "first": 2})
    page = first["data"]["auditEvents"]
    assert page["totalCount"] == 3 and page["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["input"]["input"]["amount"] for e in page["edges"]] == ["3.00", "2.00"]
    rest = await call("COUNTY_ADMIN", EVENTS, {"target": "L1", "first": 2, "after": page["pageInfo"]["endCursor"]})
    assert [e["node"]["input"]["input"]["amount"] for e in rest["data"]["auditEvents"]["edges"]] == ["1.00"]
    assert rest["data"]["auditEvents"]["pageInfo"]["hasNextPage"] is False
    forged = await call("COUNTY_ADMIN", EVENTS, {"after": "not-a-cursor"})
    assert error_code(forged) == "INVALID_INPUT"


class _FailingAppend(QueryLibrary):
    """The real queries, but appending an audit event fails (to prove the change rolls back with it)."""

    def __init__(self, real: QueryLibrary) -> None:
        self._real = real

    def __getitem__(self, name: str) -> Query:
        if name == "append_audit_event":
            return Query(name=name, text="RETURN 1 / 0 AS boom", doc="fails on purpose")
        return self._real[name]


async def test_no_change_without_its_audit_event(county, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    broken = Graph(county.driver, queries=_FailingAppend(county.queries))
    app = create_app(dataclasses.replace(settings, secret=SECRET), graph=broken)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        response = await http.post("/graphql", json={"query": REPAY, "variables": {"loan": "L1", "amount": "2500.00"}},
                                   headers=headers("COUNTY_ADMIN"))
    assert response.status_code == 200 and "Traceback" not in response.text
    assert response.json()["errors"][0]["message"] == "Internal error: the request could not be completed."
    # The repayment rolled back together with its event: same transaction (A1).
    assert (await support.props(county, "Loan", "L1"))["outstandingFen"] == 1_000_000


def test_only_one_query_writes_audit_events_and_none_changes_them() -> None:
    """Append-only: no query but append_audit_event touches :AuditEvent with a write clause."""
    library = QueryLibrary()
    writers = []
    for name in library.names():
        text = library[name].text
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
        if "AuditEvent" in body and any(word in body.upper() for word in ("CREATE", "SET ", "DELETE", "MERGE", "REMOVE")):
            writers.append(name)
    assert writers == ["append_audit_event", "schema_statements"]
    append = "\n".join(l for l in library["append_audit_event"].text.splitlines() if not l.lstrip().startswith("//"))
    assert not any(word in append.upper() for word in ("SET ", "DELETE", "MERGE", "REMOVE"))  # CREATE only
