"""What routes take from the app, as FastAPI dependencies: the one place that reads the state the
lifespan fills (api/app.py). A route says `kg: Graph`; a helper given the request calls
`get_graph(request)`; tests can swap either with `app.dependency_overrides`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.service import KnowledgeGraph
from graph.settings import Settings
from graph.workers import QueryRunner

__all__ = ["AppSettings", "Graph", "Runner", "get_graph", "get_runner", "get_settings"]


def get_graph(request: Request) -> KnowledgeGraph:
    """The app's knowledge graph, opened once by the lifespan."""
    return request.app.state.kg


def get_settings(request: Request) -> Settings:
    """The app's settings (limits, the API token)."""
    return request.app.state.settings


def get_runner(request: Request) -> QueryRunner:
    """The query runner: worker processes under the time and memory limits."""
    return request.app.state.query_runner


Graph = Annotated[KnowledgeGraph, Depends(get_graph)]
AppSettings = Annotated[Settings, Depends(get_settings)]
Runner = Annotated[QueryRunner, Depends(get_runner)]
