"""Exposing enums that pure modules own (they stay free of GraphQL) with documented values."""

from __future__ import annotations

from typing import Any


def describe_values(enum: Any, descriptions: dict[str, str]) -> None:
    """Documents every value of a strawberry enum; refuses to leave one out."""
    values = enum.__strawberry_definition__.values
    assert {v.name for v in values} == set(descriptions), f"describe every value of {enum.__name__}"
    for value in values:
        value.description = descriptions[value.name]
