"""Relay object identification (issue 5): every Node type resolves through `node(id)`; an unknown or
forged ID gives null, never an error that leaks or a 500."""

from __future__ import annotations

import base64

import pytest

from graph_service.api.node import from_global_id, to_global_id
from tests import factories

LOOKUPS = {
    "County": 'county(code: "411722")',
    "Town": 'town(code: "T1")',
    "Village": 'village(code: "T1V1")',
    "Household": 'household(code: "T1V1H1")',
    "Bank": 'bank(code: "B1")',
    "Station": 'station(code: "S1")',
    "Loan": 'loan(code: "L1")',
}


def dataset() -> dict:
    doc = factories.county(towns=1, villages_per_town=1, households_per_village=1)
    doc["stations"] = [{"code": "S1", "name": "站一", "villageCode": "T1V1", "bankCode": "B1",
                        "registeredOn": "2026-01-05", "openedOn": "2026-01-15", "manager": "王站长"}]
    doc["loans"] = [factories.loan("L1", "T1V1H1", 1000)]
    return doc


@pytest.mark.parametrize("type_name", list(LOOKUPS))
async def test_node_resolves_every_node_type(load, gql, type_name) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    body = await gql(f"{{ {LOOKUPS[type_name]} {{ id code }} }}")
    found = next(iter(body["data"].values()))
    assert from_global_id(found["id"]) == (type_name, found["code"])
    body = await gql("query($id: ID!) { node(id: $id) { __typename id ... on %s { code } } }" % type_name, {"id": found["id"]})
    assert "errors" not in body, body
    assert body["data"]["node"] == {"__typename": type_name, "id": found["id"], "code": found["code"]}


async def test_ids_from_connections_resolve_too(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    body = await gql('{ town(code: "T1") { villages { edges { node { id } } } } }')
    village_id = body["data"]["town"]["villages"]["edges"][0]["node"]["id"]
    body = await gql("query($id: ID!) { node(id: $id) { ... on Village { code } } }", {"id": village_id})
    assert body["data"]["node"] == {"code": "T1V1"}


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize("forged", [
    to_global_id("Village", "NOPE"),  # well-formed, unknown code
    to_global_id("Town", "T1V1"),  # a village's code under another type
    _b64("Assessment:1"),  # a type that is not a Node
    _b64("AuditEvent:1"),
    _b64("Village"),  # no separator
    _b64(":T1V1"),
    "T1V1",  # not base64 of anything of ours
    "!!!not-an-id!!!",
    "",
    "8J+Ygw",  # base64 of an emoji
    base64.b64encode(b"\xff\xfe\x00").decode(),  # not UTF-8
    "a" * 5000,
])
async def test_unknown_or_forged_ids_give_null(load, gql, forged) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    body = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": forged})
    assert body == {"data": {"node": None}} or body.get("data") == {"node": None}, body
    assert "errors" not in body


def test_global_ids_are_opaque_and_round_trip() -> None:
    gid = to_global_id("Household", "H411722001001")
    assert "Household" not in gid and "=" not in gid
    assert from_global_id(gid) == ("Household", "H411722001001")
    assert from_global_id(to_global_id("Village", "a:b")) == ("Village", "a:b")  # codes may hold ':'
    assert from_global_id("%%%") is None
