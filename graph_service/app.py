"""The Starlette application: `/graphql` (GraphiQL in a browser), `/health` and `/ready`."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from strawberry.asgi import GraphQL

from graph_service.api.context import Context
from graph_service.api.loaders import Loaders
from graph_service.api.schema import build_schema
from graph_service.graph.db import Graph
from graph_service.settings import Settings

log = logging.getLogger("graph_service.app")


class GraphQLApp(GraphQL):  # type: ignore[type-arg]
    def __init__(self, settings: Settings) -> None:
        super().__init__(
            build_schema(),
            graphql_ide=None if settings.production else "graphiql",
            allow_queries_via_get=False,
        )
        self.settings = settings

    async def get_context(self, request: Any, response: Any) -> Context:  # type: ignore[override]
        graph: Graph = request.app.state.graph
        return Context(graph=graph, settings=self.settings, loaders=Loaders(graph), request=request, response=response)


async def health(_: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def ready(request: Request) -> JSONResponse:
    graph: Graph = request.app.state.graph
    try:
        await graph.ping()
    except Exception as exc:  # any failure to reach Neo4j means not ready; say why, briefly
        return JSONResponse({"status": "unavailable", "reason": f"Neo4j does not answer: {type(exc).__name__}"}, status_code=503)
    return JSONResponse({"status": "ready"})


def create_app(settings: Settings | None = None, graph: Graph | None = None) -> Starlette:
    """One async driver per app lifespan; tests may hand in their own `graph`."""
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        own = graph is None
        app.state.graph = graph or Graph.connect(settings)
        try:
            yield
        finally:
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
    )
    if graph is not None:
        app.state.graph = graph  # usable without running the lifespan (tests, ASGI transports)
    return app
