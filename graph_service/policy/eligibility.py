"""H2: eligibility by the head's age in full years on the assessment date (18..60 inclusive)."""

from __future__ import annotations

import datetime as dt

from graph_service.policy.config import EligibilityPolicy, current_policy


def age_on(birth: dt.date, on: dt.date) -> int:
    """Full years: the birthday counts from its day (a 29 February birthday from 1 March)."""
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    return on.year - birth.year - (1 if before_birthday else 0)


def is_eligible(birth: dt.date, on: dt.date, policy: EligibilityPolicy | None = None) -> bool:
    """H2: 18周岁以上60周岁以下, both ends included (以上/以下 include the endpoint)."""
    p = policy or current_policy().eligibility
    return p.min_age <= age_on(birth, on) <= p.max_age
