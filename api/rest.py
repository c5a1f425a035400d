"""REST lookups under `/api`: a thin door. Each route resolves its id, makes one call of the
service (a named query of queries/*.rq, or a `KnowledgeGraph` method that assembles a page:
graph/details.py, graph/pages.py) and maps the plain rows it gets to pydantic models; lists page
with `limit` and `offset`, and say where the next page starts (`next`).

Every call goes through the app's query runner (api/limits.py): on the on-disk store it runs in
a worker process, capped in memory and stopped at the request's time limit. A list pages in the
query itself (`LIMIT limit+1 OFFSET offset`: the extra row only tells that a next page exists);
where one item gathers several rows (events, worked-with hosts) the service pages the gathered
items and says whether more follow.

Ids are the IRI's path under its type segment (`/api/officials/nguyen-hong-dien`,
`/api/provinces/lao-cai`, `/api/provinces/2025/lao-cai`, `/api/agencies/bo-cong-thuong`);
`/api/entities/{id}` takes `person/nguyen-hong-dien` or a bare slug when only one type has it.
Routes are plain `def`s: FastAPI runs them in its thread pool, off the event loop.
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BeforeValidator, WithJsonSchema

from api.auth import write_token
from api.deps import AppSettings, Graph, Runner, get_graph
from api.errors import responses
from api.limits import client_gone, service_call
from api.models import (
    Agency,
    AgencyDetail,
    AgencyMember,
    Article,
    ArticleDetail,
    ArticleFact,
    AskAnswer,
    EntityDetail,
    Event,
    EventMember,
    IngestAnswer,
    Leader,
    NewArticle,
    Official,
    OfficialDetail,
    Page,
    Position,
    Province,
    ProvinceDetail,
    QueryInfo,
    Ref,
    SearchHit,
    Statement,
    WorkedWith,
    WorkedWithAnswer,
)
from graph.ask import MAX_QUESTION
from graph.ask import read as read_question
from graph.bounds import date_bound
from graph.entities import PARAM_TYPES
from graph.errors import BadQuery, NotFound
from graph.names import query_terms
from graph.queries import list_queries
from graph.vocab import ENTITY_SEGMENT
from graph.workers import RESULTS_FORMATS, QueryRequest

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["rest"], responses=responses(400, 404))

Limit = Annotated[int, Query(ge=1, le=1000, description="items per page")]
# A window's bounds: YYYY-MM-DD, YYYY-MM or YYYY (graph/bounds.py); `from` is the first day it
# names and `to` the last (`from=2024-08&to=2024-08` is August, `to=2024` ends on 2024-12-31).
_BOUND = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
DateFrom = Annotated[date | None, BeforeValidator(partial(date_bound, upper=False)),
                     WithJsonSchema(_BOUND)]
DateTo = Annotated[date | None, BeforeValidator(partial(date_bound, upper=True)),
                   WithJsonSchema(_BOUND)]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
_ID = re.compile(r"^[\w.~-]+(/[\w.~-]+)*$")
_SEGMENT_TYPE = {segment: etype for etype, segment in ENTITY_SEGMENT.items()}


# -- helpers --------------------------------------------------------------------------------------
_kg = get_graph  # the graph (api/deps.py), for the helpers that are given the request


def _base(request: Request) -> str:
    return _kg(request).base


def _rows(request: Request, name: str, *, limit: int | None = None, offset: int | None = None,
          **params: Any) -> list[dict[str, Any]]:
    """Rows of a named query (its parameters as keywords, None ones left out), run like every
    query of a request (api/limits.py); `limit` and `offset` page it in the query."""
    bound = {k: v for k, v in params.items() if v is not None}
    return service_call(request, "query", name, bound, limit=limit, offset=offset)


def _page_rows(request: Request, name: str, limit: int, offset: int, **params: Any
               ) -> list[dict[str, Any]]:
    """Up to `limit + 1` rows of a named query from `offset`: one page and a sign of the next."""
    return _rows(request, name, limit=limit + 1, offset=offset, **params)


def short_id(iri: str, base: str) -> str | None:
    """The id of an IRI under `base`: its path after the type segment.

    >>> short_id("https://vnkg.org/id/province/2025/lao-cai", "https://vnkg.org/id")
    '2025/lao-cai'
    >>> short_id("http://example.org/x", "https://vnkg.org/id") is None
    True
    """
    prefix = base.rstrip("/") + "/"
    if not iri.startswith(prefix):
        return None
    _, _, rest = iri[len(prefix):].partition("/")
    return rest or None


def _ref(iri: str | None, base: str, label: str | None = None, etype: str | None = None) -> Ref:
    return Ref(id=short_id(iri or "", base), iri=iri or "", type=etype, label=label)


def _iri(request: Request, segment: str, entity_id: str) -> str:
    if not _ID.match(entity_id):
        raise NotFound(f"no {segment} with id {entity_id!r}")
    return f"{_base(request)}/{segment}/{entity_id}"


def _id_or_name(request: Request, segment: str, value: str) -> str:
    """A query parameter's entity: its id (`lao-cai`, `2025/lao-cai`) or, when it is not one
    (`Nguyễn Hồng Diên`, `nguyen hong dien`), its name resolved through the search index
    (graph/entities.py: an ambiguous name is a 400 listing the candidates)."""
    if _ID.match(value):
        return _iri(request, segment, value)
    return service_call(request, "entity", value, _SEGMENT_TYPE[segment])


def _page(items: list, limit: int, offset: int) -> dict[str, Any]:
    """A page of the items fetched from `offset` (up to `limit + 1`: one more than the page
    tells that a next page exists).

    >>> _page(["c", "d", "e"], 2, 2)
    {'limit': 2, 'offset': 2, 'next': 4, 'items': ['c', 'd']}
    >>> _page(["e"], 2, 4)
    {'limit': 2, 'offset': 4, 'next': None, 'items': ['e']}
    """
    more = len(items) > limit
    return {"limit": limit, "offset": offset, "next": offset + limit if more else None,
            "items": items[:limit]}


def _service_page(found: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    """A page of a service method's answer (`items`, `more`: whether a next page exists).

    >>> _service_page({"items": ["c", "d"], "more": True}, 2, 2)
    {'limit': 2, 'offset': 2, 'next': 4, 'items': ['c', 'd']}
    """
    return {"limit": limit, "offset": offset,
            "next": offset + limit if found["more"] else None, "items": found["items"]}


def _existing(request: Request, iri: str, etype: str, what: str) -> Ref:
    rows = _rows(request, "label", entity=iri)
    if not rows or rows[0]["type"] != etype:
        raise NotFound(f"no {what} {short_id(iri, _base(request))!r} in the graph")
    return _ref(iri, _base(request), rows[0]["label"], etype)


def _event(event: dict[str, Any], base: str) -> Event:
    """An event gathered by the service (graph/pages.py `gather_events`) as the API shows it."""
    iri = event["event"]
    return Event(id=short_id(iri, base) or iri, iri=iri, kind=event["kind"],
                 label=event["label"], start=event["start"], end=event["end"],
                 date=event["dateText"], articles=event["articles"],
                 members=[EventMember(id=short_id(m["member"], base), iri=m["member"],
                                      type=m["memberType"], label=m["memberLabel"],
                                      role=m["role"]) for m in event["members"]])


# -- search ---------------------------------------------------------------------------------------
@router.get("/search", response_model=Page[SearchHit], summary="Search entities by name")
def search(request: Request,
           q: Annotated[str, Query(min_length=1, description="a name or part of one, with or "
                                   "without accents", examples=["lao cai"])],
           type: Annotated[str | None, Query(description="only this FACTS.md type, e.g. "
                                             "PROVINCE")] = None,
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Entities whose name contains `q`, accent- and case-insensitive ("lao cai" finds Lào Cai,
    "nguyen hong dien" finds Nguyễn Hồng Diên); exact names first."""
    key, word, prefix = query_terms(q)
    if not key:
        raise BadQuery("the search text is empty once folded")
    base = _base(request)
    rows = _page_rows(request, "search", limit, offset, q=key, word=word, prefix=prefix,
                      type=type)
    hits = [SearchHit(id=short_id(r["entity"], base), iri=r["entity"], type=r["type"],
                      label=r["label"], era=r["era"], rank=int(r["rank"])) for r in rows]
    return _page(hits, limit, offset)


