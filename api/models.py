"""Typed responses of the REST API (`/api/...`): what OpenAPI shows and what clients get.

Every entity reference carries its `id` (the IRI's path under its type segment, e.g.
`nguyen-hong-dien`, `lao-cai`, `2025/lao-cai`), its `iri`, `type` and `label`.
"""

from __future__ import annotations

from datetime import date as Day  # `Day`: several models have a field named `date`
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ingest.articles import ARTICLE_ID, MAX_ID_LENGTH, id_problem

T = TypeVar("T")

_DIEN = "https://vnkg.org/id/person/nguyen-hong-dien"
_LAO_CAI = "https://vnkg.org/id/province/lao-cai"


class Ref(BaseModel):
    """A reference to an entity (or any node) of the graph."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"id": "lao-cai", "iri": _LAO_CAI, "type": "PROVINCE", "label": "Lào Cai"}]})

    id: str | None = Field(None, description="the IRI's path under its type segment")
    iri: str
    type: str | None = Field(None, description="the FACTS.md entity type")
    label: str | None = None


def _next() -> Any:
    return Field(description="the `offset` of the next page; null on the last page (no total: "
                 "pages are cut in the query itself, which never runs whole)")


class Page(BaseModel, Generic[T]):
    """One page of a list: at most `limit` items from `offset`, and where the next page starts.
    """

    limit: int
    offset: int
    next: int | None = _next()
    items: list[T]


class SearchHit(Ref):
    era: str | None = Field(None, description="for provinces: legacy (before 2025-07-01) or 2025")
    rank: int = Field(description="0 exact name, 1 name starts with the text, 2 contains it")


class Official(Ref):
    articles: int = Field(0, description="articles that mention the official")


class Position(BaseModel):
    role: str | None
    organization: Ref
    first: Day | None = Field(None, description="the first day an article attests the position")
    date: Day | None = Field(None, description="the last day an article attests the position")
    articles: int = Field(0, description="how many articles attest it")
    article: Ref = Field(description="the latest article that attests it")


class EventMember(Ref):
    role: str = Field(description="participant, host, place or organizer")


class Event(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "1a2b3c4d5e6f7a8b", "iri": "https://vnkg.org/id/session/1a2b3c4d5e6f7a8b",
        "kind": "WorkingSession", "label": None, "start": "2024-08-30", "end": "2024-08-30",
        "date": "2024-08-30",
        "members": [{"id": "nguyen-hong-dien", "iri": _DIEN, "type": "PERSON",
                     "label": "Nguyễn Hồng Diên", "role": "participant"},
                    {"id": "lao-cai", "iri": _LAO_CAI, "type": "PROVINCE", "label": "Lào Cai",
                     "role": "host"}],
        "articles": ["000_f580f7af15c600dc"]}]})

    id: str
    iri: str
    kind: str = Field(description="WorkingSession, Visit or Event (a named event)")
    label: str | None = None
    start: Day | None = None
    end: Day | None = None
    date: str | None = Field(None, description="the date as FACTS.md writes it")
    members: list[EventMember] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list, description="ids of the source articles")


class WorkedWith(BaseModel):
    """One province or body the official worked with, with every date and source."""

    host: Ref
    dates: list[str] = Field(description="dates as FACTS.md writes them, oldest first")
    start: Day | None = Field(None, description="the earliest day")
    end: Day | None = Field(None, description="the latest day")
    articles: list[str] = Field(description="ids of the articles that state it")


class WorkedWithAnswer(BaseModel):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "official": {"id": "nguyen-hong-dien", "iri": _DIEN, "type": "PERSON",
                     "label": "Nguyễn Hồng Diên"},
        "from": "2024-08-01", "to": "2024-08-31", "limit": 100, "offset": 0, "next": None,
        "items": [{"host": {"id": "lao-cai", "iri": _LAO_CAI, "type": "PROVINCE",
                            "label": "Lào Cai"},
                   "dates": ["2024-08-30"], "start": "2024-08-30", "end": "2024-08-30",
                   "articles": ["000_f580f7af15c600dc"]}]}]})

    official: Ref
    from_: Day | None = Field(None, alias="from")
    to: Day | None = None
    limit: int
    offset: int
    next: int | None = _next()
    items: list[WorkedWith]


class OfficialDetail(Ref):
    positions: list[Position]
    events: list[Event]
    sources: list[str] = Field(description="ids of the newest articles naming the official "
                               "(up to 50), newest first")
    source_count: int = Field(0, description="how many articles name the official")


class Province(Ref):
    era: str | None = None
    code: str | None = None
    merged_into: Ref | None = None


class Leader(BaseModel):
    person: Ref
    role: str | None
    organization: Ref
    date: Day | None = Field(None, description="the latest day an article attests the post")
    article: Ref


class ProvinceDetail(Province):
    leaders: list[Leader]
    border_gates: list[Ref]
    zones: list[Ref]
    places: list[Ref] = Field(description="other places located in the province")
    events: list[Event]
    successor: Ref | None = Field(None, description="the 2025 unit it merged into")
    predecessors: list[Ref] = Field(description="the legacy units merged into it in 2025")
    merged_on: Day | None = None


class Agency(Ref):
    parent: Ref | None = None


class AgencyMember(BaseModel):
    person: Ref
    role: str | None
    date: Day | None
    article: Ref


class AgencyDetail(Ref):
    parents: list[Ref]
    units: list[Ref]
    people: list[AgencyMember]


class Statement(BaseModel):
    property: str
    value: str
    kind: str = Field(description="iri, literal or bnode")
    datatype: str | None = None
    lang: str | None = None
    ref: Ref | None = Field(None, description="the value as an entity, when it is one")
    graph: str | None = Field(None, description="the named graph (article) stating it")


class EntityDetail(Ref):
    outgoing: list[Statement]
    incoming: list[Statement]


class Article(BaseModel):
    id: str
    iri: str
    title: str | None = None
    url: str | None = None
    published: Day | None = None


class ArticleFact(BaseModel):
    relation: str
    subject: Ref
    object: Ref
    role: str | None = None
    date: str | None = None
    evidence: str | None = None


class ArticleDetail(Article):
    facts: list[ArticleFact]


class NewArticle(BaseModel):
    """An article to ingest, as in FACTS.md's JSON Lines input."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "2024-09-05-cao-bang", "title": "Thứ trưởng làm việc với tỉnh Cao Bằng",
        "text": "Ngày 4/9, Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn Lê Văn An "
                "làm việc với UBND tỉnh Cao Bằng.",
        "url": "https://example.org/tin/cao-bang", "published": "2024-09-05"}]})

    id: str = Field(pattern=ARTICLE_ID.pattern, max_length=MAX_ID_LENGTH,
                    description="letters, digits, '_', '.' and '-' (not '.' or '..')")
    title: str = Field(min_length=1, description="not only spaces")
    text: str = Field(description="the body (the title line is not repeated)")
    url: str | None = None
    published: Day | None = Field(None, description="YYYY-MM-DD")

    @field_validator("id")
    @classmethod
    def _id_is_safe(cls, value: str) -> str:
        """The readers' rule (ingest/articles.py), so that every door takes the same ids."""
        problem = id_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("title")
    @classmethod
    def _title_is_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the title is empty (only spaces)")
        return value


