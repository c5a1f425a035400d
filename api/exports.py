"""Exports and analytics over HTTP: `/api/export`, `/api/stats`, `/api/stats/activity.png`.

Thin doors onto `KnowledgeGraph.export` and `KnowledgeGraph.stats`, with the same filters as the
CLI flags (`around`, `hops`, `from`, `to`, `relation`, `type`; the list ones may repeat or be
comma-separated). Routes are plain `def`: FastAPI runs them in its thread pool, and the work
itself (the projection, the analytics, the file) runs through the app's query runner
(api/limits.py): on the on-disk store in a worker process capped in memory and stopped at the
time limit (503), so a large export cannot grow the server or hold it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from api.deps import AppSettings
from api.errors import responses
from api.limits import service_call
from graph.errors import QueryTimeout
from graph.export import FORMATS, MEDIA_TYPES, SUFFIXES

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["exports"], responses=responses(400, 404))

Around = Annotated[list[str] | None, Query(description="an entity name or IRI; repeatable")]
Hops = Annotated[int, Query(ge=0, le=10, description="steps from `around`")]
DateFrom = Annotated[str | None, Query(alias="from", description="YYYY-MM-DD, YYYY-MM or YYYY")]
DateTo = Annotated[str | None, Query(alias="to", description="YYYY-MM-DD, YYYY-MM or YYYY")]
Relations = Annotated[list[str] | None, Query(alias="relation",
                                              description="e.g. worked_with; repeatable")]
Types = Annotated[list[str] | None, Query(alias="type", description="e.g. PERSON; repeatable")]


def _filters(around: Around = None, hops: Hops = 1, date_from: DateFrom = None,
             date_to: DateTo = None, relations: Relations = None,
             types: Types = None) -> dict[str, Any]:
    """The export filters, declared once and shared by every route (a FastAPI dependency)."""
    return {"around": around or None, "hops": hops, "date_from": date_from, "date_to": date_to,
            "relations": relations or None, "types": types or None}


Filters = Annotated[dict[str, Any], Depends(_filters)]


@router.get("/export", summary="Export the graph (network or RDF), filtered",
            response_class=Response,
            responses={200: {"content": {t: {} for t in sorted(set(MEDIA_TYPES.values()))}}})
def export(
    request: Request,
    filters: Filters,
    fmt: Annotated[str, Query(alias="format", description=", ".join(FORMATS))] = "cytoscape",
) -> Response:
    """The file `vnkg export FORMAT` writes, with its media type; the HTML view opens inline."""
    fmt = fmt.lower()
    # The worker writes the file and the response streams it: the export never passes whole
    # through the server's memory. The folder goes once the response is sent (or failed).
    folder = Path(tempfile.mkdtemp(prefix="vnkg-export-"))
    out = folder / f"vnkg{SUFFIXES.get(fmt, '')}"
    try:
        service_call(request, "export", fmt, out, **filters)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    disposition = "inline" if fmt == "html" else f'attachment; filename="{out.name}"'
    return FileResponse(out, media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
                        headers={"Content-Disposition": disposition},
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))


@router.get("/stats", summary="Counts, rankings, centrality and activity per month")
def stats(
    request: Request,
    settings: AppSettings,
    filters: Filters,
    top: Annotated[int, Query(ge=1, le=100, description="rows in each ranking")] = 10,
) -> dict[str, Any]:
    """What `vnkg stats --json` prints. The counts are index lookups and always come; the
    analytics read the whole (filtered) projection: when they cannot finish within the time
    limit (a very large store), the answer has the counts and `analytics_stopped` says why."""
    figures = service_call(request, "counts")
    try:
        return {**figures, **service_call(request, "stats", top=top, **filters)}
    except QueryTimeout:
        return {**figures, "analytics_stopped": (
            f"the rankings, centrality and activity did not finish within the time limit of "
            f"{settings.query_timeout:g} s; narrow them with from, to, relation, type or around")}


@router.get("/stats/activity.png", summary="A chart of activity per month (PNG)",
            response_class=Response, responses={200: {"content": {"image/png": {}}}})
def activity_png(
    request: Request,
    filters: Filters,
) -> Response:
    """What `vnkg stats --chart FILE.png` draws."""
    from graph.analytics import activity_chart

    figures = service_call(request, "stats", **filters)
    return Response(activity_chart(figures["activity_by_month"]), media_type="image/png")
