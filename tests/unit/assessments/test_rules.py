"""Pure rules of the credit assessment (H2, S1–S7, S9, S10, D1), both sides of every boundary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from graph_service.policy import eligibility, publicity, scores, standing
from graph_service.policy.assessment import InvalidScore, assess, parse_inputs
from graph_service.policy.config import current_policy
from graph_service.policy.discount import FamilyFlags, rate_discount_permille
from graph_service.policy.items import Certificate, IneligibleReason, PanelNegative, PanelPositive, Veto

D = Decimal
ADULT = dt.date(1980, 5, 5)
ON = dt.date(2026, 6, 30)
ALL_POSITIVES = [p.value for p in PanelPositive]


def outcome(system: str, positives: list[str] | None = None, negatives: list[str] | None = None,
            vetoes: list[str] | None = None, birth: dt.date = ADULT, on: dt.date = ON):  # type: ignore[no-untyped-def]
    inputs = parse_inputs(D(system), positives or [], negatives or [], vetoes or [])
    return assess(inputs, birth=birth, assessed_on=on)


# --- S1 system score -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["0", "100", "0.01", "99.99", "93.57", 93.57, 60])
def test_s1_system_score_accepts_0_to_100_with_two_decimals(value: object) -> None:
    assert scores.system_score(value) == D(str(value))  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["-0.01", "100.01", "93.571", 100.5, -1, float("nan"), "x", True])
def test_s1_system_score_refuses_outside_range_or_more_decimals(value: object) -> None:
    with pytest.raises(InvalidScore) as exc:
        scores.system_score(value)  # type: ignore[arg-type]
    assert exc.value.field == "systemScore"


# --- S2 panel score ------------------------------------------------------------------------------

@pytest.mark.parametrize(("n_pos", "n_neg", "panel"), [
    (5, 0, 30), (4, 0, 24), (5, 1, 24), (0, 0, 0), (1, 1, 0),
    (0, 1, 0), (1, 2, 0), (0, 5, 0),  # clamp at 0: never negative
])
def test_s2_panel_is_6_per_positive_minus_6_per_negative_clamped(n_pos: int, n_neg: int, panel: int) -> None:
    negatives = [n.value for n in PanelNegative][:n_neg]
    assert scores.panel_score(ALL_POSITIVES[:n_pos], negatives) == panel


def test_s2_panel_clamps_at_30() -> None:
    # The configured maximum is the clamp, whatever a county's per-item points would add up to.
    policy = current_policy().assessment
    assert scores.panel_score(ALL_POSITIVES, []) == policy.panel_max == 30
    from dataclasses import replace
    generous = replace(policy, panel_points_per_item=7)
    assert scores.panel_score(ALL_POSITIVES, [], generous) == 30  # 35 clamped
    assert scores.panel_score(ALL_POSITIVES[:4], [], generous) == 28


@pytest.mark.parametrize("field", ["positives", "negatives", "vetoes"])
def test_s2_a_repeated_item_is_invalid(field: str) -> None:
    item = {"positives": "FILIAL", "negatives": "IDLE", "vetoes": "CRIMINAL_RECORD"}[field]
    kwargs = {"positives": [], "negatives": [], "vetoes": []}
    kwargs[field] = [item, item]
    with pytest.raises(InvalidScore) as exc:
        parse_inputs(D("80"), **kwargs)
    assert exc.value.field == field


@pytest.mark.parametrize(("field", "item"), [("positives", "IDLE"), ("negatives", "FILIAL"), ("vetoes", "LAZY")])
def test_an_unknown_item_is_invalid(field: str, item: str) -> None:
    kwargs = {"positives": [], "negatives": [], "vetoes": []}
    kwargs[field] = [item]
    with pytest.raises(InvalidScore) as exc:
        parse_inputs(D("80"), **kwargs)
    assert exc.value.field == field


# --- S4 composite, S5 band -----------------------------------------------------------------------

def test_s4_composite_is_exact_and_half_up_to_one_decimal() -> None:
    assert scores.composite_score(D("93.57"), 30) == D("95.5")  # 95.499 -> 95.5
    assert scores.composite_score(D("93.5"), 30) == D("95.5")  # 95.45 -> 95.5 (half-up, not half-even)
    assert scores.composite_score(D("93.42"), 30) == D("95.4")  # 95.394 -> 95.4
    assert scores.composite_score(D("100"), 30) == D("100.0")
    assert scores.composite_score(D("0"), 0) == D("0.0")


def test_s5_a_composite_python_round_gets_wrong() -> None:
    composite = scores.composite_score(D("95"), 24)  # 0.7 x 95 + 24 = 90.5
    assert composite == D("90.5")
    assert round(90.5) == 90  # banker's rounding: the wrong band
    assert scores.band_score(composite) == 91
    o = outcome("95", ALL_POSITIVES[:4])
    assert (o.band_score, o.certificate, o.credit_line_yuan, o.stars) == (91, Certificate.RED, D(40000), 3)


@pytest.mark.parametrize(("composite", "band"), [
    ("79.4", 79), ("79.5", 80), ("83.4", 83), ("83.5", 84), ("95.4", 95), ("95.5", 96), ("100.0", 100),
])
def test_s5_band_is_the_shown_composite_half_up(composite: str, band: int) -> None:
    assert scores.band_score(D(composite)) == band


def test_s5_95_499_shows_95_5_and_bands_96() -> None:
    o = outcome("93.57", ALL_POSITIVES)
    assert (o.composite_score, o.band_score, o.stars, o.credit_line_yuan) == (D("95.5"), 96, 5, D(50000))


# --- S6 credit household and stars, S7 certificate and line, by band ------------------------------

@pytest.mark.parametrize(("band", "credit", "stars", "certificate", "line"), [
    (0, False, None, Certificate.BLUE, 10000),
    (79, False, None, Certificate.BLUE, 10000),
    (80, True, 1, Certificate.RED, 20000),
    (83, True, 1, Certificate.RED, 20000),
    (84, True, 2, Certificate.RED, 20000),
    (85, True, 2, Certificate.RED, 20000),
    (86, True, 2, Certificate.RED, 30000),
    (87, True, 2, Certificate.RED, 30000),
    (88, True, 3, Certificate.RED, 30000),
    (90, True, 3, Certificate.RED, 30000),
    (91, True, 3, Certificate.RED, 40000),
    (92, True, 4, Certificate.RED, 40000),
    (95, True, 4, Certificate.RED, 40000),
    (96, True, 5, Certificate.RED, 50000),
    (100, True, 5, Certificate.RED, 50000),
])
def test_s6_s7_by_band(band: int, credit: bool, stars: int | None, certificate: Certificate, line: int) -> None:
    assert standing.is_credit_household(True, False, band) is credit
    assert standing.stars(True, False, band) == stars
    cert = standing.certificate(True, False, band)
    assert cert == certificate
    assert standing.credit_line_yuan(cert, band) == D(line)


@pytest.mark.parametrize(("system", "composite", "band", "certificate", "line", "stars"), [
    ("70.71", "79.5", 80, Certificate.RED, 20000, 1),  # 49.497 + 30 = 79.497 -> 79.5 -> 80
    ("70.57", "79.4", 79, Certificate.BLUE, 10000, None),  # 49.399 + 30 -> 79.4 -> 79
    ("75.71", "83.0", 83, Certificate.RED, 20000, 1),  # 52.997 + 30
    ("77.14", "84.0", 84, Certificate.RED, 20000, 2),  # 53.998 + 30
    ("78.57", "85.0", 85, Certificate.RED, 20000, 2),
    ("80", "86.0", 86, Certificate.RED, 30000, 2),
    ("85.71", "90.0", 90, Certificate.RED, 30000, 3),
    ("87.14", "91.0", 91, Certificate.RED, 40000, 3),
    ("92.86", "95.0", 95, Certificate.RED, 40000, 4),
    ("94.29", "96.0", 96, Certificate.RED, 50000, 5),
])
def test_band_boundaries_from_scores(system: str, composite: str, band: int, certificate: Certificate,
                                     line: int, stars: int | None) -> None:
    o = outcome(system, ALL_POSITIVES)
    assert (o.composite_score, o.band_score) == (D(composite), band)
    assert (o.certificate, o.credit_line_yuan, o.stars) == (certificate, D(line), stars)
    assert o.is_credit_household is (band >= 80)


# --- S3 vetoes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("veto", [v.value for v in Veto])
def test_s3_each_veto_means_no_credit_whatever_the_scores(veto: str) -> None:
    o = outcome("100", ALL_POSITIVES, vetoes=[veto])
    assert o.band_score == 100
    assert (o.is_credit_household, o.stars, o.certificate, o.credit_line_yuan) == (False, None, Certificate.NONE, D(0))
    assert o.eligible and o.vetoed


# --- H2 eligibility on the assessment date ------------------------------------------------------

def _born_years_before(on: dt.date, years: int, days: int = 0) -> dt.date:
    return on.replace(year=on.year - years) + dt.timedelta(days=days)


@pytest.mark.parametrize(("birth_offset", "age", "eligible"), [
    ((18, 1), 17, False),  # turns 18 tomorrow
    ((18, 0), 18, True),  # 18th birthday today
    ((61, 1), 60, True),  # turns 61 tomorrow
    ((61, 0), 61, False),  # 61st birthday today
])
def test_h2_age_in_full_years_on_the_day(birth_offset: tuple[int, int], age: int, eligible: bool) -> None:
    birth = _born_years_before(ON, *birth_offset)
    assert eligibility.age_on(birth, ON) == age
    assert eligibility.is_eligible(birth, ON) is eligible
    o = outcome("100", ALL_POSITIVES, birth=birth)
    assert o.eligible is eligible
    assert o.ineligible_reason == (None if eligible else IneligibleReason.AGE)
    assert o.certificate == (Certificate.RED if eligible else Certificate.NONE)
    assert o.credit_line_yuan == (D(50000) if eligible else D(0))


def test_h2_leap_day_birthday_counts_from_1_march() -> None:
    birth = dt.date(2008, 2, 29)
    assert eligibility.age_on(birth, dt.date(2026, 2, 28)) == 17
    assert eligibility.age_on(birth, dt.date(2026, 3, 1)) == 18


def test_h2_an_ineligible_low_band_gets_none_not_blue() -> None:
    o = outcome("50", birth=_born_years_before(ON, 70))
    assert (o.certificate, o.credit_line_yuan, o.is_credit_household) == (Certificate.NONE, D(0), False)


# --- S9 publicity, S10 review --------------------------------------------------------------------

def test_s9_effective_seven_days_after() -> None:
    assert publicity.effective_on(dt.date(2026, 6, 23)) == dt.date(2026, 6, 30)
    assert not publicity.in_force(dt.date(2026, 7, 1), ON)
    assert publicity.in_force(dt.date(2026, 6, 30), ON)
    assert outcome("80").effective_on == ON + dt.timedelta(days=7)


def test_s10_due_for_review_when_older_than_365_days() -> None:
    assert not publicity.due_for_review(ON - dt.timedelta(days=365), ON)
    assert publicity.due_for_review(ON - dt.timedelta(days=366), ON)


def test_policy_version_is_recorded() -> None:
    assert outcome("80").policy_version == current_policy().version == "shangcai-2020.1"


# --- D1 rate discount ----------------------------------------------------------------------------

def _discount(flags: FamilyFlags | dict[str, bool] = FamilyFlags(), *, credit: bool = True, stars: int | None = 1,
              certificate: str = "RED", village: bool = False) -> Decimal:
    return rate_discount_permille(flags, is_credit_household=credit, stars=stars, certificate=certificate,
                                  in_credit_village=village)


def test_d1_credit_household_with_a_star_gets_0_6() -> None:
    assert _discount() == D("0.6")
    assert _discount(credit=False, stars=None, certificate="BLUE") == D("0")
    assert _discount(stars=0) == D("0")  # below one star: nothing


def test_d1_village_and_family_items() -> None:
    assert _discount(credit=False, stars=None, certificate="BLUE", village=True) == D("0.3")
    both = FamilyFlags(non_compulsory_student=True, one_child=True, two_daughters=True)
    assert _discount(both, credit=False, stars=None, certificate="BLUE") == D("0.3")  # once
    party = FamilyFlags(active_serviceman=True, party_member=True)
    assert _discount(party, credit=False, stars=None, certificate="BLUE") == D("0.3")  # once
    assert _discount({"oneChild": True, "partyMember": True}, credit=False, stars=None, certificate="BLUE") == D("0.6")


def test_d1_cap_0_9() -> None:
    assert _discount(FamilyFlags(one_child=True), village=False) == D("0.9")  # 0.6 + 0.3 reaches the cap
    everything = FamilyFlags(non_compulsory_student=True, party_member=True)
    assert _discount(everything, village=True) == D("0.9")  # 1.5 capped
    assert _discount(everything, credit=False, stars=None, certificate="BLUE", village=True) == D("0.9")


def test_d1_certificate_none_gives_0() -> None:
    everything = FamilyFlags(non_compulsory_student=True, party_member=True)
    assert _discount(everything, credit=False, stars=None, certificate="NONE", village=True) == D("0")
    assert _discount(everything, certificate=Certificate.NONE, village=True) == D("0")  # enum accepted


def test_config_holds_the_rules_defaults() -> None:
    p = current_policy()
    assert (p.eligibility.min_age, p.eligibility.max_age) == (18, 60)
    assert p.assessment.system_weight == D("0.7") and p.assessment.publicity_days == 7
    assert [(t.min_band, t.value) for t in p.stars] == [(96, 5), (92, 4), (88, 3), (84, 2), (80, 1)]
    assert [(t.min_band, t.value) for t in p.certificates.red_lines_yuan] == [(96, 50000), (91, 40000), (86, 30000), (80, 20000)]
    assert p.discount.cap_permille == D("0.9")
    assert (p.titles.credit_village_household_percent, p.titles.credit_town_village_percent) == (70, 65)
