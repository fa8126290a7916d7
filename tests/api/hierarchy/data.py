"""Fast dataset builders for the hierarchy tests: a county of any size, with loans, in the import
format (so the importer builds it in a few batched statements)."""

from __future__ import annotations

from typing import Any

from tests import factories


def county_with_loans(towns: int, villages_per_town: int, households_per_village: int = 2, loans_per_household: int = 1) -> dict[str, Any]:
    """Every household borrows 10,000 per loan; in village number v of each town, v·100 yuan of the
    first loan of the first household is overdue, so villages differ in ratio and balance."""
    doc = factories.county(towns=towns, villages_per_town=villages_per_town, households_per_village=households_per_village)
    loans = []
    for h in doc["households"]:
        for n in range(1, loans_per_household + 1):
            loans.append(factories.loan(f"L{h['code']}-{n}", h["code"], 10000))
    doc["loans"] = loans
    return doc
