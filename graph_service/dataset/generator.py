"""`graph-service generate`: a synthetic county in the dataset format, reproducible for a seed.

Shape follows Shangcai (issue 9): the real 26 township-level units (subdistricts hold fewer villages
than towns), about 460 villages of uneven size (≈ 870 households on average), heads aged 20–80 with
a middle-aged peak, about 60% of households borrowing, 2–4% of the loan balance overdue with a few
villages above the village threshold (5%) and one town above the town threshold (3%), guarantees on
about 20% of loans with a tenth of them across villages, a service station in every village without
a bank branch. Assessments (scores, panel items, ≈ 2% vetoes) come from `_assessments` (issue 3).
Each station has a year of monthly inspections before AS_OF (T2, now and then a missed month) and
the four quarters of that year rated (T3): mostly qualified, a few stations unqualified in the
last three quarters, hence flagged for replacement.

Every random draw comes from one `random.Random(seed)` in a fixed order (assessments and station
records from their own generators seeded from it, so adding them left the rest unchanged), and the
file is written record by record with fixed separators, so the same seed gives a byte-identical file.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from graph_service.dataset import shangcai
from graph_service.policy.stations import DIMENSIONS, Quarter, month_end, months

HOUSEHOLDS_PER_VILLAGE = 870
ALLOWED_PURPOSES = (
    "SPECIALTY_FARMING", "AGRI_PROCESSING_SALES", "LEISURE_AGRICULTURE", "PHOTOVOLTAIC",
    "RURAL_TOURISM", "OTHER_PRODUCTION", "EQUITY_IN_AGRI_ENTERPRISE",
)
AS_OF = dt.date(2026, 6, 30)
#: Relative number of villages per kind of unit: subdistricts are mostly urban.
KIND_WEIGHT = {"SUBDISTRICT": 0.55, "TOWN": 1.1, "TOWNSHIP": 1.0}
BORROWING_SHARE = 0.60
GUARANTEED_SHARE = 0.20
CROSS_VILLAGE_SHARE = 0.10
#: Per-loan overdue probability by village risk class (overdue by balance lands close to it).
OVERDUE_P = {"normal": (0.004, 0.021), "troubled_town": (0.022, 0.04), "troubled": (0.05, 0.10)}
#: Array order of the file (parents before children, as the importer writes them).
ARRAY_ORDER = ("towns", "villages", "households", "banks", "stations", "assessments",
               "inspections", "ratings", "loans", "guarantees")

Progress = Callable[[str, int, int], None]

#: T2/T3: a month goes uninspected with this chance; this share of stations (at least two) is
#: unqualified in the last three rated quarters, i.e. flagged for replacement.
MISSED_INSPECTION_P = 0.04
FAILING_STATION_SHARE = 0.03
FINDINGS = ("正常", "台账齐全，设备运行正常", "宣传栏资料需更新", "机具偶有故障，已报修", "现金业务登记不全，已要求整改")


def _name(rng: random.Random) -> str:
    return rng.choice(shangcai.SURNAMES) + "".join(rng.choice(shangcai.GIVEN) for _ in range(rng.randint(1, 2)))


def _id_number(rng: random.Random, birth: dt.date) -> str:
    return f"411722{birth:%Y%m%d}{rng.randint(0, 999):03d}{rng.choice('0123456789X')}"


def _apportion(total: int, weights: list[float]) -> list[int]:
    """Splits `total` by weights with the largest-remainder method (deterministic, sums exactly)."""
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _towns() -> list[dict[str, Any]]:
    return [
        {"code": f"{shangcai.COUNTY_CODE}{i + 1:03d}", "name": name, "kind": kind}
        for i, (name, kind) in enumerate(shangcai.UNITS)
    ]


def _villages(rng: random.Random, towns: list[dict[str, Any]], n_villages: int) -> list[dict[str, Any]]:
    per_town = _apportion(n_villages, [KIND_WEIGHT[t["kind"]] for t in towns])
    villages = []
    for town, count in zip(towns, per_town):
        names: set[str] = set()
        for seq in range(1, max(count, 0) + 1):
            name = ""
            while not name or name in names:  # village names are unique within a town
                name = rng.choice(shangcai.VILLAGE_WORDS) + rng.choice(shangcai.VILLAGE_WORDS) + rng.choice(shangcai.VILLAGE_SUFFIX) + "村"
            names.add(name)
            villages.append({
                "code": f"{town['code']}{seq:03d}",
                "name": name,
                "townCode": town["code"],
                "hasBankBranch": rng.random() < (0.5 if town["kind"] == "SUBDISTRICT" else 0.12),
            })
    return villages


def _stations(rng: random.Random, villages: list[dict[str, Any]], banks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One station in every village without a bank branch (H4), hosted mostly by the RCB."""
    stations = []
    for v in villages:
        if v["hasBankBranch"]:
            continue
        opened = dt.date(2020, 4, 1) + dt.timedelta(days=rng.randint(0, 900))
        stations.append({
            "code": f"S{v['code']}",
            "name": f"{v['name']}普惠金融服务站",
            "villageCode": v["code"],
            "bankCode": banks[0]["code"] if rng.random() < 0.7 else rng.choice(banks)["code"],
            "registeredOn": (opened - dt.timedelta(days=rng.choice((3, 8, 10, 14, 21)))).isoformat(),
            "openedOn": opened.isoformat(),
            "manager": _name(rng),
        })
    return stations


