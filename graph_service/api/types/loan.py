"""贷款 Loan (L1–L4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.node import Node, to_global_id
from graph_service.api.types.bank import Bank
from graph_service.money import from_fen

if TYPE_CHECKING:
    from graph_service.api.types.household import Household

HouseholdRef = Annotated["Household", strawberry.lazy("graph_service.api.types.household")]


@strawberry.enum(description="Loan states (L4).")
class LoanStatus(Enum):
    ACTIVE = strawberry.enum_value("ACTIVE", description="Outstanding, not past due.")
    OVERDUE = strawberry.enum_value("OVERDUE", description="逾期: days past due > 0.")
    REPAID = strawberry.enum_value("REPAID", description="Repaid in full.")
    WRITTEN_OFF = strawberry.enum_value("WRITTEN_OFF", description="核销: written off; revokes the borrower's credit (C1).")


@strawberry.enum(description="Loan purposes (L2): the first seven are allowed, the rest forbidden.")
class LoanPurpose(Enum):
    SPECIALTY_FARMING = strawberry.enum_value("SPECIALTY_FARMING", description="特色种养业 (allowed)")
    AGRI_PROCESSING_SALES = strawberry.enum_value("AGRI_PROCESSING_SALES", description="农产品加工销售 (allowed)")
    LEISURE_AGRICULTURE = strawberry.enum_value("LEISURE_AGRICULTURE", description="休闲农业 (allowed)")
    PHOTOVOLTAIC = strawberry.enum_value("PHOTOVOLTAIC", description="光伏发电 (allowed)")
    RURAL_TOURISM = strawberry.enum_value("RURAL_TOURISM", description="乡村旅游 (allowed)")
    OTHER_PRODUCTION = strawberry.enum_value("OTHER_PRODUCTION", description="其他生产经营 (allowed)")
    EQUITY_IN_AGRI_ENTERPRISE = strawberry.enum_value("EQUITY_IN_AGRI_ENTERPRISE", description="带资入股 (allowed)")
    SCHOOLING = strawberry.enum_value("SCHOOLING", description="子女上学 (forbidden)")
    CONSUMPTION = strawberry.enum_value("CONSUMPTION", description="消费 (forbidden)")
    REAL_ESTATE = strawberry.enum_value("REAL_ESTATE", description="购房 (forbidden)")
    MEDICAL = strawberry.enum_value("MEDICAL", description="看病 (forbidden)")
    DEBT_REPAYMENT = strawberry.enum_value("DEBT_REPAYMENT", description="还债 (forbidden)")
    GAMBLING = strawberry.enum_value("GAMBLING", description="赌博 (forbidden)")
    USURY = strawberry.enum_value("USURY", description="放高利贷 (forbidden)")
    ILLEGAL_FUNDRAISING = strawberry.enum_value("ILLEGAL_FUNDRAISING", description="非法集资 (forbidden)")


@strawberry.type(description="贷款 A loan from a bank to a household (L1–L4).")
class Loan(Node):
    code: str = strawberry.field(description="Loan code: the caller's key (unique; sending the same loan twice never lends twice).")
    principal: Decimal = strawberry.field(description="Principal lent (本金), yuan.")
    outstanding: Decimal = strawberry.field(description="Outstanding principal; falls with repayments (L4).")
    purpose: LoanPurpose = strawberry.field(description="What the loan is for (贷款用途); only the allowed purposes are lent for (L2).")
    status: LoanStatus = strawberry.field(description="State (L4): ACTIVE, OVERDUE (逾期), REPAID, WRITTEN_OFF (核销).")
    days_overdue: int = strawberry.field(description="Days past due (逾期天数); more than 90 is severe (C1).")
    issued_on: dt.date = strawberry.field(description="Issue date (放款日); the rate discount of that day applies (D2).")
    due_on: dt.date = strawberry.field(description="Due date (到期日).")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> "Loan":
        return cls(
            id=to_global_id("Loan", props["code"]),
            code=props["code"],
            principal=from_fen(props["principalFen"]),
            outstanding=from_fen(props["outstandingFen"]),
            purpose=LoanPurpose(props["purpose"]),
            status=LoanStatus(props["status"]),
            days_overdue=int(props.get("daysOverdue") or 0),
            issued_on=props["issuedOn"],
            due_on=props["dueOn"],
            _props=props,
        )

    @strawberry.field(description="The borrower.")
    async def household(self, info: Info) -> HouseholdRef:
        from graph_service.api.types.household import Household

        props = await info.context.loaders.node("Household", self._props["householdCode"])
        assert props is not None
        return Household.from_props(props)

    @strawberry.field(description="The lending bank.")
    async def bank(self, info: Info) -> Bank:
        props = await info.context.loaders.node("Bank", self._props["bankCode"])
        assert props is not None
        return Bank.from_props(props)

    @strawberry.field(description="Rate discount in force on the issue date, ‰ per month (D1, D2).")
    def rate_discount_permille(self) -> float:
        return float(self._props.get("rateDiscountPermille") or 0.0)

    @strawberry.field(description="Households guaranteeing this loan (K1), by guarantor code.")
    async def guarantees(
        self, info: Info
    ) -> list[Annotated["Guarantee", strawberry.lazy("graph_service.api.types.contagion")]]:
        # One round trip for the guarantees of every loan in the response (data loader).
        from graph_service.api.types.contagion import Guarantee
        from graph_service.graph import guarantees

        loader = info.context.loaders.custom(
            "guarantees_of_loans", lambda codes: guarantees.of_loans(info.context.graph, codes)
        )
        rows = await loader.load(self.code)
        return [Guarantee(amount=from_fen(g.amount_fen), guarantor_code=g.guarantor_code, loan_code=g.loan_code)
                for g in rows]
