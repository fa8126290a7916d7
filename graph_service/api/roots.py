"""The root types, merged from one class per area. An area adds its class here, nothing else."""

from __future__ import annotations

from graph_service.api.queries.lookup import LookupQuery

QUERY_PARTS: tuple[type, ...] = (LookupQuery,)
MUTATION_PARTS: tuple[type, ...] = ()
