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

Evidence from the article being (re-)ingested is ignored, so re-ingest gives the same IRIs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode, Quad

from graph.iris import article_iri, default_entity_iris, entity_iri, reference_date
from graph.queries import load_query
from graph.store import GraphStore
from graph.vocab import OWL, VNKG
from ingest.coref import explicit_province
from ingest.facts import ArticleFacts, Entity
from ingest.text import fold, nfc_vi

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


def _candidates(store: GraphStore, key: str, etype: str, own_article: str
                ) -> dict[str, list[str]]:
    """Entities in the store under this name: IRI → bodies of their positions elsewhere."""
    from graph.service import _as_term

    rows = store.select(load_query("resolution_candidates").text,
                        {"key": _as_term(key, "string"), "type": _as_term(etype, "string")})
    out: dict[str, list[str]] = {}
    for row in rows:
        bodies = out.setdefault(row["entity"], [])
        if row.get("orgLabel") and row.get("article") != own_article:
            bodies.append(row["orgLabel"])
    return out


def _homonym_iri(base_iri: str, taken: set[str]) -> str:
    n = 2
    while f"{base_iri}-{n}" in taken:
        n += 1
    return f"{base_iri}-{n}"


def _person_iri(entity: Entity, default: str, bodies: list[str], store: GraphStore,
                own_article: str, decisions: list[Decision]) -> str:
    candidates = _candidates(store, fold(entity.name), "PERSON", own_article)
    same_name = sorted(c for c in candidates if c == default or re.fullmatch(
        re.escape(default) + r"-\d+", c))
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


def resolve(facts: ArticleFacts, store: GraphStore, base: str, *,
            published: date | str | None = None) -> Resolution:
    """Entity id → IRI for every entity of one article, and the homonym decisions taken.

    Provinces are minted for the article's reference date (`published`, else the facts'
    published date, else their latest fact date), as `graph.iris.default_entity_iris` does:
    an article dated from 1 July 2025 names the 2025 unit where one of that name exists.
    """
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
                                          positions.get(entity.id, []), store, own_article,
                                          decisions)
    return Resolution(iris, decisions)


def resolve_iris(facts: ArticleFacts, store: GraphStore, base: str, *,
                 published: date | str | None = None) -> dict[str, str]:
    """Entity id (e1, e2, ...) → IRI for every entity of one article (see `resolve`)."""
    return resolve(facts, store, base, published=published).iris
