"""Facts to RDF: one article's `ArticleFacts` as the quads of its named graph.

What is written is ontology/MODEL.md: entity nodes (types, labels, search keys), one shortcut edge
per fact plus a `vnkg:FactStatement` carrying its dates, evidence and source; `org:Membership`
nodes for positions; `vnkg:WorkingSession` / `vnkg:Visit` n-ary nodes grouping worked_with /
visited facts; dates as xsd:date plus OWL-Time; and the article node with its PROV-O provenance.

Why n-ary nodes *and* shortcut edges: "who worked with Lào Cai" stays one triple pattern, while
"who was in the delegation on 30/8, and what was said" has a node to hang on.

The output is deterministic: IRIs of n-ary nodes are content hashes and the quads are sorted, so
the same facts give the same quads, and re-ingest leaves the store's dump unchanged.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol

from pyoxigraph import Literal, NamedNode, Quad

from graph.iris import (
    article_iri,
    default_entity_iris,
    edge_key,
    holding_iri,
    membership_iri,
    mention_iri,
    name_key,
    post_iri,
    reference_date,
    role_iri,
    session_iri,
    statement_iri,
    time_iri,
    visit_iri,
)
from graph.names import name_triples
from graph.periods import KINDS, month_keys, period_key
from graph.reference import provinces_named
from graph.vocab import (
    DCTERMS,
    ENTITY_CLASS,
    ORG,
    PROV,
    RDF,
    RDFS,
    RELATION_PROPERTY,
    SCHEMA,
    SKOS,
    TIME,
    VNKG,
    XSD,
)
from ingest.coref import explicit_province
from ingest.facts import ArticleFacts, Entity, Fact, Span, text_hash
from ingest.text import fold, nfc_vi

__all__ = ["ArticleLike", "article_quads", "article_triples", "entity_kinds", "parse_date"]

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]


class ArticleLike(Protocol):
    """What the mapping needs of an article (ingest.articles.Article fits)."""

    id: str
    title: str
    url: str | None
    published: date | str | None

    @property
    def text(self) -> str: ...


# -- dates ---------------------------------------------------------------------------------

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def _one(text: str) -> tuple[date, date] | None:
    text = text.strip()
    try:
        if m := _DAY.match(text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(text):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def parse_date(text: str | None) -> tuple[date, date] | None:
    """First and last day of a FACTS.md date; None when absent or not ISO.

    >>> parse_date("2024-08-30")
    (datetime.date(2024, 8, 30), datetime.date(2024, 8, 30))
    >>> parse_date("2024-08-07/2024-08-09")[1], parse_date("2024-02")[1]
    (datetime.date(2024, 8, 9), datetime.date(2024, 2, 29))
    >>> parse_date("30/8") is None
    True
    """
    if not text:
        return None
    parts = [_one(p) for p in text.split("/")]
    if not parts or len(parts) > 2 or any(p is None for p in parts):
        return None
    start, end = parts[0][0], parts[-1][1]  # type: ignore[index]
    return (start, end) if start <= end else None


def _date_literal(day: date) -> Literal:
    return Literal(day.isoformat(), datatype=XSD.date)


def _datetime_literal(moment: datetime) -> Literal:
    """UTC, canonical lexical form ("…Z") so a stored value round-trips byte for byte."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    text = moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"
    return Literal(text, datatype=XSD.dateTime)


# -- kinds of organizations and events, from the head noun ----------------------------------

