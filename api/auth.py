"""The write token of `POST /api/articles`: FastAPI's `HTTPBearer` (`Authorization: Bearer
<token>`, declared in OpenAPI so /docs has its Authorize button), or the `X-API-Token` header.

Without the `api_token` setting, ingest over HTTP is off (403); no token is 401, a wrong one
403, compared in constant time.
"""

from __future__ import annotations

import hmac
from typing import Annotated, ClassVar

from fastapi import Depends
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from api.deps import AppSettings
from graph.errors import Forbidden, VnkgError

__all__ = ["Unauthorized", "write_token"]

_BEARER = HTTPBearer(auto_error=False, scheme_name="api_token",
                     description="the server's api_token setting")
_HEADER = APIKeyHeader(name="X-API-Token", auto_error=False, scheme_name="api_token_header",
                       description="the server's api_token setting, as a header")


class Unauthorized(VnkgError):
    status = 401
    code = "unauthorized"
    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": "Bearer"}


def write_token(settings: AppSettings,
                bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
                header: Annotated[str | None, Depends(_HEADER)]) -> None:
    """Let the request through with the right token; else 401 or 403."""
    expected = settings.api_token
    if not expected:
        raise Forbidden("ingest over HTTP is off: the server has no api_token setting")
    given = header or (bearer.credentials.strip() if bearer else None)
    if not given:
        raise Unauthorized("this route needs the API token (Authorization: Bearer <token>)")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise Forbidden("wrong API token")
