"""Dataset import (issue 2): good file, each kind of bad record writes nothing, idempotence, --reset."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from graph_service import PROJECT_ROOT
from graph_service.dataset.validate import DatasetInvalid
from graph_service.graph.db import Graph
from graph_service.graph.importer import import_document
from tests import factories
from tests.conftest import TODAY


async def node_count(graph: Graph) -> int:
    row = await graph.read_one("count_nodes")
    assert row is not None
    return int(row["nodes"])


def with_loans() -> dict[str, Any]:
    doc = factories.county(towns=1, villages_per_town=1, households_per_village=2)
    doc["loans"] = [factories.loan("L1", "T1V1H1", 10000, 2500.55)]
    doc["guarantees"] = [{"guarantorCode": "T1V1H2", "loanCode": "L1", "amount": 5000}]
    return doc


async def test_good_file_imports_every_array_with_money_in_fen(db: Graph) -> None:
    report = await import_document(db, with_loans(), today=TODAY)
    assert report.counts == {"county": 1, "towns": 1, "villages": 1, "households": 2, "banks": 2,
                             "stations": 0, "loans": 1, "guarantees": 1}
    loan = (await db.read("loans_by_codes", codes=["L1"]))[0]["node"]
    assert loan["principalFen"] == 1_000_000 and loan["outstandingFen"] == 250_055
    assert loan["villageCode"] == "T1V1"
    village = (await db.read("villages_by_codes", codes=["T1V1"]))[0]["node"]
    assert village["loanBalanceFen"] == 250_055  # the import ends with a recomputation


async def test_importing_twice_changes_nothing(db: Graph) -> None:
    await import_document(db, with_loans(), today=TODAY)
    before = await node_count(db)
    await import_document(db, with_loans(), today=TODAY)
    assert await node_count(db) == before


def _bad(mutate: Any) -> dict[str, Any]:
    doc = with_loans()
    mutate(doc)
    return doc


BAD_RECORDS = {
    "unknown villageCode": (lambda d: d["households"][0].update(villageCode="NOPE"), "households[0] (T1V1H1): villageCode 'NOPE' is unknown"),
    "negative amount": (lambda d: d["loans"][0].update(principal=-1), "loans[0] (L1)"),
    "outstanding above principal": (lambda d: d["loans"][0].update(outstanding=10000.01), "outstanding is above principal"),
    "unknown enum value": (lambda d: d["loans"][0].update(status="LATE"), "loans[0] (L1): status"),
    "duplicate code": (lambda d: d["households"].append(copy.deepcopy(d["households"][0])), "households[2] (T1V1H1): duplicate code"),
    "three decimals": (lambda d: d["loans"][0].update(principal=10.001), "more than two decimals"),
    "own guarantee": (lambda d: d["guarantees"][0].update(guarantorCode="T1V1H1"), "cannot guarantee its own loan"),
}


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
async def test_a_bad_record_is_refused_with_its_code_and_writes_nothing(db: Graph, case: str) -> None:
    mutate, expected = BAD_RECORDS[case]
    with pytest.raises(DatasetInvalid) as refused:
        await import_document(db, _bad(mutate), today=TODAY)
    assert expected in str(refused.value)
    assert await node_count(db) == 0


async def test_reset_empties_the_database_first(db: Graph) -> None:
    await import_document(db, with_loans(), today=TODAY)
    small = factories.county(towns=1, villages_per_town=1, households_per_village=1, county_code="999999")
    await import_document(db, small, today=TODAY, reset_first=True)
    assert await db.read("counties_by_codes", codes=["411722"]) == []
    assert len(await db.read("counties_by_codes", codes=["999999"])) == 1


async def test_the_demo_county_imports(db: Graph) -> None:
    document = json.loads((PROJECT_ROOT / "seed" / "demo-county.json").read_text(encoding="utf-8"))
    report = await import_document(db, document, today=TODAY)
    assert report.counts["towns"] == 26
    assert report.recompute["villages"] == len(document["villages"])