# (folded name prefix, class). First match wins, so longer prefixes come first. Head nouns are
# the generic words of Vietnamese body and event names, not names of particular bodies.
_ORG_KINDS: tuple[tuple[tuple[str, ...], NamedNode], ...] = (
    (("ban thuong vu", "bo chinh tri", "ban bi thu"), VNKG.PartyStandingBoard),
    (("tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "dang bo",
      "ban chap hanh", "bch ", "trung uong dang"), VNKG.PartyCommittee),
    (("uy ban kiem tra", "ban to chuc", "ban tuyen giao", "ban doi ngoai", "ban kinh te",
      "ban noi chinh", "ban dan van", "ban chinh sach", "ban tuyen giao va dan van"),
     VNKG.PartyCommission),
    (("uy ban nhan dan", "ubnd"), VNKG.PeoplesCommittee),
    (("hoi dong nhan dan", "hdnd"), VNKG.PeoplesCouncil),
    (("doan dai bieu quoc hoi", "doan dbqh"), VNKG.NationalAssemblyDelegation),
    (("so ", "cuc ", "tong cuc ", "vu ", "chi cuc "), VNKG.Department),
    (("tap doan", "tong cong ty"), VNKG.StateCompany),
    (("cong ty",), VNKG.Company),
    (("bao ", "tap chi", "dai phat thanh", "dai truyen hinh", "thong tan xa", "truyen hinh ",
      "dai tieng noi"), VNKG.Newspaper),
    (("hoi dong",), VNKG.GovernmentBody),
    (("mat tran", "hiep hoi", "hoi ", "lien doan", "tong lien doan", "doan thanh nien",
      "trung uong doan", "lien hiep"), VNKG.SocialOrganization),
    (("lien hop quoc", "asean", "ngan hang the gioi", "ngan hang phat trien chau a",
      "quy tien te quoc te", "lien minh chau au", "to chuc thuong mai the gioi",
      "to chuc y te the gioi", "to chuc lao dong quoc te", "unesco", "unicef", "undp", "fao",
      "wto", "who", "imf", "world bank", "adb", "jica", "koica", "usaid"),
     VNKG.InternationalOrganization),
    (("bo ",), VNKG.Ministry),
    (("chinh phu", "van phong chinh phu", "quoc hoi", "uy ban thuong vu quoc hoi",
      "van phong quoc hoi", "kiem toan nha nuoc", "ngan hang nha nuoc", "toa an",
      "vien kiem sat", "thanh tra", "ban quan ly", "uy ban", "ban chi dao", "van phong"),
     VNKG.GovernmentBody),
)
# Military and security commands are state bodies but not ministries ("Bộ Chỉ huy ...").
_NOT_MINISTRY = ("bo chi huy", "bo tu lenh", "bo doi")

_EVENT_KINDS: tuple[tuple[tuple[str, ...], NamedNode], ...] = (
    (("le hoi", "festival", "tuan van hoa", "tuan le van hoa", "nam du lich", "ngay hoi"),
     VNKG.Festival),
    (("hoi nghi", "hoi thao", "dien dan", "toa dam", "hop bao", "ky hop", "dai hoi"),
     VNKG.Conference),
    (("hoi cho", "trien lam", "expo"), VNKG.Fair),
    (("le ",), VNKG.Ceremony),
    (("chuong trinh", "chien dich", "phong trao", "cuoc thi", "giai "), VNKG.Programme),
)


def entity_kinds(entity: Entity) -> list[NamedNode]:
    """The FACTS.md class of the entity plus its kind, from an explicit `kind` or the head noun.

    >>> [k.value.split("#")[1] for k in entity_kinds(
    ...     Entity(id="e1", type="ORGANIZATION", name="UBND tỉnh Yên Bái"))]
    ['Organization', 'PeoplesCommittee']
    >>> [k.value.split("#")[1] for k in entity_kinds(
    ...     Entity(id="e2", type="EVENT", name="Hội nghị xúc tiến đầu tư"))]
    ['Event', 'Conference']
    """
    classes = [ENTITY_CLASS[entity.type]]
    explicit = (entity.model_extra or {}).get("kind")
    if isinstance(explicit, str) and explicit in VNKG:
        classes.append(VNKG[explicit])
        return classes
    table = {"ORGANIZATION": _ORG_KINDS, "EVENT": _EVENT_KINDS}.get(entity.type)
    if table:
        folded = fold(entity.name) + " "
        for prefixes, cls in table:
            if folded.startswith(prefixes) and not (
                    cls == VNKG.Ministry and folded.startswith(_NOT_MINISTRY)):
                classes.append(cls)
                break
    return classes


# -- the mapping -------------------------------------------------------------------------------


@dataclass
class _Group:
    """An n-ary node in the making: participants, hosts or places, date and its facts."""

    date_text: str | None
    participants: set[str] = field(default_factory=set)
    counterparts: set[str] = field(default_factory=set)
    facts: list[tuple[Fact, str]] = field(default_factory=list)  # (fact, statement IRI)