class IngestAnswer(BaseModel):
    article: Article
    changed: bool = Field(description="false when the same text was already ingested")
    facts: dict[str, Any] = Field(description="the extracted facts (FACTS.md JSON)")


class QueryInfo(BaseModel):
    name: str
    title: str
    description: str
    internal: bool = Field(False, description="a part of a page or an export (the console's "
                           "menu leaves it out); it runs like any other")
    params: list[dict[str, Any]]
    text: str


class AskSlot(BaseModel):
    """What the question gives: an entity (its IRI as `value`), the title, or the period."""

    slot: str = Field(description="person, body, province, title or period")
    value: str = Field(description="the entity's IRI, the title, or the period as YYYY-MM-DD, "
                       "YYYY-MM, YYYY (or first/last)")
    label: str | None = Field(None, description="the entity's name in the graph")
    type: str | None = None
    id: str | None = None
    text: str | None = Field(None, description="the name as the question writes it")
    start: str | None = Field(None, description="the period's first day")
    end: str | None = Field(None, description="the period's last day")


class AskQuery(BaseModel):
    name: str = Field(description="the named query (queries/<name>.rq) that gives these rows; "
                      "the console opens it with `link`")
    title: str
    method: str = Field(description="the KnowledgeGraph method that ran (worked_with_hosts, "
                        "positions, leaders, timeline or query)")
    params: dict[str, str]
    link: str = Field(description="the console with this query and its parameters")


class AskMember(Ref):
    role: str | None = None


class AskRow(BaseModel):
    entity: Ref | None = Field(None, description="the answer: a province, person, body, "
                               "gate or event")
    role: str | None = Field(None, description="the title held (leaders, positions)")
    organization: Ref | None = Field(None, description="the body of the post (leaders)")
    kind: str | None = Field(None, description="WorkingSession, Visit or Event")
    date: str | None = Field(None, description="as FACTS.md writes it")
    first: str | None = Field(None, description="the first day attested (positions)")
    members: list[AskMember] = Field(default_factory=list, description="who took part "
                                     "(events)")
    article: str | None = Field(None, description="the source article's id")
    url: str | None = Field(None, description="the source article's address, when known")
    evidence: str | None = Field(None, description="the sentence that states it")


class AskAnswer(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "question": "ai là Bí thư Tỉnh ủy Lào Cai?", "understood": True, "kind": "leaders",
        "triggers": ["ai là"],
        "slots": [{"slot": "body", "value": "https://vnkg.org/id/org/tinh-uy-lao-cai",
                   "label": "Tỉnh ủy Lào Cai", "type": "ORGANIZATION",
                   "id": "tinh-uy-lao-cai", "text": "Tỉnh ủy Lào Cai"},
                  {"slot": "title", "value": "Bí thư"}],
        "query": {"name": "province_leaders", "title": "Leaders of a province",
                  "method": "leaders", "params": {"province": _LAO_CAI},
                  "link": "/#province_leaders?province=https%3A%2F%2Fvnkg.org%2Fid%2F"
                          "province%2Flao-cai"},
        "rows": [], "message": None, "message_en": None}]})

    question: str
    understood: bool = Field(description="false: `message` says what was missing")
    kind: str | None = Field(None, description="worked_with, positions, border_gates, "
                             "visitors, leaders or events")
    triggers: list[str] = Field(default_factory=list, description="the words that told it")
    slots: list[AskSlot]
    query: AskQuery | None = None
    rows: list[AskRow]
    message: str | None = Field(None, description="in Vietnamese: what was not understood, or "
                                "that the graph has no answer")
    message_en: str | None = Field(None, description="the same in English")
