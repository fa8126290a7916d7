"""Helpers of the loan tests: test-only Cypher (set a household's standing before the assessment
code lands, read nodes back, snapshot every roll-up) and small builders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from graph_service.graph import loans
from graph_service.graph.db import Graph
from graph_service.graph.queries import QueryLibrary
from graph_service.money import to_fen

TEST_QUERIES = QueryLibrary(Path(__file__).parent / "cypher")
LABELS = {"County", "Town", "Village", "Household", "Loan", "FreezeEvent"}
ISSUED = dt.date(2026, 1, 10)
DUE = dt.date(2027, 1, 10)


async def _run(graph: Graph, name: str, **params: Any) -> list[dict[str, Any]]:
    from graph_service.graph.db import native

    result = await graph.driver.execute_query(TEST_QUERIES[name].text, params)
    return [native(record.data()) for record in result.records]


async def set_standing(graph: Graph, codes: list[str], *, certificate: str = "RED", line: int | str = 50000,
                       credit: bool = True, stars: int | None = 3, **extra: Any) -> None:
    props = {"certificate": certificate, "creditLineFen": to_fen(line), "isCreditHousehold": credit,
             "stars": stars, "eligible": True, **extra}
    await _run(graph, "test_set_household_standing", rows=[{"code": c, "props": props} for c in codes])


async def props(graph: Graph, label: str, code: str) -> dict[str, Any]:
    assert label in LABELS
    rows = await _run(graph, "test_node_props", label=label, codes=[code])
    assert rows, f"no {label} {code}"
    return rows[0]["node"]


async def count(graph: Graph, label: str) -> int:
    assert label in LABELS
    return (await _run(graph, "test_count_label", label=label))[0]["total"]


async def snapshot(graph: Graph) -> list[dict[str, Any]]:
    return await _run(graph, "test_rollup_snapshot")


async def issue(graph: Graph, code: str, household: str, principal: str | int | Decimal, *,
                purpose: str = "SPECIALTY_FARMING", bank: str = "B1") -> dict[str, Any]:
    return await loans.issue_loan(graph, loans.IssueRequest(
        code=code, household_code=household, bank_code=bank, principal_fen=to_fen(principal),
        purpose=purpose, issued_on=ISSUED, due_on=DUE))
