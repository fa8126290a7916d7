"""Service stations through GraphQL (H4, T1–T6). TODAY is 2026-06-30 (tests/conftest.py)."""

from __future__ import annotations

import asyncio
from typing import Any

from tests import factories

STATION = "id code registrationLate registrationDeadline flaggedForReplacement latestStars"


def dataset() -> dict[str, Any]:
    doc = factories.county(towns=2, villages_per_town=2, households_per_village=1)
    doc["villages"][1]["hasBankBranch"] = True  # T1V2 has a branch: needs no station
    doc["stations"] = [
        # imported: filed Mon 2026-03-09 for Mon 03-16 (on time) and Tue 03-10 for Mon 03-16 (late)
        {"code": "S1", "name": "站一", "villageCode": "T1V1", "bankCode": "B1",
         "registeredOn": "2026-03-09", "openedOn": "2026-03-16", "manager": "王站长"},
        {"code": "S2", "name": "站二", "villageCode": "T2V1", "bankCode": "B2",
         "registeredOn": "2026-03-10", "openedOn": "2026-03-16", "manager": "李站长"},
    ]
    return doc


REGISTER = """mutation($input: RegisterStationInput!) {
  registerStation(input: $input) { station { code registrationLate registrationDeadline village { code } bank { code } }
                                   userErrors { code field message } } }"""


def register_input(**over: Any) -> dict[str, Any]:
    base = {"code": "S9", "name": "新站", "villageCode": "T2V2", "bankCode": "B1",
            "registeredOn": "2026-04-02", "openedOn": "2026-04-10", "manager": "赵站长"}
    return {**base, **over}


