"""信用评定 Credit assessment (S1–S10): the `Assessment` type, its enums, and the household's
standing fields' resolvers (kept here so `types/household.py` only gains one-line methods)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.types.household import Certificate
from graph_service.money import from_fen
from graph_service.api.enums import describe_values
from graph_service.policy import items
from graph_service.policy.discount import rate_discount_permille

Props = dict[str, Any]

PanelPositive = strawberry.enum(
    items.PanelPositive, name="PanelPositive", description="村级评定 positive items, +6 each (S2: P1–P5)."
)
PanelNegative = strawberry.enum(
    items.PanelNegative, name="PanelNegative", description="村级评定 negative items, −6 each (S2: N1–N5)."
)
Veto = strawberry.enum(items.Veto, name="Veto", description="一票否决 vetoes (S3: V1–V5): any one means no credit.")


describe_values(PanelPositive, {
    "HONEST_CONDUCT": "P1 品行优良,诚实守信: good conduct and honesty (+6, S2).",
    "FILIAL": "P2 孝老敬亲: filial to elders (+6, S2).",
    "GOOD_NEIGHBOUR": "P3 邻里友好,举止文明: good neighbour, civil behaviour (+6, S2).",
    "SMALL_PRODUCTION": "P4 经营小型生产项目: runs a small production project (+6, S2).",
    "GOOD_BANK_RECORD": "P5 银行用信记录良好: good bank credit record (+6, S2).",
})
describe_values(PanelNegative, {
    "IDLE": "N1 好吃懒做,游手好闲: idle (−6, S2).",
    "FIGHTING": "N2 打架斗殴等不文明行为: fighting or uncivil conduct (−6, S2).",
    "DAMAGING_PUBLIC_PROPERTY": "N3 损坏公共财物: damaging public property (−6, S2).",
    "NEGLECT_OR_ABUSE": "N4 不养老人,虐待子女: neglecting elders or abusing children (−6, S2).",
    "FAMILY_DISCORD": "N5 家庭不和,邻里不睦: family discord, bad relations with neighbours (−6, S2).",
})
describe_values(Veto, {
    "POLITICALLY_UNRELIABLE": "V1 政治立场不坚定: politically unreliable (S3).",
    "CRIMINAL_RECORD": "V2 有违法犯罪记录: criminal record (S3).",
    "ILLEGAL_FUNDRAISING": "V3 参加非法传销、非法集资: illegal pyramid selling or fund-raising (S3).",
    "BAD_BANK_RECORD": "V4 银行交易有不良记录: bad bank transaction record (S3).",
    "UNPAID_PRIVATE_DEBT": "V5 民间借贷欠债不还: unpaid private debt (S3).",
})


@strawberry.enum(description="Where an assessment stands (S9 publicity, objections).")
class AssessmentStatus(Enum):
    IN_PUBLICITY = strawberry.enum_value("IN_PUBLICITY", description="公示: before effectiveOn; the previous outcome stands.")
    OBJECTED = strawberry.enum_value("OBJECTED", description="An objection is pending: it does not come into force until resolved.")
    EFFECTIVE = strawberry.enum_value("EFFECTIVE", description="Past its publicity (possibly superseded by a later one).")
    CANCELLED = strawberry.enum_value("CANCELLED", description="Cancelled by an upheld objection (kept, S8).")


@strawberry.type(description="An objection filed during publicity (S9).")
class Objection:
    reason: str = strawberry.field(description="Why the household objects.")
    filed_on: dt.date = strawberry.field(description="The day it was filed, during publicity (S9).")
    upheld: bool | None = strawberry.field(description="null while pending.")
    note: str | None = strawberry.field(description="The resolver's note; null while pending.")
    resolved_on: dt.date | None = strawberry.field(description="The day it was resolved; null while pending.")


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@strawberry.type(description="信用评定 One credit assessment: inputs, outcome, assessor, date and policy version; never overwritten (S8).")
class Assessment:
    _props: strawberry.Private[Props]

    @classmethod
    def from_props(cls, props: Props) -> "Assessment":
        return cls(_props=props)

    @strawberry.field(description="The assessment's id (used by fileObjection / resolveObjection).")
    def id(self) -> strawberry.ID:
        return strawberry.ID(self._props["id"])

    @strawberry.field(description="The date of the assessment.")
    def assessed_on(self) -> dt.date:
        return _date(self._props["assessedOn"])

    @strawberry.field(description="assessedOn + 7 days: the outcome takes effect after publicity (S9).")
    def effective_on(self) -> dt.date:
        return _date(self._props["effectiveOn"])

    @strawberry.field(description="Provincial system score, 0–100, up to two decimals (S1).")
    def system_score(self) -> float:
        return float(self._props["systemScore"])

    @strawberry.field(description="Village panel score, 0–30 (S2).")
    def panel_score(self) -> float:
        return float(self._props["panelScore"])

    @strawberry.field(description="0.7 × system + panel, one decimal, half-up (S4).")
    def composite_score(self) -> float:
        return float(self._props["compositeScore"])

    @strawberry.field(description="The composite rounded half-up to an integer; decides the bands (S5).")
    def band_score(self) -> int:
        return int(self._props["bandScore"])

    @strawberry.field(description="Panel positives (S2).")
    def positives(self) -> list[PanelPositive]:  # type: ignore[valid-type]
        return [items.PanelPositive(v) for v in self._props.get("positives") or []]

    @strawberry.field(description="Panel negatives (S2).")
    def negatives(self) -> list[PanelNegative]:  # type: ignore[valid-type]
        return [items.PanelNegative(v) for v in self._props.get("negatives") or []]

    @strawberry.field(description="Vetoes (S3).")
    def vetoes(self) -> list[Veto]:  # type: ignore[valid-type]
        return [items.Veto(v) for v in self._props.get("vetoes") or []]

    @strawberry.field(description="Head aged 18–60 on the assessment date (H2).")
    def eligible(self) -> bool:
        return bool(self._props.get("eligible"))

    @strawberry.field(description="Why not eligible (H2: AGE), null when eligible.")
    def ineligible_reason(self) -> str | None:
        return self._props.get("ineligibleReason")

    @strawberry.field(description="信用户: eligible, no veto, band ≥ 80 (S6).")
    def is_credit_household(self) -> bool:
        return bool(self._props.get("isCreditHousehold"))

    @strawberry.field(description="Stars 1–5 of a credit household (S6), else null.")
    def stars(self) -> int | None:
        return self._props.get("stars")

    @strawberry.field(description="RED / BLUE / NONE (S7).")
    def certificate(self) -> Certificate:
        return Certificate(self._props.get("certificate") or "NONE")

    @strawberry.field(description="Credit line of the certificate (S7).")
    def credit_line(self) -> Decimal:
        return from_fen(self._props.get("creditLineFen"))

    @strawberry.field(description="The policy configuration version used (S8).")
    def policy_version(self) -> str:
        return str(self._props["policyVersion"])

    @strawberry.field(description="Who assessed (the village panel or officer).")
    def assessor(self) -> str | None:
        return self._props.get("assessor")

    @strawberry.field(description="Publicity / objection state on today's date (S9).")
    def status(self, info: Info) -> AssessmentStatus:
        if self._props.get("status") == "CANCELLED":
            return AssessmentStatus.CANCELLED
        if self._props.get("objectionStatus") == "PENDING":
            return AssessmentStatus.OBJECTED
        if info.context.today() < _date(self._props["effectiveOn"]):
            return AssessmentStatus.IN_PUBLICITY
        return AssessmentStatus.EFFECTIVE

    @strawberry.field(description="The objection filed during publicity, if any (S9).")
    def objection(self) -> Objection | None:
        state = self._props.get("objectionStatus")
        if not state:
            return None
        resolved = self._props.get("objectionResolvedOn")
        return Objection(
            reason=self._props.get("objectionReason") or "",
            filed_on=_date(self._props["objectionFiledOn"]),
            upheld=None if state == "PENDING" else state == "UPHELD",
            note=self._props.get("objectionNote"),
            resolved_on=_date(resolved) if resolved else None,
        )


# --- the household's side (types/household.py delegates here) -----------------------------------

async def _load_assessments(info: Info, codes: list[str]) -> list[list[Props]]:
    rows = await info.context.graph.read("assessments_by_households", codes=list(codes))
    found = {row["householdCode"]: row["assessments"] for row in rows}
    return [found.get(code, []) for code in codes]


def assessments_loader(info: Info) -> Any:
    """One round trip for the assessments of every household of a request."""
    return info.context.loaders.custom("assessments", lambda codes: _load_assessments(info, codes))


async def household_assessments(info: Info, household_code: str) -> list[Assessment]:
    rows = await assessments_loader(info).load(household_code)
    return [Assessment.from_props(a) for a in rows]


async def household_latest_assessment(info: Info, household_code: str) -> Assessment | None:
    """The newest assessment that is not cancelled (in publicity, objected or in force)."""
    rows = await assessments_loader(info).load(household_code)
    for a in rows:
        if a.get("status") != "CANCELLED":
            return Assessment.from_props(a)
    return None


def household_credit_line(props: Props) -> Decimal:
    return from_fen(props.get("creditLineFen"))


def household_available_credit(props: Props) -> Decimal:
    """L1: the line minus the outstanding principal of the household's loans, never below 0."""
    return from_fen(max(0, int(props.get("creditLineFen") or 0) - int(props.get("outstandingFen") or 0)))


async def household_rate_discount(info: Info, props: Props) -> float:
    """D1 with the village's current credit-village status (batched village lookups)."""
    village = await info.context.loaders.node("Village", props["villageCode"])
    discount = rate_discount_permille(
        props,
        is_credit_household=bool(props.get("isCreditHousehold")),
        stars=props.get("stars"),
        certificate=str(props.get("certificate") or "NONE"),
        in_credit_village=bool(village and village.get("isCreditVillage")),
    )
    return float(discount)
