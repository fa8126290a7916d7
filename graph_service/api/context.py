"""The per-request context handed to every resolver."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info as StrawberryInfo

from graph_service.api.loaders import Loaders
from graph_service.auth.principal import Principal
from graph_service.graph.db import Graph
from graph_service.settings import Settings


@dataclass
class Context:
    graph: Graph
    settings: Settings
    loaders: Loaders
    request: Any = None
    response: Any = None
    #: The caller (A2): None for an anonymous request; `auth_error` says why a sent token was refused.
    principal: Principal | None = None
    auth_error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def today(self) -> dt.date:
        return self.settings.today()


Info = StrawberryInfo[Context, None]
