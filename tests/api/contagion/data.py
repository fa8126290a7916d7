"""Hand-computed datasets of the contagion (K2) and stress (K3) tests, in yuan."""

from __future__ import annotations

from typing import Any

from tests import factories


def chain_county() -> dict[str, Any]:
    """Source T1V1. Links (loan village -> guarantor village: Σ min(amount, outstanding)):
      T1V1 -> T1V2: L11 (10000) by T1V2H1 3000 + T1V2H2 20000 (min 10000) = 13000
      T1V1 -> T2V1: L12 (5000) by T2V1H1 5000 = 5000
      T1V2 -> T2V2: L21 (8000) by T2V2H1 4000 = 4000     } T2V2 at hop 2 either way: the path via
      T2V1 -> T2V2: L31 (6000) by T2V2H2 6000 = 6000     } T1V2 < T2V1 wins, exposure 4000
      T2V2 -> T2V3: L41 (7000) by T2V3H1 2500 = 2500
      T2V3 -> T1V1: L51 (1000) by T1V1H3 1000 = 1000     (cycle back to the source)
      T1V3 -> T1V1: L61 (9999) by T1V1H2 (direction: the source guarantees T1V3, T1V3 is not reached)
      inside T1V1:  T1V1H2 guarantees L11 (internal: not a link)
      T1V1 -> T1V4: only through LR, a REPAID loan (not live: not a link)
    """
    doc = factories.county(towns=2, villages_per_town=4, households_per_village=3)
    loan = factories.loan
    doc["loans"] = [
        loan("L11", "T1V1H1", 10000), loan("L12", "T1V1H2", 5000, status="OVERDUE", days_overdue=3),
        loan("L21", "T1V2H3", 8000), loan("L31", "T2V1H2", 6000), loan("L41", "T2V2H3", 7000),
        loan("L51", "T2V3H2", 1000), loan("L61", "T1V3H1", 9999), loan("LR", "T1V1H3", 4000, 0, status="REPAID"),
    ]
    g = lambda guarantor, code, amount: {"guarantorCode": guarantor, "loanCode": code, "amount": amount}  # noqa: E731
    doc["guarantees"] = [
        g("T1V2H1", "L11", 3000), g("T1V2H2", "L11", 20000), g("T1V1H2", "L11", 5000),
        g("T2V1H1", "L12", 5000),
        g("T2V2H1", "L21", 4000), g("T2V2H2", "L31", 6000),
        g("T2V3H1", "L41", 2500), g("T1V1H3", "L51", 1000),
        g("T1V1H2", "L61", 9999), g("T1V4H1", "LR", 4000),
    ]
    return doc


def stress_county() -> dict[str, Any]:
    """The hand-computed example of tests/unit/test_stress_engine.py, in yuan:
    A=T1V1 (a1=H1, a2=H2, e1=H3), B=T1V2, C=T2V1, D=T2V2."""
    doc = factories.county(towns=2, villages_per_town=2, households_per_village=3)
    loan = factories.loan
    doc["loans"] = [
        loan("LA1", "T1V1H1", 10000), loan("LA2", "T1V1H2", 2000, status="OVERDUE", days_overdue=10),
        loan("LB1", "T1V2H1", 8000), loan("LB2", "T1V2H2", 92000),
        loan("LC1", "T2V1H1", 6000), loan("LC2", "T2V1H2", 114000),
        loan("LD1", "T2V2H1", 4000), loan("LD2", "T2V2H2", 76001),
        loan("LR", "T2V2H3", 5000, 0, status="REPAID"),
    ]
    doc["guarantees"] = [
        {"guarantorCode": "T1V2H1", "loanCode": "LA1", "amount": 5000},
        {"guarantorCode": "T2V1H1", "loanCode": "LA1", "amount": 1000},
        {"guarantorCode": "T2V1H1", "loanCode": "LB1", "amount": 3000},
        {"guarantorCode": "T2V2H1", "loanCode": "LC1", "amount": 9000},
        {"guarantorCode": "T1V1H3", "loanCode": "LD1", "amount": 1999},
        {"guarantorCode": "T1V1H1", "loanCode": "LR", "amount": 5000},  # a repaid loan: never called
    ]
    return doc


STRESS_LINES = {"T1V2H1": 10000, "T2V1H1": 8000, "T2V2H1": 0, "T1V1H3": 4000}
