"""农户 Household (H1): its head, its village, and its credit standing."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.hierarchy.orders import LoanOrder
from graph_service.api.node import Node, to_global_id
from graph_service.api.personal import PersonalData
from graph_service.auth.masking import mask_id_number, mask_phone
from graph_service.api.types.lists import ListStatus
from graph_service.api.types.loan import Loan, LoanStatus

if TYPE_CHECKING:
    from graph_service.api.types.assessment import Assessment
    from graph_service.api.types.village import Village

VillageRef = Annotated["Village", strawberry.lazy("graph_service.api.types.village")]
AssessmentRef = Annotated["Assessment", strawberry.lazy("graph_service.api.types.assessment")]


@strawberry.enum(description="红蓝本 The household's credit certificate (S7); stored as `certificate`, default NONE.")
class Certificate(Enum):
    RED = strawberry.enum_value("RED", description="红本: credit household, band ≥ 80, line 20,000–50,000 (S7).")
    BLUE = strawberry.enum_value("BLUE", description="蓝本: band < 80, or a RED holder downgraded for a minor overdue (S7, C1); line 10,000.")
    NONE = strawberry.enum_value("NONE", description="No certificate: not yet assessed, vetoed, ineligible or revoked (S3, S7, C1); cannot borrow (L3).")


@strawberry.type(description="农户 A rural household (H1).")
class Household(Node):
    code: str = strawberry.field(description="Household code (unique; 农户编号).")
    head_name: str = strawberry.field(description="Name of the head of the household (户主).")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Household":
        return cls(
            id=to_global_id("Household", props["code"]),
            code=props["code"],
            head_name=props["headName"],
            _props=props,
        )

    @strawberry.field(
        description="ID number of the head. Personal data: masked for callers not allowed to see it (rule A2).",
        extensions=[PersonalData(mask_id_number)],
    )
    def head_id_number(self) -> str | None:
        return self._props.get("headIdNumber")

    @strawberry.field(description="Phone number. Personal data (A2): masked like the ID number.", extensions=[PersonalData(mask_phone)])
    def phone(self) -> str | None:
        return self._props.get("phone")

    @strawberry.field(description="红榜 / 黑榜: credit household with no overdue loan in the last 12 months, or credit revoked (C3).")
    def list_status(self, info: Info) -> ListStatus:
        from graph_service.policy.lending import list_status

        return ListStatus(list_status(self._props, info.context.today()))

    @strawberry.field(description="The household's village.")
    async def village(self, info: Info) -> VillageRef:
        from graph_service.api.types.village import Village

        props = await info.context.loaders.node("Village", self._props["villageCode"])
        assert props is not None, "every household belongs to a village (H1)"
        return Village.from_props(props)

    @strawberry.field(description="The household's loans (贷款, L1–L4): a keyset-paged connection, filtered by status and ordered (code order by default).")
    async def loans(
        self,
        info: Info,
        first: pagination.First = None,
        after: pagination.After = None,
        status: Annotated[LoanStatus | None, strawberry.argument(description="Only loans in this state (L4).")] = None,
        order_by: Annotated[LoanOrder, strawberry.argument(description="Ordering, from an allow-list; keep it the same on every page.")] = LoanOrder.CODE,
    ) -> pagination.Connection[Loan]:
        from graph_service.api.hierarchy import lists

        return await lists.loans(info, self.code, first=first, after=after, order_by=order_by, status=status)

    # --- credit standing (issue 3: H2, S6, S7, D1); set when an assessment comes into force ---
    @strawberry.field(description="Head aged 18–60 on the date of the assessment in force (H2).")
    def eligible(self) -> bool:
        return bool(self._props.get("eligible"))

    @strawberry.field(description="信用户 per the assessment in force (S6); false when black-listed (C2).")
    def is_credit_household(self) -> bool:
        return bool(self._props.get("isCreditHousehold"))

    @strawberry.field(description="Stars 1–5 of a credit household (S6), else null.")
    def stars(self) -> int | None:
        return self._props.get("stars")

    @strawberry.field(description="红蓝本 certificate in force (S7, C1).")
    def certificate(self) -> Certificate:
        return Certificate(self._props.get("certificate") or "NONE")

    @strawberry.field(description="Credit line in force (S7, C1).")
    def credit_line(self) -> Decimal:
        from graph_service.api.types.assessment import household_credit_line

        return household_credit_line(self._props)

    @strawberry.field(description="Credit line minus outstanding principal, never below 0 (L1).")
    def available_credit(self) -> Decimal:
        from graph_service.api.types.assessment import household_available_credit

        return household_available_credit(self._props)

    @strawberry.field(description="Rate discount in ‰ of the monthly rate (D1, with the village's current credit-village status).")
    async def rate_discount_permille(self, info: Info) -> float:
        from graph_service.api.types.assessment import household_rate_discount

        return await household_rate_discount(info, self._props)

    @strawberry.field(description="The newest assessment that is not cancelled (it may still be in publicity).")
    async def latest_assessment(self, info: Info) -> AssessmentRef | None:
        from graph_service.api.types.assessment import household_latest_assessment

        return await household_latest_assessment(info, self.code)

    @strawberry.field(description="Every assessment, newest first, cancelled ones included (S8).")
    async def assessments(self, info: Info) -> list[AssessmentRef]:
        from graph_service.api.types.assessment import household_assessments

        return await household_assessments(info, self.code)
