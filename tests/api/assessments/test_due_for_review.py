"""dueForReview (S10): households whose effective outcome is older than 365 days, paged."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests import factories
from tests.api.assessments.conftest import Gql
from tests.conftest import TODAY

DUE = """query($first: Int, $after: String) { dueForReview(first: $first, after: $after) {
  edges { cursor node { code latestAssessment { effectiveOn } } } pageInfo { hasNextPage endCursor } totalCount } }"""


def _on(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


async def test_due_for_review_lists_outcomes_older_than_365_days(load: Any, gql: Gql) -> None:
    doc = factories.county(towns=1, villages_per_town=1, households_per_village=5)
    base = {"systemScore": 90, "positives": ["FILIAL"], "negatives": [], "vetoes": []}
    doc["assessments"] = [
        {**base, "householdCode": "T1V1H1", "assessedOn": _on(372)},  # in force 365 days ago: not yet
        {**base, "householdCode": "T1V1H2", "assessedOn": _on(373)},  # 366 days: due
        {**base, "householdCode": "T1V1H3", "assessedOn": _on(500)},  # due, the oldest
        {**base, "householdCode": "T1V1H4", "assessedOn": _on(500)},  # re-assessed since: not due
        {**base, "householdCode": "T1V1H4", "assessedOn": _on(30)},
    ]
    await load(doc)
    first = (await gql(DUE, {"first": 1}))["data"]["dueForReview"]
    assert [e["node"]["code"] for e in first["edges"]] == ["T1V1H3"]
    assert first["pageInfo"]["hasNextPage"] is True and first["totalCount"] == 2
    second = (await gql(DUE, {"first": 1, "after": first["pageInfo"]["endCursor"]}))["data"]["dueForReview"]
    assert [e["node"]["code"] for e in second["edges"]] == ["T1V1H2"]
    assert second["pageInfo"]["hasNextPage"] is False


async def test_a_forged_cursor_is_a_clean_error(load: Any, gql: Gql) -> None:
    await load(factories.county(towns=1, villages_per_town=1, households_per_village=1))
    import base64
    import json
    forged = base64.urlsafe_b64encode(json.dumps(["effectiveSince", "not-a-date", "x"]).encode()).decode()
    body = await gql(DUE, {"first": 1, "after": forged})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
