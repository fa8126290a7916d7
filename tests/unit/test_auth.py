"""Tokens, principals, masking, the permission table and scope checks (A1, A2): pure, no database."""

from __future__ import annotations

import datetime as dt

import jwt
import pytest

from graph_service.auth import audit, permissions
from graph_service.auth.masking import mask_id_number, mask_phone
from graph_service.auth.principal import Principal, PrincipalError, Role
from graph_service.auth.scope import Place, Target, anchored, out_of_scope, targets_of
from graph_service.auth.tokens import (
    DEVELOPMENT_SECRET, NoSecret, TokenError, authenticate, decode, issue, serving_secret,
)

SECRET = "unit-test-secret-0123456789-abcdefghij"


def test_a_token_round_trips_its_principal() -> None:
    token = issue(SECRET, "BANK_OFFICER", bank="B1", subject="李行长")
    assert decode(SECRET, token) == Principal(Role.BANK_OFFICER, "李行长", bank="B1")


@pytest.mark.parametrize("role, scope, error", [
    ("TOWN_OFFICER", {}, "needs --town"),
    ("VILLAGE_PANEL", {"town": "T1"}, "needs --village"),
    ("BANK_OFFICER", {"bank": "B1", "town": "T1"}, "no --town"),
    ("COUNTY_ADMIN", {"village": "T1V1"}, "county-wide"),
    ("PARTNER", {"bank": "B1"}, "county-wide"),
])
def test_a_role_carries_exactly_its_scope(role: str, scope: dict[str, str], error: str) -> None:
    with pytest.raises(PrincipalError, match=error):
        issue(SECRET, role, **scope)


def test_expired_forged_and_unsigned_tokens_are_refused() -> None:
    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3)
    with pytest.raises(TokenError, match="expired"):
        decode(SECRET, issue(SECRET, "COUNTY_ADMIN", now=past, days=1))
    with pytest.raises(TokenError, match="not valid"):
        decode(SECRET, issue("another-secret-0123456789-abcdefghijk", "COUNTY_ADMIN"))
    claims = {"iss": "graph-service", "sub": "x", "role": "COUNTY_ADMIN", "iat": 0, "exp": 4_000_000_000}
    with pytest.raises(TokenError):
        decode(SECRET, jwt.encode(claims, None, algorithm="none"))  # alg "none" never accepted
    with pytest.raises(TokenError, match="role or scope"):
        decode(SECRET, jwt.encode({**claims, "role": "GOD"}, SECRET, algorithm="HS256"))
    with pytest.raises(TokenError, match="role or scope"):  # a scoped role whose scope was stripped
        decode(SECRET, jwt.encode({**claims, "role": "TOWN_OFFICER"}, SECRET, algorithm="HS256"))


def test_authorization_header_forms() -> None:
    token = issue(SECRET, "RISK_OFFICER")
    assert authenticate(SECRET, None) == (None, None)
    assert authenticate(SECRET, f"Bearer {token}")[0] == Principal(Role.RISK_OFFICER, "risk_officer")
    assert authenticate(SECRET, f"Basic {token}")[1] == "Authorization must be 'Bearer <token>'"
    assert "no GRAPH_SERVICE_SECRET" in (authenticate(None, f"Bearer {token}")[1] or "")


def test_the_development_secret_only_for_a_local_non_production_run() -> None:
    assert serving_secret("real-secret", local_neo4j=False, production=True) == ("real-secret", False)
    assert serving_secret(None, local_neo4j=True, production=False) == (DEVELOPMENT_SECRET, True)
    with pytest.raises(NoSecret):
        serving_secret(None, local_neo4j=False, production=False)
    with pytest.raises(NoSecret):
        serving_secret(None, local_neo4j=True, production=True)


def test_masks_keep_prefix_and_last_four() -> None:
    assert mask_id_number("411722198001011234") == "411722********1234"
    assert mask_id_number("41172219800101123X") == "411722********123X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone(None) is None and mask_id_number(None) is None
    assert mask_phone("12345") == "*****"  # too short to keep anything


