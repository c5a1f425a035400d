"""The browser side: the SPARQL console at `/` and entity pages at `/entity/{id}`.

Plain HTML, CSS and JavaScript in api/static/, served by the app with no CDN and no build step,
so that the console works offline: the pages here, their files under `/static` by Starlette's
`StaticFiles` (mounted in api/app.py: media types, ETags, ranges, no path outside the folder).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from api.deps import Graph

__all__ = ["STATIC", "router"]

STATIC = Path(__file__).resolve().parent / "static"
router = APIRouter(include_in_schema=False)

_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}


def _file(name: str) -> FileResponse:
    path = STATIC / name
    return FileResponse(path, media_type=_TYPES.get(path.suffix, "application/octet-stream"))


@router.get("/")
def console() -> FileResponse:
    return _file("index.html")


@router.get("/entity/{entity_id:path}")
def entity_page(entity_id: str) -> FileResponse:
    return _file("entity.html")


@router.get("/api/meta")
def meta(request: Request, kg: Graph) -> dict[str, str]:
    """What the pages need to know: the base of data IRIs (for entity links)."""
    return {"base": kg.base, "title": request.app.title}
