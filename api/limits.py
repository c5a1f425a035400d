"""Every request's work under the app's limits.

A REST lookup, an export or the stats runs its `KnowledgeGraph` reads through the app's query
runner (graph/workers.py), like a `/sparql` query: on the on-disk store, in a worker process
capped in memory and killed past the time limit (503, the usual error body), so a stuck request
never holds a core of the server or blocks its shutdown. The time limit is the request's, not
each query's: a page that runs five named queries gets `query_timeout` seconds for all five.

A client that goes away stops its query: `WatchDisconnect` notes the disconnect (a
`threading.Event` in the request's state) and the runner kills the worker that was answering it.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.errors import QueryTimeout
from graph.workers import ServiceCall

__all__ = ["WatchDisconnect", "client_gone", "service_call"]


def _time_left(request: Request) -> tuple[float, float]:
    """(seconds left, the whole limit) of this request; its clock starts at its first job."""
    limit = request.app.state.settings.query_timeout
    started = getattr(request.state, "vnkg_started", None)
    if started is None:
        started = request.state.vnkg_started = time.monotonic()
    left = started + limit - time.monotonic()
    if left <= 0:
        raise QueryTimeout(f"the request ran past the time limit of {limit:g} s and was "
                           "stopped; narrow it")
    return left, limit


def service_call(request: Request, method: str, *args: Any, **kwargs: Any) -> Any:
    """`KnowledgeGraph.<method>(*args, **kwargs)` (query, stats or export) run by the app's
    query runner within the time this request has left."""
    left, limit = _time_left(request)
    # The graph's own settings (base IRI, query folder): the worker answers as `kg` would.
    job = ServiceCall(method, args, kwargs, request.app.state.kg.settings)
    return request.app.state.query_runner.call(job, left, limit=limit,
                                               gone=client_gone(request))


def client_gone(request: Request) -> threading.Event | None:
    """Set once the request's client has gone away (see `WatchDisconnect`)."""
    return getattr(request.state, "vnkg_gone", None)


class WatchDisconnect:
    """ASGI middleware: relays the request's messages to the app and sets the request's
    `vnkg_gone` event when the client disconnects before its response is sent, so the query
    working for it can be stopped (the route itself runs on in a thread and cannot be)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        gone = threading.Event()
        scope.setdefault("state", {})["vnkg_gone"] = gone
        messages: asyncio.Queue[Message] = asyncio.Queue()

        async def watch() -> None:
            while True:
                message = await receive()
                await messages.put(message)
                if message["type"] == "http.disconnect":
                    gone.set()
                    return

        watcher = asyncio.ensure_future(watch())
        try:
            await self.app(scope, messages.get, send)
        finally:
            watcher.cancel()
