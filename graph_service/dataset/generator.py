"""`graph-service generate`: a synthetic county in the dataset format, reproducible for a seed.

Shape follows Shangcai: the real 26 township-level units, about 870 households per village,
about 60% of households borrowing, 2–4% of the balance overdue (a few villages well above).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from graph_service.dataset import shangcai

HOUSEHOLDS_PER_VILLAGE = 870
ALLOWED_PURPOSES = (
    "SPECIALTY_FARMING", "AGRI_PROCESSING_SALES", "LEISURE_AGRICULTURE", "PHOTOVOLTAIC",
    "RURAL_TOURISM", "OTHER_PRODUCTION", "EQUITY_IN_AGRI_ENTERPRISE",
)
AS_OF = dt.date(2026, 6, 30)


def _name(rng: random.Random) -> str:
    return rng.choice(shangcai.SURNAMES) + "".join(rng.choice(shangcai.GIVEN) for _ in range(rng.randint(1, 2)))


def _id_number(rng: random.Random, birth: dt.date) -> str:
    return f"411722{birth:%Y%m%d}{rng.randint(0, 999):03d}{rng.choice('0123456789X')}"


def generate(households: int, seed: int = 1, villages: int | None = None) -> dict[str, Any]:
    rng = random.Random(seed)
    n_villages = villages or max(len(shangcai.UNITS), round(households / HOUSEHOLDS_PER_VILLAGE))
    towns = [
        {"code": f"{shangcai.COUNTY_CODE}{i + 1:03d}", "name": name, "kind": kind}
        for i, (name, kind) in enumerate(shangcai.UNITS)
    ]
    village_rows: list[dict[str, Any]] = []
    for i in range(n_villages):
        town = towns[i % len(towns)]
        seq = i // len(towns) + 1
        name = rng.choice(shangcai.VILLAGE_WORDS) + rng.choice(shangcai.VILLAGE_WORDS) + rng.choice(shangcai.VILLAGE_SUFFIX) + "村"
        village_rows.append({
            "code": f"{town['code']}{seq:03d}",
            "name": name,
            "townCode": town["code"],
            "hasBankBranch": rng.random() < 0.15,
        })
    villages = village_rows
    banks = [{"code": code, "name": name} for code, name in shangcai.BANKS]
    stations = []
    for v in villages:
        if not v["hasBankBranch"]:
            opened = dt.date(2020, 4, 1) + dt.timedelta(days=rng.randint(0, 900))
            stations.append({
                "code": f"S{v['code']}",
                "name": f"{v['name']}普惠金融服务站",
                "villageCode": v["code"],
                "bankCode": rng.choice(banks)["code"],
                "registeredOn": (opened - dt.timedelta(days=rng.choice((3, 8, 10, 14)))).isoformat(),
                "openedOn": opened.isoformat(),
                "manager": _name(rng),
            })
    # A few "troubled" villages carry most overdue loans, so some freeze (R3).
    troubled = set(rng.sample([v["code"] for v in villages], k=max(1, n_villages // 40)))
    hh, loans, guarantees = [], [], []
    for i in range(households):
        village = villages[i % n_villages]
        birth = AS_OF - dt.timedelta(days=rng.randint(20 * 365, 75 * 365))
        code = f"H{village['code']}{i // n_villages + 1:04d}"
        hh.append({
            "code": code,
            "villageCode": village["code"],
            "headName": _name(rng),
            "headIdNumber": _id_number(rng, birth),
            "headBirthDate": birth.isoformat(),
            "phone": f"13{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}",
            "members": rng.randint(1, 7),
            "nonCompulsoryStudent": rng.random() < 0.15,
            "oneChild": rng.random() < 0.1,
            "twoDaughters": rng.random() < 0.05,
            "activeServiceman": rng.random() < 0.02,
            "partyMember": rng.random() < 0.06,
        })
        if rng.random() < 0.6:
            principal = rng.choice((5000, 10000, 15000, 20000, 30000))
            outstanding = round(principal * rng.choice((1, 1, 0.8, 0.5, 0.25)), 2)
            issued = AS_OF - dt.timedelta(days=rng.randint(30, 700))
            p_overdue = 0.12 if village["code"] in troubled else 0.02
            overdue = rng.random() < p_overdue
            status = "OVERDUE" if overdue else rng.choice(("ACTIVE",) * 9 + ("REPAID",))
            if status == "REPAID":
                outstanding = 0
            loans.append({
                "code": f"L{code[1:]}",
                "householdCode": code,
                "bankCode": rng.choice(banks)["code"],
                "principal": principal,
                "outstanding": outstanding,
                "purpose": rng.choice(ALLOWED_PURPOSES),
                "issuedOn": issued.isoformat(),
                "dueOn": (issued + dt.timedelta(days=365)).isoformat(),
                "daysOverdue": rng.randint(1, 200) if overdue else 0,
                "status": status,
            })
    household_codes = [h["code"] for h in hh]
    per_village = {v["code"]: [] for v in villages}
    for h in hh:
        per_village[h["villageCode"]].append(h["code"])
    for loan in loans:
        if rng.random() < 0.2 and len(household_codes) > 1:
            borrower_village = loan["householdCode"][1:-4]
            pool = household_codes if rng.random() < 0.1 else per_village[borrower_village]
            guarantor = rng.choice(pool)
            if guarantor != loan["householdCode"]:
                guarantees.append({
                    "guarantorCode": guarantor,
                    "loanCode": loan["code"],
                    "amount": round(loan["principal"] * rng.choice((0.3, 0.5, 1.0)), 2),
                })
    return {
        "county": {"code": shangcai.COUNTY_CODE, "name": shangcai.COUNTY_NAME},
        "towns": towns,
        "villages": villages,
        "households": hh,
        "banks": banks,
        "stations": stations,
        "loans": loans,
        "guarantees": guarantees,
    }
