"""Limits on what one GraphQL request may ask for (issue 8): depth, aliases, tokens; and, in
production, no introspection and no "Did you mean …?" suggestions that would reveal the schema."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from graphql import NoSchemaIntrospectionCustomRule, specified_rules, validate
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter, SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule


@dataclass(frozen=True)
class Limits:
    #: Deepest legitimate query: county > towns > edges > node > villages > edges > node > households
    #: > edges > node > loans > edges > node > guarantees > guarantor … stays under this; so does the
    #: GraphiQL introspection query.
    max_depth: int = 15
    max_aliases: int = 30
    max_tokens: int = 4000
    #: Request bodies above this are refused with 413 before they are parsed (graph_service.api.body_limit).
    max_body_bytes: int = 256 * 1024


LIMITS = Limits()
_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)


class ProductionValidation(SchemaExtension):
    """Validates with introspection refused and suggestions hidden (strawberry then skips its own pass)."""

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is not None and ctx.pre_execution_errors is None:
            rules = (*specified_rules, *ctx.validation_rules, NoSchemaIntrospectionCustomRule,
                     MaybeNullValidationRule, OneOfInputValidationRule)
            ctx.pre_execution_errors = validate(
                ctx.schema._schema, ctx.graphql_document, tuple(dict.fromkeys(rules)), hide_suggestions=True
            )
        yield

    def on_execute(self) -> Iterator[None]:
        yield
        # Variable values are coerced during execution, with suggestions of their own (enum values).
        result = self.execution_context.result
        for error in getattr(result, "errors", None) or []:
            error.message = _SUGGESTION.sub("", error.message)


def hardening_extensions(production: bool, limits: Limits = LIMITS) -> list[Callable[[], SchemaExtension]]:
    """Factories (one instance per request) for `strawberry.Schema(extensions=...)`."""
    extensions: list[Callable[[], SchemaExtension]] = [
        partial(QueryDepthLimiter, max_depth=limits.max_depth),
        partial(MaxAliasesLimiter, max_alias_count=limits.max_aliases),
        partial(MaxTokensLimiter, max_token_count=limits.max_tokens),
    ]
    if production:
        extensions.append(ProductionValidation)
    return extensions
