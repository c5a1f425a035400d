"""The SPARQL 1.1 Protocol endpoint, as a router the app includes. Read-only."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request, Response

from graph.errors import BadQuery, Forbidden
from graph.service import KnowledgeGraph

__all__ = ["router"]

router = APIRouter(tags=["sparql"])

# Updates and federation never run over HTTP, whatever the installed build allows.
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", re.I)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)


_STRINGS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
)


def _strip_literals(query: str) -> str:
    """The query without strings, IRIs and comments, so keyword checks don't trip on data."""
    query = re.sub(_STRINGS, '""', query)
    query = re.sub(r"<[^<>\s]*>", "<>", query)
    return re.sub(r"#[^\n]*", "", query)


def guard(query: str) -> None:
    bare = _strip_literals(query)
    if _SERVICE.search(bare):
        raise Forbidden("federated SERVICE queries are refused by this endpoint")
    if _UPDATE.search(bare) and not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", bare, re.I):
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused")


def _kg(request: Request) -> KnowledgeGraph:
    return request.app.state.kg


async def _run(request: Request, query: str | None) -> Response:
    if not query:
        raise BadQuery("missing 'query' parameter")
    guard(query)
    result = _kg(request).sparql(query)
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean | ox.QuerySolutions):
        body = result.serialize(format=ox.QueryResultsFormat.JSON)
        return Response(body, media_type="application/sparql-results+json")
    body = ox.serialize(result, format=ox.RdfFormat.TURTLE) or b""
    return Response(body, media_type="text/turtle")


@router.get("/sparql")
async def sparql_get(request: Request, query: str | None = None) -> Response:
    """SPARQL query by GET (`?query=`)."""
    return await _run(request, query)


@router.post("/sparql")
async def sparql_post(request: Request) -> Response:
    """SPARQL query by POST: form-encoded `query=` or a direct `application/sparql-query` body."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip()
    if ctype == "application/sparql-query":
        return await _run(request, (await request.body()).decode("utf-8"))
    form = await request.form()
    if "update" in form:
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
    return await _run(request, str(form.get("query") or ""))
