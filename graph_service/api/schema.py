"""The strawberry schema, built from the root parts; `export_sdl()` is what `schema/schema.graphql` holds."""

from __future__ import annotations

from functools import cache

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from graph_service.api.extensions.access import access_control, audit_mutations
from graph_service.api.extensions.cypher_stats import CypherStatsExtension
from graph_service.api.extensions.hardening import hardening_extensions
from graph_service.api.extensions.mask_errors import mask_errors
from graph_service.api.roots import MUTATION_PARTS, QUERY_PARTS
from graph_service.api.scalars import SCALAR_MAP
from graph_service.api.types import bank, county, household, loan, station, town, village


@cache
def build_schema(production: bool = False) -> strawberry.Schema:
    """`production` turns introspection and field suggestions off (issue 8)."""
    query = merge_types("Query", QUERY_PARTS)
    mutation = merge_types("Mutation", MUTATION_PARTS) if MUTATION_PARTS else None
    # merge_types takes no description; the roots are documented like every other type (issue 5)
    query.__strawberry_definition__.description = "Reads: the hierarchy 县 → 乡镇 → 村 → 农户 → 贷款 from `counties`/`county`, any object by code or `node(id)`, and the risk and station views."
    if mutation is not None:
        mutation.__strawberry_definition__.description = "Writes: each returns a payload with `userErrors`; a refused action changes nothing."
    schema = strawberry.Schema(
        query=query,
        mutation=mutation,
        types=[county.County, town.Town, village.Village, household.Household, bank.Bank, station.Station, loan.Loan],
        config=StrawberryConfig(auto_camel_case=True, scalar_map=SCALAR_MAP),
        extensions=[CypherStatsExtension, *hardening_extensions(production), access_control, mask_errors],
    )
    audit_mutations(schema._schema)  # A1: only mutation root fields are wrapped
    return schema


def export_sdl() -> str:
    return build_schema().as_str() + "\n"
