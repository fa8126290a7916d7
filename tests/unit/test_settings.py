from __future__ import annotations

import datetime as dt

import pytest

from graph_service.settings import LOCAL_NEO4J_URI, Settings, SettingsError


def test_defaults_use_the_local_server() -> None:
    s = Settings.from_env({})
    assert s.neo4j_uri == LOCAL_NEO4J_URI and s.local_neo4j and s.auth is None
    assert (s.host, s.port) == ("127.0.0.1", 8000)


def test_cluster_and_aura_uris_are_accepted() -> None:
    s = Settings.from_env({"NEO4J_URI": "neo4j+s://x.databases.neo4j.io", "NEO4J_USER": "u", "NEO4J_PASSWORD": "p"})
    assert not s.local_neo4j and s.auth == ("u", "p")


@pytest.mark.parametrize("env, variable", [
    ({"NEO4J_URI": "http://localhost:7474"}, "NEO4J_URI"),
    ({"GRAPH_SERVICE_PORT": "eighty"}, "GRAPH_SERVICE_PORT"),
    ({"GRAPH_SERVICE_PORT": "70000"}, "GRAPH_SERVICE_PORT"),
    ({"GRAPH_SERVICE_TODAY": "30/06/2026"}, "GRAPH_SERVICE_TODAY"),
])
def test_bad_settings_name_the_variable(env: dict[str, str], variable: str) -> None:
    with pytest.raises(SettingsError, match=variable):
        Settings.from_env(env)


def test_fixed_today() -> None:
    assert Settings.from_env({"GRAPH_SERVICE_TODAY": "2026-03-01"}).today() == dt.date(2026, 3, 1)


def test_password_is_not_in_repr() -> None:
    s = Settings.from_env({"NEO4J_PASSWORD": "hunter2", "GRAPH_SERVICE_SECRET": "s3cret"})
    assert "s3cret" not in repr(s)
