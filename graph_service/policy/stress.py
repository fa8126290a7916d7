"""The stress test of K3: a pure, deterministic what-if over plain data (no I/O, integers only).

Round 0 marks every outstanding loan of the chosen villages and every chosen loan as defaulted.
In each next round, a household whose guarantees on defaulted loans reach the distress share (50%
by default) of its credit line — any amount when its line is 0 — is distressed and all its loans
default. Rounds are synchronous: round n looks only at the loans defaulted up to round n-1. The run
stops after `rounds` rounds or at the first round that distresses nobody new.

**Decision** (K3 does not say how much a guarantee "on a defaulted loan" weighs): the amount the
guarantor can be called for, min(guarantee amount, loan outstanding) — the same measure as K2's
exposure. Projected figures: a defaulted loan counts as overdue for its outstanding (R1); balances
do not change; freezes use the exact integer comparison of R3.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from graph_service.policy.config import FreezePolicy
from graph_service.policy.ratios import reaches_percent


@dataclass(frozen=True)
class LiveLoan:
    """An ACTIVE or OVERDUE loan (R1): the only loans that count in balances and can default."""

    code: str
    household: str
    village: str
    outstanding_fen: int
    overdue: bool


@dataclass(frozen=True)
class GuaranteeLink:
    guarantor: str
    loan: str
    amount_fen: int


@dataclass(frozen=True)
class Scenario:
    default_villages: frozenset[str] = frozenset()
    default_loans: frozenset[str] = frozenset()
    rounds: int | None = 3  # None: until nothing changes
    distress_share: Fraction = Fraction(1, 2)


@dataclass(frozen=True)
class Figures:
    code: str
    balance_fen: int
    overdue_fen: int
    frozen: bool


@dataclass
class Cascade:
    """What defaulted, round by round (round 0 first)."""

    defaulted: set[str] = field(default_factory=set)
    distressed: set[str] = field(default_factory=set)
    rounds: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)  # (households, loans)

    @property
    def rounds_run(self) -> int:
        """Rounds after round 0 that distressed at least one household."""
        return len(self.rounds) - 1


@dataclass(frozen=True)
class StressResult:
    cascade: Cascade
    defaulted_fen: int
    villages: list[Figures]
    towns: list[Figures]
    county: Figures
    newly_frozen_villages: list[str]
    newly_frozen_towns: list[str]


def is_distressed(called_fen: int, credit_line_fen: int, share: Fraction) -> bool:
    """K3: called >= share x line, exactly; with a line of 0 any called amount > 0 distresses."""
    if called_fen <= 0:
        return False
    if credit_line_fen <= 0:
        return True
    return called_fen * share.denominator >= share.numerator * credit_line_fen


@dataclass(frozen=True)
class VillageBase:
    """A village's town and its current figures (R1): Σ outstanding of live loans, of OVERDUE ones."""

    town: str
    balance_fen: int = 0
    overdue_fen: int = 0


