"""One exception family with an HTTP status, translated once at each edge (API, CLI)."""

from __future__ import annotations

__all__ = [
    "BadArticle",
    "BadDate",
    "BadQuery",
    "Forbidden",
    "NotFound",
    "QueryTimeout",
    "StoreError",
    "UnknownQuery",
    "VnkgError",
]


class VnkgError(Exception):
    status = 500
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(VnkgError):
    status = 404
    code = "not_found"


class UnknownQuery(NotFound):
    code = "unknown_query"


class BadQuery(VnkgError):
    status = 400
    code = "bad_query"


class BadDate(BadQuery, ValueError):
    """A date that is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (graph/bounds.py); a ValueError
    too, so that pydantic reports it as a validation error of the parameter."""

    code = "bad_date"


class Forbidden(VnkgError):
    status = 403
    code = "forbidden"


class BadArticle(VnkgError):
    status = 422
    code = "bad_article"


class QueryTimeout(VnkgError):
    status = 503
    code = "query_timeout"


class StoreError(VnkgError):
    status = 500
    code = "store_error"
