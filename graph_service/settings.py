"""Settings from the environment variables of the contract, validated once at start-up."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from urllib.parse import urlparse

LOCAL_NEO4J_URI = "bolt://127.0.0.1:7687"
_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str = LOCAL_NEO4J_URI
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    #: True when NEO4J_URI was unset: the service runs the local launcher's server.
    local_neo4j: bool = True
    host: str = "127.0.0.1"
    port: int = 8000
    #: Fixed "today" (GRAPH_SERVICE_TODAY) for reproducible runs; None means the real date.
    fixed_today: dt.date | None = None
    #: Production turns GraphiQL and introspection off.
    production: bool = False
    secret: str | None = field(default=None, repr=False)

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    @property
    def auth(self) -> tuple[str, str] | None:
        if self.neo4j_password is None:
            return None
        return (self.neo4j_user, self.neo4j_password)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        uri = env.get("NEO4J_URI", "").strip()
        local = not uri
        if uri:
            scheme = urlparse(uri).scheme
            if scheme not in _SCHEMES:
                raise SettingsError(
                    f"NEO4J_URI: scheme {scheme!r} is not one of {sorted(_SCHEMES)} "
                    "(use bolt:// for one server, neo4j:// for a cluster, neo4j+s:// for Aura)"
                )
        port_text = env.get("GRAPH_SERVICE_PORT", "8000")
        try:
            port = int(port_text)
        except ValueError:
            raise SettingsError(f"GRAPH_SERVICE_PORT: {port_text!r} is not a number") from None
        if not 0 < port < 65536:
            raise SettingsError(f"GRAPH_SERVICE_PORT: {port} is outside 1-65535")
        today_text = env.get("GRAPH_SERVICE_TODAY", "").strip()
        fixed_today = None
        if today_text:
            try:
                fixed_today = dt.date.fromisoformat(today_text)
            except ValueError:
                raise SettingsError(
                    f"GRAPH_SERVICE_TODAY: {today_text!r} is not an ISO date (YYYY-MM-DD)"
                ) from None
        password = env.get("NEO4J_PASSWORD")
        return cls(
            neo4j_uri=uri or LOCAL_NEO4J_URI,
            neo4j_user=env.get("NEO4J_USER", "neo4j") or "neo4j",
            neo4j_password=password if password else None,
            local_neo4j=local,
            host=env.get("GRAPH_SERVICE_HOST", "127.0.0.1") or "127.0.0.1",
            port=port,
            fixed_today=fixed_today,
            production=env.get("GRAPH_SERVICE_PRODUCTION", "").lower() in {"1", "true", "yes"},
            secret=env.get("GRAPH_SERVICE_SECRET") or None,
        )