@pytest.mark.parametrize("principal, village, sees", [
    (Principal(Role.COUNTY_ADMIN, "a"), "T1V1", True),
    (Principal(Role.VILLAGE_PANEL, "p", village="T1V1"), "T1V1", True),
    (Principal(Role.VILLAGE_PANEL, "p", village="T1V2"), "T1V1", False),
    (Principal(Role.TOWN_OFFICER, "t", town="T1"), "T1V1", False),
    (Principal(Role.BANK_OFFICER, "b", bank="B1"), "T1V1", False),
    (Principal(Role.RISK_OFFICER, "r"), "T1V1", False),
    (Principal(Role.PARTNER, "x"), "T1V1", False),
])
def test_who_sees_personal_data(principal: Principal, village: str, sees: bool) -> None:
    assert principal.sees_personal_data(village) is sees  # A2


def test_unknown_root_fields_are_county_admin_only() -> None:
    for operation in ("query", "mutation"):
        assert permissions.rule_for(operation, "someFieldAddedLater").roles == {Role.COUNTY_ADMIN}
    assert permissions.allowed(Role.PARTNER, "query", "household") is False
    assert permissions.allowed(Role.RISK_OFFICER, "query", "stressTest") is True
    assert permissions.allowed(Role.BANK_OFFICER, "mutation", "issueLoan") is True
    assert permissions.allowed(Role.BANK_OFFICER, "mutation", "assessHousehold") is False
    assert all(rule.check_targets for rule in permissions.MUTATIONS.values())


def test_targets_are_every_code_in_the_arguments() -> None:
    args = {"input": {"code": "L9", "householdCode": "H1", "bankCode": "B1", "principal": "100.00"}}
    assert targets_of(args, "Loan") == [Target("Bank", "B1"), Target("Household", "H1"), Target("Loan", "L9")]
    assert targets_of({"input": {"defaultVillageCodes": ["V1", "V2"]}}) == [Target("Village", "V1"), Target("Village", "V2")]
    assert targets_of({"assessmentId": "A1", "reason": "x"}) == [Target("Assessment", "A1")]
    assert targets_of({"input": {"code": "X"}}) == []  # a bare code needs the rule's label


def test_scope_of_a_change() -> None:
    bank = Principal(Role.BANK_OFFICER, "b", bank="B1")
    town = Principal(Role.TOWN_OFFICER, "t", town="T1")
    panel = Principal(Role.VILLAGE_PANEL, "p", village="T1V1")
    loan_b2 = {Target("Loan", "L2"): Place("T1", "T1V1", "B2")}
    assert out_of_scope(bank, loan_b2) == [Target("Loan", "L2")]
    assert out_of_scope(town, loan_b2) == [] and anchored(town, loan_b2, loan_b2)
    assert out_of_scope(panel, {Target("Village", "T1V2"): Place("T1", "T1V2", None)}) == [Target("Village", "T1V2")]
    assert out_of_scope(panel, {Target("Town", "T1"): Place("T1", None, None)}) == [Target("Town", "T1")]
    # A bank does not constrain a town officer, nor a household a bank officer.
    places = {Target("Bank", "B2"): Place(None, None, "B2"), Target("Village", "T1V1"): Place("T1", "T1V1", None)}
    assert out_of_scope(town, places) == [] and anchored(town, places, places)
    assert out_of_scope(bank, {Target("Household", "H"): Place("T9", "T9V9", None)}) == []
    # Nothing found inside the scope (an unknown code): not anchored, so refused.
    assert not anchored(bank, [Target("Loan", "NOPE")], {})
    assert not anchored(bank, [Target("Household", "H")], {Target("Household", "H"): Place("T1", "T1V1", None)})


def test_audit_diff_keeps_only_changed_properties() -> None:
    before = {"Loan:L1": {"code": "L1", "outstandingFen": 500, "status": "ACTIVE"}}
    after = {"Loan:L1": {"code": "L1", "outstandingFen": 0, "status": "REPAID"}, "Loan:L2": {"code": "L2"}}
    old, new = audit.diff(before, after)
    assert old == {"Loan:L1": {"outstandingFen": 500, "status": "ACTIVE"}, "Loan:L2": None}
    assert new == {"Loan:L1": {"outstandingFen": 0, "status": "REPAID"}, "Loan:L2": {"code": "L2"}}
    assert audit.diff(before, before) == ({}, {})
