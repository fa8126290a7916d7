"""Mutations of the credit assessment area: assessHousehold (S1–S9), fileObjection and
resolveObjection (S9). A refusal is a user error and writes nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Annotated, Any

import strawberry

from graph_service.api.context import Info
from graph_service.api.errors import ErrorCode, Refused, UserError, user_error, user_errors_field
from graph_service.api.types.assessment import Assessment, PanelNegative, PanelPositive, Veto, assessments_loader
from graph_service.api.types.household import Household
from graph_service.graph import assessments
from graph_service.graph.db import Tx
from graph_service.policy.assessment import InvalidScore


@strawberry.input(description="One credit assessment of a household (S1–S3).")
class AssessHouseholdInput:
    household_code: str = strawberry.field(description="The household (农户) assessed; unknown: NOT_FOUND.")
    assessed_on: dt.date = strawberry.field(description="The assessment date; not in the future.")
    system_score: float = strawberry.field(description="0–100, at most two decimals (S1).")
    positives: list[PanelPositive] = strawberry.field(description="The panel's positive items that apply, +6 each (S2); an item listed twice is INVALID_INPUT.")  # type: ignore[valid-type]
    negatives: list[PanelNegative] = strawberry.field(description="The panel's negative items that apply, −6 each (S2); an item listed twice is INVALID_INPUT.")  # type: ignore[valid-type]
    vetoes: list[Veto] = strawberry.field(description="一票否决 vetoes that apply (S3): any one means no credit; one listed twice is INVALID_INPUT.")  # type: ignore[valid-type]
    assessor: str | None = strawberry.field(default=None, description="Who assessed (the village panel or officer); optional.")


@strawberry.type(description="The recorded assessment and its household, or why it was refused (INVALID_INPUT, NOT_FOUND).")
class AssessHouseholdPayload:
    assessment: Assessment | None = strawberry.field(default=None, description="The recorded assessment (S8); null when refused.")
    household: Household | None = strawberry.field(default=None, description="The household now; its standing changes only once the assessment is in force (S9). Null when refused.")
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="The assessment after an objection action (S9).")
class ObjectionPayload:
    assessment: Assessment | None = strawberry.field(default=None, description="The assessment after the action; null when refused.")
    user_errors: list[UserError] = user_errors_field()


def _field(name: str) -> list[str]:
    return ["input", name]


async def _household(info: Info, code: str) -> Household | None:
    info.context.loaders.clear("Household", code)
    with contextlib.suppress(KeyError):
        assessments_loader(info).clear(code)
    props = await info.context.loaders.node("Household", code)
    return Household.from_props(props) if props else None


def _refresh_village(info: Info, props: dict[str, Any]) -> None:
    """A title may have changed with the household (R4): forget the cached village."""
    village = props.get("villageCode")
    if village:
        info.context.loaders.clear("Village", village)


@strawberry.type
class AssessmentMutation:
    @strawberry.mutation(description="Records a credit assessment (S8); it takes effect after 7 days' publicity (S9).")
    async def assess_household(
        self, info: Info, input: Annotated[AssessHouseholdInput, strawberry.argument(description="The household, date, system score and panel items (S1–S3).")]
    ) -> AssessHouseholdPayload:
        today = info.context.today()
        if input.assessed_on > today:
            return AssessHouseholdPayload(user_errors=[UserError(
                code=ErrorCode.INVALID_INPUT, message="assessedOn is in the future", field=_field("assessedOn"))])
        req = assessments.Request(
            household_code=input.household_code,
            assessed_on=input.assessed_on,
            system_score=input.system_score,
            positives=list(input.positives),
            negatives=list(input.negatives),
            vetoes=list(input.vetoes),
            assessor=input.assessor,
        )

        async def work(tx: Tx) -> dict[str, Any]:
            try:
                return await assessments.record(tx, req, today=today)
            except InvalidScore as exc:
                raise Refused(ErrorCode.INVALID_INPUT, str(exc), _field(exc.field)) from None
            except assessments.HouseholdNotFound:
                raise Refused(ErrorCode.NOT_FOUND, f"no household {input.household_code}", _field("householdCode")) from None

        try:
            stored = await info.context.graph.write_tx(work)
        except Refused as refused:
            return AssessHouseholdPayload(user_errors=[user_error(refused)])
        household = await _household(info, input.household_code)
        if household is not None:
            _refresh_village(info, household._props)
        return AssessHouseholdPayload(assessment=Assessment.from_props(stored), household=household)

    @strawberry.mutation(description="Files an objection during publicity (S9); the assessment waits until it is resolved.")
    async def file_objection(
        self, info: Info,
        assessment_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The assessment (Assessment.id); unknown: NOT_FOUND; cancelled, already objected to or past its publicity: CONFLICT."))],
        reason: Annotated[str, strawberry.argument(description="Why the household objects; blank: INVALID_INPUT.")],
    ) -> ObjectionPayload:
        today = info.context.today()
        return await _objection(info, lambda tx: assessments.file_objection(tx, str(assessment_id), reason, today=today))

    @strawberry.mutation(description="Resolves an objection (S9): upheld cancels the assessment, rejected lets it take effect.")
    async def resolve_objection(
        self, info: Info,
        assessment_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The assessment (Assessment.id); unknown: NOT_FOUND; without a pending objection: CONFLICT."))],
        upheld: Annotated[bool, strawberry.argument(description="true: upheld, the assessment is cancelled; false: rejected, the assessment takes effect once its publicity is over.")],
        note: Annotated[str, strawberry.argument(description="The resolver's note, kept on the objection.")],
    ) -> ObjectionPayload:
        today = info.context.today()
        payload = await _objection(
            info, lambda tx: assessments.resolve_objection(tx, str(assessment_id), upheld, note, today=today)
        )
        if payload.assessment is not None:
            code = payload.assessment._props["householdCode"]
            household = await _household(info, code)
            if household is not None:
                _refresh_village(info, household._props)
        return payload


async def _objection(info: Info, action: Any) -> ObjectionPayload:
    async def work(tx: Tx) -> dict[str, Any]:
        try:
            return await action(tx)
        except assessments.ObjectionRefused as exc:
            raise Refused(ErrorCode[exc.kind], str(exc), [exc.field]) from None

    try:
        stored = await info.context.graph.write_tx(work)
    except Refused as refused:
        return ObjectionPayload(user_errors=[user_error(refused)])
    return ObjectionPayload(assessment=Assessment.from_props(stored))
