"""The committed schema is the exported one, and it keeps every name of the public contract."""

from __future__ import annotations

from pathlib import Path

from graphql import build_schema, find_breaking_changes

from graph_service import PROJECT_ROOT
from graph_service.api.schema import export_sdl

CONTRACT = PROJECT_ROOT.parent / "shared" / "contract" / "core.graphql"


def test_committed_schema_has_not_drifted() -> None:
    committed = (PROJECT_ROOT / "schema" / "schema.graphql").read_text(encoding="utf-8")
    assert committed == export_sdl(), "run `make schema` and commit schema/schema.graphql"
