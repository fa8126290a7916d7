"""The Starlette application: `/graphql` (GraphiQL in a browser), `/health` and `/ready`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from strawberry.asgi import GraphQL

from graph_service.api.body_limit import BodySizeLimit
from graph_service.api.context import Context
from graph_service.api.extensions.hardening import LIMITS
from graph_service.api.loaders import Loaders
from graph_service.api.schema import build_schema
from graph_service.auth.tokens import authenticate
from graph_service.graph.db import Graph
from graph_service.settings import Settings

log = logging.getLogger("graph_service.app")


class GraphQLApp(GraphQL):  # type: ignore[type-arg]
    def __init__(self, settings: Settings) -> None:
        super().__init__(
            build_schema(production=settings.production),
            graphql_ide=None if settings.production else "graphiql",
            allow_queries_via_get=False,
        )
        self.settings = settings

    async def get_context(self, request: Any, response: Any) -> Context:  # type: ignore[override]
        graph: Graph = request.app.state.graph
        principal, auth_error = authenticate(self.settings.secret, request.headers.get("authorization"))
        return Context(
            graph=graph, settings=self.settings, loaders=Loaders(graph, principal), request=request, response=response,
            principal=principal, auth_error=auth_error,
        )


async def health(_: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def ready(request: Request) -> JSONResponse:
    graph: Graph = request.app.state.graph
    try:
        await graph.ping()
    except Exception as exc:  # any failure to reach Neo4j means not ready; say why, briefly
        return JSONResponse({"status": "unavailable", "reason": f"Neo4j does not answer: {type(exc).__name__}"}, status_code=503)
    return JSONResponse({"status": "ready"})


async def apply_assessments_daily(graph: Graph, settings: Settings) -> None:
    """S9: assessments come into force by themselves; apply them once a day (start-up does it too)."""
    from graph_service.graph.assessments import apply_due

    while True:
        await asyncio.sleep(24 * 60 * 60)
        try:
            await apply_due(graph, settings.today())
        except Exception as exc:  # keep the loop alive; the next day (or recompute) catches up
            log.warning("applying assessments in force failed: %s", type(exc).__name__)


def create_app(settings: Settings | None = None, graph: Graph | None = None) -> Starlette:
    """One async driver per app lifespan; tests may hand in their own `graph`."""
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        own = graph is None
        app.state.graph = graph or Graph.connect(settings)
        daily = asyncio.create_task(apply_assessments_daily(app.state.graph, settings))
        try:
            yield
        finally:
            daily.cancel()
            if own:
                await app.state.graph.close()

    graphql = GraphQLApp(settings)
    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/health", health),
            Route("/ready", ready),
        ],
        lifespan=lifespan,
        middleware=[Middleware(BodySizeLimit, max_bytes=LIMITS.max_body_bytes)],  # 413 above 256 KiB
    )
    if graph is not None:
        app.state.graph = graph  # usable without running the lifespan (tests, ASGI transports)
    return app
