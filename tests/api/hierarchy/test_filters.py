"""Filters of the child lists (issue 5): the contract's (frozen, isCreditVillage, certificate,
isCreditHousehold, loan status) and the dashboard's (name, stars, overdue-ratio range, kind), each
combined with totalCount; ratio bounds are exact at the boundary (R1, R3)."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories


def dataset() -> dict[str, Any]:
    """T1: V1 exactly 5% overdue (frozen, R3), V2 4.9999% (not), V3 0%, V4 1%; T1 in all
    1099.99 / 40000.00 = 2.75% (not frozen, R2, R3). T2 is a township: V1 100% overdue (so T2 is
    frozen at ≥ 3%), V2–V4 without loans (ratio 0, R1)."""
    doc = factories.county(towns=2, villages_per_town=4, households_per_village=3)
    doc["towns"][1]["kind"] = "TOWNSHIP"
    doc["towns"][1]["name"] = "东洪乡"
    doc["villages"][1]["name"] = "王庄村"
    doc["villages"][3]["name"] = "王楼村"
    L = factories.loan
    doc["loans"] = [
        L("A1", "T1V1H1", 9500), L("A2", "T1V1H2", 500, status="OVERDUE", days_overdue=3),
        L("B1", "T1V2H1", 9500.01), L("B2", "T1V2H2", 499.99, status="OVERDUE", days_overdue=3),
        L("C1", "T1V3H1", 10000),
        L("D1", "T1V4H1", 9900), L("D2", "T1V4H2", 100, status="OVERDUE", days_overdue=100),
        L("D3", "T1V4H2", 300, 0, status="REPAID"), L("D4", "T1V4H3", 50, status="WRITTEN_OFF"),
        L("E1", "T2V1H1", 1000, status="OVERDUE", days_overdue=10),
    ]
    return doc


async def codes(gql, query: str, path: list[str]) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    body = await gql(query)
    assert "errors" not in body, body["errors"]
    data = body["data"]
    for key in path:
        data = data[key]
    return [edge["node"]["code"] for edge in data["edges"]], data["totalCount"]


async def villages(gql, args: str) -> list[str]:  # type: ignore[no-untyped-def]
    found, total = await codes(gql, f'{{ town(code: "T1") {{ villages({args}) {{ totalCount edges {{ node {{ code }} }} }} }} }}', ["town", "villages"])
    assert total == len(found)
    return found


@pytest.mark.parametrize("args, expected", [
    ("frozen: true", ["T1V1"]),
    ("frozen: false", ["T1V2", "T1V3", "T1V4"]),
    ("minOverdueRatio: 0.05", ["T1V1"]),  # exactly 5%: included (inclusive bound, exact)
    ("minOverdueRatio: 0.049999", ["T1V1", "T1V2"]),  # 499.99 / 10000 = 0.049999
    ("minOverdueRatio: 0.050001", []),
    ("maxOverdueRatio: 0.049999", ["T1V2", "T1V3", "T1V4"]),
    ("maxOverdueRatio: 0", ["T1V3"]),
    ("minOverdueRatio: 0", ["T1V1", "T1V2", "T1V3", "T1V4"]),
    ("minOverdueRatio: 0.01, maxOverdueRatio: 0.01", ["T1V4"]),  # 100 / 10000; repaid and written-off excluded
    ('nameContains: "王"', ["T1V2", "T1V4"]),
    ('nameContains: "王", frozen: false, maxOverdueRatio: 0.02', ["T1V4"]),
    ("isCreditVillage: true", []),
    ("isCreditVillage: false", ["T1V1", "T1V2", "T1V3", "T1V4"]),
])
async def test_village_filters(load, gql, args, expected) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    assert await villages(gql, args) == expected


async def test_villages_without_loans_have_ratio_zero(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())

    async def t2(args: str) -> list[str]:
        found, _ = await codes(gql, f'{{ town(code: "T2") {{ villages({args}) {{ totalCount edges {{ node {{ code }} }} }} }} }}', ["town", "villages"])
        return found

    assert await t2("maxOverdueRatio: 0") == ["T2V2", "T2V3", "T2V4"]  # R1: 0 when the balance is 0
    assert await t2("minOverdueRatio: 0.000001") == ["T2V1"]
    assert await t2("minOverdueRatio: 1") == ["T2V1"]


async def test_is_credit_village_filter_reads_the_title(load, set_titles, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    await set_titles("Village", ["T1V2", "T1V4"])
    assert await villages(gql, "isCreditVillage: true") == ["T1V2", "T1V4"]
    assert await villages(gql, "isCreditVillage: false") == ["T1V1", "T1V3"]


@pytest.mark.parametrize("args", ["minOverdueRatio: 1.5", "maxOverdueRatio: -0.1", "minOverdueRatio: 0.0000001"])
async def test_bad_ratio_bounds_are_clean_errors(load, gql, args) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    body = await gql(f'{{ town(code: "T1") {{ villages({args}) {{ totalCount }} }} }}')
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    assert "OverdueRatio" in body["errors"][0]["message"]


@pytest.mark.parametrize("args, expected", [
    ("frozen: true", ["T2"]),
    ("frozen: false", ["T1"]),
    ("kind: TOWNSHIP", ["T2"]),
    ('nameContains: "乡"', ["T2"]),
    ("minOverdueRatio: 0.03", ["T2"]),
    ("maxOverdueRatio: 0.0275", ["T1"]),  # exactly 1099.99 / 40000.00 = 0.0274997… ≤ 0.0275
    ("minOverdueRatio: 0.0275", ["T2"]),
    ("isCreditTown: true", []),
])
async def test_town_filters(load, gql, args, expected) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    found, total = await codes(gql, f'{{ county(code: "411722") {{ towns({args}) {{ totalCount edges {{ node {{ code }} }} }} }} }}', ["county", "towns"])
    assert found == expected and total == len(expected)


async def test_household_filters(load, set_standing, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    await set_standing([
        {"code": "T1V1H1", "certificate": "RED", "isCreditHousehold": True, "stars": 5},
        {"code": "T1V1H2", "certificate": "BLUE"},
        {"code": "T1V1H3", "certificate": "RED", "isCreditHousehold": True, "stars": 1},
    ])

    async def households(args: str) -> list[str]:
        found, total = await codes(gql, f'{{ village(code: "T1V1") {{ households({args}) {{ totalCount edges {{ node {{ code }} }} }} }} }}', ["village", "households"])
        assert total == len(found)
        return found

    assert await households("certificate: RED") == ["T1V1H1", "T1V1H3"]
    assert await households("certificate: BLUE") == ["T1V1H2"]
    assert await households("certificate: NONE") == []
    assert await households("isCreditHousehold: true") == ["T1V1H1", "T1V1H3"]
    assert await households("isCreditHousehold: false") == ["T1V1H2"]
    assert await households("stars: 5") == ["T1V1H1"]
    assert await households("stars: 0") == ["T1V1H2"]
    assert await households('nameContains: "户主112"') == ["T1V1H2"]
    assert await households("certificate: RED, stars: 1") == ["T1V1H3"]
    # households never assessed: certificate NONE by default (S7)
    found, _ = await codes(gql, '{ village(code: "T1V2") { households(certificate: NONE) { totalCount edges { node { code } } } } }', ["village", "households"])
    assert found == ["T1V2H1", "T1V2H2", "T1V2H3"]
    body = await gql('{ village(code: "T1V1") { households(stars: 6) { totalCount } } }')
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"


async def test_loan_status_filter(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())

    async def loans(household: str, status: str) -> list[str]:
        found, total = await codes(gql, f'{{ household(code: "{household}") {{ loans(status: {status}) {{ totalCount edges {{ node {{ code }} }} }} }} }}', ["household", "loans"])
        assert total == len(found)
        return found

    assert await loans("T1V4H2", "OVERDUE") == ["D2"]
    assert await loans("T1V4H2", "REPAID") == ["D3"]
    assert await loans("T1V4H2", "ACTIVE") == []
    assert await loans("T1V4H3", "WRITTEN_OFF") == ["D4"]
    body = await gql('{ household(code: "T1V4H2") { loans { totalCount edges { node { code } } } } }')
    assert body["data"]["household"]["loans"]["totalCount"] == 2


async def test_stations_of_many_villages(load, gql) -> None:  # type: ignore[no-untyped-def]
    doc = dataset()
    doc["stations"] = [{"code": code, "name": f"站{code}", "villageCode": village, "bankCode": "B1",
                        "registeredOn": "2026-01-05", "openedOn": "2026-01-15", "manager": "王站长"}
                       for code, village in [("S2", "T1V1"), ("S1", "T1V1"), ("S3", "T1V3")]]
    await load(doc)
    body = await gql('{ town(code: "T1") { villages { edges { node { code stations { code village { code } } } } } } }')
    stations = {e["node"]["code"]: [s["code"] for s in e["node"]["stations"]] for e in body["data"]["town"]["villages"]["edges"]}
    assert stations == {"T1V1": ["S1", "S2"], "T1V2": [], "T1V3": ["S3"], "T1V4": []}