class _Builder:
    def __init__(self, facts: ArticleFacts, article: ArticleLike, base: str,
                 iris: Mapping[str, str]) -> None:
        self.facts = facts
        self.article = article
        self.base = base.rstrip("/")
        self.iris = iris
        self.article_node = NamedNode(article_iri(article.id, self.base))
        self.published = _as_date(article.published) or _as_date(facts.published)
        # The day the article speaks from: published, else the latest day its facts name. A
        # position it states without a date is attested then (an undated article that reports
        # a session on 30/8 shows the minister in post in August, not nowhere on the timeline).
        self.speaks_on = reference_date(facts, self.published)
        self.triples: set[Triple] = set()  # the article's own (its named graph)
        self.shared: set[Triple] = set()  # what several articles share (graph/shared.py)
        self.jurisdictions: dict[str, list[NamedNode]] = {}  # body → provinces its name carries

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.triples.add((s, p, o))

    def share(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.shared.add((s, p, o))

    def node(self, entity_id: str) -> NamedNode:
        return NamedNode(self.iris[entity_id])

    def period(self, item: NamedNode, kind: str, entities: Iterable[NamedNode],
               start: date | None, end: date | None = None) -> None:
        """Key `item` under each entity for each month it covers (graph/periods.py)."""
        key_pred, month_pred = KINDS[kind]
        months = month_keys(start, end)
        for entity in entities:
            for month in months:
                self.add(item, key_pred, Literal(period_key(entity.value, month)))
                self.share(entity, month_pred, Literal(month))

    # article and entities
    def article_node_triples(self, ingested_at: datetime, extractor_version: str) -> None:
        a, art = self.article_node, self.article
        self.add(a, RDF.type, VNKG.Article)
        self.add(a, VNKG.articleId, Literal(art.id))
        if art.title:
            self.add(a, DCTERMS.title, Literal(nfc_vi(art.title), language="vi"))
        if art.url:
            self.add(a, SCHEMA.url, Literal(art.url))
        if self.published:
            self.add(a, SCHEMA.datePublished, _date_literal(self.published))
        self.add(a, VNKG.contentHash, Literal(self.facts.content_hash or text_hash(art.text)))
        self.add(a, PROV.generatedAtTime, _datetime_literal(ingested_at))
        if extractor_version:
            self.add(a, VNKG.extractorVersion, Literal(extractor_version))

    def entity_triples(self, entity: Entity) -> None:
        """The entity's description (shared: `graph.shared` writes it once per entity) and the
        article's mention of it (this article's own names for it)."""
        node = self.node(entity.id)
        for cls in entity_kinds(entity):
            self.share(node, RDF.type, cls)
        self.share(node, VNKG.entityType, Literal(entity.type))
        name = nfc_vi(entity.name).strip()
        self.share(node, RDFS.label, Literal(name, language="vi"))
        others = {nfc_vi(a).strip() for a in entity.aliases}
        others |= {nfc_vi(m.text).strip() for m in entity.mentions}
        others -= {name, ""}
        for alt in sorted(others):
            self.share(node, SKOS.altLabel, Literal(alt, language="vi"))
        for triple in name_triples(node, [name, *others]):
            self.share(*triple)
        if entity.type == "ORGANIZATION" and (province := explicit_province(name)):
            units = provinces_named(province, self.base)
            self.jurisdictions[node.value] = units
            for unit in units:
                self.share(node, VNKG.jurisdiction, unit)
        mention = NamedNode(mention_iri(self.article.id, node.value, self.base))
        self.add(mention, RDF.type, VNKG.Mention)
        self.add(mention, VNKG.mentionOf, node)
        for alt in sorted(others):  # the label needs no support: it goes with the node
            self.add(mention, VNKG.surfaceForm, Literal(alt, language="vi"))
            self.add(mention, VNKG.nameKey, Literal(name_key(node.value, alt)))
        if self.published:
            self.period(mention, "source", [node], self.published)

    # shared pieces
    def provenance(self, node: NamedNode, span: Span | None) -> None:
        self.add(node, PROV.wasDerivedFrom, self.article_node)
        if span is not None:
            self.add(node, VNKG.evidenceText, Literal(span.text))
            self.add(node, VNKG.evidenceStart, Literal(str(span.start), datatype=XSD.integer))
            self.add(node, VNKG.evidenceEnd, Literal(str(span.end), datatype=XSD.integer))

    def dates(self, node: NamedNode, date_text: str | None) -> bool:
        parsed = parse_date(date_text)
        if parsed is None or date_text is None:
            return False
        start, end = parsed
        text = date_text.strip()
        self.add(node, VNKG.startDate, _date_literal(start))
        self.add(node, VNKG.endDate, _date_literal(end))
        self.add(node, VNKG.dateText, Literal(text))
        when = NamedNode(time_iri(start, end, text, self.base))
        self.add(node, TIME.hasTime, when)
        self.add(self.article_node, VNKG.uses, when)
        if start == end:
            self.share(when, RDF.type, TIME.Instant)
            self.share(when, TIME.inXSDDate, _date_literal(start))
            return True
        self.share(when, RDF.type, TIME.ProperInterval)
        for link, day in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
            instant = NamedNode(time_iri(day, day, day.isoformat(), self.base))
            self.share(when, link, instant)
            self.add(self.article_node, VNKG.uses, instant)
            self.share(instant, RDF.type, TIME.Instant)
            self.share(instant, TIME.inXSDDate, _date_literal(day))
        return True

    # facts
    def statement_of(self, fact: Fact) -> str:
        """The IRI of the statement a fact makes (facts that say the same share it)."""
        date_text = fact.date.strip() if fact.date and parse_date(fact.date) else None
        return statement_iri(self.article.id, fact.relation, self.iris[fact.subject],
                             self.iris[fact.object], _role(fact.role), date_text, self.base)

    def fact_triples(self, iri: str, same: list[Fact]) -> None:
        """The shortcut edge and the statement of facts that say the same thing.

        Two mentions of one entity can resolve to one IRI, so an article may state a fact twice;
        the statement keeps the first evidence span and the highest confidence.
        """
        fact = same[0]
        subj, obj = self.node(fact.subject), self.node(fact.object)
        prop = RELATION_PROPERTY[fact.relation]
        self.share(subj, prop, obj)
        role = _role(fact.role)
        date_text = fact.date.strip() if fact.date and parse_date(fact.date) else None
        st = NamedNode(iri)
        self.add(st, RDF.type, VNKG.FactStatement)
        self.add(st, VNKG.edgeKey, Literal(edge_key(subj.value, prop.value, obj.value)))
        self.add(st, RDF.subject, subj)
        self.add(st, RDF.predicate, prop)
        self.add(st, RDF.object, obj)
        self.add(st, VNKG.relation, Literal(fact.relation))
        if role:
            self.add(st, VNKG.roleLabel, Literal(role))
        confidences = [f.confidence for f in same if f.confidence is not None]
        if confidences:
            self.add(st, VNKG.confidence, Literal(repr(float(max(confidences))),
                                                  datatype=XSD.double))
        self.dates(st, date_text)
        self.provenance(st, _first_span(same))
        if fact.relation in _EVENT_RELATIONS:  # the event, keyed for itself and its members
            event = subj if fact.relation == "held_in" else obj
            own = parse_date(date_text)
            for start, end in [own] if own else self.event_days(event):
                self.period(event, "event", (subj, obj), start, end)

    def event_days(self, event: NamedNode) -> list[tuple[date | None, date | None]]:
        """The days a named event's undated links (attended, organized, an undated held_in) are
        keyed in: the event's own dates in this article (its dated held_in statements: the
        dates its timeline shows), else the article's publication (`undated` without one)."""
        days = sorted({days for fact in self.facts.facts
                       if fact.relation == "held_in" and self.iris[fact.subject] == event.value
                       and (days := parse_date(fact.date))})
        return list(days) or [(self.published, None)]

    def memberships(self, items: list[tuple[Fact, str]]) -> None:
        """One org:Membership per (person, body, role), grouping the facts that state it."""
        groups: dict[str, list[tuple[Fact, str]]] = defaultdict(list)
        for fact, statement in items:
            role = _role(fact.role)
            if not role:  # the shapes require a role; the shortcut edge and statement remain
                continue
            iri = membership_iri(self.article.id, self.iris[fact.subject],
                                 self.iris[fact.object], role, self.base)
            groups[iri].append((fact, statement))
        for iri, group in groups.items():
            self.membership(NamedNode(iri), group)

    def membership(self, node: NamedNode, group: list[tuple[Fact, str]]) -> None:
        fact = group[0][0]
        role = _role(fact.role) or ""
        person, body = self.node(fact.subject), self.node(fact.object)
        role_node = NamedNode(role_iri(role, self.base))
        self.add(node, RDF.type, ORG.Membership)
        self.add(node, ORG.member, person)
        self.add(node, ORG.organization, body)
        self.add(node, ORG.role, role_node)
        self.add(node, VNKG.roleLabel, Literal(role))
        for _, statement in group:
            self.add(node, VNKG.statement, NamedNode(statement))
        self.add(self.article_node, VNKG.uses, role_node)
        self.share(role_node, RDF.type, ORG.Role)
        self.share(role_node, RDFS.label, Literal(role, language="vi"))
        post = self.post(node, person, body, role, role_node)
        days = sorted(day for f, _ in group if (day := _start(f.date)))
        attested = self.published or (days[-1] if days else None) or self.speaks_on
        if attested:
            self.add(node, VNKG.attestedOn, _date_literal(attested))
        holding = NamedNode(holding_iri(post.value, person.value))
        self.period(node, "position",
                    [person, post, holding, *self.jurisdictions.get(body.value, ())], attested)
        self.provenance(node, _first_span(f for f, _ in group))

    def post(self, membership: NamedNode, person: NamedNode, body: NamedNode, role: str,
             role_node: NamedNode) -> NamedNode:
        """The post (body, title) a membership fills, and the person's `org:holds` edge to it,
        which the membership supports through its edge key like a statement."""
        post = NamedNode(post_iri(body.value, role, self.base))
        self.add(membership, VNKG.post, post)
        self.add(self.article_node, VNKG.uses, post)
        self.share(post, RDF.type, ORG.Post)
        self.share(post, ORG.postIn, body)
        self.share(post, ORG.role, role_node)
        self.share(person, ORG.holds, post)
        self.add(membership, VNKG.edgeKey, Literal(edge_key(person.value, ORG.holds.value,
                                                            post.value)))
        return post

    def events(self, items: list[tuple[Fact, str]], kind: str) -> None:
        """Working sessions (kind "session") or visits ("visit") from their facts."""
        by_counterpart: dict[tuple[str | None, str], _Group] = {}
        for fact, statement in items:
            date_text = fact.date.strip() if fact.date and parse_date(fact.date) else None
            key = (date_text, self.iris[fact.object])
            group = by_counterpart.setdefault(key, _Group(date_text, counterparts={key[1]}))
            group.participants.add(self.iris[fact.subject])
            group.facts.append((fact, statement))
        merged: dict[tuple[str | None, frozenset[str]], _Group] = {}
        for group in by_counterpart.values():
            key = (group.date_text, frozenset(group.participants))
            if key in merged:
                merged[key].counterparts |= group.counterparts
                merged[key].facts += group.facts
            else:
                merged[key] = group
        for group in merged.values():
            self.event_node(group, kind)

    def event_node(self, group: _Group, kind: str) -> None:
        if kind == "session":
            if group.date_text is None and self.published is None:
                return  # no date at all: the shapes require one (MODEL.md)
            iri = session_iri(self.article.id, group.date_text, group.participants,
                              group.counterparts, self.base)
            node, cls, link = NamedNode(iri), VNKG.WorkingSession, VNKG.host
        else:
            iri = visit_iri(self.article.id, group.date_text, group.participants,
                            group.counterparts, self.base)
            node, cls, link = NamedNode(iri), VNKG.Visit, VNKG.place
        self.add(node, RDF.type, cls)
        for participant in group.participants:
            self.add(node, VNKG.participant, NamedNode(participant))
        provinces = {self.iris[e.id] for e in self.facts.entities if e.type == "PROVINCE"}
        for counterpart in group.counterparts:
            self.add(node, link, NamedNode(counterpart))
            if counterpart in provinces:  # a province host is also the place, and vice versa
                self.add(node, VNKG.place if kind == "session" else VNKG.host,
                         NamedNode(counterpart))
        for _, statement in group.facts:
            self.add(node, VNKG.statement, NamedNode(statement))
        days = parse_date(group.date_text)
        if not self.dates(node, group.date_text) and self.published:
            self.add(node, VNKG.attestedOn, _date_literal(self.published))
        members = {*group.participants, *group.counterparts}
        self.period(node, "event", [NamedNode(m) for m in sorted(members)],
                    *(days or (self.published, None)))
        self.provenance(node, _first_span(f for f, _ in group.facts))


# statements about a named event: keyed in the period index beside sessions and visits
_EVENT_RELATIONS = frozenset({"attended", "organized", "held_in"})


def _as_date(value: date | str | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value:
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            return None
    return None


def _first_span(facts: Iterable[Fact]) -> Span | None:
    """The evidence that comes first in the text (an n-ary node's own evidence)."""
    spans = [f.evidence for f in facts if f.evidence is not None]
    return min(spans, key=lambda s: (s.start, s.end)) if spans else None


def _start(date_text: str | None) -> date | None:
    parsed = parse_date(date_text)
    return parsed[0] if parsed else None


def _role(role: str | None) -> str | None:
    """The title normalised: NFC, one tone placement, single spaces, first letter capital."""
    if not role:
        return None
    text = re.sub(r"\s+", " ", nfc_vi(role)).strip()
    return text[:1].upper() + text[1:] if text else None


def article_quads(facts: ArticleFacts, article: ArticleLike, *, base: str,
                  iris: Mapping[str, str] | None = None, ingested_at: datetime,
                  extractor_version: str = "") -> list[Quad]:
    """Every quad one article's facts make, in its named graph, sorted: what the article
    states and what it shares with others (`article_triples` keeps the two apart).

    `iris` maps entity ids to IRIs (cross-article resolution decides them); by default each
    entity gets the IRI of its own key or name (`graph.iris.default_entity_iris`).

    >>> from ingest.facts import Entity, Fact
    >>> facts = ArticleFacts(article="t1", entities=[
    ...     Entity(id="e1", type="BORDER_GATE", name="Tà Lùng"),
    ...     Entity(id="e2", type="PROVINCE", name="Cao Bằng")],
    ...     facts=[Fact(relation="border_gate_of", subject="e1", object="e2")])
    >>> class A: id, title, url, published, text = "t1", "Tin", None, "2024-05-02", "Tin"
    >>> quads = article_quads(facts, A(), base="https://vnkg.org/id",
    ...                       ingested_at=datetime(2024, 5, 3, tzinfo=UTC))
    >>> [str(q.object) for q in quads if q.predicate == VNKG.borderGateOf
    ...  and q.subject.value.endswith("/border-gate/ta-lung")]
    ['<https://vnkg.org/id/province/cao-bang>']
    """
    own, shared = article_triples(facts, article, base=base, iris=iris,
                                  ingested_at=ingested_at, extractor_version=extractor_version)
    graph = NamedNode(article_iri(article.id, base.rstrip("/")))
    return [Quad(s, p, o, graph) for s, p, o in _sorted([*own, *shared])]


def article_triples(facts: ArticleFacts, article: ArticleLike, *, base: str,
                    iris: Mapping[str, str] | None = None, ingested_at: datetime,
                    extractor_version: str = "") -> tuple[list[Triple], list[Triple]]:
    """(what the article states: its graph's triples, what it shares with other articles:
    entities, shortcut edges, times and roles), unsorted: the store does not care for the
    order, and sorting costs more than writing."""
    if iris is None:
        iris = default_entity_iris(facts, base, published=article.published)
    builder = _Builder(facts, article, base, iris)
    builder.article_node_triples(ingested_at, extractor_version or facts.extractor_version)
    for entity in facts.entities:
        builder.entity_triples(entity)
    statements: dict[str, list[Fact]] = defaultdict(list)
    grouped: dict[str, list[tuple[Fact, str]]] = defaultdict(list)
    for fact in facts.facts:
        if fact.subject not in iris or fact.object not in iris:
            raise KeyError(f"fact {fact.relation} names an unknown entity in {facts.article}")
        statement = builder.statement_of(fact)
        statements[statement].append(fact)
        grouped[fact.relation].append((fact, statement))
    for statement, same in statements.items():
        builder.fact_triples(statement, same)
    builder.memberships(grouped["holds_position"])
    builder.events(grouped["worked_with"], "session")
    builder.events(grouped["visited"], "visit")
    return list(builder.triples), list(builder.shared)


def _sorted(triples: Iterable[Triple]) -> list[Triple]:
    return sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
