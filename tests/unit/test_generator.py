"""`graph-service generate` (issue 9): reproducible byte for byte, the Shangcai shape, and the
distributions the bench relies on (borrowing share, overdue share, freezes, guarantees, stations)."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from graph_service.cli import main
from graph_service.dataset import shangcai
from graph_service.dataset import generator
from graph_service.dataset.generator import AS_OF, _towns, _villages, generate, write_document
from graph_service.dataset.validate import Existing, check_references, parse
from graph_service.policy import stations as station_rules

N = 12_000


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return generate(N, seed=3)


def _text(document: dict[str, Any]) -> str:
    out = io.StringIO()
    write_document(document, out)
    return out.getvalue()


def test_same_seed_gives_a_byte_identical_file(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"
    assert main(["generate", "--households", "1500", "--seed", "5", "-o", str(a)]) == 0
    assert main(["generate", "--households", "1500", "--seed", "5", "-o", str(b)]) == 0
    assert main(["generate", "--households", "1500", "--seed", "6", "-o", str(c)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


def test_the_file_is_the_json_of_the_document(doc: dict[str, Any]) -> None:
    assert json.loads(_text(doc)) == doc


def test_the_document_is_a_valid_dataset(doc: dict[str, Any]) -> None:
    data, problems = parse(json.loads(_text(doc)))
    assert problems == []
    assert check_references(data, Existing()) == []
    assert check_references(data, Existing(), today=AS_OF) == []  # no inspection or rating after AS_OF


def test_real_units_and_about_870_households_per_village(doc: dict[str, Any]) -> None:
    assert [t["name"] for t in doc["towns"]] == [name for name, _ in shangcai.UNITS]
    assert len(doc["villages"]) == max(len(shangcai.UNITS), round(N / 870))
    assert len(doc["households"]) == N
    assert len({v["code"] for v in doc["villages"]}) == len(doc["villages"])


def test_shangcai_scale_spreads_460_villages_over_the_26_units_subdistricts_smallest() -> None:
    villages = _villages(random.Random(1), _towns(), round(400_000 / 870))
    assert len(villages) == 460
    per_town = Counter(v["townCode"] for v in villages)
    kind = {t["code"]: t["kind"] for t in _towns()}
    assert len(per_town) == 26
    assert max(n for t, n in per_town.items() if kind[t] == "SUBDISTRICT") < min(
        n for t, n in per_town.items() if kind[t] != "SUBDISTRICT")


def test_about_60_percent_of_households_borrow(doc: dict[str, Any]) -> None:
    assert 0.57 <= len(doc["loans"]) / N <= 0.63


def test_overdue_is_2_to_4_percent_with_some_villages_and_a_town_over_their_thresholds(doc: dict[str, Any]) -> None:
    town_of = {v["code"]: v["townCode"] for v in doc["villages"]}
    balance: Counter[str] = Counter()
    overdue: Counter[str] = Counter()
    for loan in doc["loans"]:
        if loan["status"] in ("ACTIVE", "OVERDUE"):
            village = loan["householdCode"][1:-4]
            balance[village] += loan["outstanding"]
            overdue[village] += loan["outstanding"] if loan["status"] == "OVERDUE" else 0
    assert 0.02 <= sum(overdue.values()) / sum(balance.values()) <= 0.04
    assert any(overdue[v] * 100 >= 5 * balance[v] for v in balance)  # R3 village threshold
    assert any(overdue[v] * 100 < 5 * balance[v] for v in balance)
    town_balance: Counter[str] = Counter()
    town_overdue: Counter[str] = Counter()
    for village in balance:
        town_balance[town_of[village]] += balance[village]
        town_overdue[town_of[village]] += overdue[village]
    assert any(town_overdue[t] * 100 >= 3 * town_balance[t] for t in town_balance)  # R3 town threshold
    assert any(town_overdue[t] * 100 < 3 * town_balance[t] for t in town_balance)


def test_guarantees_on_about_a_fifth_of_loans_a_tenth_across_villages(doc: dict[str, Any]) -> None:
    guarantees = doc["guarantees"]
    assert 0.17 <= len(guarantees) / len(doc["loans"]) <= 0.23
    borrower = {loan["code"]: loan["householdCode"] for loan in doc["loans"]}
    cross = [g for g in guarantees if g["guarantorCode"][1:-4] != borrower[g["loanCode"]][1:-4]]
    assert 0.07 <= len(cross) / len(guarantees) <= 0.13
    assert all(g["guarantorCode"] != borrower[g["loanCode"]] for g in guarantees)  # K1


def test_a_station_in_every_village_without_a_branch_and_none_elsewhere(doc: dict[str, Any]) -> None:
    without = {v["code"] for v in doc["villages"] if not v["hasBankBranch"]}
    assert {s["villageCode"] for s in doc["stations"]} == without  # H4
    assert len(doc["stations"]) == len(without)


def test_heads_are_adults_and_about_one_in_seven_is_past_60(doc: dict[str, Any]) -> None:
    years = [2026 - int(h["headBirthDate"][:4]) for h in doc["households"]]
    assert min(years) >= 20 and max(years) <= 81
    assert 0.08 <= sum(1 for y in years if y > 60) / len(years) <= 0.25  # H2: not eligible


def test_about_2_percent_of_assessments_carry_a_veto(doc: dict[str, Any]) -> None:
    assessments = doc.get("assessments") or []
    assert assessments, "the assessments of issue 3 are part of the dataset"
    share = sum(1 for a in assessments if a["vetoes"]) / len(assessments)
    assert 0.01 <= share <= 0.03


def test_t2_about_one_inspection_a_month_for_every_station_over_the_year_before_as_of(doc: dict[str, Any]) -> None:
    by_station: dict[str, list[str]] = {}
    for ins in doc["inspections"]:
        by_station.setdefault(ins["stationCode"], []).append(ins["inspectedOn"])
    assert set(by_station) == {s["code"] for s in doc["stations"]}
    months = {station_rules.month_label(y, m) for y, m in station_rules.months(dt.date(2025, 7, 1), AS_OF)}
    assert len(months) == 12  # 2025-07 .. 2026-06
    for days in by_station.values():
        assert all(day[:7] in months and day <= AS_OF.isoformat() for day in days)
        assert len({day[:7] for day in days}) == len(days)  # at most one a month
    expected = 12 * len(doc["stations"])
    missed = expected - len(doc["inspections"])
    assert 0.01 * expected <= missed <= 0.08 * expected  # occasionally a missed month


def test_t3_four_quarters_of_ratings_mostly_qualified_a_few_stations_flagged(doc: dict[str, Any]) -> None:
    history: dict[str, list[tuple[station_rules.Quarter, bool]]] = {}
    for rating in doc["ratings"]:
        outcome = station_rules.rate({k: rating[k] for k in station_rules.DIMENSIONS})
        history.setdefault(rating["stationCode"], []).append((station_rules.Quarter.parse(rating["quarter"]), outcome.qualified))
    assert set(history) == {s["code"] for s in doc["stations"]}
    assert all([str(q) for q, _ in h] == ["2025Q3", "2025Q4", "2026Q1", "2026Q2"] for h in history.values())
    qualified = sum(ok for h in history.values() for _, ok in h)
    assert qualified >= 0.85 * len(doc["ratings"])
    flagged = sum(station_rules.flagged_for_replacement(h) for h in history.values())
    assert 2 <= flagged <= max(2, len(history) // 10)


def test_station_records_come_from_their_own_stream(monkeypatch: pytest.MonkeyPatch, doc: dict[str, Any]) -> None:
    """Adding inspections and ratings left every other array of a seed unchanged."""
    monkeypatch.setattr(generator, "_station_records", lambda seed, stations: ([], []))
    without = generate(N, seed=3)
    assert "inspections" not in without and "ratings" not in without
    assert without == {k: v for k, v in doc.items() if k not in ("inspections", "ratings")}
