"""The graph the mapping writes conforms to ontology/shapes.ttl, and the shapes catch what the
issue asks them to (a membership without a role, an undated session, an untyped date, an
untraceable fact). Only small graphs are validated here, with no inference, to stay fast."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from pyshacl import validate
from rdflib.namespace import RDF, RDFS
from test_rdf import build_quads

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
VNKG = rdflib.Namespace("https://vnkg.org/ontology#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")


def to_graph(quads) -> rdflib.Graph:
    """The quads' triples as an rdflib graph (through N-Triples: no pyoxigraph outside graph/)."""
    text = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return rdflib.Graph().parse(data=text, format="nt")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "vnkg.ttl")


def conforms(data: rdflib.Graph, shapes, ontology) -> tuple[bool, str]:
    ok, _, text = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                           allow_warnings=True)
    return ok, text


def test_article_graph_conforms(shapes, ontology):
    ok, report = conforms(to_graph(build_quads()), shapes, ontology)
    assert ok, report


def _broken(edit) -> rdflib.Graph:
    graph = to_graph(build_quads())
    edit(graph)
    return graph


def _drop(predicate):
    return lambda g: g.remove((None, predicate, None))


def _untyped_dates(graph: rdflib.Graph) -> None:
    for s, o in list(graph.subject_objects(VNKG.startDate)):
        graph.remove((s, VNKG.startDate, o))
        graph.add((s, VNKG.startDate, rdflib.Literal(str(o))))


def _session_without_date(graph: rdflib.Graph) -> None:
    for session in graph.subjects(RDF.type, VNKG.WorkingSession):
        graph.remove((session, VNKG.startDate, None))


def _second_label(graph: rdflib.Graph) -> None:
    """An entity named twice: the article's spelling kept as a second rdfs:label instead of a
    skos:altLabel."""
    entity = next(iter(graph.subjects(VNKG.entityType, None)))
    graph.add((entity, RDFS.label, rdflib.Literal("Tên thứ hai", lang="vi")))


def _edge_without_statement(graph: rdflib.Graph) -> None:
    statement = next(iter(graph.subjects(RDF.type, VNKG.FactStatement)))
    graph.remove((statement, None, None))


@pytest.mark.parametrize("edit, message", [
    (_drop(ORG.role), "role"),
    (_drop(ORG.member), "member"),
    (_drop(VNKG.host), "host"),
    (_drop(VNKG.participant), "participant"),
    (_session_without_date, "startDate"),
    (_untyped_dates, "date"),
    (_drop(PROV.wasDerivedFrom), "wasDerivedFrom"),
    (_drop(VNKG.contentHash), "contentHash"),
    (_drop(VNKG.entityType), "entityType"),
    (_edge_without_statement, "fact statement"),
    (_second_label, "label"),
], ids=["membership-role", "membership-member", "session-host", "session-participant",
        "session-date", "untyped-date", "provenance", "content-hash", "entity-type",
        "untraceable-edge", "two-labels"])
def test_shapes_catch(edit, message, shapes, ontology):
    ok, report = conforms(_broken(edit), shapes, ontology)
    assert not ok
    assert "Violation" in report


def test_a_second_label_is_reported_as_too_many(shapes, ontology):
    _, results, _ = validate(_broken(_second_label), shacl_graph=shapes, ont_graph=ontology,
                             inference="none")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    failures = {(path, comp) for r in results.subjects(RDF.type, sh.ValidationResult)
                for path in results.objects(r, sh.resultPath)
                for comp in results.objects(r, sh.sourceConstraintComponent)}
    assert failures == {(RDFS.label, sh.MaxCountConstraintComponent)}


def test_date_typed_as_string_is_reported(shapes, ontology):
    _, results, _ = validate(_broken(_untyped_dates), shacl_graph=shapes, ont_graph=ontology,
                             inference="none")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    failures = {(path, comp) for r in results.subjects(RDF.type, sh.ValidationResult)
                for path in results.objects(r, sh.resultPath)
                for comp in results.objects(r, sh.sourceConstraintComponent)}
    assert (VNKG.startDate, sh.DatatypeConstraintComponent) in failures


@pytest.fixture(scope="module")
def sample_dataset(sample_kg) -> rdflib.Dataset:
    """The sample store's quads, parsed once for the tests below."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's own Dataset internals
        dataset = rdflib.Dataset()
        dataset.parse(data=sample_kg.store.dump("nquads").decode("utf-8"), format="nquads")
    return dataset


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own Dataset internals
def test_sample_graph_conforms(sample_dataset, shapes, ontology):
    """The issue's "must show": every graph of the sample store (the five articles and the
    province reference data)."""
    dataset = sample_dataset
    data = rdflib.Graph()
    for s, p, o, _ in dataset.quads():
        data.add((s, p, o))
    assert len(data) > 1000
    ok, report = conforms(data, shapes, ontology)
    assert ok, report


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_each_article_with_the_shared_graphs_conforms(sample_dataset, shapes, ontology):
    """Each article stands on its own: its graph with the shared entity graph and the reference
    data conforms (what the article states, its mentions, statements and provenance, plus
    the entities, times and roles described once). The shared graph's shortcut edges are left
    out here: most come from other articles, and their traceability is checked on the union."""
    edges = {rdflib.URIRef(f"https://vnkg.org/ontology#{name}") for name in (
        "holdsPosition", "workedWith", "visited", "attended", "organized", "heldIn",
        "borderGateOf", "locatedIn", "partOf", "issued")}
    graphs: dict = {}
    for s, p, o, g in sample_dataset.quads():
        graphs.setdefault(str(g), rdflib.Graph()).add((s, p, o))
    shared = [g for g in graphs if g.endswith(("/graph/entities", "/graph/reference"))]
    articles = [g for g in graphs if "/article/" in g]
    assert len(shared) == 2 and len(articles) == 5
    for name in articles:
        data = graphs[name]
        for other in shared:
            data += [t for t in graphs[other] if t[1] not in edges]
        ok, report = conforms(data, shapes, ontology)
        assert ok, f"{name}: {report}"
