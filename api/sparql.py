"""The SPARQL 1.1 Protocol endpoint, as a router the app includes. Read-only.

GET `?query=`, POST form-encoded `query=` and POST `application/sparql-query`; the dataset from
`default-graph-uri` / `named-graph-uri`, or the query's own `FROM` / `FROM NAMED` (else the
default graph is the union of the named graphs, which hold each triple once: ontology/MODEL.md);
results by content negotiation (`Accept`, or a `format=` parameter). Queries run through the app's
query runner (graph/workers.py): worker processes with a hard time limit and a row limit.

Why HTTP is read-only and never federates: the endpoint is public and unauthenticated, and a
SERVICE clause would make the server send requests wherever a visitor points it. A query that
federates, and an update in every form (`update=`, `application/sparql-update`, update text in
`query=`), get 403 before anything runs: api/sparql_guard.py lexes the query as oxigraph does.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Annotated, Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from api.errors import error_response, responses
from api.limits import client_gone
from api.sparql_guard import guard
from graph.errors import BadQuery, Forbidden, VnkgError
from graph.workers import GRAPH_FORMATS, RESULTS_FORMATS, NotAcceptable, QueryRequest

__all__ = ["UnsupportedMediaType", "answer_fast", "fast_params", "guard", "negotiate", "router"]

logger = logging.getLogger(__name__)

router = APIRouter(tags=["sparql"])


class UnsupportedMediaType(VnkgError):
    status = 415
    code = "unsupported_media_type"


# -- dataset ------------------------------------------------------------------------------------
def _graph_iris(values: list[str], parameter: str) -> tuple[str, ...] | None:
    """The IRIs of `default-graph-uri` / `named-graph-uri`, each checked (400 names a bad one)."""
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as err:
            raise BadQuery(f"{parameter} must be an absolute IRI, got {value!r} ({err})") from None
    return tuple(values) if values else None


# -- content negotiation ---------------------------------------------------------------------
_MEDIA: dict[str, str] = {  # media type -> format key, for both result kinds
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml",
    "text/n3": "turtle", "text/rdf+n3": "turtle", "application/n3": "turtle",  # Turtle is N3
    "application/turtle": "turtle",
}
_FORMAT_ALIASES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle",
                   "ttl": "turtle", "n3": "turtle", "ntriples": "ntriples", "nt": "ntriples",
                   "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml",
                   "rdf+xml": "rdfxml", "rdf": "rdfxml"}
# A format named for the other kind of result: `format=xml` (SPARQLWrapper's default) on a
# CONSTRUCT means RDF/XML, `format=json` JSON-LD, and back.
_COUNTERPART = {"xml": "rdfxml", "rdfxml": "xml", "json": "jsonld", "jsonld": "json"}


def _accepted(accept: str) -> list[tuple[str, float]]:
    """(media range, q) pairs, best first; more specific ranges first among equal q."""
    ranges = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((media, q, media.count("*"), i))
    ranges.sort(key=lambda r: (-r[1], r[2], r[3]))
    return [(m, q) for m, q, _, _ in ranges if q > 0]


def negotiate(accept: str | None, table: dict, default: str) -> str | None:
    """The format key of `table` the Accept header prefers; None when it accepts none of them.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULTS_FORMATS, "json")
    'xml'
    >>> negotiate("text/html,*/*;q=0.8", RESULTS_FORMATS, "json")
    'json'
    >>> negotiate("image/png", GRAPH_FORMATS, "turtle") is None
    True
    """
    if not accept or not accept.strip():
        return default
    counterpart = None  # a type of the other kind of result, taken only if nothing fits
    for media, _ in _accepted(accept):
        if media == "*/*":
            return counterpart or default
        if media.endswith("/*"):
            found = _by_major(media[:-1], table, default)
            if found:
                return found
            continue
        key = _MEDIA.get(media)
        if key in table:
            return key
        if counterpart is None and _COUNTERPART.get(key or "") in table:  # JSON for a graph:
            counterpart = _COUNTERPART[key or ""]                          # JSON-LD, XML: RDF/XML
    return counterpart


def _by_major(major: str, table: dict, default: str) -> str | None:
    """The format of `table` a `type/*` range takes: the default if it fits, else the first."""
    if table[default][1].startswith(major):
        return default
    return next((key for key, (_, mtype) in table.items() if mtype.startswith(major)), None)


def _format_key(values: list[str]) -> str | None:
    """The format the `format=` values name: the first known name or media type among them
    (SPARQLWrapper sends `format=rdf+xml&format=application/rdf+xml`, or a media list).

    >>> _format_key(["json-ld", "application/ld+json,application/x-json+ld"])
    'jsonld'
    >>> _format_key(["", "text/tab-separated-values"])
    'tsv'
    """
    pieces = [p.strip().lower() for value in values for p in value.split(",") if p.strip()]
    for piece in pieces:
        key = _FORMAT_ALIASES.get(piece) or _MEDIA.get(piece)
        if key:
            return key
    if pieces:
        raise BadQuery(f"unknown format {', '.join(pieces)!r}; known: "
                       f"{', '.join(sorted(_FORMAT_ALIASES))} or a media type")
    return None


def _formats(accept: str | None, fmt: list[str]) -> tuple[str | None, str | None]:
    """(results format, graph format) for this request: `format=` wins over Accept, for the
    kind of result it names (or its counterpart); the other kind follows Accept."""
    results = negotiate(accept, RESULTS_FORMATS, "json")
    graph = negotiate(accept, GRAPH_FORMATS, "turtle")
    key = _format_key(fmt)
    if key is None:
        return results, graph
    return _pick_kind(key, RESULTS_FORMATS, results), _pick_kind(key, GRAPH_FORMATS, graph)


def _pick_kind(key: str, table: dict, negotiated: str | None) -> str | None:
    if key in table:
        return key
    return _COUNTERPART[key] if _COUNTERPART.get(key) in table else negotiated


# -- running ----------------------------------------------------------------------------------
INLINE_GUARD = 512  # characters of query text checked on the event loop itself (<0.5 ms)
async def _run(request: Request, query: str | None, default_graphs: list[str],
               named_graphs: list[str], fmt: list[str]) -> Response:
    return await answer(request.app.state, request.headers.get("accept"), query,
                        default_graphs, named_graphs, fmt, client_gone(request))


async def answer(state: Any, accept: str | None, query: str | None, default_graphs: list[str],
                 named_graphs: list[str], fmt: list[str],
                 gone: threading.Event | None) -> Response:
    """The response to a query of the protocol: guarded, run by the app's query runner under
    the time limit (stopped once `gone` is set), in the negotiated format."""
    if not query or not query.strip():
        raise BadQuery("missing 'query' parameter (SPARQL 1.1 Protocol: ?query=...)")
    if len(query) > INLINE_GUARD:  # a long query takes a while to check: not on the loop
        await run_in_threadpool(guard, query)
    else:  # a short one takes microseconds: a thread hop would cost more than the check
        guard(query)
    results_format, graph_format = _formats(accept, fmt)
    settings = state.settings
    sparql_request = QueryRequest(
        text=query,
        default_graph=_graph_iris(default_graphs, "default-graph-uri"),
        named_graphs=_graph_iris(named_graphs, "named-graph-uri"),
        results_format=results_format,
        graph_format=graph_format,
        row_limit=settings.row_limit,
    )
    outcome = await state.query_runner.run_async(sparql_request, settings.query_timeout,
                                                 gone=gone)
    headers = {"Vary": "Accept"}
    if outcome.truncated:
        headers["X-Vnkg-Truncated"] = f"row limit {settings.row_limit} reached"
    return Response(outcome.body, media_type=outcome.media_type, headers=headers)


async def answer_fast(state: Any, params: dict[str, list[str]], scope: Any, receive: Any,
                      send: Any) -> None:
    """Answer a `GET /sparql?query=` (what SPARQL clients send most; `fast_params` says which)
    straight from the ASGI call, with the same `answer` as the route: the app's routing and
    middleware cost about as much as a small query takes. The response goes out as the two
    ASGI messages, and a client that disconnects stops its query as on the route."""
    gone = threading.Event()
    watcher = asyncio.ensure_future(_watch_disconnect(receive, gone))
    try:
        response = await answer(state, _header(scope, b"accept"), params["query"][0],
                                params.get("default-graph-uri", []),
                                params.get("named-graph-uri", []), params.get("format", []),
                                gone)
    except VnkgError as err:
        response = error_response(err.status, err.code, err.message)
    except Exception:  # what the app's error middleware would do: log it, answer 500
        logger.exception("GET /sparql failed")
        response = error_response(500, "internal_error", "the server failed on this query")
    finally:
        watcher.cancel()
    await send({"type": "http.response.start", "status": response.status_code,
                "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


def fast_params(scope: Any) -> dict[str, list[str]] | None:
    """The parameters of a `GET /sparql` with one query and no update, else None."""
    if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != "/sparql":
        return None
    params = parse_qs(scope.get("query_string", b"").decode("utf-8", errors="replace"),
                      keep_blank_values=True)
    if len(params.get("query", [])) != 1 or "update" in params:
        return None
    return params


def _header(scope: Any, name: bytes) -> str | None:
    values = [v.decode("latin-1") for k, v in scope.get("headers", []) if k.lower() == name]
    return ", ".join(values) if values else None


async def _watch_disconnect(receive: Any, gone: threading.Event) -> None:
    """Set `gone` when the client disconnects (a GET has no body to read before that)."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            gone.set()
            return


