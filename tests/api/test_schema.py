"""The committed schema is the exported one, and it keeps every name of the public contract."""

from __future__ import annotations


from graphql import build_schema, find_breaking_changes

from graph_service import PROJECT_ROOT
from graph_service.api.schema import export_sdl

CONTRACT = PROJECT_ROOT.parent / "shared" / "contract" / "core.graphql"


def test_committed_schema_has_not_drifted() -> None:
    committed = (PROJECT_ROOT / "schema" / "schema.graphql").read_text(encoding="utf-8")
    assert committed == export_sdl(), "run `make schema` and commit schema/schema.graphql"


def test_schema_keeps_every_name_of_the_public_contract() -> None:
    """CONTRACT.md: the service's schema is a superset of core.graphql (add, never rename or drop)."""
    contract = build_schema(CONTRACT.read_text(encoding="utf-8"))
    ours = build_schema(export_sdl())
    breaking = [change.description for change in find_breaking_changes(contract, ours)]
    assert breaking == []
