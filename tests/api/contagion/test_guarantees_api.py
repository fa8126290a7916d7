"""addGuarantee / releaseGuarantee and Loan.guarantees (K1)."""

from __future__ import annotations

from tests.api.contagion.data import chain_county

ADD = """mutation($g: String!, $l: String!, $a: Decimal!) {
  addGuarantee(guarantorCode: $g, loanCode: $l, amount: $a) {
    guarantee { guarantor { code } loan { code } amount }
    loan { code guarantees { guarantor { code } amount } }
    userErrors { code field }
  }
}"""
RELEASE = """mutation($g: String!, $l: String!) {
  releaseGuarantee(guarantorCode: $g, loanCode: $l) {
    guarantee { guarantor { code } amount }
    loan { guarantees { guarantor { code } } }
    userErrors { code field }
  }
}"""
TRACE = '{ contagion(villageCode: "T1V3", maxHops: 1) { reached { village { code } exposure } } }'


async def test_add_shows_on_the_loan_and_in_the_next_trace(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    body = await gql(ADD, {"g": "T2V4H1", "l": "L61", "a": "1234.50"})
    result = body["data"]["addGuarantee"]
    assert result["userErrors"] == []
    assert result["guarantee"] == {"guarantor": {"code": "T2V4H1"}, "loan": {"code": "L61"}, "amount": "1234.50"}
    assert result["loan"]["guarantees"] == [{"guarantor": {"code": "T1V1H2"}, "amount": "9999.00"},
                                            {"guarantor": {"code": "T2V4H1"}, "amount": "1234.50"}]
    trace = await gql(TRACE)
    assert trace["data"]["contagion"]["reached"] == [{"village": {"code": "T1V1"}, "exposure": "9999.00"},
                                                     {"village": {"code": "T2V4"}, "exposure": "1234.50"}]
    # again with another amount: the amount changes, no second guarantee
    body = await gql(ADD, {"g": "T2V4H1", "l": "L61", "a": "100"})
    assert [g["amount"] for g in body["data"]["addGuarantee"]["loan"]["guarantees"]] == ["9999.00", "100.00"]


async def test_release_then_release_again(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    body = await gql(RELEASE, {"g": "T1V1H2", "l": "L61"})
    result = body["data"]["releaseGuarantee"]
    assert result == {"guarantee": {"guarantor": {"code": "T1V1H2"}, "amount": "9999.00"},
                      "loan": {"guarantees": []}, "userErrors": []}
    assert (await gql(TRACE))["data"]["contagion"]["reached"] == []
    body = await gql(RELEASE, {"g": "T1V1H2", "l": "L61"})
    assert body["data"]["releaseGuarantee"]["userErrors"] == [{"code": "NOT_FOUND", "field": ["guarantorCode"]}]


async def test_refusals_change_nothing(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    cases = [
        ({"g": "T1V3H1", "l": "L61", "a": "10"}, "INVALID_INPUT", ["guarantorCode"]),  # its own loan
        ({"g": "NOPE", "l": "L61", "a": "10"}, "NOT_FOUND", ["guarantorCode"]),
        ({"g": "T2V4H1", "l": "NOPE", "a": "10"}, "NOT_FOUND", ["loanCode"]),
        ({"g": "T2V4H1", "l": "L61", "a": "0"}, "INVALID_INPUT", ["amount"]),
        ({"g": "T2V4H1", "l": "L61", "a": "-5"}, "INVALID_INPUT", ["amount"]),
        ({"g": "T2V4H1", "l": "LR", "a": "10"}, "CONFLICT", ["loanCode"]),  # REPAID
    ]
    for variables, code, field in cases:
        body = await gql(ADD, variables)
        assert body["data"]["addGuarantee"]["guarantee"] is None
        assert body["data"]["addGuarantee"]["userErrors"] == [{"code": code, "field": field}], variables
    body = await gql('{ loan(code: "L61") { guarantees { guarantor { code } } } }')
    assert body["data"]["loan"]["guarantees"] == [{"guarantor": {"code": "T1V1H2"}}]


async def test_guarantees_of_many_loans_in_one_round_trip(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(chain_county())
    query = "{ " + " ".join(f'{c}: loan(code: "{c}") {{ guarantees {{ amount }} }}' for c in ("L11", "L12", "L21", "L31", "L41")) + " }"
    body = await gql(query, headers={"X-Debug-Cypher": "1"})
    assert [len(body["data"][c]["guarantees"]) for c in ("L11", "L12", "L21", "L31", "L41")] == [3, 1, 1, 1, 1]
    assert body["extensions"]["cypher"]["roundTrips"] == 2  # the loans, then all their guarantees
