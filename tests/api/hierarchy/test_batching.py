"""Batching (issue 5): a five-level query costs one Cypher round trip per level of nesting, whatever
the number of parents, and `extensions.cypher` reports it when asked with X-Debug-Cypher: 1."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.api.hierarchy.conftest import DEBUG
from tests.api.hierarchy.data import county_with_loans

FIVE_LEVELS = """
query FiveLevels($withTotals: Boolean!) {
  county(code: "411722") {
    name
    towns(first: 100) {
      totalCount @include(if: $withTotals)
      edges { node {
        code
        villages(first: 100) {
          totalCount @include(if: $withTotals)
          edges { node {
            code
            households(first: 100) {
              totalCount @include(if: $withTotals)
              edges { node {
                code
                loans(first: 100) {
                  totalCount @include(if: $withTotals)
                  edges { node { code status } }
                }
              } }
            }
          } }
        }
      } }
    }
  }
}
"""

# The same five levels, plus lookups back up the tree and each village's stations: each extra field
# is one more batched query for all its parents, never one per parent.
WITH_LOOKUPS = """
{
  county(code: "411722") {
    towns(first: 100) { edges { node {
      villages(first: 100) { edges { node {
        town { code }
        stations { code }
        households(first: 100) { edges { node {
          village { code }
          loans(first: 100) { edges { node { code household { code } bank { code } } } }
        } } }
      } } }
    } } }
  }
}
"""


def _sizes(body: dict[str, Any]) -> tuple[int, int, int]:
    towns = body["data"]["county"]["towns"]["edges"]
    villages = [v for t in towns for v in t["node"]["villages"]["edges"]]
    households = [h for v in villages for h in v["node"]["households"]["edges"]]
    loans = [loan for h in households for loan in h["node"]["loans"]["edges"]]
    return len(villages), len(households), len(loans)


@pytest.mark.parametrize(
    "towns, villages_per_town", [(10, 10), (26, 39)], ids=["100-villages", "10x-1014-villages"]
)
async def test_five_levels_cost_one_round_trip_per_level(load, gql, towns, villages_per_town) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    await load(county_with_loans(towns, villages_per_town, households_per_village=2))
    print(f"built {towns * villages_per_town} villages in {time.monotonic() - started:.1f}s")
    n = towns * villages_per_town
    for with_totals in (False, True):
        body = await gql(FIVE_LEVELS, {"withTotals": with_totals}, headers=DEBUG)
        assert "errors" not in body, body["errors"]
        assert _sizes(body) == (n, 2 * n, 2 * n)  # everything was fetched, at every level
        cypher = body["extensions"]["cypher"]
        print(f"withTotals={with_totals}: {cypher}")
        # county, towns, villages, households, loans: 5 (totals ride along in the page queries)
        assert cypher["roundTrips"] <= 6, cypher
        assert cypher["roundTrips"] == 5, cypher
        if with_totals:
            county = body["data"]["county"]
            assert county["towns"]["totalCount"] == towns
            first_town = county["towns"]["edges"][0]["node"]
            assert first_town["villages"]["totalCount"] == villages_per_town

    body = await gql(WITH_LOOKUPS, headers=DEBUG)
    assert "errors" not in body, body["errors"]
    # 5 levels + village→town, stations, household→village, loan→household, loan→bank lookups
    assert body["extensions"]["cypher"]["roundTrips"] == 5 + 5, body["extensions"]


async def test_lazy_total_in_a_fragment_is_still_one_batched_query(load, gql) -> None:  # type: ignore[no-untyped-def]
    """A totalCount the look-ahead cannot see (inside a named fragment on the node level) is counted
    lazily, yet still in one query for all parents."""
    await load(county_with_loans(3, 4))
    body = await gql("""
      fragment Counted on VillageConnection { totalCount }
      { county(code: "411722") { towns { edges { node { villages(first: 1) { ...Counted edges { node { code } } } } } } } }
    """, headers=DEBUG)
    assert "errors" not in body, body
    towns = body["data"]["county"]["towns"]["edges"]
    assert [t["node"]["villages"]["totalCount"] for t in towns] == [4, 4, 4]
    assert body["extensions"]["cypher"]["roundTrips"] <= 4


async def test_extensions_absent_without_the_header(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(county_with_loans(1, 1))
    body = await gql('{ county(code: "411722") { name } }')
    assert "cypher" not in (body.get("extensions") or {})
    body = await gql('{ county(code: "411722") { name } }', headers=DEBUG)
    assert body["extensions"]["cypher"]["roundTrips"] == 1
    assert isinstance(body["extensions"]["cypher"]["dbMilliseconds"], int)
