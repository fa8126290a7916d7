"""The K3 stress engine on a hand-computed example (pure: no database).

Towns T1 = {A, B}, T2 = {C, D}. Amounts in fen.
  LA1 a1 10000 (A)   LA2 a2 2000 OVERDUE (A)
  LB1 b1 8000 (B)    LB2 b2 92000 (B)
  LC1 c1 6000 (C)    LC2 c2 114000 (C)
  LD1 d1 4000 (D)    LD2 d2 76001 (D)
Guarantees: b1 -> LA1 5000 (line 10000: 50% exactly, distressed in round 1)
            c1 -> LA1 1000, c1 -> LB1 3000 (line 8000: 1000 then 4000 = 50%, distressed in round 2)
            d1 -> LC1 9000 (called min(9000, 6000); line 0: any amount, distressed in round 3)
            e1 -> LD1 1999 (line 4000: 1999 < 2000, never distressed: the run ends after round 3)
Defaulting village A: round 0 LA1, LA2; round 1 LB1; round 2 LC1; round 3 LD1; round 4 nothing.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from graph_service.policy.config import FreezePolicy
from graph_service.policy.stress import (
    GuaranteeLink, LiveLoan, Portfolio, Scenario, is_distressed, share_fraction,
)

FREEZE = FreezePolicy(village_overdue_percent=5, town_overdue_percent=3)


def portfolio() -> Portfolio:
    loans = [
        LiveLoan("LA1", "a1", "A", 10000, False), LiveLoan("LA2", "a2", "A", 2000, True),
        LiveLoan("LB1", "b1", "B", 8000, False), LiveLoan("LB2", "b2", "B", 92000, False),
        LiveLoan("LC1", "c1", "C", 6000, False), LiveLoan("LC2", "c2", "C", 114000, False),
        LiveLoan("LD1", "d1", "D", 4000, False), LiveLoan("LD2", "d2", "D", 76001, False),
    ]
    guarantees = [
        GuaranteeLink("b1", "LA1", 5000), GuaranteeLink("c1", "LA1", 1000), GuaranteeLink("c1", "LB1", 3000),
        GuaranteeLink("d1", "LC1", 9000), GuaranteeLink("e1", "LD1", 1999),
    ]
    lines = {"b1": 10000, "c1": 8000, "d1": 0, "e1": 4000}
    return Portfolio.from_loans(loans, guarantees, lines, {"A": "T1", "B": "T1", "C": "T2", "D": "T2", "E": "T2"}, "X")


def run(rounds: int | None, **kw):  # type: ignore[no-untyped-def]
    return portfolio().stress(Scenario(default_villages=frozenset({"A"}), rounds=rounds, **kw), FREEZE)


def test_round_0_only() -> None:
    result = run(0)
    assert result.cascade.defaulted == {"LA1", "LA2"}
    assert result.cascade.rounds_run == 0 and result.cascade.distressed == set()
    assert result.newly_frozen_villages == []  # A was frozen already (2000 / 12000)
    assert result.newly_frozen_towns == ["T1"]  # 12000 / 112000 >= 3%


def test_round_1_b1_reaches_exactly_half_of_its_line() -> None:
    result = run(1)
    assert result.cascade.rounds == [((), ("LA1", "LA2")), (("b1",), ("LB1",))]
    b = next(f for f in result.villages if f.code == "B")
    assert (b.balance_fen, b.overdue_fen, b.frozen) == (100000, 8000, True)  # R3: 8% >= 5%
    assert result.newly_frozen_villages == ["B"]
    assert result.newly_frozen_towns == ["T1"]


def test_round_2_accumulates_calls_and_c_reaches_exactly_5_percent() -> None:
    result = run(2)
    assert result.cascade.rounds[2] == (("c1",), ("LC1",))
    c = next(f for f in result.villages if f.code == "C")
    assert (c.overdue_fen, c.balance_fen, c.frozen) == (6000, 120000, True)  # exactly 5%: reaches
    t2 = next(f for f in result.towns if f.code == "T2")
    assert (t2.overdue_fen, t2.balance_fen, t2.frozen) == (6000, 200001, False)  # 600000 < 600003
    assert result.newly_frozen_villages == ["B", "C"] and result.newly_frozen_towns == ["T1"]


def test_round_3_line_zero_distresses_on_any_amount() -> None:
    result = run(3)
    assert result.cascade.rounds[3] == (("d1",), ("LD1",))
    assert result.cascade.rounds_run == 3
    assert result.cascade.distressed == {"b1", "c1", "d1"}
    d = next(f for f in result.villages if f.code == "D")
    assert (d.overdue_fen, d.balance_fen, d.frozen) == (4000, 80001, False)  # just under 5%
    assert result.newly_frozen_towns == ["T1", "T2"]  # 10000 / 200001 >= 3%
    assert result.county.balance_fen == 12000 + 100000 + 120000 + 80001
    assert result.county.overdue_fen == 2000 + 10000 + 8000 + 6000 + 4000
    assert result.county.frozen is False
    assert result.defaulted_fen == 30000


@pytest.mark.parametrize("rounds", [None, 4, 50])
def test_until_nothing_changes_stops_after_round_3(rounds: int | None) -> None:
    result = run(rounds)
    assert result.cascade.rounds_run == 3
    assert "e1" not in result.cascade.distressed  # 1999 < 50% of 4000
    assert result.cascade.defaulted == {"LA1", "LA2", "LB1", "LC1", "LD1"}


def test_e1_is_distressed_when_the_share_is_lower() -> None:
    result = run(None, distress_share=share_fraction(0.4))  # 1999 >= 1600
    assert "e1" in result.cascade.distressed and result.cascade.rounds_run == 4


def test_chosen_loans_and_villages_without_loans() -> None:
    p = portfolio()
    result = p.stress(Scenario(default_villages=frozenset({"E"}), default_loans=frozenset({"LB1", "NOPE"})), FREEZE)
    assert result.cascade.rounds[0] == ((), ("LB1",))
    # c1 is called 3000 < 4000: nobody is distressed
    assert result.cascade.distressed == set() and result.cascade.rounds_run == 0
    assert [f.code for f in result.villages] == ["A", "B", "C", "D", "E"]  # every village, even empty
    assert next(f for f in result.villages if f.code == "E").balance_fen == 0


def test_deterministic_and_nothing_mutated() -> None:
    p = portfolio()
    first = p.stress(Scenario(default_villages=frozenset({"A"}), rounds=None), FREEZE)
    second = p.stress(Scenario(default_villages=frozenset({"A"}), rounds=None), FREEZE)
    assert first == second


def test_own_guarantee_is_ignored() -> None:
    p = Portfolio.from_loans([LiveLoan("L", "h", "A", 100, False)], [GuaranteeLink("h", "L", 100)], {}, {"A": "T"}, "X")
    assert p.calls == {}


@pytest.mark.parametrize(("called", "line", "share", "expected"), [
    (5000, 10000, Fraction(1, 2), True), (4999, 10000, Fraction(1, 2), False),
    (1, 0, Fraction(1, 2), True), (0, 0, Fraction(1, 2), False), (3000, 10000, Fraction(3, 10), True),
])
def test_is_distressed_boundaries(called: int, line: int, share: Fraction, expected: bool) -> None:
    assert is_distressed(called, line, share) is expected


def test_only_the_loans_that_can_default_are_needed() -> None:
    """The API pulls only candidate loans (chosen villages, guarantors' loans) plus every village's
    current figures; the outcome equals the one computed from every loan."""
    full = portfolio()
    bases = full.villages
    candidates = [loan for loan in full.loans.values() if loan.code not in {"LB2", "LC2", "LD2"}]
    guarantees = [GuaranteeLink(g, loan, amount) for loan, calls in full.calls.items() for g, amount in calls]
    slim = Portfolio(candidates, guarantees, full.credit_lines, bases, "X")
    scenario = Scenario(default_villages=frozenset({"A"}), rounds=None)
    assert slim.stress(scenario, FREEZE) == full.stress(scenario, FREEZE)
