"""Guarantees (K1), contagion traces (K2), stress tests (K3) and systemic villages, as GraphQL types."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.errors import UserError, user_errors_field
from graph_service.money import from_fen
from graph_service.policy.ratios import ratio

if TYPE_CHECKING:
    from graph_service.api.types.household import Household
    from graph_service.api.types.loan import Loan
    from graph_service.api.types.town import Town
    from graph_service.api.types.village import Village

HouseholdRef = Annotated["Household", strawberry.lazy("graph_service.api.types.household")]
LoanRef = Annotated["Loan", strawberry.lazy("graph_service.api.types.loan")]
TownRef = Annotated["Town", strawberry.lazy("graph_service.api.types.town")]
VillageRef = Annotated["Village", strawberry.lazy("graph_service.api.types.village")]


async def load_village(info: Info, code: str) -> "Village":
    from graph_service.api.types.village import Village

    props = await info.context.loaders.node("Village", code)
    assert props is not None, f"village {code} vanished during the request"
    return Village.from_props(props)


async def load_villages(info: Info, codes: list[str]) -> list["Village"]:
    """Loaded together, so the data loader batches them into one round trip."""
    return list(await asyncio.gather(*(load_village(info, code) for code in codes)))


async def load_towns(info: Info, codes: list[str]) -> list["Town"]:
    from graph_service.api.types.town import Town

    found = await asyncio.gather(*(info.context.loaders.node("Town", code) for code in codes))
    return [Town.from_props(props) for props in found if props is not None]


@strawberry.type(description="担保 A household guarantees another household's loan for an amount (K1).")
class Guarantee:
    amount: Decimal = strawberry.field(description="The guaranteed amount; a guarantor is called for at most the loan's outstanding.")
    guarantor_code: strawberry.Private[str]
    loan_code: strawberry.Private[str]

    @strawberry.field(description="The guarantor household.")
    async def guarantor(self, info: Info) -> HouseholdRef:
        from graph_service.api.types.household import Household

        props = await info.context.loaders.node("Household", self.guarantor_code)
        assert props is not None
        return Household.from_props(props)

    @strawberry.field(description="The guaranteed loan.")
    async def loan(self, info: Info) -> LoanRef:
        from graph_service.api.types.loan import Loan

        props = await info.context.loaders.node("Loan", self.loan_code)
        assert props is not None
        return Loan.from_props(props)


@strawberry.type(description="The result of addGuarantee / releaseGuarantee.")
class GuaranteePayload:
    guarantee: Guarantee | None = strawberry.field(description="The guarantee as added, or as it was before its release.")
    user_errors: list[UserError] = user_errors_field()
    loan_code: strawberry.Private[str | None] = None

    @strawberry.field(description="The loan, with its guarantees after the change.")
    async def loan(self, info: Info) -> LoanRef | None:
        from graph_service.api.types.loan import Loan

        if self.loan_code is None:
            return None
        props = await info.context.loaders.node("Loan", self.loan_code)
        return None if props is None else Loan.from_props(props)


@strawberry.type(description="A village reached by a contagion trace (K2).")
class ExposedVillage:
    # Plain fields, filled once by the `contagion` resolver from one batch of the trace's villages: a
    # 3-hop trace lists hundreds of villages, each with a path, and a resolver per field (each path
    # village a loader call) cost more than the trace itself. The schema text is the same.
    hops: int = strawberry.field(description="Least number of exposure links from the source.")
    exposure: Decimal = strawberry.field(description=(
        "Guaranteed outstanding on the last link of the path into this village: Σ min(guarantee amount, "
        "loan outstanding) over the live loans of the previous village on the path guaranteed by this "
        "village's households."))
    village: VillageRef = strawberry.field(description="The exposed village.")
    path: list[VillageRef] = strawberry.field(description=(
        "From the source to this village, both included: a shortest path; among equally short ones, "
        "the one whose village codes compare smallest."))


@strawberry.type(description="Villages exposed to a source village through guarantees (K2).")
class ContagionReport:
    reached: list[ExposedVillage] = strawberry.field(description=(
        "Each reachable village once, nearest first; within a hop, largest exposure first, then by code. "
        "The source itself is never listed."))
    max_hops: int = strawberry.field(description="The number of hops actually traced (the argument, capped at 6).")
    source: VillageRef = strawberry.field(description="The village the trace starts from.")


@strawberry.input(description="A what-if (K3): which villages and loans default in round 0, and how the cascade runs.")
class StressTestInput:
    default_village_codes: list[str] = strawberry.field(default_factory=list, description="Every outstanding loan of these villages defaults in round 0.")
    default_loan_codes: list[str] = strawberry.field(default_factory=list, description="These loans default in round 0 (repaid or written-off ones are ignored).")
    rounds: int = strawberry.field(default=3, description="Rounds after round 0, at most; the run also stops when a round distresses nobody new. ≥ 0.")
    guarantor_distress_share: float = strawberry.field(default=0.5, description=(
        "A household is distressed when its guarantees on defaulted loans reach this share of its credit "
        "line (any amount when the line is 0). > 0; taken as the exact decimal written (0.5 = 1/2)."))


@strawberry.type(description="Projected loan and overdue balance of a village, town or the county under a stress test (R1–R3).")
class ProjectedFigures:
    code: str = strawberry.field(description="The village, town or county code.")
    loan_balance: Decimal = strawberry.field(description="Unchanged by defaults: Σ outstanding of live loans.")
    overdue_balance: Decimal = strawberry.field(description="Σ outstanding of loans already OVERDUE or defaulted in the test.")
    overdue_ratio: float = strawberry.field(description="Shown only; the freeze compares exact integers.")
    frozen: bool = strawberry.field(description="Village ≥ 5%, town ≥ 3% (R3); the county has no threshold: always false.")

    @classmethod
    def of(cls, code: str, balance_fen: int, overdue_fen: int, frozen: bool) -> "ProjectedFigures":
        return cls(code=code, loan_balance=from_fen(balance_fen), overdue_balance=from_fen(overdue_fen),
                   overdue_ratio=ratio(overdue_fen, balance_fen), frozen=frozen)


@strawberry.type(description="What one round of a stress test did (round 0: the chosen defaults).")
class StressRound:
    round: int = strawberry.field(description="0: the chosen defaults; 1, 2, …: the cascade through guarantees (K3).")
    distressed_household_count: int = strawberry.field(description="Households newly distressed in this round (none in round 0).")
    defaulted_loan_count: int = strawberry.field(description="Loans newly defaulted in this round.")
    defaulted_balance: Decimal = strawberry.field(description="Their outstanding.")


@strawberry.type(description="The outcome of a read-only stress test (K3). Nothing is written.")
class StressReport:
    rounds_run: int = strawberry.field(description="Rounds after round 0 that distressed at least one household.")
    defaulted_loan_count: int = strawberry.field(description="Loans defaulted in all rounds, round 0 included.")
    distressed_household_count: int = strawberry.field(description="Households distressed through their guarantees (rounds ≥ 1).")
    defaulted_balance: Decimal = strawberry.field(description="Σ outstanding of the defaulted loans.")
    rounds: list[StressRound] = strawberry.field(description="Round by round, round 0 first.")
    villages: list[ProjectedFigures] = strawberry.field(description="Every village, by code.")
    towns: list[ProjectedFigures] = strawberry.field(description="Every town, by code.")
    county: ProjectedFigures = strawberry.field(description="The county's projected figures (R2).")
    newly_frozen_village_codes: strawberry.Private[list[str]]
    newly_frozen_town_codes: strawberry.Private[list[str]]

    @strawberry.field(description="Villages frozen in the projection that are not frozen now (R3).")
    async def newly_frozen_villages(self, info: Info) -> list[VillageRef]:
        return await load_villages(info, self.newly_frozen_village_codes)

    @strawberry.field(description="Towns frozen in the projection that are not frozen now (R3).")
    async def newly_frozen_towns(self, info: Info) -> list[TownRef]:
        return await load_towns(info, self.newly_frozen_town_codes)


@strawberry.type(description=(
    "A village ranked by systemic risk: the outstanding that would default county-wide if its borrowers "
    "alone defaulted, through the K3 stress engine (default distress share, rounds until nothing changes). "
    "Stored by the batch command `graph-service systemic`; see computedAt."))
class SystemicVillage:
    rank: int = strawberry.field(description="1 = most dangerous.")
    defaulted_balance: Decimal = strawberry.field(description="County-wide outstanding that would default, the village's own loans included.")
    spillover_balance: Decimal = strawberry.field(description="The part of defaultedBalance outside the village: what its default spreads to others.")
    distressed_household_count: int = strawberry.field(description="Guarantor households that would be distressed.")
    computed_at: dt.datetime = strawberry.field(description="When the batch computed this; later guarantee or loan changes are not reflected until the next run.")
    _props: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="The village.")
    def village(self) -> VillageRef:
        from graph_service.api.types.village import Village

        return Village.from_props(self._props)

    @classmethod
    def from_props(cls, rank: int, props: dict[str, Any]) -> "SystemicVillage":
        return cls(
            rank=rank,
            defaulted_balance=from_fen(props.get("systemicDefaultFen")),
            spillover_balance=from_fen(props.get("systemicSpilloverFen")),
            distressed_household_count=int(props.get("systemicDistressedCount") or 0),
            computed_at=props["systemicComputedAt"],
            _props=props,
        )
