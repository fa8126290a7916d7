"""The front-end example operations (schema/examples/*.graphql) validate against the schema, run
without errors on a small county, and the whole schema documents every type, field, argument, input field
and enum value."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import pytest
import strawberry
from graphql import build_schema as parse_sdl
from graphql import (
    GraphQLSchema, is_enum_type, is_input_object_type, is_interface_type, is_introspection_type, is_object_type,
    is_specified_scalar_type, parse, validate,
)

from graph_service import PROJECT_ROOT
from graph_service.api.schema import build_schema
from tests import factories

EXAMPLES = PROJECT_ROOT / "schema" / "examples"
FILES = sorted(EXAMPLES.glob("*.graphql"))
VARIABLES = {
    "county-dashboard": {},
    "town-drill-down": {"town": "T1", "first": 1},
    "village-detail": {"village": "T1V1", "first": 2},
    "household-card": {"household": "T1V1H1"},
    "loan-list": {"household": "T1V1H1", "first": 1},
}


def test_the_five_examples_are_there() -> None:
    assert {path.stem for path in FILES} == set(VARIABLES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_example_validates_against_the_schema(path: Path) -> None:
    schema = parse_sdl(build_schema().as_str())
    errors = validate(schema, parse(path.read_text(encoding="utf-8")))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
async def test_example_runs(load, gql, path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = factories.county(towns=2, villages_per_town=2, households_per_village=3)
    doc["loans"] = [factories.loan("L1", "T1V1H1", 1000), factories.loan("L2", "T1V1H1", 500, status="OVERDUE", days_overdue=3)]
    await load(doc)
    body = await gql(path.read_text(encoding="utf-8"), VARIABLES[path.stem])
    assert "errors" not in body, body["errors"]
    assert all(value is not None for value in body["data"].values())


def _undocumented(schema: GraphQLSchema) -> list[str]:
    """Every type, field, argument, input field and enum value without a description; the
    introspection types and the built-in scalars (String, Int, …) are GraphQL's own."""
    missing: list[str] = []

    def check(description: str | None, item: str) -> None:
        if not (description or "").strip():
            missing.append(item)

    for name, named in schema.type_map.items():
        if is_introspection_type(named) or is_specified_scalar_type(named):
            continue
        check(named.description, name)
        if is_object_type(named) or is_interface_type(named) or is_input_object_type(named):
            for field_name, field in named.fields.items():
                check(field.description, f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():  # input fields have none
                    check(arg.description, f"{name}.{field_name}({arg_name})")
        if is_enum_type(named):
            for value_name, value in named.values.items():
                check(value.description, f"{name}.{value_name}")
    return missing


def test_the_whole_schema_is_documented() -> None:
    """Issue 5, item 5: the schema is the documentation. Anything added without a description
    (with the Chinese term and the rule id of RULES.md where there is one) fails here."""
    missing = _undocumented(build_schema()._schema)
    assert missing == [], f"{len(missing)} items without a description: {missing}"


# A tiny schema with one undocumented item of each kind, so the check above is seen to fail.
@strawberry.enum(name="SampleColour")
class SampleColour(Enum):
    RED = strawberry.enum_value("RED", description="Documented.")
    BLUE = "BLUE"


@strawberry.input(name="SampleFilter", description="Documented.")
class SampleFilter:
    colour: SampleColour | None = None


@strawberry.type(name="SampleQuery")
class SampleQuery:
    plain: str = ""

    @strawberry.field(description="Documented.")
    def paint(
        self, filter: SampleFilter, times: Annotated[int, strawberry.argument(description="Documented.")] = 1
    ) -> str:
        return ""


def test_the_documentation_check_finds_every_kind_of_omission() -> None:
    missing = _undocumented(strawberry.Schema(query=SampleQuery)._schema)
    assert sorted(missing) == [
        "SampleColour", "SampleColour.BLUE", "SampleFilter.colour", "SampleQuery", "SampleQuery.paint(filter)",
        "SampleQuery.plain",
    ]
