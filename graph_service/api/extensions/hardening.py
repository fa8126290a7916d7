"""Limits on what one GraphQL request may ask for (issue 8): depth, aliases, tokens; and, in
production, no introspection and no "Did you mean …?" suggestions that would reveal the schema."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from graphql import (
    ASTValidationRule,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    NoSchemaIntrospectionCustomRule,
    specified_rules,
    validate,
)
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, ParserCache, QueryDepthLimiter, SchemaExtension
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
#: Distinct query texts whose parsed document and validation verdict are kept (bounded: a client
#: sending ever new texts only churns the cache).
CACHED_DOCUMENTS = 256
_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)


class Validation(SchemaExtension):
    """Validates the document with the schema's rules (strawberry then skips its own pass). The verdict
    depends on the schema and the document only, never on variables, so `validate` may be cached."""

    def __init__(self, validate: Callable[[GraphQLSchema, DocumentNode], Sequence[GraphQLError]]) -> None:
        self._validate = validate

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is not None and ctx.pre_execution_errors is None:
            ctx.pre_execution_errors = list(self._validate(ctx.schema._schema, ctx.graphql_document))
        yield


class HideSuggestions(SchemaExtension):
    """Production: variable values are coerced during execution, with suggestions of their own (enum
    values); those are cut too."""

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in getattr(result, "errors", None) or []:
            error.message = _SUGGESTION.sub("", error.message)


def _rules(production: bool, limits: Limits) -> tuple[type[ASTValidationRule], ...]:
    """graphql-core's rules, strawberry's own, the limits and, in production, no introspection."""
    limiters = (
        *QueryDepthLimiter(max_depth=limits.max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=limits.max_aliases).validation_rules,
    )
    production_only = (NoSchemaIntrospectionCustomRule,) if production else ()
    return (*specified_rules, *limiters, MaybeNullValidationRule, OneOfInputValidationRule, *production_only)


def hardening_extensions(production: bool, limits: Limits = LIMITS) -> list[Callable[[], SchemaExtension]]:
    """Factories (one instance per request) for `strawberry.Schema(extensions=...)`. A client sends
    the same few documents over and over: each distinct text is parsed and validated once (LRU)."""
    rules = _rules(production, limits)

    @lru_cache(maxsize=CACHED_DOCUMENTS)
    def validate_once(schema: GraphQLSchema, document: DocumentNode) -> tuple[GraphQLError, ...]:
        return tuple(validate(schema, document, rules, hide_suggestions=production))

    extensions: list[Callable[[], SchemaExtension]] = [
        partial(MaxTokensLimiter, max_token_count=limits.max_tokens),  # before parsing: sets the parser's limit
        partial(ParserCache, maxsize=CACHED_DOCUMENTS),
        partial(Validation, validate_once),
    ]
    if production:
        extensions.append(HideSuggestions)
    return extensions
