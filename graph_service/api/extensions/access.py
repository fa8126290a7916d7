"""Access control and audit for every GraphQL operation (rules A1, A2).

Before execution it looks at the operation's root fields and refuses the whole operation, with a
GraphQL error whose `extensions.code` is UNAUTHENTICATED or FORBIDDEN and no data, when:
- nobody is signed in (only the schema, i.e. introspection and `__typename`, is open to anonymous callers);
- the caller's role is not allowed that root field (`graph_service.auth.permissions`, default deny);
- the role may not see a type the query selects (PARTNER: no household data);
- a code in the arguments lies outside the caller's town, village or bank (one Cypher lookup for
  all of them, `scope_of_targets`).
Reads are confined further by the scoped lookups (`Loaders` passes the scope into the Cypher).

Around each mutation resolver (`audit_mutations`, applied when the schema is built) an audit intent
is open; `Graph.write_tx` appends the ACCEPTED event in the mutation's own transaction, and the
wrapper or the extension records the others (refused, forbidden, failed) after the fact, so every
mutation leaves exactly one :AuditEvent.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    get_operation_ast,
    visit,
)
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry.extensions import SchemaExtension

from graph_service.auth import audit, permissions
from graph_service.auth.masking import mask_id_number, mask_phone
from graph_service.auth.principal import Principal, Role
from graph_service.auth.scope import Place, Target, anchored, lookup_params, out_of_scope, targets_of

log = logging.getLogger("graph_service.access")

SIGN_IN = "sign in first: send the header 'Authorization: Bearer <token>' (graph-service token --role ...)"


@dataclass(frozen=True)
class AccessConfig:
    """The tables the extension enforces (tests may hand in others)."""

    queries: Mapping[str, permissions.Rule] = field(default_factory=lambda: permissions.QUERIES)
    mutations: Mapping[str, permissions.Rule] = field(default_factory=lambda: permissions.MUTATIONS)
    default: permissions.Rule = permissions.DEFAULT
    hidden_types: Mapping[Role, frozenset[str]] = field(default_factory=lambda: permissions.HIDDEN_TYPES)

    def rule(self, operation: str, name: str) -> permissions.Rule:
        table = self.mutations if operation == "mutation" else self.queries
        return table.get(name, self.default)


@dataclass
class _RootField:
    name: str
    node: FieldNode
    arguments: dict[str, Any]
    targets: list[Target]


def _refusal(code: str, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})


def _root_fields(document: DocumentNode, operation: OperationDefinitionNode) -> list[FieldNode]:
    """The operation's root fields, through fragments (skip/include ignored: stricter, never laxer)."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    found: list[FieldNode] = []
    seen: set[str] = set()

    def walk(selection_set: SelectionSetNode) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                found.append(selection)
            elif isinstance(selection, InlineFragmentNode):
                walk(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
                seen.add(selection.name.value)
                fragment = fragments.get(selection.name.value)
                if fragment is not None:
                    walk(fragment.selection_set)

    walk(operation.selection_set)
    return found


@lru_cache(maxsize=256)
def _selected_types(schema: GraphQLSchema, document: DocumentNode) -> frozenset[str]:
    """Every object type the document selects a field of or returns, anywhere (fragments included).
    A walk over the whole document, and a function of it alone: cached, as the parsed documents are
    (`hardening`), so a client repeating its queries does not pay it again."""
    names: set[str] = set()
    type_info = TypeInfo(schema)

    class Collect(Visitor):
        def enter_field(self, *_: Any) -> None:
            parent, returned = type_info.get_parent_type(), type_info.get_type()
            if parent is not None:
                names.add(get_named_type(parent).name)
            if returned is not None:
                names.add(get_named_type(returned).name)

    visit(document, TypeInfoVisitor(type_info, Collect()))
    return frozenset(names)


_PERSONAL_KEYS = {"headIdNumber": mask_id_number, "phone": mask_phone}


def _loggable(value: Any) -> Any:
    """The input as it goes into the audit log: personal data masked (A2)."""
    if isinstance(value, Mapping):
        return {k: _PERSONAL_KEYS[k](v) if k in _PERSONAL_KEYS and isinstance(v, str) else _loggable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_loggable(item) for item in value]
    return value


class AccessControl(SchemaExtension):
    def __init__(self, *, execution_context: Any = None, config: AccessConfig | None = None) -> None:
        self.config = config or AccessConfig()

    # -- before execution: who may run this operation at all --------------------------------------

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        refusal = await self._check()
        if refusal is not None:
            self.execution_context.result = ExecutionResult(data=None, errors=[refusal])
        yield

    async def _check(self) -> GraphQLError | None:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is None:
            return None
        operation = get_operation_ast(document, ctx.operation_name)
        if operation is None:
            return None  # graphql-core reports the ambiguity itself
        kind = operation.operation.value
        nodes = [node for node in _root_fields(document, operation) if not node.name.value.startswith("__")]
        if not nodes:
            return None  # the schema (introspection, __typename) is open to everyone
        schema = ctx.schema._schema
        root_type = schema.get_root_type(operation.operation)
        variables = get_variable_values(schema, operation.variable_definitions or (), ctx.variables or {})
        # Bad variables: execution refuses the whole operation with graphql-core's errors, no resolver runs.
        bad_variables = isinstance(variables, list)
        fields = []
        for node in nodes:
            definition = root_type.fields.get(node.name.value) if root_type else None
            arguments: dict[str, Any] = {}
            if definition is not None and not isinstance(variables, list):
                try:
                    arguments = get_argument_values(definition, node, variables)
                except GraphQLError:
                    arguments = {}  # execution reports the bad argument and does not run that field
            rule = self.config.rule(kind, node.name.value)
            fields.append(_RootField(node.name.value, node, arguments, targets_of(arguments, rule.code_label)))

        context = ctx.context
        principal: Principal | None = getattr(context, "principal", None)
        if principal is None:
            reason = getattr(context, "auth_error", None) or SIGN_IN
            await self._record_refusals(kind, fields, None, audit.UNAUTHENTICATED, reason)
            return _refusal("UNAUTHENTICATED", reason)

        denied = sorted({f.name for f in fields if principal.role not in self.config.rule(kind, f.name).roles})
        if denied:
            message = f"role {principal.role.value} may not use {', '.join(denied)} (A2)"
            await self._record_refusals(kind, fields, principal, audit.FORBIDDEN, message)
            return _refusal("FORBIDDEN", message)

        hidden = self.config.hidden_types.get(principal.role, frozenset()) & _selected_types(schema, document)
        if hidden:
            message = f"role {principal.role.value} may not see {', '.join(sorted(hidden))} (A2)"
            await self._record_refusals(kind, fields, principal, audit.FORBIDDEN, message)
            return _refusal("FORBIDDEN", message)

        if principal.scoped and not bad_variables:
            checked = [f for f in fields if self.config.rule(kind, f.name).check_targets]
            message = await self._scope_problem(principal, checked)
            if message:
                await self._record_refusals(kind, fields, principal, audit.FORBIDDEN, message)
                return _refusal("FORBIDDEN", message)
        return None

    async def _scope_problem(self, principal: Principal, fields: list[_RootField]) -> str | None:
        """Why the codes named by these fields are not the caller's to change (one lookup for all)."""
        if not fields:
            return None
        targets = sorted({t for f in fields for t in f.targets})
        places: dict[Target, Place] = {}
        if targets:
            rows = await self.execution_context.context.graph.read("scope_of_targets", **lookup_params(targets))
            places = {
                Target(row["label"], row["code"]): Place(row["townCode"], row["villageCode"], row["bankCode"])
                for row in rows
            }
        outside = out_of_scope(principal, places)
        if outside:
            return f"outside the caller's scope: {', '.join(map(str, outside))} (A2)"
        unanchored = [f.name for f in fields if not anchored(principal, f.targets, places)]
        if unanchored:
            return f"{', '.join(unanchored)}: names nothing inside the caller's scope (A2)"
        return None

    async def _record_refusals(self, kind: str, fields: list[_RootField], principal: Principal | None, outcome: str, message: str) -> None:
        if kind != "mutation":
            return
        graph = self.execution_context.context.graph
        for f in fields:
            intent = audit.AuditIntent.of(principal, f.name, f.targets, _loggable(f.arguments))
            await audit.record_after(graph, intent, outcome, error_codes=[outcome], message=message)


def audit_mutations(schema: GraphQLSchema, config: AccessConfig | None = None) -> None:
    """Wraps the resolver of every Mutation root field in its audit intent.

    Only mutation root fields pay for the audit: a schema extension's `resolve` hook would wrap every
    field of every operation. The wrapper sits on graphql-core's resolver, so it sees the arguments
    as the caller sent them (GraphQL names, input objects as maps), which is what the log keeps."""
    mutation = schema.mutation_type
    if mutation is None:
        return
    config = config or AccessConfig()
    for name, definition in mutation.fields.items():
        if definition.resolve is not None:
            definition.resolve = _audited(definition.resolve, config.rule("mutation", name).code_label)


def _audited(resolve: Any, code_label: str | None) -> Any:
    async def audited(root: Any, info: Any, **kwargs: Any) -> Any:
        context = info.context
        intent = audit.AuditIntent.of(
            getattr(context, "principal", None), info.field_name, targets_of(kwargs, code_label), _loggable(kwargs)
        )
        with audit.intent(intent):
            try:
                result = resolve(root, info, **kwargs)
                if inspect.isawaitable(result):
                    result = await result
            except Exception as exc:
                if not intent.recorded:
                    await audit.record_after(context.graph, intent, audit.ERROR, message=type(exc).__name__)
                raise
        if not intent.recorded:
            errors = list(getattr(result, "user_errors", None) or [])
            if errors:
                codes = [getattr(e.code, "value", str(e.code)) for e in errors]
                await audit.record_after(context.graph, intent, audit.REFUSED, error_codes=codes, message=errors[0].message)
            else:  # accepted, but written without write_tx (or nothing to write)
                await audit.record_after(context.graph, intent, audit.ACCEPTED)
        return result

    return audited


class SchemaOnly(SchemaExtension):
    """Synchronous execution (`Schema.execute_sync`, `Schema.introspect`) cannot look anything up or
    write an audit event, so it serves the schema and refuses everything else."""

    def on_execute(self) -> Iterator[None]:  # type: ignore[override]
        ctx = self.execution_context
        operation = get_operation_ast(ctx.graphql_document, ctx.operation_name) if ctx.graphql_document else None
        if operation is not None and any(
            not node.name.value.startswith("__") for node in _root_fields(ctx.graphql_document, operation)
        ):
            ctx.result = ExecutionResult(data=None, errors=[_refusal("UNAUTHENTICATED", "synchronous execution serves the schema only")])
        yield


def access_control() -> SchemaExtension:
    """The extension for one request: AccessControl on the (async) HTTP path, SchemaOnly when the
    schema is executed synchronously, outside any event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return SchemaOnly()
    return AccessControl()
