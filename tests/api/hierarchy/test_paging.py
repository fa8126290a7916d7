"""Keyset paging (issue 5): walking any connection page by page yields every item once, none twice,
matching totalCount, in every ordering, also while items are added between pages (via the importer)."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories
from tests.api.hierarchy.data import county_with_loans

# connection -> (query with $after/$first/$order, path to the connection in `data`)
LISTS: dict[str, tuple[str, list[str]]] = {
    "towns": ('query($first: Int, $after: String, $order: TownOrder!) { county(code: "411722") { '
              "towns(first: $first, after: $after, orderBy: $order) { %s } } }", ["county", "towns"]),
    "villages": ('query($first: Int, $after: String, $order: VillageOrder!) { town(code: "T1") { '
                 "villages(first: $first, after: $after, orderBy: $order) { %s } } }", ["town", "villages"]),
    "households": ('query($first: Int, $after: String, $order: HouseholdOrder!) { village(code: "T1V1") { '
                   "households(first: $first, after: $after, orderBy: $order) { %s } } }", ["village", "households"]),
    "loans": ('query($first: Int, $after: String, $order: LoanOrder!) { household(code: "T1V1H1") { '
              "loans(first: $first, after: $after, orderBy: $order) { %s } } }", ["household", "loans"]),
}
SELECTION = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } }"

ORDERS = {
    "towns": ["CODE", "NAME", "OVERDUE_RATIO_DESC", "LOAN_BALANCE_DESC"],
    "villages": ["CODE", "NAME", "OVERDUE_RATIO_DESC", "LOAN_BALANCE_DESC"],
    "households": ["CODE", "NAME", "STARS_DESC", "CREDIT_LINE_DESC", "OUTSTANDING_DESC"],
    "loans": ["CODE", "ISSUED_ON_DESC", "DUE_ON", "OUTSTANDING_DESC"],
}


def dataset() -> dict[str, Any]:
    """7 towns; T1 has 7 villages; T1V1 has 7 households; T1V1H1 has 7 loans; figures vary with ties."""
    doc = factories.county(towns=7, villages_per_town=7, households_per_village=7)
    doc["loans"] = []
    for t in range(1, 8):
        for v in range(1, 8):
            # balances repeat (ties broken by code), overdue shares differ
            doc["loans"].append(factories.loan(f"LT{t}V{v}", f"T{t}V{v}H2", 1000 * (v % 3 + 1)))
            if v % 2:
                doc["loans"].append(factories.loan(f"OT{t}V{v}", f"T{t}V{v}H3", 100 * v, status="OVERDUE", days_overdue=5))
    for n in range(1, 8):
        loan = factories.loan(f"LH{n}", "T1V1H1", 500 * (n % 4 + 1), status="REPAID" if n == 7 else "ACTIVE")
        loan["issuedOn"] = f"2026-0{n % 3 + 1}-10"
        loan["dueOn"] = f"2027-0{n % 4 + 1}-10"
        doc["loans"].append(loan)
    return doc


async def _page(gql, name: str, order: str, first: int, after: str | None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    query, path = LISTS[name]
    body = await gql(query % SELECTION, {"first": first, "after": after, "order": order})
    assert "errors" not in body, body["errors"]
    data = body["data"]
    for key in path:
        data = data[key]
    return data


async def walk(gql, name: str, order: str, first: int, between=None) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """Every code seen, in order, and the last page's totalCount; `between(page_number)` runs between pages."""
    seen: list[str] = []
    after = None
    number = 0
    while True:
        page = await _page(gql, name, order, first, after)
        seen += [edge["node"]["code"] for edge in page["edges"]]
        info = page["pageInfo"]
        assert info["hasPreviousPage"] == (after is not None)
        if page["edges"]:
            assert info["startCursor"] == page["edges"][0]["cursor"]
            assert info["endCursor"] == page["edges"][-1]["cursor"]
        assert len(page["edges"]) <= first
        if not info["hasNextPage"]:
            return seen, page["totalCount"]
        after = info["endCursor"]
        number += 1
        if between is not None:
            await between(number)


@pytest.mark.parametrize("name", list(LISTS))
async def test_every_ordering_walks_each_item_once(load, set_standing, gql, name) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    # stars and credit lines with ties, for the household orderings (S6, S7)
    await set_standing([{"code": f"T1V1H{h}", "certificate": "RED", "isCreditHousehold": True,
                         "stars": h % 3 + 1, "creditLineFen": 2_000_000 * (h % 2 + 1)} for h in range(1, 6)])
    for order in ORDERS[name]:
        everything, total = await walk(gql, name, order, first=100)
        assert len(everything) == total == 7, (order, everything)
        for first in (1, 2, 3):
            seen, total = await walk(gql, name, order, first=first)
            assert seen == everything, (order, first)  # same order, each once
            assert len(set(seen)) == len(seen) == total


