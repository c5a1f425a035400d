"""Every request's work under the app's limits.

A REST lookup, an export or the stats runs its `KnowledgeGraph` reads through the app's query
runner (graph/workers.py), like a `/sparql` query: on the on-disk store, in a worker process
capped in memory and killed past the time limit (503, the usual error body), so a stuck request
never holds a core of the server or blocks its shutdown. The time limit is the request's, not
each query's: a page that runs five named queries gets `query_timeout` seconds for all five.

A client that goes away stops its query: `WatchDisconnect` notes the disconnect (a
`threading.Event` in the request's state) and the runner kills the worker that was answering it.
It is also the one reader of request bodies, so it bounds them: a body over `max_body_mb` gets
413, before it is read when its Content-Length says so, else as soon as the bytes that came
exceed the limit (a chunked body); the rest of it is never read.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

from fastapi import Request
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.deps import get_graph, get_runner, get_settings
from api.errors import error_response
from graph.errors import QueryTimeout, VnkgError
from graph.workers import ServiceCall

__all__ = ["BodyTooLarge", "WatchDisconnect", "client_gone", "service_call"]


def _time_left(request: Request) -> tuple[float, float]:
    """(seconds left, the whole limit) of this request; its clock starts at its first job."""
    limit = get_settings(request).query_timeout
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
    job = ServiceCall(method, args, kwargs, get_graph(request).settings)
    return get_runner(request).call(job, left, limit=limit,
                                               gone=client_gone(request))


def client_gone(request: Request) -> threading.Event | None:
    """Set once the request's client has gone away (see `WatchDisconnect`)."""
    return getattr(request.state, "vnkg_gone", None)


class BodyTooLarge(VnkgError, HTTPException):
    """A request body over the limit. An HTTPException too, so that FastAPI, reading a body
    for a route, passes it on as it is (to the app's VnkgError handler) rather than as a 400."""

    status = 413
    code = "body_too_large"

    def __init__(self, limit_mb: float) -> None:
        message = (f"the request body is larger than the limit of {limit_mb:g} MB "
                   f"(the max_body_mb setting)")
        HTTPException.__init__(self, status_code=self.status, detail=message)
        self.message = message

    def __str__(self) -> str:
        return self.message


_TOO_LARGE: Message = {"type": "vnkg.body_too_large"}


def _declared_length(scope: Scope) -> int | None:
    try:
        return int(Headers(scope=scope)["content-length"])
    except (KeyError, ValueError):
        return None


class WatchDisconnect:
    """ASGI middleware: relays the request's messages to the app and sets the request's
    `vnkg_gone` event when the client disconnects before its response is sent, so the query
    working for it can be stopped (the route itself runs on in a thread and cannot be); refuses
    a body over `max_body_mb` with 413."""

    def __init__(self, app: ASGIApp, max_body_mb: float | None = None) -> None:
        self.app = app
        self.max_body_mb = max_body_mb
        self.max_body = int(max_body_mb * 2**20) if max_body_mb is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if self.max_body is not None and declared is not None and declared > self.max_body:
            error = BodyTooLarge(self.max_body_mb or 0)
            response = error_response(413, error.code, error.message,
                                      headers={"Connection": "close"})
            await response(scope, receive, send)  # the body is never read
            return
        gone = threading.Event()
        scope.setdefault("state", {})["vnkg_gone"] = gone
        messages: asyncio.Queue[Message] = asyncio.Queue()
        watcher = asyncio.ensure_future(self._watch(receive, messages, gone))

        refused = False

        async def app_receive() -> Message:
            nonlocal refused
            if refused:  # the body was refused: nothing more will come
                return {"type": "http.disconnect"}
            message = await messages.get()
            if message is _TOO_LARGE:
                refused = True
                raise BodyTooLarge(self.max_body_mb or 0)
            return message

        try:
            await self.app(scope, app_receive, send)
        finally:
            watcher.cancel()

    async def _watch(self, receive: Receive, messages: asyncio.Queue[Message],
                     gone: threading.Event) -> None:
        """Pass on each message; stop at a disconnect, or past the body limit."""
        received = 0
        while True:
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if self.max_body is not None and received > self.max_body:
                    await messages.put(_TOO_LARGE)
                    return
            await messages.put(message)
            if message["type"] == "http.disconnect":
                gone.set()
                return