def _household(rng: random.Random, code: str, village_code: str) -> dict[str, Any]:
    # Heads of rural households: 20-80, most in their 40s-50s; about 15% are past 60 (H2).
    age_days = int(rng.triangular(20.5, 80.0, 50.0) * 365.25)
    birth = AS_OF - dt.timedelta(days=age_days)
    members = min(8, max(1, round(rng.gauss(3.6, 1.4))))
    return {
        "code": code,
        "villageCode": village_code,
        "headName": _name(rng),
        "headIdNumber": _id_number(rng, birth),
        "headBirthDate": birth.isoformat(),
        "phone": f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}",
        "members": members,
        "nonCompulsoryStudent": members >= 3 and rng.random() < 0.22,
        "oneChild": rng.random() < 0.08,
        "twoDaughters": rng.random() < 0.04,
        "activeServiceman": rng.random() < 0.015,
        "partyMember": rng.random() < 0.06,
    }


def _loan(rng: random.Random, household_code: str, banks: list[dict[str, Any]], p_overdue: float) -> dict[str, Any]:
    principal = rng.choice((5000, 10000, 10000, 15000, 20000, 20000, 30000, 40000, 50000))
    issued = AS_OF - dt.timedelta(days=rng.randint(20, 720))
    due = issued + dt.timedelta(days=rng.choice((365, 365, 730, 1095)))
    draw = rng.random()
    if draw < p_overdue:
        status, outstanding = "OVERDUE", principal * rng.choice((1, 1, 0.8, 0.6))
    elif draw < p_overdue + 0.004:
        status, outstanding = "WRITTEN_OFF", principal * rng.choice((1, 0.5))
    elif draw < p_overdue + 0.12 or due < AS_OF:
        status, outstanding = "REPAID", 0
    else:
        status, outstanding = "ACTIVE", principal * rng.choice((1, 1, 0.9, 0.75, 0.5, 0.25))
    return {
        "code": f"L{household_code[1:]}",
        "householdCode": household_code,
        "bankCode": banks[0]["code"] if rng.random() < 0.55 else rng.choice(banks)["code"],
        "principal": principal,
        "outstanding": round(outstanding, 2),
        "purpose": rng.choice(ALLOWED_PURPOSES),
        "issuedOn": issued.isoformat(),
        "dueOn": due.isoformat(),
        "daysOverdue": rng.choice((rng.randint(1, 90), rng.randint(1, 90), rng.randint(91, 400))) if status == "OVERDUE" else 0,
        "status": status,
    }


