"""A2: ID numbers and phones in clear only for the county centre and the household's own village panel."""

from __future__ import annotations

import pytest

from tests.api.access.conftest import error_code

ONE = '{ household(code: "T1V1H1") { headIdNumber phone } }'
LIST = '{ village(code: "T1V1") { households(first: 1) { edges { node { headIdNumber phone } } } } }'
CLEAR = {"headIdNumber": "411722198001010111", "phone": "13812340111"}
MASKED = {"headIdNumber": "411722********0111", "phone": "138****0111"}


@pytest.mark.parametrize("role, expected", [
    ("COUNTY_ADMIN", CLEAR),
    ("VILLAGE_PANEL", CLEAR),  # its own village, T1V1
    ("TOWN_OFFICER", MASKED),
    ("BANK_OFFICER", MASKED),
    ("RISK_OFFICER", MASKED),
])
async def test_personal_data_per_role_by_lookup_and_by_list(county, call, role: str, expected: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    one = await call(role, ONE)
    assert one == {"data": {"household": expected}}, one
    listed = await call(role, LIST)
    assert listed["data"]["village"]["households"]["edges"] == [{"node": expected}]


async def test_another_village_panel_and_a_partner_see_no_personal_data_at_all(county, call) -> None:  # type: ignore[no-untyped-def]
    other_panel = await call("VILLAGE_PANEL", ONE, village="T1V2")
    assert other_panel == {"data": {"household": None}}  # out of its scope: not even masked
    partner = await call("PARTNER", ONE)
    assert partner["data"] is None and error_code(partner) == "FORBIDDEN"


async def test_a_household_reached_through_a_loan_is_masked_too(county, call) -> None:  # type: ignore[no-untyped-def]
    body = await call("BANK_OFFICER", '{ loan(code: "L1") { household { headIdNumber phone } } }')
    assert body["data"]["loan"]["household"] == MASKED
