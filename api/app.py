"""The FastAPI app: opens the knowledge graph once (lifespan) and includes the routers."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from api.errors import install_handlers, responses
from api.limits import WatchDisconnect
from api.sparql import FastQueries
from graph.service import KnowledgeGraph
from graph.settings import Settings, get_settings
from graph.workers import query_runner

__all__ = ["create_app"]


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
    install_handlers(app)  # one error body for every error (api/errors.py)

    # A client that goes away stops its query; a body over max_body_mb gets 413.
    app.add_middleware(WatchDisconnect, max_body_mb=settings.max_body_mb)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"], allow_headers=["*"])
    else:  # GET /sparql?query= straight to the query runner (with CORS, the app answers all)
        app.add_middleware(FastQueries, state_of=app)

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
