"""Relay object identification: opaque global IDs and the `Node` interface."""

from __future__ import annotations

import base64
import binascii

import strawberry


@strawberry.interface(description="An object with a global, opaque ID (Relay object identification): refetch any of them with `node(id)`.")
class Node:
    id: strawberry.ID = strawberry.field(description="Global, opaque ID: stable for the object's life; pass it to `node(id)`. Not its code.")


def to_global_id(type_name: str, code: str) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{code}".encode()).decode().rstrip("="))


def from_global_id(global_id: str) -> tuple[str, str] | None:
    """Returns (type name, code), or None for anything that is not one of our IDs."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        text = base64.urlsafe_b64decode(padded.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, sep, code = text.partition(":")
    if not sep or not type_name or not code:
        return None
    return type_name, code