# -- questions ------------------------------------------------------------------------------------
@router.get("/ask", response_model=AskAnswer, summary="Ask a question in Vietnamese")
def ask(request: Request,
        q: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION,
                                description="a question in Vietnamese, with or without tone "
                                "marks", examples=["ai là Bí thư Tỉnh ủy Lào Cai?"])]
        ) -> dict[str, Any]:
    """Answers the common questions as people write them: who an official worked with in a
    month ("Bộ trưởng Nguyễn Hồng Diên làm việc với những tỉnh nào trong tháng 8/2024?"), who
    holds a title ("ai là Bí thư Tỉnh ủy Lào Cai?"), who visited a province ("những ai đến thăm
    tỉnh Quảng Ninh năm 2023?"), a province's border gates ("cửa khẩu của tỉnh Lào Cai"), an
    official's positions, a province's events. Shows the kind and slots understood, the named
    query it ran and the rows with their evidence; a question it does not understand gets
    `understood: false` and a message saying what was missing (still 200)."""
    reading = read_question(q)  # the pipeline, here: the query workers stay lean
    return service_call(request, "answer_question", reading)


# -- officials ------------------------------------------------------------------------------------
@router.get("/officials", response_model=Page[Official], summary="Officials")
def officials(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Every person in the graph, by name."""
    base = _base(request)
    items = [Official(id=short_id(r["official"], base), iri=r["official"], type="PERSON",
                      label=r["label"], articles=int(r["articles"] or 0))
             for r in _page_rows(request, "officials", limit, offset)]
    return _page(items, limit, offset)


@router.get("/officials/{official_id}", response_model=OfficialDetail, summary="An official")
def official(request: Request,
             official_id: Annotated[str, Path(examples=["nguyen-hong-dien"])]) -> OfficialDetail:
    """An official's positions over time, the events they took part in and their sources."""
    iri = _iri(request, "person", official_id)
    found = service_call(request, "official_detail", iri)
    if found is None:
        raise NotFound(f"no official {official_id!r} in the graph")
    base = _base(request)
    positions = [Position(role=r["role"],
                          organization=_ref(r["organization"], base, r["organizationLabel"],
                                            "ORGANIZATION"),
                          first=r["first"], date=r["date"], articles=r["articles"],
                          article=_ref(r["article"], base))
                 for r in found["positions"]]
    return OfficialDetail(**_ref(iri, base, found["label"], "PERSON").model_dump(),
                          positions=positions,
                          events=[_event(e, base) for e in found["events"]],
                          sources=found["sources"], source_count=found["source_count"])


@router.get("/officials/{official_id}/worked-with", response_model=WorkedWithAnswer,
            response_model_by_alias=True, summary="Provinces and bodies an official worked with")
def worked_with(
    request: Request,
    official_id: Annotated[str, Path(examples=["nguyen-hong-dien"])],
    from_: Annotated[DateFrom, Query(alias="from", description="first day of the window "
                                     "(YYYY-MM-DD; YYYY-MM or YYYY: its first day)",
                                     examples=["2024-08-01"])] = None,
    to: Annotated[DateTo, Query(description="last day of the window (YYYY-MM-DD; YYYY-MM or "
                                "YYYY: its last day)", examples=["2024-08-31"])] = None,
    limit: Limit = 100, offset: Offset = 0,
) -> dict[str, Any]:
    """Which provinces or bodies did the official work with between `from` and `to` (the
    mission's lookup: `/api/officials/nguyen-hong-dien/worked-with?from=2024-08-01&to=2024-08-31`):
    each host once, with its dates and source articles, in date order."""
    if from_ and to and from_ > to:
        raise BadQuery("'from' is after 'to'")
    iri = _iri(request, "person", official_id)
    ref = _existing(request, iri, "PERSON", "official")
    base = _base(request)
    found = service_call(request, "worked_with_hosts", iri, from_, to, limit=limit,
                         offset=offset)
    items = [WorkedWith(host=_ref(h["host"], base, h["hostLabel"], h["hostType"]),
                        dates=h["dates"], start=h["start"], end=h["end"],
                        articles=h["articles"]) for h in found["items"]]
    return {"official": ref, "from": from_.isoformat() if from_ else None,
            "to": to.isoformat() if to else None,
            **_service_page({**found, "items": items}, limit, offset)}


# -- provinces ------------------------------------------------------------------------------------
def _province(r: dict[str, Any], base: str) -> Province:
    merged = r["mergedInto"]
    return Province(id=short_id(r["province"], base), iri=r["province"], type="PROVINCE",
                    label=r["label"], era=r["provinceEra"], code=r["code"],
                    merged_into=_ref(merged, base, r["mergedIntoLabel"], "PROVINCE")
                    if merged and merged != r["province"] else None)


@router.get("/provinces", response_model=Page[Province], summary="Provinces")
def provinces(request: Request,
              era: Annotated[str | None, Query(pattern="^(legacy|2025)$",
                                               description="legacy (the 63 before 2025-07-01) "
                                               "or 2025 (the 34 after)")] = None,
              limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Every province, legacy and 2025 units, with its code and 2025 successor."""
    base = _base(request)
    items = [_province(r, base) for r in _page_rows(request, "provinces", limit, offset, era=era)]
    return _page(items, limit, offset)


@router.get("/provinces/{province_id:path}", response_model=ProvinceDetail,
            summary="A province")
def province(request: Request,
             province_id: Annotated[str, Path(examples=["lao-cai"])]) -> ProvinceDetail:
    """A province's leaders, border gates, zones, the events it hosted, and its 2025 successor
    (legacy units) or predecessors (2025 units)."""
    iri = _iri(request, "province", province_id)
    found = service_call(request, "province_detail", iri)
    if found is None:
        raise NotFound(f"no province {province_id!r} in the graph")
    base = _base(request)
    leaders = [Leader(person=_ref(r["person"], base, r["personLabel"], "PERSON"), role=r["role"],
                      organization=_ref(r["organization"], base, r["organizationLabel"],
                                        "ORGANIZATION"),
                      date=r["date"], article=_ref(r["article"], base))
               for r in found["leaders"]]
    places = {kind: [_ref(r["place"], base, r["label"], r["type"]) for r in found[kind]]
              for kind in ("border_gates", "zones", "places")}
    successor = found["successor"]
    return ProvinceDetail(
        **_province(found, base).model_dump(), leaders=leaders, **places,
        events=[_event(e, base) for e in found["events"]],
        successor=_ref(successor["other"], base, successor["otherLabel"], "PROVINCE")
        if successor else None,
        predecessors=[_ref(r["other"], base, r["otherLabel"], "PROVINCE")
                      for r in found["predecessors"]],
        merged_on=found["merged_on"],
    )


# -- agencies -------------------------------------------------------------------------------------
@router.get("/agencies", response_model=Page[Agency], summary="Agencies")
def agencies(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Every organization, with the body it is part of."""
    base = _base(request)
    items = [Agency(id=short_id(r["agency"], base), iri=r["agency"], type="ORGANIZATION",
                    label=r["label"],
                    parent=_ref(r["parent"], base, r["parentLabel"], "ORGANIZATION")
                    if r["parent"] else None)
             for r in _page_rows(request, "agencies", limit, offset)]
    return _page(items, limit, offset)


@router.get("/agencies/{agency_id}", response_model=AgencyDetail, summary="An agency")
def agency(request: Request,
           agency_id: Annotated[str, Path(examples=["bo-cong-thuong"])]) -> AgencyDetail:
    """An agency's parent bodies, its sub-units and the people who hold positions in it."""
    iri = _iri(request, "org", agency_id)
    found = service_call(request, "agency_detail", iri)
    if found is None:
        raise NotFound(f"no agency {agency_id!r} in the graph")
    base = _base(request)
    people = [AgencyMember(person=_ref(r["person"], base, r["personLabel"], "PERSON"),
                           role=r["role"], date=r["date"], article=_ref(r["article"], base))
              for r in found["people"]]
    units = {kind: [_ref(r["other"], base, r["otherLabel"], "ORGANIZATION")
                    for r in found[kind]] for kind in ("parents", "units")}
    return AgencyDetail(**_ref(iri, base, found["label"], "ORGANIZATION").model_dump(),
                        **units, people=people)


# -- events ---------------------------------------------------------------------------------------
@router.get("/events", response_model=Page[Event], summary="Events")
def events(
    request: Request,
    from_: Annotated[DateFrom, Query(alias="from", description="first day (YYYY-MM-DD, YYYY-MM "
                                     "or YYYY)", examples=["2024-08-01"])] = None,
    to: Annotated[DateTo, Query(description="last day (YYYY-MM-DD; YYYY-MM or YYYY: its last "
                                "day)", examples=["2024-08-31"])] = None,
    province: Annotated[str | None, Query(description="a province id (or name)",
                                          examples=["lao-cai"])] = None,
    official: Annotated[str | None, Query(description="an official id (or name)",
                                          examples=["nguyen-hong-dien"])] = None,
    type: Annotated[str | None, Query(pattern="^(WorkingSession|Visit|Event)$")] = None,
    limit: Limit = 100, offset: Offset = 0,
) -> dict[str, Any]:
    """Working sessions, visits and named events, filtered by dates, province, official, kind."""
    found = service_call(
        request, "events_page", start=from_, end=to, kind=type, limit=limit, offset=offset,
        province=_id_or_name(request, "province", province) if province else None,
        official=_id_or_name(request, "person", official) if official else None)
    base = _base(request)
    return _service_page({**found, "items": [_event(e, base) for e in found["items"]]},
                         limit, offset)


# -- entities -------------------------------------------------------------------------------------
_JSONLD_CONTEXT = {
    "vnkg": "https://vnkg.org/ontology#", "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#", "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/", "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "foaf": "http://xmlns.com/foaf/0.1/",
}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _statement(r: dict[str, Any], base: str) -> Statement:
    """A row of queries/entity.rq; its value as a reference when it is a named entity."""
    ref = (_ref(r["value"], base, r["valueLabel"], r["valueType"])
           if r["valueKind"] == "iri" and (r["valueLabel"] or r["valueType"]) else None)
    return Statement(property=r["property"], value=r["value"], kind=r["valueKind"],
                     datatype=r["datatype"], lang=r["lang"], ref=ref, graph=r["graph"])


def _jsonld(iri: str, statements: list[Statement]) -> dict[str, Any]:
    """The entity's outgoing statements as one JSON-LD node (every value as it is stored)."""
    node: dict[str, Any] = {"@context": _JSONLD_CONTEXT, "@id": iri}
    for s in statements:
        if s.property == _RDF_TYPE and s.kind == "iri":
            node.setdefault("@type", [])
            if s.value not in node["@type"]:
                node["@type"].append(s.value)
            continue
        if s.kind in ("iri", "bnode"):
            value: dict[str, Any] = {"@id": s.value if s.kind == "iri" else f"_:{s.value}"}
        elif s.lang:
            value = {"@value": s.value, "@language": s.lang}
        elif s.datatype and s.datatype not in (_XSD_STRING, _LANG_STRING):
            value = {"@value": s.value, "@type": s.datatype}
        else:
            value = {"@value": s.value}
        values = node.setdefault(s.property, [])
        if value not in values:
            values.append(value)
    return node


@router.get("/entities/{entity_id:path}", response_model=EntityDetail, summary="An entity",
            responses={200: {"content": {"application/ld+json": {}}}})
def entity(request: Request,
           entity_id: Annotated[str, Path(examples=["person/nguyen-hong-dien"])],
           accept: Annotated[str | None, Header()] = None) -> Any:
    """Everything the graph states about an entity, out of it and into it, with the source
    graph of each statement. With `Accept: application/ld+json`, one JSON-LD node."""
    if not _ID.match(entity_id):
        raise NotFound(f"no entity {entity_id!r} in the graph")
    found = service_call(request, "entity_detail", entity_id)
    base, iri = _base(request), found["iri"]
    out = [_statement(r, base) for r in found["outgoing"]]
    if accept and "application/ld+json" in accept:
        import json

        return Response(json.dumps(_jsonld(iri, out), ensure_ascii=False),
                        media_type="application/ld+json")
    return EntityDetail(id=short_id(iri, base), iri=iri, type=found["type"],
                        label=found["label"], outgoing=out,
                        incoming=[_statement(r, base) for r in found["incoming"]])


# -- articles -------------------------------------------------------------------------------------
def _article(r: dict[str, Any]) -> Article:
    return Article(id=r["id"], iri=r["article"], title=r["title"], url=r["url"],
                   published=r["published"])


@router.get("/articles", response_model=Page[Article], summary="Articles")
def articles(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Every ingested article with its title, source address and published date."""
    return _page([_article(r) for r in _page_rows(request, "articles", limit, offset)],
                 limit, offset)


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="An article")
def article(request: Request, article_id: Annotated[str, Path(
        examples=["000_f580f7af15c600dc"])]) -> ArticleDetail:
    """An article and the facts it states, in text order, with their evidence sentences."""
    found = service_call(request, "article_detail", _iri(request, "article", article_id))
    if found is None:
        raise NotFound(f"no article {article_id!r} in the graph")
    base = _base(request)
    facts = [ArticleFact(relation=r["relation"],
                         subject=_ref(r["subject"], base, r["subjectLabel"], r["subjectType"]),
                         object=_ref(r["object"], base, r["objectLabel"], r["objectType"]),
                         role=r["role"], date=r["dateText"], evidence=r["evidence"])
             for r in found["facts"]]
    return ArticleDetail(**_article(found).model_dump(), facts=facts)


@router.post("/articles", response_model=IngestAnswer, status_code=201,
             summary="Ingest an article (needs the API token)",
             dependencies=[Depends(write_token)],
             responses={200: {"model": IngestAnswer, "description": "the same text was "
                              "already ingested: nothing changed"}, **responses(401, 403)})
def post_article(new: NewArticle, response: Response, kg: Graph) -> IngestAnswer:
    """Extract a new article, write its graph (replacing an earlier version) and return its
    facts. Send the `api_token` setting as `Authorization: Bearer <token>` or `X-API-Token`;
    without the setting, ingest over HTTP is off (403)."""
    from ingest.articles import Article as SourceArticle

    source = SourceArticle(id=new.id, title=new.title.strip(), body=new.text.strip(),
                           url=new.url, published=new.published)
    facts, changed = kg.ingest_article(source)
    kg.store.flush()
    if not changed:
        response.status_code = 200
    return IngestAnswer(
        article=Article(id=new.id, iri=kg.article_iri(new.id), title=source.title, url=new.url,
                        published=new.published),
        changed=changed, facts=facts.model_dump(mode="json", exclude_none=True))


# -- named queries (the console's menu) -----------------------------------------------------------
def _examples(text: str, base: str) -> dict[str, str]:
    """`# example: official={base}/person/x` header lines (one per parameter) as values."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        found = re.match(r"#\s*example\s*:\s*(\w+)=(.*)$", line)
        if found:
            values[found.group(1)] = found.group(2).strip().replace("{base}", base)
    return values


@router.get("/queries", response_model=list[QueryInfo], summary="Named queries")
def queries(request: Request) -> list[QueryInfo]:
    """The named queries of queries/, with their parameters and example values (the console's
    menu, which leaves out the `internal` ones: parts of pages and exports). An `iri`
    parameter also takes a slug or a name; `entity_type` is the type it takes, if one. Run one
    with `/api/queries/{name}/results`."""
    base = _base(request)
    out = []
    kg = _kg(request)
    for name in list_queries(kg.settings.query_dir):
        named = kg.named(name)
        examples = _examples(named.text, base)
        out.append(QueryInfo(
            name=name, title=named.title, description=named.description, text=named.text,
            internal=named.internal,
            params=[{"name": p.name, "kind": p.kind, "description": p.description,
                     "required": p.required, "default": p.default,
                     "example": examples.get(p.name), "entity_type": PARAM_TYPES.get(p.name)}
                    for p in named.params]))
    return out


@router.get("/queries/{name}/results", summary="Run a named query",
            response_class=Response,
            responses={200: {"content": {media: {} for _, media in RESULTS_FORMATS.values()}},
                       **responses(406)})
async def query_results(request: Request, name: str, kg: Graph, settings: AppSettings,
                        runner: Runner) -> Response:
    """The results of a named query, its parameters taken from the URL and bound as RDF terms
    (never pasted into the text), as SPARQL JSON (or CSV, TSV, XML by Accept or `format=`).
    Runs like `/sparql`: in a worker process, with the time and row limits."""
    from api.sparql import _formats

    params = {k: v for k, v in request.query_params.items() if k != "format" and v != ""}
    try:
        text = kg.bound_query(name, params)
    except ValueError as err:  # an IRI or literal pyoxigraph refuses
        raise BadQuery(f"bad parameter value: {err}") from err
    results_format, graph_format = _formats(request.headers.get("accept"),
                                            request.query_params.getlist("format"))
    outcome = await run_in_threadpool(
        partial(runner.run, gone=client_gone(request)),
        QueryRequest(text=text, results_format=results_format, graph_format=graph_format,
                     row_limit=settings.row_limit),
        settings.query_timeout)
    return Response(outcome.body, media_type=outcome.media_type)
