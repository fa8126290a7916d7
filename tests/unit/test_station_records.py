"""The dataset's `inspections` (T2) and `ratings` (T3) arrays: each record gets the checks of
recordInspection / rateStation, before anything is written. Both sides of every boundary."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph_service.dataset.records import InspectionRecord, RatingRecord
from graph_service.dataset.validate import ARRAYS, Existing, check_references, parse
from graph_service.graph.station_import import flag_row, inspection_id, rating_row

TODAY = dt.date(2026, 6, 30)
STATION = {"code": "S1", "name": "站一", "villageCode": "V1", "bankCode": "B1",
           "registeredOn": "2025-01-02", "openedOn": "2025-01-10", "manager": "王站长"}


def inspection(**over: Any) -> dict[str, Any]:
    return {"stationCode": "S1", "inspectedOn": "2026-05-10", "inspector": "巡检员", "findings": "正常",
            "askedAboutIllegalFundraising": True, "illegalActivityFound": False, **over}


def rating(quarter: str = "2026Q1", score: int = 15, **over: Any) -> dict[str, Any]:
    return {"stationCode": "S1", "quarter": quarter, "environment": score, "functions": score,
            "volume": score, "service": score, "riskControl": score, **over}


def problems_of(doc: dict[str, Any], existing: Existing | None = None, today: dt.date | None = TODAY) -> list[str]:
    """Record problems and reference problems, as `array[index] (code): reason` texts."""
    doc = {"towns": [], "villages": [{"code": "V1", "name": "村", "townCode": "T1"}],
           "banks": [{"code": "B1", "name": "行"}], **doc}
    data, problems = parse(doc)
    if problems:
        return [str(p) for p in problems]
    existing = existing or Existing(towns={"T1"})
    return [str(p) for p in check_references(data, existing, today=today) if p.array in ("inspections", "ratings")]


def test_the_arrays_come_right_after_stations_in_write_order() -> None:
    names = list(ARRAYS)
    assert names[names.index("stations") + 1 : names.index("stations") + 3] == ["inspections", "ratings"]


def test_good_records_pass_and_text_is_trimmed_as_the_mutation_does() -> None:
    assert problems_of({"stations": [STATION], "inspections": [inspection()], "ratings": [rating()]}) == []
    rec = InspectionRecord.model_validate(inspection(inspector="  巡检员 ", findings="  "))
    assert rec.inspector == "巡检员" and rec.findings == ""
    no_findings = inspection()
    del no_findings["findings"]
    assert InspectionRecord.model_validate(no_findings).findings == ""


@pytest.mark.parametrize(("over", "expected"), [
    ({"inspector": "   "}, "inspector"),
    ({"inspector": "x" * 201}, "inspector"),
    ({"findings": "x" * 2001}, "findings"),
    ({"askedAboutIllegalFundraising": None}, "askedAboutIllegalFundraising"),
    ({"inspectedOn": "2026-02-30"}, "inspectedOn"),
    ({"stationCode": ""}, "stationCode"),
])
def test_t2_bad_inspection_records(over: dict[str, Any], expected: str) -> None:
    found = problems_of({"stations": [STATION], "inspections": [inspection(**over)]})
    assert len(found) == 1 and found[0].startswith("inspections[0] (S1)" if over.get("stationCode") != "" else "inspections[0]")
    assert expected in found[0]


def test_t2_text_limits_are_inclusive() -> None:
    ok = inspection(inspector="x" * 200, findings="x" * 2000)
    assert problems_of({"stations": [STATION], "inspections": [ok]}) == []


@pytest.mark.parametrize(("score", "ok"), [(-1, False), (0, True), (20, True), (21, False)])
def test_t3_each_score_is_0_to_20(score: int, ok: bool) -> None:
    found = problems_of({"stations": [STATION], "ratings": [rating(volume=score)]})
    assert (found == []) is ok
    if not ok:
        assert found == ["ratings[0] (S1): volume must be between 0 and 20"]


@pytest.mark.parametrize("value", [12.5, True, "12"])
def test_t3_scores_are_integers(value: Any) -> None:
    assert problems_of({"stations": [STATION], "ratings": [rating(service=value)]})[0].startswith("ratings[0] (S1): service")


@pytest.mark.parametrize("quarter", ["2026Q5", "2026Q0", "2026-Q1", "26Q1", "1999Q4", ""])
def test_t3_a_bad_quarter_is_refused(quarter: str) -> None:
    found = problems_of({"stations": [STATION], "ratings": [rating(quarter)]})
    assert len(found) == 1 and "quarter" in found[0]


def test_unknown_station_in_the_file_and_in_the_database() -> None:
    found = problems_of({"inspections": [inspection()], "ratings": [rating()]})
    assert found == ["inspections[0] (S1): stationCode 'S1' is unknown", "ratings[0] (S1 2026Q1): stationCode 'S1' is unknown"]
    existing = Existing(towns={"T1"}, station_openings={"S1": dt.date(2025, 1, 10)})
    assert problems_of({"inspections": [inspection()], "ratings": [rating()]}, existing) == []


@pytest.mark.parametrize(("day", "ok"), [("2025-01-09", False), ("2025-01-10", True), ("2026-06-30", True), ("2026-07-01", False)])
def test_t2_inspection_dates_from_the_opening_to_today(day: str, ok: bool) -> None:
    found = problems_of({"stations": [STATION], "inspections": [inspection(inspectedOn=day)]})
    assert (found == []) is ok
    if not ok:
        assert "before the station opened" in found[0] or "in the future" in found[0]


def test_without_today_dates_are_not_checked_against_it() -> None:
    future = {"stations": [STATION], "inspections": [inspection(inspectedOn="2030-01-01")], "ratings": [rating("2030Q1")]}
    assert problems_of(future, today=None) == []
    assert len(problems_of(future)) == 2


@pytest.mark.parametrize(("quarter", "opened", "ok"), [
    ("2026Q2", "2025-01-10", True),    # begun on 04-01, today 06-30
    ("2026Q3", "2025-01-10", False),   # begins 07-01: not begun
    ("2024Q4", "2024-12-31", True),    # ends on the opening day
    ("2024Q4", "2025-01-01", False),   # ended the day before the opening
])
def test_t3_quarter_begun_and_not_ended_before_the_opening(quarter: str, opened: str, ok: bool) -> None:
    found = problems_of({"stations": [{**STATION, "openedOn": opened}], "ratings": [rating(quarter)]})
    assert (found == []) is ok, found


def test_one_rating_per_station_and_quarter_and_no_duplicate_inspection() -> None:
    found = problems_of({"stations": [STATION],
                         "inspections": [inspection(), inspection(findings="另一份"), inspection(inspector="另一人")],
                         "ratings": [rating("2026Q1"), rating("2026Q1", 10), rating("2026Q2")]})
    assert found == ["inspections[1] (S1): duplicate inspection (station, date, inspector) in the file",
                     "ratings[1] (S1 2026Q1): duplicate rating (station, quarter) in the file"]


def test_a_stored_quarter_is_the_same_record_with_the_same_scores_else_refused() -> None:
    stored = {("S1", "2026Q1"): RatingRecord.model_validate(rating()).scores()}
    existing = Existing(towns={"T1"}, station_openings={"S1": dt.date(2025, 1, 10)}, ratings=stored)
    assert problems_of({"ratings": [rating()]}, existing) == []
    assert problems_of({"ratings": [rating(riskControl=14)]}, existing) == [
        "ratings[0] (S1 2026Q1): 2026Q1 is already rated with other scores; a rating is not replaced (T3)"]


@pytest.mark.parametrize(("score", "total", "stars", "qualified"), [
    (18, 90, 5, True), (16, 80, 4, True), (12, 60, 3, True), (11, 55, 2, False), (8, 40, 2, False), (7, 35, 1, False),
])
def test_t3_a_stored_rating_row_is_computed_by_the_policy(score: int, total: int, stars: int, qualified: bool) -> None:
    row = rating_row(RatingRecord.model_validate(rating(score=score)))
    assert (row["total"], row["stars"], row["qualified"]) == (total, stars, qualified)
    assert row["quarter"] == "2026Q1" and row["policyVersion"]


def test_t3_the_flag_needs_three_adjacent_unqualified_quarters() -> None:
    def history(*pairs: tuple[str, bool]) -> list[dict[str, Any]]:
        return [{"quarter": q, "qualified": ok} for q, ok in pairs]

    assert flag_row("S1", history(("2025Q4", False), ("2026Q1", False), ("2026Q2", False)))["flagged"] is True
    assert flag_row("S1", history(("2025Q4", False), ("2026Q1", False)))["flagged"] is False
    assert flag_row("S1", history(("2025Q3", False), ("2026Q1", False), ("2026Q2", False)))["flagged"] is False  # gap
    assert flag_row("S1", history(("2026Q2", True), ("2025Q3", False), ("2025Q4", False), ("2026Q1", False)))["flagged"] is False


def test_an_inspection_id_depends_on_station_date_and_inspector_only() -> None:
    a = InspectionRecord.model_validate(inspection())
    assert inspection_id(a) == inspection_id(InspectionRecord.model_validate(inspection(findings="改")))
    assert inspection_id(a) != inspection_id(InspectionRecord.model_validate(inspection(inspector="另一人")))
