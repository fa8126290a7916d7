"""Records of the dataset file (CONTRACT.md "Dataset file"), validated with pydantic.

Money arrives in yuan with at most two decimals and is kept as `Decimal`; the importer turns it into
integer fen. Field names are the file's camelCase names.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator, model_validator

from graph_service.money import MoneyError, yuan
from graph_service.policy import stations as station_rules


def _yuan(value: Any) -> Decimal:
    try:
        return yuan(value)
    except MoneyError as exc:
        raise ValueError(str(exc)) from None


Yuan = Annotated[Decimal, BeforeValidator(_yuan), Field(ge=0)]
Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]


class TownKind(str, Enum):
    TOWN = "TOWN"
    TOWNSHIP = "TOWNSHIP"
    SUBDISTRICT = "SUBDISTRICT"


class LoanStatus(str, Enum):
    ACTIVE = "ACTIVE"
    OVERDUE = "OVERDUE"
    REPAID = "REPAID"
    WRITTEN_OFF = "WRITTEN_OFF"


class LoanPurpose(str, Enum):
    SPECIALTY_FARMING = "SPECIALTY_FARMING"
    AGRI_PROCESSING_SALES = "AGRI_PROCESSING_SALES"
    LEISURE_AGRICULTURE = "LEISURE_AGRICULTURE"
    PHOTOVOLTAIC = "PHOTOVOLTAIC"
    RURAL_TOURISM = "RURAL_TOURISM"
    OTHER_PRODUCTION = "OTHER_PRODUCTION"
    EQUITY_IN_AGRI_ENTERPRISE = "EQUITY_IN_AGRI_ENTERPRISE"
    SCHOOLING = "SCHOOLING"
    CONSUMPTION = "CONSUMPTION"
    REAL_ESTATE = "REAL_ESTATE"
    MEDICAL = "MEDICAL"
    DEBT_REPAYMENT = "DEBT_REPAYMENT"
    GAMBLING = "GAMBLING"
    USURY = "USURY"
    ILLEGAL_FUNDRAISING = "ILLEGAL_FUNDRAISING"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)


class CountyRecord(_Record):
    code: Code
    name: str = Field(min_length=1)


class TownRecord(_Record):
    code: Code
    name: str = Field(min_length=1)
    kind: TownKind


class VillageRecord(_Record):
    code: Code
    name: str = Field(min_length=1)
    townCode: Code
    hasBankBranch: bool = False


class HouseholdRecord(_Record):
    code: Code
    villageCode: Code
    headName: str = Field(min_length=1)
    headIdNumber: str | None = None
    headBirthDate: dt.date
    phone: str | None = None
    members: int = Field(default=1, ge=1)
    nonCompulsoryStudent: bool = False
    oneChild: bool = False
    twoDaughters: bool = False
    activeServiceman: bool = False
    partyMember: bool = False


class BankRecord(_Record):
    code: Code
    name: str = Field(min_length=1)


class StationRecord(_Record):
    code: Code
    name: str = Field(min_length=1)
    villageCode: Code
    bankCode: Code
    registeredOn: dt.date
    openedOn: dt.date
    manager: str = Field(min_length=1)


# T2: the limits of recordInspection (inspector required, up to 200 characters; findings may be
# empty, up to 2,000), applied to the trimmed text as the mutation does.
Inspector = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Findings = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Score = Annotated[int, Field(strict=True)]


class InspectionRecord(_Record):
    """T2: one monthly inspection (巡检). Dates against today and the station's opening are checked
    with the references (`validate.check_references`), as recordInspection checks them."""

    stationCode: Code
    inspectedOn: dt.date
    inspector: Inspector
    findings: Findings = ""
    askedAboutIllegalFundraising: bool
    illegalActivityFound: bool


class RatingRecord(_Record):
    """T3: one quarterly star rating; stars, qualified and the replacement flag are computed on
    import by the same policy code as rateStation, never read from the file."""

    stationCode: Code
    quarter: str
    environment: Score
    functions: Score
    volume: Score
    service: Score
    riskControl: Score

    @field_validator("quarter")
    @classmethod
    def _quarter(cls, value: str) -> str:
        return str(station_rules.Quarter.parse(value))  # raises ValueError: "… is not a quarter like 2026Q1"

    @model_validator(mode="after")
    def _scores(self) -> "RatingRecord":
        bad = station_rules.invalid_dimensions(self.scores())
        if bad:
            limit = station_rules.station_policy().dimension_max
            raise ValueError(f"{bad[0]} must be between 0 and {limit}")
        return self

    def scores(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in station_rules.DIMENSIONS}


class AssessmentRecord(_Record):
    householdCode: Code
    assessedOn: dt.date
    systemScore: float
    positives: list[str] = Field(default_factory=list)
    negatives: list[str] = Field(default_factory=list)
    vetoes: list[str] = Field(default_factory=list)
    assessor: str | None = None

    @model_validator(mode="after")
    def _policy_inputs(self) -> "AssessmentRecord":
        # S1–S3: the same input rules as assessHousehold, so a bad record refuses the file up front.
        from graph_service.policy.assessment import InvalidScore, parse_inputs

        try:
            parse_inputs(self.systemScore, self.positives, self.negatives, self.vetoes)
        except InvalidScore as exc:
            raise ValueError(f"{exc.field}: {exc}") from None
        return self


class LoanRecord(_Record):
    code: Code
    householdCode: Code
    bankCode: Code
    principal: Yuan
    outstanding: Yuan
    purpose: LoanPurpose
    issuedOn: dt.date
    dueOn: dt.date
    daysOverdue: int = Field(default=0, ge=0)
    status: LoanStatus

    @model_validator(mode="after")
    def _consistent(self) -> "LoanRecord":
        if self.outstanding > self.principal:
            raise ValueError("outstanding is above principal")
        if self.dueOn < self.issuedOn:
            raise ValueError("dueOn is before issuedOn")
        return self


class GuaranteeRecord(_Record):
    guarantorCode: Code
    loanCode: Code
    amount: Yuan


class Dataset(_Record):
    county: CountyRecord | None = None
    towns: list[TownRecord] = Field(default_factory=list)
    villages: list[VillageRecord] = Field(default_factory=list)
    households: list[HouseholdRecord] = Field(default_factory=list)
    banks: list[BankRecord] = Field(default_factory=list)
    stations: list[StationRecord] = Field(default_factory=list)
    inspections: list[InspectionRecord] = Field(default_factory=list)
    ratings: list[RatingRecord] = Field(default_factory=list)
    assessments: list[AssessmentRecord] = Field(default_factory=list)
    loans: list[LoanRecord] = Field(default_factory=list)
    guarantees: list[GuaranteeRecord] = Field(default_factory=list)
