"""The service's operations as the bench calls them: GraphQL documents posted to the app in-process
(httpx ASGITransport), so each figure includes parsing, resolvers, loaders and the Cypher behind them."""

from __future__ import annotations

from typing import Any

import httpx

from graph_service.bench.measure import Missing

RISK = "fragment R on RiskFigures { loanBalance overdueBalance overdueRatio frozen frozenSince }"

HIERARCHY = """
query Hierarchy($code: String!) {
  county(code: $code) {
    code name townCount creditTownCount risk { ...R }
    towns(first: 100) {
      edges { node {
        code name kind villageCount creditVillageCount isCreditTown risk { ...R }
        villages(first: 100) {
          edges { node { code name householdCount creditHouseholdCount isCreditVillage risk { ...R } } }
        }
      } }
    }
  }
}
""" + RISK

COUNTY_RISK = "query CountyRisk($code: String!) { county(code: $code) { code risk { ...R } } }" + RISK

HOUSEHOLD = """
query HouseholdCard($code: String!) {
  household(code: $code) {
    code headName headIdNumber phone eligible isCreditHousehold stars certificate creditLine
    availableCredit rateDiscountPermille listStatus
    village { code name risk { frozen } }
    latestAssessment {
      id assessedOn effectiveOn systemScore panelScore compositeScore bandScore positives negatives
      vetoes eligible isCreditHousehold stars certificate creditLine policyVersion
    }
    loans(first: 10) {
      edges { node { code principal outstanding purpose status daysOverdue issuedOn dueOn rateDiscountPermille } }
    }
  }
}
"""

ISSUE_LOAN = """
mutation IssueLoan($input: IssueLoanInput!) {
  issueLoan(input: $input) {
    loan { code outstanding status household { code availableCredit } }
    userErrors { code message field }
  }
}
"""

CONTAGION = """
query Contagion($code: String!) {
  contagion(villageCode: $code, maxHops: 3) {
    source { code }
    reached { hops exposure village { code risk { overdueRatio frozen } } path { code } }
  }
}
"""

STRESS = """
query Stress($codes: [String!]!) {
  stressTest(input: {defaultVillageCodes: $codes, rounds: 3}) {
    roundsRun defaultedLoanCount distressedHouseholdCount
    county { code loanBalance overdueBalance overdueRatio frozen }
    towns { code overdueRatio frozen }
    villages { code overdueRatio frozen }
    newlyFrozenVillages { code }
    newlyFrozenTowns { code }
  }
}
"""

RECOMPUTE = "mutation { recomputeRollups { villages towns frozenVillages frozenTowns milliseconds } }"


class Client:
    """Posts GraphQL to the app; a response with errors raises `Missing` with the first message."""

    def __init__(self, http: httpx.AsyncClient, headers: dict[str, str] | None = None) -> None:
        self.http = http
        self.headers = {"X-Debug-Cypher": "1", **(headers or {})}
        self.round_trips: dict[str, int] = {}
        self.db_ms: dict[str, list[int]] = {}  # Neo4j's own time per call (the rest is Python/GraphQL)

    async def call(self, name: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=self.headers
        )
        body = response.json()
        if body.get("errors"):
            raise Missing(f"{name}: {body['errors'][0].get('message', 'GraphQL error')[:300]}")
        if response.status_code != 200 or body.get("data") is None:
            raise Missing(f"{name}: HTTP {response.status_code}")
        cypher = (body.get("extensions") or {}).get("cypher") or {}
        if "roundTrips" in cypher:
            self.round_trips[name] = int(cypher["roundTrips"])
            self.db_ms.setdefault(name, []).append(int(cypher.get("dbMilliseconds") or 0))
        return dict(body["data"])
