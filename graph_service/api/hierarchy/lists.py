"""The resolvers behind the connection fields and `Village.stations`: arguments in, one batched page
query per level out (see `pagination.connection` and `loaders.Loaders.page`)."""

from __future__ import annotations

from typing import Any

from graph_service.api import pagination
from graph_service.api.context import Info
from graph_service.api.hierarchy.arguments import ratio_filters, stars_filter
from graph_service.api.hierarchy.orders import KEY_TYPES, HouseholdOrder, LoanOrder, TownOrder, VillageOrder
from graph_service.api.types.household import Certificate, Household
from graph_service.api.types.loan import Loan, LoanStatus
from graph_service.api.types.station import Station
from graph_service.api.types.town import Town, TownKind
from graph_service.api.types.village import Village


def _value(enum: Any) -> Any:
    return None if enum is None else enum.value


def _node(cls: Any) -> Any:
    def make(row: dict[str, Any]) -> Any:
        props = dict(row)
        props.pop("_k", None)
        return cls.from_props(props)

    return make


async def towns(
    info: Info, county_code: str, *, first: int | None, after: str | None, order_by: TownOrder,
    frozen: bool | None, is_credit_town: bool | None, kind: TownKind | None, name_contains: str | None,
    min_overdue_ratio: float | None, max_overdue_ratio: float | None,
) -> pagination.Connection[Town]:
    filters = {"frozen": frozen, "isCreditTown": is_credit_town, "kind": _value(kind), "nameContains": name_contains,
               **ratio_filters(min_overdue_ratio, max_overdue_ratio)}
    return await pagination.connection(
        info, county_code, query="towns_pages", order=order_by.value, key_type=KEY_TYPES[order_by.value],
        first=first, after=after, filters=filters, make=_node(Town),
    )


async def villages(
    info: Info, town_code: str, *, first: int | None, after: str | None, order_by: VillageOrder,
    frozen: bool | None, is_credit_village: bool | None, name_contains: str | None,
    min_overdue_ratio: float | None, max_overdue_ratio: float | None,
) -> pagination.Connection[Village]:
    filters = {"frozen": frozen, "isCreditVillage": is_credit_village, "nameContains": name_contains,
               **ratio_filters(min_overdue_ratio, max_overdue_ratio)}
    return await pagination.connection(
        info, town_code, query="villages_pages", order=order_by.value, key_type=KEY_TYPES[order_by.value],
        first=first, after=after, filters=filters, make=_node(Village),
    )


async def households(
    info: Info, village_code: str, *, first: int | None, after: str | None, order_by: HouseholdOrder,
    certificate: Certificate | None, is_credit_household: bool | None, stars: int | None, name_contains: str | None,
) -> pagination.Connection[Household]:
    filters = {"certificate": _value(certificate), "isCreditHousehold": is_credit_household,
               "stars": stars_filter(stars), "nameContains": name_contains}
    return await pagination.connection(
        info, village_code, query="households_pages", order=order_by.value, key_type=KEY_TYPES[order_by.value],
        first=first, after=after, filters=filters, make=_node(Household),
    )


async def loans(
    info: Info, household_code: str, *, first: int | None, after: str | None, order_by: LoanOrder,
    status: LoanStatus | None,
) -> pagination.Connection[Loan]:
    return await pagination.connection(
        info, household_code, query="loans_pages", order=order_by.value, key_type=KEY_TYPES[order_by.value],
        first=first, after=after, filters={"status": _value(status)}, make=_node(Loan),
    )


async def stations(info: Info, village_code: str) -> list[Station]:
    return [Station.from_props(props) for props in await info.context.loaders.stations(village_code)]