# -- service description ----------------------------------------------------------------------
_DESCRIPTION = """\
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,
        formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV, formats:Turtle,
        formats:N-Triples, formats:JSON-LD, formats:RDF_XML ;
    sd:defaultDataset [
        a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ]
    ] .
"""


def service_description(endpoint: str, fmt: str) -> bytes:
    """The SPARQL 1.1 Service Description of the endpoint at `endpoint`, as `fmt`: a query
    service (no update, no federation) whose default graph is the union of the named graphs.

    >>> print(service_description("http://h/sparql", "ntriples").decode().splitlines()[0])
    <http://h/sparql> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> \
<http://www.w3.org/ns/sparql-service-description#Service> .
    """
    text = _DESCRIPTION.format(endpoint=endpoint)
    if fmt == "turtle":
        return text.encode()
    quads = ox.parse(text, format=ox.RdfFormat.TURTLE)
    return ox.serialize([q.triple for q in quads], format=GRAPH_FORMATS[fmt][0]) or b""


def _describe(request: Request) -> Response:
    fmt = negotiate(request.headers.get("accept"), GRAPH_FORMATS, "turtle")
    if fmt is None:
        raise NotAcceptable("the service description can be sent as "
                            f"{', '.join(m for _, m in GRAPH_FORMATS.values())}; the request "
                            "accepts none of them")
    endpoint = str(request.url.replace(query="", fragment=""))
    return Response(service_description(endpoint, fmt), media_type=GRAPH_FORMATS[fmt][1],
                    headers={"Vary": "Accept"})


