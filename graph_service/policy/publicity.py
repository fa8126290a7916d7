"""S9 publicity and S10 annual review: dates only."""

from __future__ import annotations

import datetime as dt

from graph_service.policy.config import AssessmentPolicy, current_policy


def effective_on(assessed_on: dt.date, policy: AssessmentPolicy | None = None) -> dt.date:
    """S9: effectiveOn = assessedOn + 7 days; until then the previous effective outcome stands."""
    p = policy or current_policy().assessment
    return assessed_on + dt.timedelta(days=p.publicity_days)


def in_force(effective: dt.date, today: dt.date) -> bool:
    return effective <= today


def review_cutoff(today: dt.date, policy: AssessmentPolicy | None = None) -> dt.date:
    """S10: an outcome effective before this date is older than 365 days, so due for review."""
    p = policy or current_policy().assessment
    return today - dt.timedelta(days=p.review_after_days)


def due_for_review(effective: dt.date, today: dt.date, policy: AssessmentPolicy | None = None) -> bool:
    """S10: older than 365 days (366 days or more since it took effect)."""
    return effective < review_cutoff(today, policy)
