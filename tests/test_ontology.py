"""The ontology parses, labels every term in Vietnamese and English, and declares every term
that graph/ writes: a term the code uses but the ontology does not declare fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS
from test_rdf import BASE, build_quads

from graph import vocab
from graph.reference import reference_quads

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
VNKG = rdflib.Namespace(vocab.VNKG._NS)
BUILTIN = {str(RDF.type), str(RDFS.label), str(RDFS.comment)}
NAMESPACES = [ns._NS for ns in (vocab.VNKG, vocab.ORG, vocab.PROV, vocab.TIME, vocab.SCHEMA,
                                vocab.DCTERMS, vocab.SKOS, vocab.RDF)]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "vnkg.ttl")


def declared(ontology: rdflib.Graph) -> set[str]:
    return {str(s) for s in ontology.subjects() if isinstance(s, rdflib.URIRef)}


def vnkg_terms(ontology: rdflib.Graph) -> set[rdflib.URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {s for kind in kinds for s in ontology.subjects(RDF.type, kind)
            if str(s).startswith(str(VNKG))}


def test_ontology_is_an_owl_ontology(ontology):
    assert (rdflib.URIRef("https://vnkg.org/ontology"), RDF.type, OWL.Ontology) in ontology


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_vnkg_term_has_label_and_comment(ontology, lang):
    missing = sorted(
        str(term) for term in vnkg_terms(ontology)
        for prop in (RDFS.label, RDFS.comment)
        if not any(getattr(o, "language", None) == lang for o in ontology.objects(term, prop)))
    assert missing == []


def test_vocab_and_ontology_hold_the_same_vnkg_terms(ontology):
    in_code = {term.value for term in vocab.VNKG}
    in_ontology = {str(t) for t in vnkg_terms(ontology)} - {str(VNKG.preferredNamespacePrefix)}
    assert in_code == in_ontology


@pytest.mark.parametrize("namespace", [vocab.ORG, vocab.PROV, vocab.TIME, vocab.SCHEMA,
                                       vocab.DCTERMS, vocab.SKOS], ids=lambda ns: ns._NS)
def test_every_reused_term_in_vocab_is_declared(ontology, namespace):
    assert sorted({t.value for t in namespace} - declared(ontology)) == []


def test_facts_md_relations_and_types_are_mapped():
    from ingest.facts import ENTITY_TYPES, RELATIONS

    assert set(vocab.RELATION_PROPERTY) == set(RELATIONS)
    assert set(vocab.ENTITY_CLASS) == set(ENTITY_TYPES) == set(vocab.ENTITY_SEGMENT)
    assert {vocab.PROPERTY_RELATION[p.value] for p in vocab.RELATION_PROPERTY.values()} == \
        set(RELATIONS)
    assert {vocab.TYPE_OF_CLASS[c.value] for c in vocab.ENTITY_CLASS.values()} == \
        set(ENTITY_TYPES)


def _used_terms(quads) -> set[str]:
    used = set()
    for quad in quads:
        used.add(quad.predicate.value)
        if quad.predicate.value == str(RDF.type):
            used.add(quad.object.value)
    return {t for t in used if t not in BUILTIN and any(t.startswith(ns) for ns in NAMESPACES)}


def test_every_term_the_mapping_writes_is_declared(ontology):
    used = _used_terms(build_quads()) | _used_terms(reference_quads(BASE))
    assert sorted(used - declared(ontology)) == []
    # ... and the mapping exercises the core of the model
    for term in ("WorkingSession", "Visit", "FactStatement", "evidenceStart", "startDate"):
        assert str(VNKG[term]) in used


def test_json_ld_context_maps_to_declared_terms(ontology):
    context = json.loads((ONTOLOGY / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("#", "/"))}
    known = declared(ontology) | {str(RDF.type), str(RDFS.label)}
    unknown = []
    for term, value in context.items():
        iri = value["@id"] if isinstance(value, dict) else value
        if term.startswith("@") or term in prefixes or iri.startswith("@"):
            continue
        prefix, _, local = iri.partition(":")
        if prefixes.get(prefix, "") + local not in known:
            unknown.append(term)
    assert unknown == []
