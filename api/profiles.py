"""Profiles over HTTP: `GET /api/profiles/{id}`, what an entity page (`/entity/{id}`) shows, and
the browser assets the page draws its graph with.

The profile itself is built by the service (graph/profiles.py, `KnowledgeGraph.profile`) in
the app's query runner, under the request's limits, like every REST lookup. cytoscape.js is
served from the npm package's folder (graph/assets.py: installed by `npm ci`, never committed,
never a CDN) by Starlette's `StaticFiles`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Path, Request
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from api.errors import responses
from api.limits import service_call
from graph.assets import CYTOSCAPE_JS

__all__ = ["VENDOR", "mount_assets", "router"]

router = APIRouter(prefix="/api", tags=["rest"], responses=responses(400, 404))
VENDOR = "/vendor/cytoscape"  # where the pages load cytoscape.min.js from

Rows = list[dict[str, Any]]


class Profile(BaseModel):
    """An entity's profile. Every IRI comes with its label; dates are ISO (`2024-08-30`, a span
    `2024-08-07/2024-08-09`); `article` is the source's IRI, `articleId` its id."""

    iri: str
    label: str | None
    type: str | None = Field(description="PERSON, PROVINCE, ORGANIZATION, ...")
    positions: Rows | None = Field(None, description="an official's posts: role, organization, "
                                   "first and last day attested (first, date), articles")
    timeline: Rows | None = Field(None, description="sessions, visits and events, newest "
                                  "first, each with its members, evidence sentence and article")
    map: dict[str, Any] | None = Field(None, description="every province's point and the "
                                       "marked ones (with their dates)")
    era: str | None = None
    code: str | None = None
    leaders: Rows | None = Field(None, description="a province's leaders, latest first")
    visitors: Rows | None = Field(None, description="the officials who came, and when")
    border_gates: Rows | None = None
    zones: Rows | None = None
    places: Rows | None = None
    merger: dict[str, Any] | None = Field(None, description="the 2025 merger: into, from, on")
    people: Rows | None = Field(None, description="a body's post holders, first and last month")
    parents: Rows | None = None
    units: Rows | None = None
    graph: dict[str, Rows] = Field(description="the neighbourhood as Cytoscape.js elements: "
                                   "nodes (id, label, type) and edges (source, target, label)")


@router.get("/profiles/{entity_id:path}", response_model=Profile, response_model_exclude_none=True,
            summary="An entity's profile")
def profile(request: Request,
            entity_id: Annotated[str, Path(examples=["person/nguyen-hong-dien"])]) -> Any:
    """An official's positions, dated timeline (with evidence) and provinces on a map; a
    province's leaders, visitors, border gates, zones and 2025 merger; a body's people and
    units; each with its neighbourhood graph. The id is a slug (`person/nguyen-hong-dien`,
    `province/2025/lao-cai`, `bo-cong-thuong`), a name or an IRI."""
    return service_call(request, "profile", entity_id)  # the name resolved there too


def mount_assets(app: FastAPI) -> None:
    """Serve cytoscape.js from node_modules at `VENDOR` (a missing folder is a 404 per file, so
    the app still starts before `npm ci`)."""
    app.mount(VENDOR, StaticFiles(directory=CYTOSCAPE_JS.parent, check_dir=False),
              name="cytoscape")
