"""One error body for every error the app sends: `{"error": code, "message": text}`, plus
`fields` (what was wrong with which parameter) on a 422.

Our own errors (graph/errors.py), FastAPI's validation errors, Starlette's HTTP errors (an
unknown route's 404, a wrong method's 405) and the middlewares' (413, the fast SPARQL path) all
answer through `error_response`, so a client reads `message` whatever went wrong. `responses()`
declares the error statuses of a route in OpenAPI with this body.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.routing import Match

from graph.errors import VnkgError

__all__ = ["ErrorBody", "error_response", "install_handlers", "responses"]


class FieldProblem(BaseModel):
    """One invalid part of a request."""

    where: str = Field(description="e.g. query.limit, path.official_id, body.id")
    problem: str


class ErrorBody(BaseModel):
    """What every error answers."""

    error: str = Field(description="a short code, e.g. not_found, bad_query, query_timeout")
    message: str = Field(description="what went wrong, in one line")
    fields: list[FieldProblem] | None = Field(None, description="on a 422: each invalid part")


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 406: "not_acceptable", 413: "body_too_large",
          415: "unsupported_media_type", 422: "invalid_request", 503: "unavailable"}
_WHAT = {400: "a bad request", 401: "the API token is missing", 403: "refused",
         404: "nothing there", 405: "a method this route does not take",
         406: "no format the request accepts", 413: "the request body is over the limit",
         415: "a request body type this route does not take",
         422: "an invalid parameter or body",
         503: "stopped at the time or memory limit (query_timeout, query_too_large)"}


def error_response(status: int, code: str, message: str, fields: list[FieldProblem] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """The error body as a response."""
    body = ErrorBody(error=code, message=message, fields=fields)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for these error statuses, each with the error body."""
    return {status: {"model": ErrorBody, "description": _WHAT[status]} for status in statuses}


def _where(loc: tuple[Any, ...]) -> str:
    """`("query", "limit")` as `query.limit`.

    >>> _where(("body", "facts", 0, "id"))
    'body.facts.0.id'
    """
    return ".".join(str(part) for part in loc)


def _problem(error: dict[str, Any]) -> str:
    """pydantic's message, without the "Value error, " it puts before our validators' own."""
    return str(error.get("msg", "")).removeprefix("Value error, ")


def _invalid(exc: RequestValidationError) -> JSONResponse:
    fields = [FieldProblem(where=_where(tuple(e.get("loc", ()))), problem=_problem(e))
              for e in exc.errors()]
    summary = "; ".join(f"{f.where}: {f.problem}" for f in fields) or "invalid request"
    return error_response(422, "invalid_request", summary, fields)


def install_handlers(app: FastAPI) -> None:
    """Answer every error with the one body."""

    @app.exception_handler(VnkgError)
    async def _vnkg(request: Request, err: VnkgError) -> JSONResponse:
        return error_response(err.status, err.code, err.message,
                              headers=getattr(err, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _invalid(exc)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        if isinstance(exc, VnkgError):  # BodyTooLarge is both
            return error_response(exc.status, exc.code, exc.message)
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path} (no such route or file)"
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            message = f"{request.method} is not a method of {request.url.path}"
            headers = {**(headers or {}), "Allow": ", ".join(_allowed(request))}
        return error_response(exc.status_code, _CODES.get(exc.status_code, "error"), message,
                              headers=headers)


_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


def _allowed(request: Request) -> list[str]:
    """The methods some route takes at the request's path (Starlette names only the first
    matching route's, and /sparql has one route per method)."""
    return [method for method in _METHODS
            if any(route.matches({**request.scope, "method": method})[0] == Match.FULL
                   for route in request.app.router.routes)]
