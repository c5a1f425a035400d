"""Checked names for every RDF term graph/ writes, as pyoxigraph `NamedNode`s.

In the style of rdflib's `DefinedNamespace` with `_fail = True` (rdflib/namespace/_SKOS.py): a
misspelt term (`VNKG.workedwith`) raises `AttributeError` at once instead of minting a new IRI,
and tests/test_ontology.py checks that every term listed here is declared in ontology/vnkg.ttl.
Only graph/ imports pyoxigraph; other packages use the string forms (`str(VNKG.Person.value)`).

>>> VNKG.workedWith.value
'https://vnkg.org/ontology#workedWith'
>>> VNKG.workedwith
Traceback (most recent call last):
...
AttributeError: term 'workedwith' is not in namespace https://vnkg.org/ontology#
>>> RELATION_PROPERTY["border_gate_of"] == VNKG.borderGateOf
True
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode

__all__ = [
    "DCTERMS",
    "ENTITY_CLASS",
    "ENTITY_SEGMENT",
    "NAMESPACES",
    "ORG",
    "OWL",
    "PROPERTY_RELATION",
    "PROV",
    "RDF",
    "RDFS",
    "RELATION_PROPERTY",
    "SCHEMA",
    "SKOS",
    "TIME",
    "TYPE_OF_CLASS",
    "VNKG",
    "XSD",
    "DefinedNamespace",
    "jsonld_context",
]


@lru_cache(maxsize=4096)
def _term(namespace: str, name: str, unknown: bool) -> NamedNode:
    """One NamedNode per term, made once (graph/rdf.py asks for terms per triple)."""
    if unknown:
        raise AttributeError(f"term {name!r} is not in namespace {namespace}")
    return NamedNode(namespace + name)


class _DefinedNamespaceMeta(type):
    """Attribute access on the class returns the term; unknown names fail when `_fail` is set."""

    _NS: str
    _fail: bool
    _terms: frozenset[str]

    def __getattr__(cls, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        term = _term(cls._NS, name, cls._fail and name not in cls._terms)
        type.__setattr__(cls, name, term)  # the next access finds it without this method
        return term

    def __getitem__(cls, name: str) -> NamedNode:
        return cls.__getattr__(name)

    def __iter__(cls) -> Iterator[NamedNode]:
        return (NamedNode(cls._NS + name) for name in sorted(cls._terms))

    def __contains__(cls, item: Any) -> bool:
        value = item.value if isinstance(item, NamedNode) else str(item)
        return value.startswith(cls._NS) and value[len(cls._NS):] in cls._terms


class DefinedNamespace(metaclass=_DefinedNamespaceMeta):
    """Subclass with `_NS` and annotated term names; the terms are the annotations."""

    _NS = ""
    _fail = True
    _terms: frozenset[str] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._terms = frozenset(n for n in inspect.get_annotations(cls)
                               if not n.startswith("_"))

    def __init__(self) -> None:  # pragma: no cover - namespaces are never instantiated
        raise TypeError("use the class: VNKG.Person")


class VNKG(DefinedNamespace):
    _NS = "https://vnkg.org/ontology#"
    # entity classes
    Person: NamedNode
    Organization: NamedNode
    GovernmentBody: NamedNode
    Ministry: NamedNode
    Department: NamedNode
    PeoplesCommittee: NamedNode
    PeoplesCouncil: NamedNode
    NationalAssemblyDelegation: NamedNode
    PartyBody: NamedNode
    PartyCommittee: NamedNode
    PartyStandingBoard: NamedNode
    PartyCommission: NamedNode
    Company: NamedNode
    StateCompany: NamedNode
    Newspaper: NamedNode
    SocialOrganization: NamedNode
    InternationalOrganization: NamedNode
    Province: NamedNode
    Location: NamedNode
    BorderGate: NamedNode
    Zone: NamedNode
    Document: NamedNode
    Event: NamedNode
    Conference: NamedNode
    Fair: NamedNode
    Festival: NamedNode
    Ceremony: NamedNode
    Programme: NamedNode
    WorkingSession: NamedNode
    Visit: NamedNode
    Article: NamedNode
    FactStatement: NamedNode
    # shortcut edges
    holdsPosition: NamedNode
    workedWith: NamedNode
    visited: NamedNode
    attended: NamedNode
    organized: NamedNode
    heldIn: NamedNode
    borderGateOf: NamedNode
    locatedIn: NamedNode
    partOf: NamedNode
    issued: NamedNode
    # n-ary nodes and statements
    participant: NamedNode
    host: NamedNode
    place: NamedNode
    statement: NamedNode
    relation: NamedNode
    roleLabel: NamedNode
    attestedOn: NamedNode
    confidence: NamedNode
    # dates
    startDate: NamedNode
    endDate: NamedNode
    dateText: NamedNode
    # entity annotations and the name index (graph/names.py)
    searchKey: NamedNode
    searchWord: NamedNode
    searchPrefix: NamedNode
    entityType: NamedNode
    # provenance and evidence
    articleId: NamedNode
    contentHash: NamedNode
    extractorVersion: NamedNode
    evidenceText: NamedNode
    evidenceStart: NamedNode
    evidenceEnd: NamedNode
    # provinces
    provinceCode: NamedNode
    fullName: NamedNode
    shortName: NamedNode
    era: NamedNode
    mergedInto: NamedNode
    mergedOn: NamedNode
    jurisdiction: NamedNode
    # mentions and the bookkeeping of the shared entity graph (graph/shared.py)
    Mention: NamedNode
    mentionOf: NamedNode
    surfaceForm: NamedNode
    nameKey: NamedNode
    edgeKey: NamedNode
    uses: NamedNode
    modelVersion: NamedNode
    # the period index (graph/periods.py): an entity's items by month, its months in the
    # shared graph, so a timeline page or a date window is a few index lookups
    eventPeriod: NamedNode
    positionPeriod: NamedNode
    sourcePeriod: NamedNode
    eventMonth: NamedNode
    positionMonth: NamedNode
    sourceMonth: NamedNode
    post: NamedNode
    # entity resolution: why a node was kept apart from a homonym (with owl:differentFrom)
    resolutionNote: NamedNode


class ORG(DefinedNamespace):
    _NS = "http://www.w3.org/ns/org#"
    Membership: NamedNode
    Role: NamedNode
    Organization: NamedNode
    member: NamedNode
    organization: NamedNode
    role: NamedNode
    memberOf: NamedNode
    subOrganizationOf: NamedNode
    Post: NamedNode
    holds: NamedNode
    postIn: NamedNode


class PROV(DefinedNamespace):
    _NS = "http://www.w3.org/ns/prov#"
    Entity: NamedNode
    Agent: NamedNode
    wasDerivedFrom: NamedNode
    generatedAtTime: NamedNode


class TIME(DefinedNamespace):
    _NS = "http://www.w3.org/2006/time#"
    hasTime: NamedNode
    Instant: NamedNode
    ProperInterval: NamedNode
    inXSDDate: NamedNode
    hasBeginning: NamedNode
    hasEnd: NamedNode


class SCHEMA(DefinedNamespace):
    _NS = "https://schema.org/"
    url: NamedNode
    datePublished: NamedNode
    latitude: NamedNode
    longitude: NamedNode
    name: NamedNode


class DCTERMS(DefinedNamespace):
    _NS = "http://purl.org/dc/terms/"
    title: NamedNode
    identifier: NamedNode


class SKOS(DefinedNamespace):
    _NS = "http://www.w3.org/2004/02/skos/core#"
    altLabel: NamedNode


class RDF(DefinedNamespace):
    _NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    type: NamedNode
    subject: NamedNode
    predicate: NamedNode
    object: NamedNode
    langString: NamedNode


class RDFS(DefinedNamespace):
    _NS = "http://www.w3.org/2000/01/rdf-schema#"
    label: NamedNode
    comment: NamedNode


class OWL(DefinedNamespace):
    _NS = "http://www.w3.org/2002/07/owl#"
    differentFrom: NamedNode


class XSD(DefinedNamespace):
    _NS = "http://www.w3.org/2001/XMLSchema#"
    date: NamedNode
    dateTime: NamedNode
    decimal: NamedNode
    double: NamedNode
    integer: NamedNode
    string: NamedNode


# Prefix → namespace, for Turtle/JSON-LD output and SPARQL headers.
NAMESPACES: dict[str, str] = {
    "vnkg": VNKG._NS, "org": ORG._NS, "prov": PROV._NS, "time": TIME._NS, "schema": SCHEMA._NS,
    "dcterms": DCTERMS._NS, "skos": SKOS._NS, "rdf": RDF._NS, "rdfs": RDFS._NS, "xsd": XSD._NS,
    "foaf": "http://xmlns.com/foaf/0.1/",
}

# FACTS.md relation → shortcut property (ontology/MODEL.md "Relations").
RELATION_PROPERTY: dict[str, NamedNode] = {
    "holds_position": VNKG.holdsPosition,
    "worked_with": VNKG.workedWith,
    "visited": VNKG.visited,
    "attended": VNKG.attended,
    "organized": VNKG.organized,
    "held_in": VNKG.heldIn,
    "border_gate_of": VNKG.borderGateOf,
    "located_in": VNKG.locatedIn,
    "part_of": VNKG.partOf,
    "issued": VNKG.issued,
}
PROPERTY_RELATION: dict[str, str] = {p.value: r for r, p in RELATION_PROPERTY.items()}

# FACTS.md entity type → class, and → the IRI path segment of its entities.
ENTITY_CLASS: dict[str, NamedNode] = {
    "PERSON": VNKG.Person,
    "ORGANIZATION": VNKG.Organization,
    "PROVINCE": VNKG.Province,
    "LOCATION": VNKG.Location,
    "BORDER_GATE": VNKG.BorderGate,
    "ZONE": VNKG.Zone,
    "DOCUMENT": VNKG.Document,
    "EVENT": VNKG.Event,
}
TYPE_OF_CLASS: dict[str, str] = {c.value: t for t, c in ENTITY_CLASS.items()}
ENTITY_SEGMENT: dict[str, str] = {
    "PERSON": "person",
    "ORGANIZATION": "org",
    "PROVINCE": "province",
    "LOCATION": "location",
    "BORDER_GATE": "border-gate",
    "ZONE": "zone",
    "DOCUMENT": "document",
    "EVENT": "event",
}


CONTEXT_FILE = Path(__file__).resolve().parent.parent / "ontology" / "context.jsonld"


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context of the vocabulary (ontology/context.jsonld), for exports and REST.

    Short keys for every term ("workedWith", "startDate" typed xsd:date, "label" in Vietnamese),
    so JSON-LD compacted with it reads like plain JSON and expands back to the same RDF.

    >>> jsonld_context()["workedWith"]
    {'@id': 'vnkg:workedWith', '@type': '@id'}
    """
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
