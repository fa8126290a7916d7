"""Personal-data masking (A2): what a caller who may not see an ID number or a phone gets instead."""

from __future__ import annotations


def mask_id_number(value: str | None) -> str | None:
    """411722198001011234 -> 411722********1234: the county prefix and the last four stay."""
    if value is None:
        return None
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str | None) -> str | None:
    """13812345678 -> 138****5678."""
    if value is None:
        return None
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
