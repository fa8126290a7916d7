"""Property (hypothesis): any assessment through the API agrees with the pure policy functions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from graph_service.money import from_fen, to_fen
from graph_service.policy.assessment import assess, parse_inputs
from graph_service.policy.items import PanelNegative, PanelPositive, Veto
from tests import factories
from tests.api.assessments.conftest import ASSESS, Gql
from tests.conftest import TODAY

scores = st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(n) / 100)
births = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2012, 12, 31))
days_ago = st.integers(min_value=0, max_value=30)


def subsets(kind: Any) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from([m.value for m in kind]), unique=True, max_size=5)


@pytest.fixture
async def households(load: Any) -> list[dict[str, Any]]:
    doc = factories.county(towns=1, villages_per_town=1, households_per_village=1)
    births_doc = [dt.date(1950 + i, 1 + i % 12, 1 + i % 28) for i in range(63)]  # heads of every age
    doc["households"] = [
        {**doc["households"][0], "code": f"H{i}", "headBirthDate": b.isoformat()} for i, b in enumerate(births_doc)
    ]
    await load(doc)
    return doc["households"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(score=scores, positives=subsets(PanelPositive), negatives=subsets(PanelNegative), vetoes=subsets(Veto),
       pick=st.integers(min_value=0, max_value=62), ago=days_ago)
async def test_api_agrees_with_the_pure_rules(households: list[dict[str, Any]], gql: Gql, score: Decimal,
                                              positives: list[str], negatives: list[str], vetoes: list[str],
                                              pick: int, ago: int) -> None:
    h = households[pick]
    on = TODAY - dt.timedelta(days=ago)
    body = await gql(ASSESS, {"input": {"householdCode": h["code"], "assessedOn": on.isoformat(),
                                        "systemScore": float(score), "positives": positives,
                                        "negatives": negatives, "vetoes": vetoes}})
    payload = body["data"]["assessHousehold"]
    assert payload["userErrors"] == []
    a = payload["assessment"]
    expected = assess(parse_inputs(score, positives, negatives, vetoes),
                      birth=dt.date.fromisoformat(h["headBirthDate"]), assessed_on=on)
    assert Decimal(str(a["systemScore"])) == score
    assert a["panelScore"] == expected.panel_score
    assert Decimal(str(a["compositeScore"])) == expected.composite_score
    assert a["bandScore"] == expected.band_score
    assert (a["eligible"], a["isCreditHousehold"], a["stars"]) == (expected.eligible, expected.is_credit_household, expected.stars)
    assert a["certificate"] == expected.certificate.value
    assert a["creditLine"] == str(from_fen(to_fen(expected.credit_line_yuan)))
    assert a["effectiveOn"] == expected.effective_on.isoformat()
