"""Unexpected errors never reach a caller: the message is replaced and the exception is logged
server-side. Errors raised on purpose as GraphQLError (bad cursor, bad scalar) pass unchanged."""

from __future__ import annotations

import logging

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

log = logging.getLogger("graph_service.errors")


def _unexpected(error: GraphQLError) -> bool:
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    log.error("unexpected error in %s: %r", ".".join(map(str, error.path or [])), original, exc_info=original)
    return True


def mask_errors() -> MaskErrors:
    return MaskErrors(should_mask_error=_unexpected, error_message="Internal error: the request could not be completed.")
