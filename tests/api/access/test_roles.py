"""Every role against every operation family, inside and outside its scope (A2).

Principals: COUNTY_ADMIN; TOWN_OFFICER of T1; VILLAGE_PANEL of T1V1; BANK_OFFICER of B1; RISK_OFFICER;
PARTNER. Data (conftest): T1V1 holds household T1V1H1 with loan L1 (B1) and station S1 (B1); T2V1
holds T2V1H1 with loan L2 (B2) and station S2 (B2). "in" is a node inside a scoped role's scope,
"out" one outside it.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph_service.api.node import to_global_id
from graph_service.api.schema import build_schema
from graph_service.auth import permissions
from tests.api.access.conftest import ROLES, error_code

ALL = list(ROLES)

# --- reads: lookups are confined by the scope in their Cypher ------------------------------------------

LOOKUPS: dict[str, tuple[str, str, str]] = {
    # family: (query, code inside T1/T1V1/B1, code outside)
    "town": ("town", "T1", "T2"),
    "village": ("village", "T1V1", "T2V1"),
    "household": ("household", "T1V1H1", "T2V1H1"),
    "loan": ("loan", "L1", "L2"),
    "station": ("station", "S1", "S2"),
}
#: What each role sees of (inside, outside): True = the node, False = null, "FORBIDDEN" = refused.
SEES: dict[str, dict[str, Any]] = {
    "COUNTY_ADMIN": {f: (True, True) for f in LOOKUPS},
    "RISK_OFFICER": {f: (True, True) for f in LOOKUPS},
    "TOWN_OFFICER": {f: (True, False) for f in LOOKUPS},
    "VILLAGE_PANEL": {f: (True, False) for f in LOOKUPS},
    # A bank officer sees the hierarchy and households (to lend), but only its bank's loans and stations.
    "BANK_OFFICER": {"town": (True, True), "village": (True, True), "household": (True, True),
                     "loan": (True, False), "station": (True, False)},
    "PARTNER": {"town": (True, True), "village": (True, True), "household": "FORBIDDEN",
                "loan": "FORBIDDEN", "station": (True, True)},
}


@pytest.mark.parametrize("family", list(LOOKUPS))
async def test_lookups_inside_and_outside_the_scope(county, call, family: str) -> None:  # type: ignore[no-untyped-def]
    field, inside, outside = LOOKUPS[family]
    for role in ALL:
        body = await call(role, f'{{ a: {field}(code: "{inside}") {{ code }} b: {field}(code: "{outside}") {{ code }} }}')
        expected = SEES[role][family]
        if expected == "FORBIDDEN":
            assert body["data"] is None and error_code(body) == "FORBIDDEN", (role, body)
            continue
        assert "errors" not in body, (role, body)
        assert (body["data"]["a"] is not None, body["data"]["b"] is not None) == expected, role


async def test_the_counties_entry_is_open_to_every_role(county, call) -> None:  # type: ignore[no-untyped-def]
    for role in ALL:
        body = await call(role, "{ counties { code } }")
        assert body["data"] == {"counties": [{"code": "411722"}]}, (role, body)


@pytest.mark.parametrize("role, towns, villages_of_t1", [
    ("COUNTY_ADMIN", ["T1", "T2"], ["T1V1", "T1V2"]),
    ("TOWN_OFFICER", ["T1"], ["T1V1", "T1V2"]),
    ("VILLAGE_PANEL", ["T1"], ["T1V1"]),
    ("BANK_OFFICER", ["T1", "T2"], ["T1V1", "T1V2"]),
    ("PARTNER", ["T1", "T2"], ["T1V1", "T1V2"]),
])
async def test_child_lists_are_confined_too(county, call, role: str, towns: list[str], villages_of_t1: list[str]) -> None:  # type: ignore[no-untyped-def]
    body = await call(role, """{ county(code: "411722") { towns { totalCount edges { node { code } } } }
                                 town(code: "T1") { villages { edges { node { code } } } } }""")
    assert "errors" not in body, body
    assert [e["node"]["code"] for e in body["data"]["county"]["towns"]["edges"]] == towns
    assert body["data"]["county"]["towns"]["totalCount"] == len(towns)
    assert [e["node"]["code"] for e in body["data"]["town"]["villages"]["edges"]] == villages_of_t1


async def test_a_bank_officer_sees_only_its_banks_loans_and_stations_in_lists(county, load, call) -> None:  # type: ignore[no-untyped-def]
    body = await call("BANK_OFFICER", """{ h: household(code: "T2V1H1") { loans { edges { node { code } } } }
        v: village(code: "T2V1") { stations { code } } w: village(code: "T1V1") { stations { code } } }""")
    assert "errors" not in body, body
    assert body["data"]["h"]["loans"]["edges"] == []  # L2 is B2's
    assert body["data"]["v"]["stations"] == [] and body["data"]["w"]["stations"] == [{"code": "S1"}]


async def test_partner_gets_no_household_data_by_any_path(county, call) -> None:  # type: ignore[no-untyped-def]
    for query in (
        '{ village(code: "T1V1") { households { edges { node { code } } } } }',
        '{ village(code: "T1V1") { ... on Village { households { edges { node { code } } } } } }',
        'query { ...F } fragment F on Query { loan(code: "L1") { code } }',
    ):
        body = await call("PARTNER", query)
        assert body["data"] is None and error_code(body) == "FORBIDDEN", (query, body)
    # A count is an aggregate (Village.householdCount is one too): no household is selected.
    body = await call("PARTNER", '{ village(code: "T1V1") { households { totalCount } } }')
    assert body["data"]["village"]["households"]["totalCount"] == 2
    # node(id) of a household: the loader refuses the label, so it is null, not the household.
    body = await call("PARTNER", "query($id: ID!) { node(id: $id) { id } }", {"id": to_global_id("Household", "T1V1H1")})
    assert body == {"data": {"node": None}}
    body = await call("COUNTY_ADMIN", "query($id: ID!) { node(id: $id) { id } }", {"id": to_global_id("Household", "T1V1H1")})
    assert body["data"]["node"] is not None


# --- county-wide lists, risk analysis and the audit trail: by role only --------------------------------

ROLE_ONLY = {
    "redList": ("{ redList { totalCount } }", {"COUNTY_ADMIN", "RISK_OFFICER"}),
    "dueForReview": ("{ dueForReview { edges { cursor } } }", {"COUNTY_ADMIN", "RISK_OFFICER"}),
    "freezeEvents": ("{ freezeEvents { edges { cursor } } }", {"COUNTY_ADMIN", "RISK_OFFICER", "PARTNER"}),
    "contagion": ('{ contagion(villageCode: "T1V1") { reached { hops } } }', {"COUNTY_ADMIN", "RISK_OFFICER"}),
    "stressTest": ('{ stressTest(input: {defaultLoanCodes: ["L1"]}) { defaultedLoanCount } }', {"COUNTY_ADMIN", "RISK_OFFICER"}),
    "auditEvents": ("{ auditEvents { edges { cursor } } }", {"COUNTY_ADMIN"}),
}


async def test_county_wide_operations_by_role(county, call) -> None:  # type: ignore[no-untyped-def]
    for family, (query, allowed) in ROLE_ONLY.items():
        for role in ALL:
            body = await call(role, query)
            if role in allowed:
                assert "errors" not in body, (family, role, body)
            else:
                assert body["data"] is None and error_code(body) == "FORBIDDEN", (family, role, body)
                assert role in body["errors"][0]["message"]


# --- mutations: by role, then by the scope of the codes they name -----------------------------------------

ASSESS = """mutation($code: String!) { assessHousehold(input: {householdCode: $code, assessedOn: "2026-06-01",
  systemScore: 80, positives: [], negatives: [], vetoes: []}) { userErrors { code } } }"""
ISSUE = """mutation($code: String!, $household: String!, $bank: String!) { issueLoan(input: {code: $code,
  householdCode: $household, bankCode: $bank, principal: "1000.00", purpose: SPECIALTY_FARMING,
  issuedOn: "2026-06-01", dueOn: "2027-06-01"}) { loan { code } userErrors { code } } }"""
REPAY = """mutation($loan: String!) { recordRepayment(input: {loanCode: $loan, amount: "1.00", paidOn: "2026-06-01"}) {
  userErrors { code } } }"""
INSPECT = """mutation($station: String!) { recordInspection(input: {stationCode: $station, inspectedOn: "2026-06-01",
  inspector: "检查员", findings: "正常", askedAboutIllegalFundraising: true, illegalActivityFound: false}) {
  userErrors { code } } }"""
REGISTER = """mutation($code: String!, $village: String!, $bank: String!) { registerStation(input: {code: $code,
  name: "新站", villageCode: $village, bankCode: $bank, registeredOn: "2026-06-01", openedOn: "2026-06-20",
  manager: "钱站长"}) { userErrors { code } } }"""
RECOMPUTE = "mutation { recomputeRollups { villages } }"

#: family: (query, variables inside the scope, variables outside it, roles allowed); "{r}" in a code
#: becomes the role's initials, so each role creates its own loan or station.
MUTATIONS: dict[str, tuple[str, dict[str, str], dict[str, str], set[str]]] = {
    "assessHousehold": (ASSESS, {"code": "T1V1H1"}, {"code": "T2V1H1"}, {"COUNTY_ADMIN", "VILLAGE_PANEL"}),
    "issueLoan": (ISSUE, {"code": "N{r}", "household": "T1V1H2", "bank": "B1"},
                  {"code": "M{r}", "household": "T1V1H2", "bank": "B2"}, {"COUNTY_ADMIN", "BANK_OFFICER"}),
    "recordRepayment": (REPAY, {"loan": "L1"}, {"loan": "L2"}, {"COUNTY_ADMIN", "BANK_OFFICER"}),
    "recordInspection": (INSPECT, {"station": "S1"}, {"station": "S2"}, {"COUNTY_ADMIN", "TOWN_OFFICER", "BANK_OFFICER"}),
    "registerStation": (REGISTER, {"code": "S{r}", "village": "T1V2", "bank": "B1"},
                        {"code": "X{r}", "village": "T2V2", "bank": "B2"}, {"COUNTY_ADMIN", "TOWN_OFFICER", "BANK_OFFICER"}),
    "recomputeRollups": (RECOMPUTE, {}, {}, {"COUNTY_ADMIN", "RISK_OFFICER"}),
}


def _for(role: str, variables: dict[str, str]) -> dict[str, str]:
    initials = "".join(part[0] for part in role.split("_"))
    return {k: v.replace("{r}", initials) for k, v in variables.items()}


@pytest.mark.parametrize("family", list(MUTATIONS))
async def test_mutations_by_role_inside_and_outside_the_scope(county, call, family: str) -> None:  # type: ignore[no-untyped-def]
    query, inside, outside, allowed = MUTATIONS[family]
    for role in ALL:
        body = await call(role, query, _for(role, inside))
        if role not in allowed:
            assert body["data"] is None and error_code(body) == "FORBIDDEN", (role, body)
            continue
        assert "errors" not in body, (role, body)
        payload = body["data"][family]
        assert payload.get("userErrors", []) == [], (role, payload)  # accepted
        if role in {"COUNTY_ADMIN", "RISK_OFFICER"} or not outside:
            continue
        refused = await call(role, query, _for(role, outside))
        assert refused["data"] is None and error_code(refused) == "FORBIDDEN", (role, refused)
        assert "outside the caller's scope" in refused["errors"][0]["message"]


async def test_a_scoped_caller_cannot_tell_unknown_codes_from_foreign_ones(county, call) -> None:  # type: ignore[no-untyped-def]
    unknown = await call("BANK_OFFICER", REPAY, {"loan": "NOPE"})
    foreign = await call("BANK_OFFICER", REPAY, {"loan": "L2"})
    assert error_code(unknown) == error_code(foreign) == "FORBIDDEN"
    # The county centre is told the truth.
    admin = await call("COUNTY_ADMIN", REPAY, {"loan": "NOPE"})
    assert admin["data"]["recordRepayment"]["userErrors"] == [{"code": "NOT_FOUND"}]


async def test_the_scope_check_sees_through_variables_defaults_and_fragments(county, call) -> None:  # type: ignore[no-untyped-def]
    sneaky = """mutation($loan: String! = "L2") { ...M } fragment M on Mutation {
      recordRepayment(input: {loanCode: $loan, amount: "1.00", paidOn: "2026-06-01"}) { userErrors { code } } }"""
    body = await call("BANK_OFFICER", sneaky)
    assert body["data"] is None and error_code(body) == "FORBIDDEN", body
    # Two mutations in one request: one outside the scope refuses the whole request.
    both = """mutation { a: recordRepayment(input: {loanCode: "L1", amount: "1.00", paidOn: "2026-06-01"}) { userErrors { code } }
                          b: recordRepayment(input: {loanCode: "L2", amount: "1.00", paidOn: "2026-06-01"}) { userErrors { code } } }"""
    body = await call("BANK_OFFICER", both)
    assert body["data"] is None and error_code(body) == "FORBIDDEN"


# --- anonymous callers and bad tokens ---------------------------------------------------------------------

async def test_anonymous_callers_get_the_schema_only(county, call, http) -> None:  # type: ignore[no-untyped-def]
    assert (await call(None, "{ __typename }")) == {"data": {"__typename": "Query"}}
    schema = await call(None, "{ __schema { queryType { name } } }")
    assert schema["data"]["__schema"]["queryType"]["name"] == "Query"
    for query in ("{ counties { code } }", '{ town(code: "T1") { code } }', RECOMPUTE):
        body = await call(None, query)
        assert body["data"] is None and error_code(body) == "UNAUTHENTICATED", body
    assert (await http.get("/health")).status_code == 200
    assert (await http.get("/ready")).status_code == 200


@pytest.mark.parametrize("authorization, reason", [
    ("Bearer not-a-jwt", "not valid"),
    ("Basic dXNlcjpwYXNz", "Bearer"),
])
async def test_a_bad_token_is_refused_with_a_reason(county, http, authorization: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    response = await http.post("/graphql", json={"query": "{ counties { code } }"}, headers={"Authorization": authorization})
    body = response.json()
    assert response.status_code == 200 and body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED" and reason in body["errors"][0]["message"]


# --- the table covers the schema: later fields are listed or default-deny ---------------------------------

def test_every_root_field_is_in_the_permission_table() -> None:
    """A root field someone adds is COUNTY_ADMIN-only until it is listed here, on purpose (default deny)."""
    schema = build_schema()._schema
    assert schema.query_type is not None and schema.mutation_type is not None
    unlisted_queries = set(schema.query_type.fields) - set(permissions.QUERIES)
    unlisted_mutations = set(schema.mutation_type.fields) - set(permissions.MUTATIONS)
    assert (unlisted_queries, unlisted_mutations) == (set(), set())


async def test_an_unlisted_root_field_is_county_admin_only(county, call, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delitem(permissions.QUERIES, "redList")  # as if redList had just been added
    for role in ALL:
        body = await call(role, "{ redList { totalCount } }")
        if role == "COUNTY_ADMIN":
            assert "errors" not in body, body
        else:
            assert error_code(body) == "FORBIDDEN", (role, body)


async def test_bad_variables_are_refused_before_anything_runs_whoever_calls(county, call) -> None:  # type: ignore[no-untyped-def]
    anonymous = await call(None, REPAY, {"loan": 42})
    assert anonymous["data"] is None and error_code(anonymous) == "UNAUTHENTICATED"
    scoped = await call("BANK_OFFICER", REPAY, {"loan": ["L2"]})
    assert scoped["data"] is None and "loan" in scoped["errors"][0]["message"]
