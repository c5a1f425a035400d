"""The FastAPI app: opens the knowledge graph once (lifespan) and includes the routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from graph.errors import VnkgError
from graph.service import KnowledgeGraph
from graph.settings import Settings, get_settings

__all__ = ["create_app"]


def create_app(settings: Settings | None = None, kg: KnowledgeGraph | None = None) -> FastAPI:
    """The app over `kg` (or a store opened from `settings` when the app starts)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.kg = kg or KnowledgeGraph(settings)
        app.state.settings = settings
        yield
        app.state.kg.close()

    app = FastAPI(
        title="vnkg",
        description="A knowledge graph of Vietnamese officials, agencies, provinces and events.",
        version="0.1.0",
        lifespan=lifespan,
    )

    @app.exception_handler(VnkgError)
    async def _vnkg_error(request: Request, err: VnkgError) -> JSONResponse:
        return JSONResponse({"error": err.code, "message": err.message}, status_code=err.status)

    from api.sparql import router as sparql_router

    app.include_router(sparql_router)
    return app