# Every media type a query can answer in, declared for the 200 of both routes.
_ANSWERS = {200: {"description": "the results (SELECT, ASK) or the graph (CONSTRUCT, DESCRIBE); "
                  "without a query, the service description",
                  "content": {media: {} for _, media in
                              [*RESULTS_FORMATS.values(), *GRAPH_FORMATS.values()]}}}
_EXAMPLE = ("PREFIX vnkg: <https://vnkg.org/ontology#>\n"
            "SELECT ?official ?province WHERE { ?official vnkg:workedWith ?province } LIMIT 10")


@router.get("/sparql", summary="SPARQL query (GET)", response_class=Response,
            responses={**_ANSWERS, **responses(400, 403, 406)})
async def sparql_get(
    request: Request,
    query: Annotated[str | None, Query(description="a SPARQL 1.1 query",
                                       examples=[_EXAMPLE])] = None,
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri")] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri")] = None,
    format: Annotated[str | None, Query(description="json, xml, csv, tsv, turtle, ntriples, "
                                                    "jsonld, rdfxml (overrides Accept)")] = None,
    update: Annotated[str | None, Query(include_in_schema=False)] = None,
) -> Response:
    """Run a read-only SPARQL query given as `?query=`; without one, the service description.

    SELECT and ASK answer as `application/sparql-results+json` (default), `+xml`, `text/csv` or
    `text/tab-separated-values`; CONSTRUCT and DESCRIBE as Turtle (default), N-Triples, JSON-LD
    or RDF/XML, chosen by `Accept`. `GET /sparql` alone answers the SPARQL 1.1 Service
    Description of the endpoint (Turtle by default).
    """
    if update is not None:
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
    if query is None and not default_graph_uri and not named_graph_uri:
        return _describe(request)
    if len(request.query_params.getlist("query")) > 1:
        raise BadQuery("more than one 'query' parameter")
    formats = request.query_params.getlist("format")  # every one given (FastAPI keeps the last)
    return await _run(request, query, default_graph_uri or [], named_graph_uri or [], formats)


def _utf8(body: bytes) -> str:
    """The request body as text: the protocol sends queries as UTF-8 (anything else is 400)."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadQuery("the query is not UTF-8 text (SPARQL 1.1 Protocol: queries are sent "
                       "as UTF-8)") from None


@router.post("/sparql", summary="SPARQL query (POST)", response_class=Response,
             responses={**_ANSWERS, **responses(400, 403, 406, 415)},
             openapi_extra={"requestBody": {
    "content": {
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
            "query": {"type": "string"}}}, "example": {"query": _EXAMPLE}},
        "application/sparql-query": {"schema": {"type": "string"}, "example": _EXAMPLE},
    }}})
async def sparql_post(request: Request) -> Response:
    """Run a read-only SPARQL query: form-encoded `query=` or an `application/sparql-query` body.

    `default-graph-uri` and `named-graph-uri` come from the form, or from the URL for a direct
    body. Updates (`update=`, `application/sparql-update`) get 403.
    """
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    url = request.query_params
    if ctype == "application/sparql-update" or "update" in url:
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
    if ctype == "application/sparql-query":
        text = _utf8(await request.body())
        return await _run(request, text, url.getlist("default-graph-uri"),
                          url.getlist("named-graph-uri"), url.getlist("format"))
    if ctype == "application/x-www-form-urlencoded":
        form = parse_qs(_utf8(await request.body()), keep_blank_values=True)
        if "update" in form:
            raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
        queries = form.get("query") or []
        if len(queries) > 1:
            raise BadQuery("more than one 'query' parameter")
        fmt = form.get("format") or url.getlist("format")
        return await _run(request, queries[0] if queries else None,
                          form.get("default-graph-uri", []), form.get("named-graph-uri", []), fmt)
    raise UnsupportedMediaType(
        f"POST /sparql takes application/x-www-form-urlencoded or application/sparql-query, "
        f"not {ctype or 'a body without a Content-Type'}")