async def test_imported_stations_get_registration_late_from_their_dates(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    body = await gql('{ a: station(code: "S1") { %s } b: station(code: "S2") { %s } }' % (STATION, STATION))
    assert body["data"]["a"]["registrationLate"] is False
    assert body["data"]["a"]["registrationDeadline"] == "2026-03-09"
    assert body["data"]["b"]["registrationLate"] is True
    assert body["data"]["a"]["flaggedForReplacement"] is False and body["data"]["a"]["latestStars"] is None


async def test_t1_register_five_working_days_across_a_holiday_on_time_four_late(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    on_time = await gql(REGISTER, {"input": register_input()})  # 清明 4-04..4-06 off
    assert on_time["data"]["registerStation"] == {
        "station": {"code": "S9", "registrationLate": False, "registrationDeadline": "2026-04-02",
                    "village": {"code": "T2V2"}, "bank": {"code": "B1"}},
        "userErrors": [],
    }
    late = await gql(REGISTER, {"input": register_input(code="S10", registeredOn="2026-04-03")})
    assert late["data"]["registerStation"]["station"]["registrationLate"] is True
    assert late["data"]["registerStation"]["userErrors"] == []
    # opening before filing: stored and flagged late, not refused (decision in policy/stations.py)
    before = await gql(REGISTER, {"input": register_input(code="S11", registeredOn="2026-04-20")})
    assert before["data"]["registerStation"]["station"]["registrationLate"] is True


async def test_register_refusals_change_nothing(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    cases = [
        (register_input(code="S1"), "CONFLICT", ["code"]),
        (register_input(villageCode="NOPE"), "NOT_FOUND", ["villageCode"]),
        (register_input(bankCode="NOPE"), "NOT_FOUND", ["bankCode"]),
        (register_input(code="bad code!"), "INVALID_INPUT", ["code"]),
        (register_input(name="  "), "INVALID_INPUT", ["name"]),
        (register_input(registeredOn="2026-07-01", openedOn="2026-08-01"), "INVALID_INPUT", ["registeredOn"]),
    ]
    for given, code, field in cases:
        body = await gql(REGISTER, {"input": given})
        payload = body["data"]["registerStation"]
        assert payload["station"] is None, given
        assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)], given
    body = await gql('{ s1: station(code: "S1") { name } s9: station(code: "S9") { code } }')
    assert body["data"] == {"s1": {"name": "站一"}, "s9": None}


async def test_concurrent_registrations_of_one_code_create_one_station(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    bodies = await asyncio.gather(*(gql(REGISTER, {"input": register_input()}) for _ in range(5)))
    outcomes = sorted("ok" if b["data"]["registerStation"]["station"] else b["data"]["registerStation"]["userErrors"][0]["code"]
                      for b in bodies)
    assert outcomes == ["CONFLICT"] * 4 + ["ok"]


INSPECT = """mutation($input: RecordInspectionInput!) {
  recordInspection(input: $input) { station { code inspections { inspectedOn inspector } } userErrors { code field } } }"""


def inspection(day: str, station: str = "S1") -> dict[str, Any]:
    return {"input": {"stationCode": station, "inspectedOn": day, "inspector": "农商行巡检员", "findings": "正常",
                      "askedAboutIllegalFundraising": True, "illegalActivityFound": False}}


async def test_t2_missed_months_with_an_only_inspection_on_the_last_day(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    for day in ("2026-03-31", "2026-05-01", "2026-05-31"):
        body = await gql(INSPECT, inspection(day))
        assert body["data"]["recordInspection"]["userErrors"] == []
    body = await gql(INSPECT, inspection("2026-04-01", station="S2"))
    assert [i["inspectedOn"] for i in body["data"]["recordInspection"]["station"]["inspections"]] == ["2026-04-01"]
    body = await gql("""{ station(code: "S1") { inspections { inspectedOn }
                          missedInspectionMonths(from: "2026-01-01", to: "2026-12-31") } }""")
    station = body["data"]["station"]
    assert [i["inspectedOn"] for i in station["inspections"]] == ["2026-05-31", "2026-05-01", "2026-03-31"]
    # March: only on the 31st (kept); opened 03-16 so Jan/Feb are not due; June not over on 06-30.
    assert station["missedInspectionMonths"] == ["2026-04"]

    county = await gql("""{ stationsWithMissedInspections(from: "2026-03-01", to: "2026-05-31", first: 1) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { station { code } months } } } }""")
    conn = county["data"]["stationsWithMissedInspections"]
    assert conn["totalCount"] == 2
    assert [e["node"] for e in conn["edges"]] == [{"station": {"code": "S1"}, "months": ["2026-04"]}]
    nxt = await gql("""query($after: String) { stationsWithMissedInspections(from: "2026-03-01", to: "2026-05-31", after: $after) {
        pageInfo { hasNextPage } edges { node { station { code } months } } } }""", {"after": conn["pageInfo"]["endCursor"]})
    page = nxt["data"]["stationsWithMissedInspections"]
    assert [e["node"] for e in page["edges"]] == [{"station": {"code": "S2"}, "months": ["2026-03", "2026-05"]}]
    assert page["pageInfo"]["hasNextPage"] is False


async def test_t2_inspection_refusals_and_bad_periods(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    assert (await gql(INSPECT, inspection("2026-03-01", station="NOPE")))["data"]["recordInspection"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await gql(INSPECT, inspection("2026-07-01")))["data"]["recordInspection"]["userErrors"][0]["field"] == ["inspectedOn"]
    assert (await gql(INSPECT, inspection("2026-03-15")))["data"]["recordInspection"]["userErrors"][0]["code"] == "INVALID_INPUT"
    body = await gql('{ station(code: "S1") { missedInspectionMonths(from: "2026-05-01", to: "2026-04-01") } }')
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"


RATE = """mutation($input: RateStationInput!) {
  rateStation(input: $input) { station { flaggedForReplacement latestStars ratings { quarter total stars qualified } }
                               userErrors { code field } } }"""


def rating(quarter: str, total: int, station: str = "S1") -> dict[str, Any]:
    base, extra = divmod(total, 5)
    values = [base + (1 if i < extra else 0) for i in range(5)]
    keys = ["environment", "functions", "volume", "service", "riskControl"]
    return {"input": {"stationCode": station, "quarter": quarter, **dict(zip(keys, values))}}


async def test_t3_band_edges_through_the_api(load, gql) -> None:  # type: ignore[no-untyped-def]
    doc = dataset()
    doc["stations"] = [{**doc["stations"][0], "code": f"R{total}", "openedOn": "2020-01-10", "registeredOn": "2020-01-02"}
                       for total in (90, 89, 80, 79, 60, 59, 40, 39)]
    await load(doc)
    expected = {90: (5, True), 89: (4, True), 80: (4, True), 79: (3, True), 60: (3, True), 59: (2, False), 40: (2, False), 39: (1, False)}
    for total, (stars, qualified) in expected.items():
        body = await gql(RATE, rating("2026Q1", total, station=f"R{total}"))
        payload = body["data"]["rateStation"]
        assert payload["userErrors"] == []
        assert payload["station"]["ratings"] == [{"quarter": "2026Q1", "total": total, "stars": stars, "qualified": qualified}]
        assert payload["station"]["latestStars"] == stars


async def test_t3_replacement_after_three_unqualified_quarters_and_cleared_by_a_qualified_one(load, gql) -> None:  # type: ignore[no-untyped-def]
    doc = dataset()
    doc["stations"][0].update(registeredOn="2025-01-02", openedOn="2025-01-10")
    doc["stations"][1].update(registeredOn="2025-01-02", openedOn="2025-01-10")
    await load(doc)
    flags = []
    for quarter in ("2025Q3", "2025Q4", "2026Q1"):
        flags.append((await gql(RATE, rating(quarter, 59)))["data"]["rateStation"]["station"]["flaggedForReplacement"])
    assert flags == [False, False, True]
    cleared = await gql(RATE, rating("2026Q2", 60))
    assert cleared["data"]["rateStation"]["station"]["flaggedForReplacement"] is False
    # S2: unqualified, qualified, unqualified, unqualified: a broken run is not three in a row
    flags = []
    for quarter, total in (("2025Q3", 39), ("2025Q4", 60), ("2026Q1", 39), ("2026Q2", 39)):
        flags.append((await gql(RATE, rating(quarter, total, "S2")))["data"]["rateStation"]["station"]["flaggedForReplacement"])
    assert flags == [False, False, False, False]
    assert (await gql('{ station(code: "S1") { flaggedForReplacement } }'))["data"]["station"]["flaggedForReplacement"] is False


async def test_t3_refusals(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    bad_score = rating("2026Q2", 50)
    bad_score["input"]["volume"] = 21
    cases = [
        (rating("2026Q5", 50), "INVALID_INPUT", ["quarter"]),
        (rating("2026-Q2", 50), "INVALID_INPUT", ["quarter"]),
        (rating("2026Q3", 50), "INVALID_INPUT", ["quarter"]),   # has not begun on 2026-06-30
        (rating("2025Q4", 50), "INVALID_INPUT", ["quarter"]),   # before S1 opened (2026-03-16)
        (bad_score, "INVALID_INPUT", ["volume"]),
        (rating("2026Q2", 50, station="NOPE"), "NOT_FOUND", ["stationCode"]),
    ]
    for given, code, field in cases:
        payload = (await gql(RATE, given))["data"]["rateStation"]
        assert (payload["station"], [(e["code"], e["field"]) for e in payload["userErrors"]]) == (None, [(code, field)]), given
    assert (await gql(RATE, rating("2026Q2", 95)))["data"]["rateStation"]["userErrors"] == []
    again = (await gql(RATE, rating("2026Q2", 30)))["data"]["rateStation"]
    assert again["userErrors"] == [{"code": "CONFLICT", "field": ["quarter"]}]
    body = await gql('{ station(code: "S1") { latestStars ratings { total } } }')
    assert body["data"]["station"] == {"latestStars": 5, "ratings": [{"total": 95}]}


TXN = """mutation($input: RecordStationTransactionInput!) {
  recordStationTransaction(input: $input) { transaction { kind amount day } dayTotals { withdrawalCount withdrawalAmount transferCount transferAmount }
                                           userErrors { code field message } } }"""


def txn(kind: str, amount: str, at: str = "2026-06-29T10:00:00+08:00", account: str = "6217000011112222") -> dict[str, Any]:
    return {"input": {"stationCode": "S1", "account": account, "kind": kind, "amount": amount, "at": at}}


async def test_t4_limit_exactly_reached_then_crossed(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    ok = [await gql(TXN, txn("WITHDRAWAL", a)) for a in ("1000.00", "999.99", "0.01")]
    assert [b["data"]["recordStationTransaction"]["userErrors"] for b in ok] == [[], [], []]
    assert ok[-1]["data"]["recordStationTransaction"]["dayTotals"] == {
        "withdrawalCount": 3, "withdrawalAmount": "2000.00", "transferCount": 0, "transferAmount": "0.00"}
    fourth = (await gql(TXN, txn("WITHDRAWAL", "0.01")))["data"]["recordStationTransaction"]
    assert fourth["transaction"] is None and fourth["userErrors"][0]["code"] == "LIMIT_EXCEEDED"

    reached = (await gql(TXN, txn("TRANSFER", "5000.00")))["data"]["recordStationTransaction"]
    assert reached["userErrors"] == [] and reached["dayTotals"]["transferAmount"] == "5000.00"
    crossed = (await gql(TXN, txn("TRANSFER", "0.01")))["data"]["recordStationTransaction"]
    assert crossed["userErrors"][0]["code"] == "LIMIT_EXCEEDED"

    amount_cap = (await gql(TXN, txn("WITHDRAWAL", "2000.01", account="A2")))["data"]["recordStationTransaction"]
    assert amount_cap["userErrors"][0]["code"] == "LIMIT_EXCEEDED"
    # another day, another account: fresh caps; 23:59 Beijing is still the 29th, 00:00 is the 30th
    next_day = (await gql(TXN, txn("WITHDRAWAL", "2000.00", at="2026-06-29T16:00:00Z")))["data"]["recordStationTransaction"]
    assert next_day["userErrors"] == [] and next_day["transaction"]["day"] == "2026-06-30"
    other = (await gql(TXN, txn("WITHDRAWAL", "100.00", account="A3")))["data"]["recordStationTransaction"]
    assert other["userErrors"] == []


async def test_t4_concurrent_withdrawals_never_cross_the_cap(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    bodies = await asyncio.gather(*(gql(TXN, txn("WITHDRAWAL", "500.00")) for _ in range(8)))
    codes = [b["data"]["recordStationTransaction"]["userErrors"][0]["code"] if b["data"]["recordStationTransaction"]["userErrors"] else "ok"
             for b in bodies]
    assert sorted(codes) == ["LIMIT_EXCEEDED"] * 5 + ["ok"] * 3
    last = await gql(TXN, txn("TRANSFER", "1.00"))
    assert last["data"]["recordStationTransaction"]["dayTotals"]["withdrawalCount"] == 3
    assert last["data"]["recordStationTransaction"]["dayTotals"]["withdrawalAmount"] == "1500.00"


async def test_t4_refusals(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    for given, code in ((txn("WITHDRAWAL", "0.00"), "INVALID_INPUT"), (txn("WITHDRAWAL", "-5.00"), "INVALID_INPUT"),
                        (txn("WITHDRAWAL", "5.00", at="2026-07-01T10:00:00+08:00"), "INVALID_INPUT")):
        assert (await gql(TXN, given))["data"]["recordStationTransaction"]["userErrors"][0]["code"] == code
    unknown = txn("WITHDRAWAL", "5.00")
    unknown["input"]["stationCode"] = "NOPE"
    assert (await gql(TXN, unknown))["data"]["recordStationTransaction"]["userErrors"][0]["code"] == "NOT_FOUND"


REPORT = """mutation($input: ReportIncidentInput!) {
  reportIncident(input: $input) { incident { id kind late deadline open station { code } } userErrors { code field } } }"""
CLOSE = """mutation($input: CloseIncidentInput!) {
  closeIncident(input: $input) { incident { open closedOn resolution } userErrors { code field } } }"""


def incident(discovered: str, reported: str) -> dict[str, Any]:
    return {"input": {"stationCode": "S1", "kind": "ILLEGAL_FUNDRAISING", "discoveredOn": discovered,
                      "reportedOn": reported, "description": "村民反映有人以高息名义集资"}}


async def test_t5_next_working_day_on_time_later_late_and_open_list(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    on_time = (await gql(REPORT, incident("2026-04-03", "2026-04-07")))["data"]["reportIncident"]  # Fri; Mon 4-06 清明
    assert on_time["userErrors"] == []
    assert on_time["incident"]["late"] is False and on_time["incident"]["deadline"] == "2026-04-07"
    late = (await gql(REPORT, incident("2026-04-03", "2026-04-08")))["data"]["reportIncident"]
    assert late["incident"]["late"] is True
    bad = (await gql(REPORT, incident("2026-04-03", "2026-04-02")))["data"]["reportIncident"]
    assert bad["userErrors"] == [{"code": "INVALID_INPUT", "field": ["reportedOn"]}]

    body = await gql("{ openIncidents { totalCount edges { node { id late } } } }")
    assert body["data"]["openIncidents"]["totalCount"] == 2
    closed = (await gql(CLOSE, {"input": {"id": on_time["incident"]["id"], "closedOn": "2026-04-20", "resolution": "已移交公安"}}))["data"]["closeIncident"]
    assert closed == {"incident": {"open": False, "closedOn": "2026-04-20", "resolution": "已移交公安"}, "userErrors": []}
    twice = (await gql(CLOSE, {"input": {"id": on_time["incident"]["id"], "closedOn": "2026-04-21", "resolution": "x"}}))["data"]["closeIncident"]
    assert twice["userErrors"] == [{"code": "CONFLICT", "field": ["id"]}]
    unknown = (await gql(CLOSE, {"input": {"id": "S1~nope", "closedOn": "2026-04-21", "resolution": "x"}}))["data"]["closeIncident"]
    assert unknown["userErrors"] == [{"code": "NOT_FOUND", "field": ["id"]}]
    body = await gql('{ openIncidents { totalCount edges { node { id } } } station(code: "S1") { incidents(open: true) { id } } }')
    assert [e["node"]["id"] for e in body["data"]["openIncidents"]["edges"]] == [late["incident"]["id"]]
    assert body["data"]["station"]["incidents"] == [{"id": late["incident"]["id"]}]


TRAIN = """mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { station { trainings(year: 2026) { kind on topics } } userErrors { code field } } }"""


async def test_t6_training_gaps(load, gql) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    for kind, on in (("MONTHLY_ONSITE", "2026-03-20"), ("MONTHLY_ONSITE", "2026-05-05"), ("QUARTERLY_BRANCH", "2026-03-25")):
        body = await gql(TRAIN, {"input": {"stationCode": "S1", "kind": kind, "on": on, "topics": ["反假币", "反洗钱"]}})
        assert body["data"]["recordTraining"]["userErrors"] == []
    assert len(body["data"]["recordTraining"]["station"]["trainings"]) == 3
    refused = await gql(TRAIN, {"input": {"stationCode": "S1", "kind": "MONTHLY_ONSITE", "on": "2026-05-05", "topics": []}})
    assert refused["data"]["recordTraining"]["userErrors"] == [{"code": "INVALID_INPUT", "field": ["topics"]}]
    body = await gql("{ trainingGaps(year: 2026) { station { code } trainingCount belowAnnualMinimum missingMonths missingQuarters missingHalves } }")
    gaps = {g["station"]["code"]: g for g in body["data"]["trainingGaps"]}
    assert gaps["S1"] == {"station": {"code": "S1"}, "trainingCount": 3, "belowAnnualMinimum": False,
                          "missingMonths": ["2026-04"], "missingQuarters": [], "missingHalves": []}
    assert gaps["S2"]["missingMonths"] == ["2026-03", "2026-04", "2026-05"]
    body = await gql("{ trainingGaps(year: 2025) { station { code } } }")
    assert body["data"]["trainingGaps"] == []  # neither station was open in 2025


async def _round_trips(gql, headers: dict[str, str], query: str) -> int:  # type: ignore[no-untyped-def]
    body = await gql(query, headers={**headers, "X-Debug-Cypher": "1"})
    assert "errors" not in body, body
    return int(body["extensions"]["cypher"]["roundTrips"])


async def test_h4_coverage_per_town_and_county(load, gql) -> None:  # type: ignore[no-untyped-def]
    doc = dataset()
    doc["stations"][1]["openedOn"] = "2026-07-15"  # T2V1's station is not open yet on 2026-06-30
    await load(doc)
    body = await gql("""{ county(code: "411722") {
        stationCoverage { villages villagesWithBankBranch villagesNeedingStation coveredVillages uncoveredVillageCount coverageRatio goalMet uncoveredVillages { code } }
        towns { edges { node { code stationCoverage { villagesNeedingStation coveredVillages coverageRatio uncoveredVillages { code } } } } } } }""")
    county = body["data"]["county"]
    # T1V1 (S1) covered; T1V2 has a branch; T2V1 (station not open yet) and T2V2 uncovered.
    assert county["stationCoverage"] == {
        "villages": 4, "villagesWithBankBranch": 1, "villagesNeedingStation": 3, "coveredVillages": 1,
        "uncoveredVillageCount": 2, "coverageRatio": 1 / 3, "goalMet": False,
        "uncoveredVillages": [{"code": "T2V1"}, {"code": "T2V2"}],
    }
    towns = {e["node"]["code"]: e["node"]["stationCoverage"] for e in county["towns"]["edges"]}
    assert towns["T1"] == {"villagesNeedingStation": 1, "coveredVillages": 1, "coverageRatio": 1.0, "uncoveredVillages": []}
    assert towns["T2"]["coverageRatio"] == 0.0 and len(towns["T2"]["uncoveredVillages"]) == 2


async def test_coverage_of_every_town_costs_two_round_trips_whatever_the_number_of_towns(load, gql, admin_headers) -> None:  # type: ignore[no-untyped-def]
    doc = factories.county(towns=6, villages_per_town=2, households_per_village=0)
    await load(doc)
    plain = await _round_trips(gql, admin_headers, '{ county(code: "411722") { towns { edges { node { code } } } } }')
    covered = await _round_trips(gql, admin_headers, """{ county(code: "411722") { towns { edges { node { code
        stationCoverage { coverageRatio uncoveredVillages { code } } } } } } }""")
    assert covered - plain == 2  # town_station_coverage once, villages_by_codes once


async def test_station_lists_are_batched(load, gql, admin_headers) -> None:  # type: ignore[no-untyped-def]
    await load(dataset())
    for day in ("2026-04-10", "2026-05-10"):
        await gql(INSPECT, inspection(day))
        await gql(INSPECT, inspection(day, station="S2"))
    plain = await _round_trips(gql, admin_headers, '{ a: station(code: "S1") { code } b: station(code: "S2") { code } }')
    full = await _round_trips(gql, admin_headers, """{ a: station(code: "S1") { inspections { inspectedOn } ratings { quarter } latestStars
                                          missedInspectionMonths(from: "2026-03-01", to: "2026-05-31") }
                                        b: station(code: "S2") { inspections { inspectedOn } ratings { quarter } latestStars } }""")
    assert full - plain == 2  # inspections and ratings, each one round trip for both stations