class Portfolio:
    """The loans that can default, the guarantees that can call on households, and the villages' current
    figures; indexed once and reusable across scenarios.

    `loans` need only hold the loans a scenario can default (those of the chosen villages, the chosen
    loans, and the loans of guarantor households); `villages` carries every village's current figures,
    so the projection adds the newly defaulted outstanding to them instead of re-summing every loan.
    """

    def __init__(
        self,
        loans: Iterable[LiveLoan],
        guarantees: Iterable[GuaranteeLink],
        credit_lines: Mapping[str, int],
        villages: Mapping[str, VillageBase],
        county_code: str,
        towns: Iterable[str] = (),
    ) -> None:
        self.loans = {loan.code: loan for loan in loans}
        self.credit_lines = credit_lines
        self.villages = dict(villages)
        self.village_towns = {code: base.town for code, base in self.villages.items()}
        self.county_code = county_code
        self.towns = sorted(set(towns) | set(self.village_towns.values()))  # towns without villages too
        self.loans_of_household: dict[str, list[str]] = defaultdict(list)
        self.loans_of_village: dict[str, list[str]] = defaultdict(list)
        for loan in sorted(self.loans.values(), key=lambda item: item.code):
            if loan.outstanding_fen > 0:  # only an outstanding loan can default
                self.loans_of_household[loan.household].append(loan.code)
                self.loans_of_village[loan.village].append(loan.code)
        # loan -> [(guarantor, called amount)]: what a default of the loan calls on each guarantor
        self.calls: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for g in guarantees:
            loan = self.loans.get(g.loan)
            if loan is not None and g.guarantor != loan.household:
                called = min(g.amount_fen, loan.outstanding_fen)
                if called > 0:
                    self.calls[g.loan].append((g.guarantor, called))

    @classmethod
    def from_loans(
        cls,
        loans: Iterable[LiveLoan],
        guarantees: Iterable[GuaranteeLink],
        credit_lines: Mapping[str, int],
        village_towns: Mapping[str, str],
        county_code: str,
        towns: Iterable[str] = (),
    ) -> "Portfolio":
        """From every live loan of the county: the villages' figures are summed here (R1)."""
        loans = list(loans)
        balance: dict[str, int] = defaultdict(int)
        overdue: dict[str, int] = defaultdict(int)
        for loan in loans:
            balance[loan.village] += loan.outstanding_fen
            if loan.overdue:
                overdue[loan.village] += loan.outstanding_fen
        villages = {code: VillageBase(town, balance[code], overdue[code]) for code, town in village_towns.items()}
        return cls(loans, guarantees, credit_lines, villages, county_code, towns)

    def cascade(self, scenario: Scenario) -> Cascade:
        result = Cascade()
        first = sorted(
            {code for v in scenario.default_villages for code in self.loans_of_village.get(v, ())}
            | {code for code in scenario.default_loans if code in self.loans and self.loans[code].outstanding_fen > 0}
        )
        result.defaulted.update(first)
        result.rounds.append(((), tuple(first)))
        called: dict[str, int] = defaultdict(int)
        newly = first
        number = 0
        while scenario.rounds is None or number < scenario.rounds:
            touched = set()
            for loan in newly:
                for guarantor, amount in self.calls.get(loan, ()):
                    called[guarantor] += amount
                    touched.add(guarantor)
            distressed = sorted(
                h for h in touched
                if h not in result.distressed
                and is_distressed(called[h], self.credit_lines.get(h, 0), scenario.distress_share)
            )
            if not distressed:
                break
            number += 1
            result.distressed.update(distressed)
            newly = [code for h in distressed for code in self.loans_of_household.get(h, ()) if code not in result.defaulted]
            result.defaulted.update(newly)
            result.rounds.append((tuple(distressed), tuple(sorted(newly))))
        return result

    def defaulted_fen(self, cascade: Cascade) -> int:
        return sum(self.loans[code].outstanding_fen for code in cascade.defaulted)

    def figures(self, defaulted: set[str], freeze: FreezePolicy) -> tuple[list[Figures], list[Figures], Figures]:
        """Village, town and county figures (R1, R2) with `defaulted` counted as overdue; R3 freezes."""
        balance = {code: base.balance_fen for code, base in self.villages.items()}
        overdue = {code: base.overdue_fen for code, base in self.villages.items()}
        for code in defaulted:
            loan = self.loans[code]
            if not loan.overdue:  # an OVERDUE loan is in the overdue balance already
                overdue[loan.village] = overdue.get(loan.village, 0) + loan.outstanding_fen
                balance.setdefault(loan.village, 0)
        town_balance: dict[str, int] = dict.fromkeys(self.towns, 0)
        town_overdue: dict[str, int] = dict.fromkeys(self.towns, 0)
        for village, town in self.village_towns.items():
            town_balance[town] += balance[village]
            town_overdue[town] += overdue[village]
        villages = [
            Figures(code, balance[code], overdue[code],
                    reaches_percent(overdue[code], balance[code], freeze.village_overdue_percent))
            for code in sorted(balance)
        ]
        towns = [
            Figures(code, town_balance[code], town_overdue[code],
                    reaches_percent(town_overdue[code], town_balance[code], freeze.town_overdue_percent))
            for code in sorted(town_balance)
        ]
        # The county has no freeze threshold (graph model: County.frozen is always false).
        county = Figures(self.county_code, sum(balance.values()), sum(overdue.values()), False)
        return villages, towns, county

    def stress(self, scenario: Scenario, freeze: FreezePolicy) -> StressResult:
        cascade = self.cascade(scenario)
        before_v, before_t, _ = self.figures(set(), freeze)
        villages, towns, county = self.figures(cascade.defaulted, freeze)
        return StressResult(
            cascade=cascade,
            defaulted_fen=self.defaulted_fen(cascade),
            villages=villages,
            towns=towns,
            county=county,
            newly_frozen_villages=[a.code for a, b in zip(villages, before_v) if a.frozen and not b.frozen],
            newly_frozen_towns=[a.code for a, b in zip(towns, before_t) if a.frozen and not b.frozen],
        )


def share_fraction(share: float | str) -> Fraction:
    """The distress share as an exact fraction (0.5 -> 1/2), through its shortest decimal repr."""
    return Fraction(str(share))