async def test_the_orderings_sort_as_documented(load, set_standing, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    await set_standing([{"code": "T1V1H3", "stars": 2, "creditLineFen": 3_000_000, "certificate": "RED", "isCreditHousehold": True},
                        {"code": "T1V1H5", "stars": 5, "creditLineFen": 5_000_000, "certificate": "RED", "isCreditHousehold": True},
                        {"code": "T1V1H6", "stars": 2, "creditLineFen": 3_000_000, "certificate": "RED", "isCreditHousehold": True}])
    towns, _ = await walk(gql, "villages", "OVERDUE_RATIO_DESC", 100)
    # T1Vv: 1000·(v%3+1) active, + 100·v overdue when v is odd; T1V1 also holds LH1–LH6 (7500 active)
    overdue = {v: 100 * v if v % 2 else 0 for v in range(1, 8)}
    balance = {v: 1000 * (v % 3 + 1) + overdue[v] + (7500 if v == 1 else 0) for v in range(1, 8)}
    expected = sorted(range(1, 8), key=lambda v: (-overdue[v] / balance[v], v))
    assert towns == [f"T1V{v}" for v in expected] == ["T1V7", "T1V3", "T1V5", "T1V1", "T1V2", "T1V4", "T1V6"]
    balances, _ = await walk(gql, "villages", "LOAN_BALANCE_DESC", 3)
    assert balances == [f"T1V{v}" for v in sorted(range(1, 8), key=lambda v: (-balance[v], v))]
    assert balances[:2] == ["T1V1", "T1V5"]
    stars, _ = await walk(gql, "households", "STARS_DESC", 2)
    assert stars[:3] == ["T1V1H5", "T1V1H3", "T1V1H6"]  # 5 stars, then the tie at 2 by code
    assert stars[3:] == ["T1V1H1", "T1V1H2", "T1V1H4", "T1V1H7"]  # no stars last, by code
    issued, _ = await walk(gql, "loans", "ISSUED_ON_DESC", 2)
    months = {n: n % 3 + 1 for n in range(1, 8)}
    assert issued == [f"LH{n}" for n in sorted(range(1, 8), key=lambda n: (-months[n], f"LH{n}"))]


@pytest.mark.parametrize("order", ["CODE", "NAME", "OVERDUE_RATIO_DESC", "LOAN_BALANCE_DESC"])
async def test_walk_is_stable_while_villages_are_imported_between_pages(load, gql, order) -> None:  # type: ignore[no-untyped-def]
    """Villages added before the cursor are not seen (nothing shifts, nothing repeats); villages added
    after it are; every village present from the start is seen exactly once."""
    await load(county_with_loans(1, 20, households_per_village=1))
    original, total = await walk(gql, "villages", order, 100)
    assert total == 20
    added: list[str] = []

    async def import_two(page_number: int) -> None:
        # one code sorting before everything (T1V0…), one after (T1V9…); names likewise; no loans
        codes = [f"T1V0{page_number}", f"T1V9{page_number}"]
        names = [f"村0-{page_number}", f"村9-{page_number}"]
        await load({"villages": [{"code": c, "name": n, "townCode": "T1", "hasBankBranch": False}
                                 for c, n in zip(codes, names)]})
        added.extend(codes)

    seen, final_total = await walk(gql, "villages", order, 3, between=import_two)
    assert len(seen) == len(set(seen)), "an item was returned twice"
    assert set(original) <= set(seen), "an item present from the start was skipped"
    assert final_total == 20 + len(added)
    everything, _ = await walk(gql, "villages", order, 100)
    assert len(everything) == final_total
    assert seen == [code for code in everything if code in seen]  # still in the list's order


async def test_first_is_bounded_and_zero_still_counts(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(county_with_loans(2, 3))
    body = await gql('{ town(code: "T1") { villages(first: 101) { totalCount } } }')
    assert body["data"] is None or body["data"]["town"] is None
    assert body["errors"][0]["message"] == "first: must be between 0 and 100"
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    body = await gql('{ town(code: "T1") { villages(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } } }')
    assert body["data"]["town"]["villages"] == {"totalCount": 3, "edges": [], "pageInfo": {"hasNextPage": True}}
    body = await gql('{ town(code: "T1") { villages { totalCount edges { cursor } } } }')
    assert len(body["data"]["town"]["villages"]["edges"]) == 3  # default page size 20


@pytest.mark.parametrize("after", ["not-base64!", "bm90IGpzb24", "WyJDT0RFIiwxLCJUMVYxIl0", "WzEsMl0"])
async def test_a_forged_or_foreign_cursor_is_a_clean_error(load, gql, after) -> None:  # type: ignore[no-untyped-def]
    await load(county_with_loans(1, 2))
    body = await gql('query($after: String) { town(code: "T1") { villages(after: $after) { totalCount } } }', {"after": after})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT", body
    assert body["errors"][0]["message"].startswith("after:")


async def test_a_cursor_of_another_ordering_is_refused(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(county_with_loans(1, 3))
    page = await _page(gql, "villages", "NAME", 1, None)
    body = await gql('query($after: String) { town(code: "T1") { villages(after: $after, orderBy: CODE) { totalCount } } }',
                     {"after": page["pageInfo"]["endCursor"]})
    assert "another ordering" in body["errors"][0]["message"]
