"""R4 through assessments: a credit village at exactly 70% and just under, a credit town at exactly
65% and just under; titles follow the household that tips them, in the same mutation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests import factories
from tests.api.assessments.conftest import Gql, assess, household
from tests.conftest import TODAY

IN_FORCE = TODAY - dt.timedelta(days=7)  # past publicity: applied by the mutation itself


def _credit(code: str, on: dt.date = IN_FORCE) -> dict[str, Any]:
    return {"householdCode": code, "assessedOn": on.isoformat(), "systemScore": 100,
            "positives": ["FILIAL"], "negatives": [], "vetoes": []}  # 70 + 6 = 76 -> BLUE, not credit


def _red(code: str) -> dict[str, Any]:
    return {**_credit(code), "positives": ["FILIAL", "HONEST_CONDUCT"]}  # 70 + 12 = 82 -> credit


async def test_credit_village_at_exactly_70_percent_and_just_under(load: Any, gql: Gql) -> None:
    doc = factories.county(towns=1, villages_per_town=1, households_per_village=10)
    codes = [h["code"] for h in doc["households"]]
    doc["assessments"] = [_red(c) for c in codes[:6]] + [_credit(c) for c in codes[6:]]
    await load(doc)
    village = (await household(gql, codes[0]))["village"]
    assert (village["creditHouseholdCount"], village["householdCount"], village["isCreditVillage"]) == (6, 10, False)  # 60%
    result = await assess(gql, codes[6], IN_FORCE, score=100, positives=["FILIAL", "HONEST_CONDUCT"])
    assert result["household"]["isCreditHousehold"] is True
    village = (await household(gql, codes[0]))["village"]
    assert (village["creditHouseholdCount"], village["isCreditVillage"]) == (7, True)  # exactly 70%
    # A new assessment in force that takes one credit household away: just under again.
    await assess(gql, codes[0], TODAY - dt.timedelta(days=7), score=100, positives=[])
    village = (await household(gql, codes[0]))["village"]
    assert (village["creditHouseholdCount"], village["isCreditVillage"]) == (6, False)


async def test_credit_village_just_under_70_percent_with_a_larger_village(load: Any, gql: Gql) -> None:
    doc = factories.county(towns=1, villages_per_town=1, households_per_village=23)
    codes = [h["code"] for h in doc["households"]]
    doc["assessments"] = [_red(c) for c in codes[:16]]  # 16/23 = 69.6%
    await load(doc)
    assert (await household(gql, codes[0]))["village"]["isCreditVillage"] is False
    await assess(gql, codes[16], IN_FORCE, positives=["FILIAL", "HONEST_CONDUCT"])  # 17/23 = 73.9%
    assert (await household(gql, codes[0]))["village"]["isCreditVillage"] is True


async def test_credit_town_at_exactly_65_percent_and_just_under(load: Any, gql: Gql) -> None:
    doc = factories.county(towns=1, villages_per_town=20, households_per_village=1)
    codes = [h["code"] for h in doc["households"]]
    doc["assessments"] = [_red(c) for c in codes[:12]]  # 12 of 20 villages = 60%
    await load(doc)
    town = (await household(gql, codes[0]))["village"]["town"]
    assert (town["creditVillageCount"], town["villageCount"], town["isCreditTown"]) == (12, 20, False)
    await assess(gql, codes[12], IN_FORCE, positives=["FILIAL", "HONEST_CONDUCT"])  # 13 / 20 = 65%
    town = (await household(gql, codes[0]))["village"]["town"]
    assert (town["creditVillageCount"], town["isCreditTown"]) == (13, True)
    county = await gql("{ county(code: \"411722\") { creditTownCount townCount } }")
    assert county["data"]["county"] == {"creditTownCount": 1, "townCount": 1}
    await assess(gql, codes[12], IN_FORCE, score=0, positives=[])  # back to 12 / 20
    town = (await household(gql, codes[0]))["village"]["town"]
    assert (town["creditVillageCount"], town["isCreditTown"]) == (12, False)


async def test_credit_town_just_under_65_percent_with_more_villages(load: Any, gql: Gql) -> None:
    doc = factories.county(towns=1, villages_per_town=23, households_per_village=1)
    codes = [h["code"] for h in doc["households"]]
    doc["assessments"] = [_red(c) for c in codes[:14]]  # 14/23 = 60.9%; 15/23 = 65.2%
    await load(doc)
    await assess(gql, codes[14], IN_FORCE, score=100, positives=["FILIAL"])  # BLUE: still 14
    assert (await household(gql, codes[0]))["village"]["town"]["isCreditTown"] is False
    await assess(gql, codes[14], IN_FORCE, positives=["FILIAL", "HONEST_CONDUCT"])
    assert (await household(gql, codes[0]))["village"]["town"]["isCreditTown"] is True
