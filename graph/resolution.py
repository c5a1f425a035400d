"""Cross-article entity resolution: which IRI each extracted entity gets.

The same person, body or place named in several articles must be one node. Most variants
already meet in the IRI's slug (case, tone placement and diacritics fold away: "Bộ Công
thương" and "Bộ Công Thương" are both `org/bo-cong-thuong`); this module adds:

- abbreviations: a body without a gazetteer key is named the way FACTS.md names it ("Ủy ban
  nhân dân tỉnh X" → "UBND tỉnh X", "Đoàn ĐBQH" → "Đoàn Đại biểu Quốc hội"), and a central
  body is looked up in the gazetteer by any of its names ("Bộ TN&MT");
- homonyms: a person is the node already in the graph under the same name unless their
  positions disagree: both hold positions in provincial bodies, and the provinces differ
  (a Bí thư Tỉnh ủy of one province and a Giám đốc Sở of another are two people). Such a
  person gets the next free IRI (`-2`, `-3`) and the decision is written into the article's
  graph: `owl:differentFrom` the other node and a `vnkg:resolutionNote` saying why
  (ontology/MODEL.md, "Entity resolution"). Central posts do not count against a match:
  officials move between a province and the centre.
- one label per node: articles write a name differently ("Lào Cai - Hà Khẩu" and "Lào Cai"
  for one gate; "Ban quản lý Khu Kinh tế" and "Ban Quản lý Khu kinh tế"), and each article's
  graph would add its own `rdfs:label`. The node's label is chosen here (`Resolution.labels`):
  the gazetteer's name for a gazetteer node (a province's reference label, a border gate, a
  central body, a foreign place), else the label the graph already gives the node in another
  article, else this article's name; the article's own name stays as `skos:altLabel`
  (`Resolution.labelled`).

Evidence from the article being (re-)ingested is ignored, so re-ingest gives the same IRIs and
labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad

from graph.iris import article_iri, default_entity_iris, entity_iri, reference_date
from graph.shared import SharedGraph
from graph.store import Store
from graph.vocab import ENTITY_SEGMENT, OWL, VNKG
from ingest.coref import explicit_province
from ingest.facts import ArticleFacts, Entity
from ingest.text import nfc_vi, slugify

__all__ = ["Decision", "Resolution", "canonical_body_name", "resolve", "resolve_iris"]

# Long forms → the form FACTS.md names use; abbreviations of the rest → their long form.
_BODY_FORMS = [
    (re.compile(r"\bỦy ban nhân dân\b", re.IGNORECASE), "UBND"),
    (re.compile(r"\bHội đồng nhân dân\b", re.IGNORECASE), "HĐND"),
    (re.compile(r"\bĐBQH\b"), "Đại biểu Quốc hội"),
    (re.compile(r"\bBCH\b"), "Ban Chấp hành"),
    (re.compile(r"\bTW\b"), "Trung ương"),
    (re.compile(r"\bTP\.?\s*"), "thành phố "),
]


def canonical_body_name(name: str) -> str:
    """One spelling of a body's name for its IRI.

    >>> canonical_body_name("Ủy ban nhân dân tỉnh Lào Cai")
    'UBND tỉnh Lào Cai'
    >>> canonical_body_name("Đoàn ĐBQH tỉnh Lào Cai")
    'Đoàn Đại biểu Quốc hội tỉnh Lào Cai'
    """
    text = nfc_vi(name)
    for pattern, replacement in _BODY_FORMS:
        text = pattern.sub(replacement, text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Decision:
    """Two nodes under one name kept apart, and why."""

    entity: str
    other: str
    note: str


@dataclass
class Resolution:
    iris: dict[str, str]
    decisions: list[Decision] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # entity id → the node's one label

    def labelled(self, facts: ArticleFacts) -> ArticleFacts:
        """The facts with each entity named by its node's label, the article's own name kept
        as an alias (the graph's `skos:altLabel`); the facts themselves are unchanged.

        >>> facts = ArticleFacts(article="a", entities=[
        ...     Entity(id="e1", type="BORDER_GATE", name="Lào Cai - Hà Khẩu")])
        >>> gate = Resolution({"e1": "x"}, labels={"e1": "Lào Cai"}).labelled(facts).entities[0]
        >>> gate.name, gate.aliases
        ('Lào Cai', ['Lào Cai - Hà Khẩu'])
        """
        entities = []
        for entity in facts.entities:
            label = self.labels.get(entity.id)
            if not label or label == nfc_vi(entity.name).strip():
                entities.append(entity)
                continue
            aliases = [*entity.aliases, *([entity.name] if entity.name not in entity.aliases
                                          else [])]
            entities.append(entity.model_copy(update={"name": label, "aliases": aliases}))
        return facts.model_copy(update={"entities": entities})

    def quads(self, graph: str) -> list[Quad]:
        """The decisions as quads of the article's named graph."""
        g = NamedNode(graph)
        out = []
        for d in self.decisions:
            node = NamedNode(d.entity)
            out.append(Quad(node, OWL.differentFrom, NamedNode(d.other), g))
            out.append(Quad(node, VNKG.resolutionNote, Literal(d.note, language="en"), g))
        return sorted(out, key=str)


def _positions(facts: ArticleFacts) -> dict[str, list[str]]:
    """Person entity id → names of the bodies this article gives them positions in."""
    names = {e.id: e.name for e in facts.entities}
    out: dict[str, list[str]] = {}
    for fact in facts.facts:
        if fact.relation == "holds_position":
            out.setdefault(fact.subject, []).append(names.get(fact.object, ""))
    return out


def _provinces(bodies: list[str]) -> set[str]:
    return {p for b in bodies if b and (p := explicit_province(b))}


def _candidates(shared: SharedGraph, default: str, own_article: str) -> dict[str, list[str]]:
    """People already in the graph under this name (`default`, then its homonyms `-2`, `-3`,
    ...): IRI → the bodies of their positions stated by other articles. Each is an index
    lookup, whatever the size of the store."""
    out: dict[str, list[str]] = {}
    iri, n = default, 1
    while shared.exists(iri):
        out[iri] = shared.positions(iri, own_article)
        n += 1
        iri = f"{default}-{n}"
    return out


def _homonym_iri(base_iri: str, taken: set[str]) -> str:
    n = 2
    while f"{base_iri}-{n}" in taken:
        n += 1
    return f"{base_iri}-{n}"


def _person_iri(entity: Entity, default: str, bodies: list[str], shared: SharedGraph,
                own_article: str, decisions: list[Decision]) -> str:
    candidates = _candidates(shared, default, own_article)
    same_name = list(candidates)
    mine = _provinces(bodies)
    disagreeing: list[tuple[str, set[str]]] = []
    iri = None
    for cand in same_name:
        theirs = _provinces(candidates[cand])
        if not mine or not theirs or mine & theirs:
            iri = cand
            break
        disagreeing.append((cand, theirs))
    if iri is None:
        iri = _homonym_iri(default, set(same_name)) if disagreeing else default
    for other, theirs in disagreeing:  # recorded each time, so re-ingest writes the same
        decisions.append(Decision(iri, other, (
            f"same name as {other} but positions disagree: "
            f"{', '.join(sorted(bodies))} (provinces {', '.join(sorted(mine))}) vs "
            f"{', '.join(sorted(candidates[other]))} (provinces {', '.join(sorted(theirs))})")))
    return iri


def _body_iri(entity: Entity, default: str, base: str, on) -> str:
    if entity.key:
        return default
    from ingest.gazetteer import load_gazetteer

    found = load_gazetteer().body_by_name(entity.name)
    if found is not None:
        return entity_iri("ORGANIZATION", f"org:{found.key}", base, on=on)
    return entity_iri("ORGANIZATION", canonical_body_name(entity.name), base, on=on)


@cache
def _gazetteer_names(segment: str) -> dict[str, str]:
    """IRI slug → the gazetteer's name, for the node types whose IRIs come from gazetteer keys
    (border gates, central bodies, countries and foreign places)."""
    from ingest.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    records = {"border-gate": gaz.border_gates, "org": gaz.bodies, "location": gaz.places}
    return {slugify(r.key): nfc_vi(r.name) for r in records.get(segment, ())}


def _gazetteer_label(iri: str, entity_type: str, base: str) -> str | None:
    segment = ENTITY_SEGMENT.get(entity_type, "")
    prefix = f"{base.rstrip('/')}/{segment}/"
    if not segment or not iri.startswith(prefix):
        return None
    return _gazetteer_names(segment).get(iri[len(prefix):])


def _own_label(entity: Entity) -> str:
    name = nfc_vi(entity.name).strip()
    return canonical_body_name(name) if entity.type == "ORGANIZATION" and not entity.key \
        else name


def _labels(facts: ArticleFacts, iris: dict[str, str], shared: SharedGraph, base: str
            ) -> dict[str, str]:
    """Entity id → its node's one label: the gazetteer's name, else the label the graph
    already has for the node (written once, in the shared or reference graph), else the name
    this article gives it first."""
    by_iri: dict[str, str] = {}
    for entity in facts.entities:
        iri = iris[entity.id]
        if iri not in by_iri:
            by_iri[iri] = _gazetteer_label(iri, entity.type, base) or shared.label(iri) \
                or _own_label(entity)
    return {entity.id: by_iri[iris[entity.id]] for entity in facts.entities}


def resolve(facts: ArticleFacts, store: Store | SharedGraph, base: str, *,
            published: date | str | None = None) -> Resolution:
    """Entity id → IRI for every entity of one article, the homonym decisions taken and the
    label of each entity's node (see the module docstring).

    Provinces are minted for the article's reference date (`published`, else the facts'
    published date, else their latest fact date), as `graph.iris.default_entity_iris` does:
    an article dated from 1 July 2025 names the 2025 unit where one of that name exists.
    """
    shared = store if isinstance(store, SharedGraph) else SharedGraph(store, base)
    iris = default_entity_iris(facts, base, published=published)
    on = reference_date(facts, published)
    own_article = article_iri(facts.article, base)
    positions = _positions(facts)
    decisions: list[Decision] = []
    for entity in facts.entities:
        if entity.type == "ORGANIZATION":
            iris[entity.id] = _body_iri(entity, iris[entity.id], base, on)
        elif entity.type == "PERSON":
            iris[entity.id] = _person_iri(entity, iris[entity.id],
                                          positions.get(entity.id, []), shared, own_article,
                                          decisions)
    return Resolution(iris, decisions, _labels(facts, iris, shared, base))


def resolve_iris(facts: ArticleFacts, store: Store | SharedGraph, base: str, *,
                 published: date | str | None = None) -> dict[str, str]:
    """Entity id (e1, e2, ...) → IRI for every entity of one article (see `resolve`)."""
    return resolve(facts, store, base, published=published).iris
