"""The FastAPI app: opens the knowledge graph once (lifespan) and includes the routers."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from api.errors import install_handlers, responses
from api.limits import WatchDisconnect
from api.sparql import answer_fast, fast_params
from graph.service import KnowledgeGraph
from graph.settings import Settings, get_settings
from graph.workers import query_runner

__all__ = ["VnkgApp", "create_app"]


class VnkgApp(FastAPI):
    """The app, which answers `GET /sparql?query=` before FastAPI's own wrappers (telemetry,
    body limit, error middleware, routing: about 70 microseconds a request, a third of what a
    small query costs) when `fast_queries` is on; every other request goes through them.
    `fastapi-offline` builds a plain FastAPI app (its function adds the offline docs), so
    `create_app` gives that app this class: a subclass that adds no state of its own."""

    fast_queries = False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if self.fast_queries and (params := fast_params(scope)) is not None:
            await answer_fast(self.state, params, scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(settings: Settings | None = None, kg: KnowledgeGraph | None = None) -> FastAPI:
    """The app over `kg` (or a store opened from `settings` when the app starts)."""
    settings = settings or (kg.settings if kg is not None else get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.kg = kg or KnowledgeGraph(settings)
        app.state.settings = settings
        # What is alive once started (the imports: millions of objects) is left out of the
        # collector's full passes, which otherwise walk it all every few hundred requests (REST
        # p99 at 100,000 articles: 40.7 -> 28.1 ms). The question pipeline is built at the
        # first question (graph.ask.warm freezes it in turn): a server nobody asks stays lean.
        gc.collect()
        gc.freeze()
        # SPARQL, REST lookups, exports and stats run in worker processes, capped in memory and
        # killed past the time limit (api/limits.py).
        app.state.query_runner = query_runner(app.state.kg.store, settings.query_workers,
                                              settings.worker_memory_mb,
                                              settings.workers_memory_mb)
        app.state.query_runner.start()
        yield
        app.state.query_runner.close()
        app.state.kg.close()

    # /docs and /redoc load Swagger UI and ReDoc from the files the pinned `fastapi-offline`
    # package installs (served under /static-offline-docs), never from a CDN: they work offline.
    app = FastAPIOffline(
        title="vnkg",
        description="A knowledge graph of Vietnamese officials, agencies, provinces and events.",
        version="0.1.0",
        lifespan=lifespan,
        # what any request can meet: a body over the limit, an invalid parameter, the limits
        responses=responses(413, 422, 503),
    )
    app.__class__ = VnkgApp
    install_handlers(app)  # one error body for every error (api/errors.py)

    # A client that goes away stops its query; a body over max_body_mb gets 413.
    app.add_middleware(WatchDisconnect, max_body_mb=settings.max_body_mb)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"], allow_headers=["*"])
    else:  # GET /sparql?query= straight to the query runner (with CORS, the app answers all)
        app.fast_queries = True

    from api.console import STATIC
    from api.console import router as console_router
    from api.exports import router as exports_router
    from api.profiles import mount_assets
    from api.profiles import router as profiles_router
    from api.rest import router as rest_router
    from api.sparql import router as sparql_router

    app.include_router(sparql_router)
    app.include_router(exports_router)
    app.include_router(rest_router)
    app.include_router(profiles_router)
    mount_assets(app)
    app.include_router(console_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
