"""The front-end example operations (schema/examples/*.graphql) validate against the schema, run
without errors on a small county, and the schema documents every type, field, argument and enum value."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import build_schema as parse_sdl
from graphql import is_enum_type, is_input_object_type, is_interface_type, is_object_type, parse, validate

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


def _undocumented() -> list[str]:
    schema = build_schema()._schema
    missing: list[str] = []
    for name, named in schema.type_map.items():
        if name.startswith("__"):
            continue
        if not named.description:
            missing.append(name)
        if is_object_type(named) or is_interface_type(named) or is_input_object_type(named):
            for field_name, field in named.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
        if is_enum_type(named):
            missing += [f"{name}.{value}" for value, v in named.values.items() if not v.description]
    return missing


# The hierarchy and the types it shows (issue 5); other areas' types are checked by their own owners.
HIERARCHY = {
    "Node", "PageInfo", "County", "Town", "Village", "Household", "Bank", "Loan", "RiskFigures",
    "TownKind", "Certificate", "LoanStatus", "LoanPurpose", "TownOrder", "VillageOrder", "HouseholdOrder", "LoanOrder",
    "TownConnection", "TownEdge", "VillageConnection", "VillageEdge", "HouseholdConnection", "HouseholdEdge",
    "LoanConnection", "LoanEdge",
}
LOOKUPS = {"node", "counties", "county", "town", "village", "household", "bank", "station", "loan"}


def test_the_hierarchy_is_documented_everywhere() -> None:
    """A description on every type, field, argument and enum value of the hierarchy."""
    missing = [item for item in _undocumented() if item.split(".")[0] in HIERARCHY
               or (item.startswith("Query.") and item.split(".")[1].split("(")[0] in LOOKUPS)]
    assert missing == []
