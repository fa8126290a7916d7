"""Small datasets built in code, so each test shows the exact numbers it relies on."""

from __future__ import annotations

from typing import Any


def county(
    towns: int = 2,
    villages_per_town: int = 2,
    households_per_village: int = 3,
    *,
    county_code: str = "411722",
) -> dict[str, Any]:
    """A county with codes T1.., T1V1.., T1V1H1..; two banks B1, B2; no loans."""
    doc: dict[str, Any] = {
        "county": {"code": county_code, "name": "上蔡县"},
        "towns": [],
        "villages": [],
        "households": [],
        "banks": [{"code": "B1", "name": "上蔡农商银行"}, {"code": "B2", "name": "邮储银行"}],
    }
    for t in range(1, towns + 1):
        town = f"T{t}"
        doc["towns"].append({"code": town, "name": f"镇{t}", "kind": "TOWN"})
        for v in range(1, villages_per_town + 1):
            village = f"{town}V{v}"
            doc["villages"].append({"code": village, "name": f"村{t}-{v}", "townCode": town, "hasBankBranch": False})
            for h in range(1, households_per_village + 1):
                doc["households"].append({
                    "code": f"{village}H{h}",
                    "villageCode": village,
                    "headName": f"户主{t}{v}{h}",
                    "headIdNumber": f"41172219800101{t}{v}{h:02d}"[:18].ljust(18, "0"),
                    "headBirthDate": "1980-01-01",
                    "phone": "13800000000",
                    "members": 3,
                })
    return doc


def loan(code: str, household: str, principal: float, outstanding: float | None = None, *,
         status: str = "ACTIVE", days_overdue: int = 0, bank: str = "B1") -> dict[str, Any]:
    return {
        "code": code,
        "householdCode": household,
        "bankCode": bank,
        "principal": principal,
        "outstanding": principal if outstanding is None else outstanding,
        "purpose": "SPECIALTY_FARMING",
        "issuedOn": "2026-01-10",
        "dueOn": "2027-01-10",
        "daysOverdue": days_overdue,
        "status": status,
    }
