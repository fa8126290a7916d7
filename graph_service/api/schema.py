"""The strawberry schema, built from the root parts; `export_sdl()` is what `schema/schema.graphql` holds."""

from __future__ import annotations

from functools import cache

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from graph_service.api.extensions.cypher_stats import CypherStatsExtension
from graph_service.api.extensions.mask_errors import mask_errors
from graph_service.api.roots import MUTATION_PARTS, QUERY_PARTS
from graph_service.api.scalars import SCALAR_MAP
from graph_service.api.types import bank, county, household, loan, station, town, village


@cache
def build_schema() -> strawberry.Schema:
    query = merge_types("Query", QUERY_PARTS)
    mutation = merge_types("Mutation", MUTATION_PARTS) if MUTATION_PARTS else None
    return strawberry.Schema(
        query=query,
        mutation=mutation,
        types=[county.County, town.Town, village.Village, household.Household, bank.Bank, station.Station, loan.Loan],
        config=StrawberryConfig(auto_camel_case=True, scalar_map=SCALAR_MAP),
        extensions=[CypherStatsExtension, mask_errors],
    )


def export_sdl() -> str:
    return build_schema().as_str() + "\n"