def _risk_classes(rng: random.Random, towns: list[dict[str, Any]], villages: list[dict[str, Any]]) -> dict[str, str]:
    """One town of troubled villages (above the town threshold) and ~3% troubled villages elsewhere."""
    rural = [t["code"] for t in towns if t["kind"] != "SUBDISTRICT"] or [t["code"] for t in towns]
    bad_town = rng.choice(rural)
    classes = {v["code"]: "troubled_town" if v["townCode"] == bad_town else "normal" for v in villages}
    elsewhere = [code for code, kind in classes.items() if kind == "normal"]
    for code in rng.sample(elsewhere, k=min(len(elsewhere), max(1, len(villages) * 3 // 100))):
        classes[code] = "troubled"
    return classes


POSITIVES = ("HONEST_CONDUCT", "FILIAL", "GOOD_NEIGHBOUR", "SMALL_PRODUCTION", "GOOD_BANK_RECORD")
NEGATIVES = ("IDLE", "FIGHTING", "DAMAGING_PUBLIC_PROPERTY", "NEGLECT_OR_ABUSE", "FAMILY_DISCORD")
VETOES = ("POLITICALLY_UNRELIABLE", "CRIMINAL_RECORD", "ILLEGAL_FUNDRAISING", "BAD_BANK_RECORD", "UNPAID_PRIVATE_DEBT")


def _one_assessment(rng: random.Random, household: dict[str, Any], on: dt.date, lean: float) -> dict[str, Any]:
    """System score mostly 60–100 (two decimals), panel items by their frequency, ≈ 2% vetoes (S1–S3)."""
    system = min(100.0, max(35.0, rng.gauss(86.0 + lean, 8.0)))
    positives = [item for item in POSITIVES if rng.random() < 0.8 + lean / 40]
    negatives = [item for item in NEGATIVES if rng.random() < 0.05]
    vetoes = [rng.choice(VETOES)] if rng.random() < 0.02 else []
    return {
        "householdCode": household["code"],
        "assessedOn": on.isoformat(),
        "systemScore": round(system, 2),
        "positives": positives,
        "negatives": negatives,
        "vetoes": vetoes,
        "assessor": f"{household['villageCode']}村级评定小组",
    }


def _assessments(rng: random.Random, households: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Issue 3: about 93% of households assessed, dated so that most are in force at AS_OF (≈ 4% still
    in their 7-day publicity, ≈ 15% older than a year and due for review, S9/S10); one in ten also
    has an earlier assessment (S8 history). Villages differ in credit culture, so some reach the
    credit-village share (R4) and others do not."""
    lean: dict[str, float] = {}
    rows: list[dict[str, Any]] = []
    for household in households:
        village = household["villageCode"]
        if village not in lean:
            lean[village] = rng.uniform(-7.0, 7.0)
        if rng.random() >= 0.93:
            continue
        draw = rng.random()
        if draw < 0.04:
            days_ago = rng.randint(0, 6)  # still in publicity
        elif draw < 0.19:
            days_ago = rng.randint(373, 540)  # older than a year once in force: due for review
        else:
            days_ago = rng.randint(7, 360)
        on = AS_OF - dt.timedelta(days=days_ago)
        if rng.random() < 0.10:
            rows.append(_one_assessment(rng, household, on - dt.timedelta(days=rng.randint(300, 420)), lean[village]))
        rows.append(_one_assessment(rng, household, on, lean[village]))
    return rows


def _year_quarters() -> list[Quarter]:
    """The four quarters of the year that ends at AS_OF (the last one ending on or after it)."""
    last = Quarter(AS_OF.year, (AS_OF.month - 1) // 3 + 1).index()
    return [Quarter(i // 4, i % 4 + 1) for i in range(last - 3, last + 1)]


def _inspections(rng: random.Random, station: dict[str, Any], inspectors: list[str]) -> list[dict[str, Any]]:
    """T2: one inspection in each month of the year before AS_OF, now and then one missed."""
    opened = dt.date.fromisoformat(station["openedOn"])
    rows = []
    for year, month in months(AS_OF.replace(year=AS_OF.year - 1) + dt.timedelta(days=1), AS_OF):
        if rng.random() < MISSED_INSPECTION_P:
            continue
        first = max(dt.date(year, month, 1), opened)
        last = min(month_end(year, month), AS_OF)
        if first > last:
            continue
        found = rng.random() < 0.01
        rows.append({
            "stationCode": station["code"],
            "inspectedOn": (first + dt.timedelta(days=rng.randint(0, (last - first).days))).isoformat(),
            "inspector": rng.choice(inspectors),
            "findings": "发现疑似非法集资宣传，已报告" if found else rng.choice(FINDINGS),
            "askedAboutIllegalFundraising": found or rng.random() < 0.95,
            "illegalActivityFound": found,
        })
    return rows


def _ratings(rng: random.Random, station: dict[str, Any], quarters: list[Quarter], failing: bool) -> list[dict[str, Any]]:
    """T3: five scores of 0–20 per quarter. A good station scores around its own level (an odd
    unqualified quarter happens); a failing one scores 5–11 per dimension (at most 55: ★2) in the
    last three quarters."""
    level = rng.uniform(13.0, 18.5)
    rows = []
    for i, quarter in enumerate(quarters):
        if failing and i >= len(quarters) - 3:
            scores = {name: rng.randint(5, 11) for name in DIMENSIONS}
        else:
            scores = {name: min(20, max(0, round(rng.gauss(level, 1.5)))) for name in DIMENSIONS}
        rows.append({"stationCode": station["code"], "quarter": str(quarter), **scores})
    return rows


def _station_records(seed: int, stations: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Inspections and ratings of every station, from their own random stream (see the module doc)."""
    rng = random.Random(f"{seed}:stations")
    failing = set(rng.sample(range(len(stations)), k=min(len(stations), max(2, round(len(stations) * FAILING_STATION_SHARE)))))
    quarters = _year_quarters()
    inspections: list[dict[str, Any]] = []
    ratings: list[dict[str, Any]] = []
    for index, station in enumerate(stations):
        inspectors = [_name(rng) for _ in range(2)]  # the host bank's patrol for this station
        inspections += _inspections(rng, station, inspectors)
        ratings += _ratings(rng, station, quarters, index in failing)
    return inspections, ratings


def generate(
    households: int, seed: int = 1, villages: int | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    rng = random.Random(seed)
    n_villages = villages or max(len(shangcai.UNITS), round(households / HOUSEHOLDS_PER_VILLAGE))
    towns = _towns()
    village_rows = _villages(rng, towns, n_villages)
    banks = [{"code": code, "name": name} for code, name in shangcai.BANKS]
    stations = _stations(rng, village_rows, banks)
    classes = _risk_classes(rng, towns, village_rows)
    # Uneven village sizes (roughly 0.4x to 1.9x the mean).
    sizes = _apportion(households, [rng.uniform(0.4, 1.9) for _ in village_rows])

    hh: list[dict[str, Any]] = []
    loans: list[dict[str, Any]] = []
    ranges: dict[str, tuple[int, int]] = {}  # village code -> [start, end) in `hh`
    step = max(1, households // 100)
    for village, size in zip(village_rows, sizes):
        low, high = OVERDUE_P[classes[village["code"]]]
        p_overdue = rng.uniform(low, high)
        start = len(hh)
        for seq in range(1, size + 1):
            household = _household(rng, f"H{village['code']}{seq:04d}", village["code"])
            hh.append(household)
            if rng.random() < BORROWING_SHARE:
                loans.append(_loan(rng, household["code"], banks, p_overdue))
            if progress and len(hh) % step == 0:
                progress("generate", len(hh), households)
        ranges[village["code"]] = (start, len(hh))
    if progress:
        progress("generate", households, households)

    guarantees = _guarantees(rng, hh, loans, village_rows, ranges)
    assessments = _assessments(random.Random(f"{seed}:assessments"), hh)  # issue 3
    inspections, ratings = _station_records(seed, stations)
    document: dict[str, Any] = {
        "county": {"code": shangcai.COUNTY_CODE, "name": shangcai.COUNTY_NAME},
        "towns": towns,
        "villages": village_rows,
        "households": hh,
        "banks": banks,
        "stations": stations,
    }
    if assessments:
        document["assessments"] = assessments
    if inspections:
        document["inspections"] = inspections
    if ratings:
        document["ratings"] = ratings
    document["loans"] = loans
    document["guarantees"] = guarantees
    return document


def _guarantees(
    rng: random.Random,
    hh: list[dict[str, Any]],
    loans: list[dict[str, Any]],
    villages: list[dict[str, Any]],
    ranges: dict[str, tuple[int, int]],
) -> list[dict[str, Any]]:
    """≈ 20% of loans guaranteed by one household; a tenth of guarantors live in another village,
    mostly of the same town (K1), which is what contagion follows."""
    by_town: dict[str, list[str]] = {}
    for v in villages:
        if ranges[v["code"]][1] > ranges[v["code"]][0]:
            by_town.setdefault(v["townCode"], []).append(v["code"])
    populated = [code for codes in by_town.values() for code in codes]
    town_of = {v["code"]: v["townCode"] for v in villages}
    rows = []
    for loan in loans:
        if rng.random() >= GUARANTEED_SHARE:
            continue
        home = hh_village = loan["householdCode"][1:-4]
        if rng.random() < CROSS_VILLAGE_SHARE and len(populated) > 1:
            same_town = by_town[town_of[home]]
            pool = same_town if rng.random() < 0.7 and len(same_town) > 1 else populated
            while hh_village == home:
                hh_village = rng.choice(pool)
        start, end = ranges[hh_village]
        guarantor = hh[rng.randrange(start, end)]["code"]
        if guarantor == loan["householdCode"]:
            continue  # a household cannot guarantee its own loan (K1)
        rows.append({
            "guarantorCode": guarantor,
            "loanCode": loan["code"],
            "amount": round(loan["principal"] * rng.choice((0.3, 0.5, 0.5, 1.0)), 2),
        })
    return rows


def _dump(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def iter_json(document: dict[str, Any]) -> Iterator[str]:
    """The document as JSON text in pieces (one record each), never as one huge string."""
    yield "{"
    first = True
    keys = [k for k in ("county", *ARRAY_ORDER) if k in document] + sorted(set(document) - {"county", *ARRAY_ORDER})
    for key in keys:
        value = document[key]
        yield ("" if first else ",") + _dump(key) + ":"
        first = False
        if not isinstance(value, list):
            yield _dump(value)
            continue
        yield "["
        for i, record in enumerate(value):
            yield ("," if i else "") + _dump(record) + "\n"
        yield "]"
    yield "}\n"


def write_document(document: dict[str, Any], out: Path | IO[str]) -> None:
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(iter_json(document))
    else:
        out.writelines(iter_json(document))
