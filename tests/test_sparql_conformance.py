"""The endpoint as SPARQL clients see it: SPARQLWrapper's every query type x return format x
method against a real server, and the SPARQL 1.1 Service Description at `GET /sparql`."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator

import pytest
import rdflib
from fastapi.testclient import TestClient

from api.app import create_app

BASE = "https://vnkg.org/id"
BAC_KAN = f"<{BASE}/province/bac-kan>"
QUERIES = {
    "SELECT": f"SELECT ?p ?o WHERE {{ {BAC_KAN} ?p ?o }}",
    "ASK": f"ASK {{ {BAC_KAN} ?p ?o }}",
    "CONSTRUCT": f"CONSTRUCT {{ {BAC_KAN} ?p ?o }} WHERE {{ {BAC_KAN} ?p ?o }}",
    "DESCRIBE": f"DESCRIBE {BAC_KAN}",
}
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = rdflib.Namespace("http://www.w3.org/ns/formats/")

# (query kind, SPARQLWrapper format) -> the media type answered. Formats of the other kind
# fall back to the counterpart (xml <-> RDF/XML, json <-> JSON-LD) or to the default.
TABLE = "application/sparql-results+"
EXPECTED = {
    ("table", "xml"): TABLE + "xml", ("table", "json"): TABLE + "json",
    ("table", "csv"): "text/csv", ("table", "tsv"): "text/tab-separated-values",
    ("table", "turtle"): TABLE + "json", ("table", "n3"): TABLE + "json",
    ("table", "json-ld"): TABLE + "json", ("table", "rdf+xml"): TABLE + "xml",
    ("graph", "xml"): "application/rdf+xml", ("graph", "rdf+xml"): "application/rdf+xml",
    ("graph", "json"): "application/ld+json", ("graph", "json-ld"): "application/ld+json",
    ("graph", "turtle"): "text/turtle", ("graph", "n3"): "text/turtle",
    ("graph", "csv"): "text/turtle", ("graph", "tsv"): "text/turtle",
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """`vnkg`'s app served by uvicorn in a thread, over an in-memory graph (the provinces)."""
    import uvicorn

    from graph.service import KnowledgeGraph

    kg = KnowledgeGraph.in_memory()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(kg.settings, kg=kg), host="127.0.0.1", port=port,
                            log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/sparql"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", ["xml", "json", "turtle", "n3", "json-ld", "rdf+xml", "csv",
                                 "tsv"])
@pytest.mark.parametrize("kind", QUERIES)
def test_sparqlwrapper_every_query_type_and_format(server, kind, fmt, method):
    from SPARQLWrapper import SPARQLWrapper

    sparql = SPARQLWrapper(server)
    sparql.setMethod(method)
    sparql.setQuery(QUERIES[kind])
    sparql.setReturnFormat(fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # its notes on unusual pairs
        result = sparql.query()
        media = result.info()["content-type"].split(";")[0]
        converted = result.convert()
    assert result.response.status == 200
    shape = "table" if kind in ("SELECT", "ASK") else "graph"
    assert media == EXPECTED[shape, fmt]
    _check(kind, media, converted)


def _check(kind: str, media: str, converted: object) -> None:
    """The answer, read back: Bắc Kạn's statements, or true."""
    if media.endswith("json") and kind == "ASK":
        assert converted["boolean"] is True
    elif media.endswith("json") and kind == "SELECT":
        assert len(converted["results"]["bindings"]) > 3
    elif media.startswith(TABLE):  # XML results, parsed by minidom
        assert converted.getElementsByTagName("boolean" if kind == "ASK" else "result")
    elif media.startswith("text/"):  # CSV, TSV, Turtle: bytes
        text = converted.decode()
        if media == "text/turtle":
            assert len(rdflib.Graph().parse(data=text, format="turtle")) > 3
        elif kind == "ASK":
            assert text.strip() == "true"
        else:
            assert len(text.splitlines()) > 3
    else:  # RDF/XML and JSON-LD: an rdflib graph, or JSON-LD as Python data
        graph = (converted if isinstance(converted, rdflib.Graph)
                 else rdflib.Graph().parse(data=__import__("json").dumps(converted),
                                           format="json-ld"))
        assert (rdflib.URIRef(f"{BASE}/province/bac-kan"), None, None) in graph


# -- the service description ------------------------------------------------------------------
@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    from graph.service import KnowledgeGraph

    kg = KnowledgeGraph.in_memory()
    with TestClient(create_app(kg.settings, kg=kg)) as test_client:
        yield test_client


@pytest.mark.parametrize(("accept", "media", "parse_as"), [
    (None, "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/ld+json", "application/ld+json", "json-ld"),
])
def test_get_sparql_alone_is_the_service_description(client, accept, media, parse_as):
    response = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    graph = rdflib.Graph().parse(data=response.text, format=parse_as)
    endpoint = rdflib.URIRef("http://testserver/sparql")
    assert set(graph.predicate_objects(endpoint)) - {(SD.defaultDataset, o) for o in
                                                     graph.objects(endpoint,
                                                                   SD.defaultDataset)} == {
        (rdflib.RDF.type, SD.Service), (SD.endpoint, endpoint),
        (SD.supportedLanguage, SD.SPARQL11Query), (SD.feature, SD.UnionDefaultGraph),
        *((SD.resultFormat, FORMATS[name]) for name in (
            "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML")),
    }
    dataset = graph.value(endpoint, SD.defaultDataset)
    assert graph.value(dataset, rdflib.RDF.type) == SD.Dataset
    assert graph.value(graph.value(dataset, SD.defaultGraph), rdflib.RDF.type) == SD.Graph


def test_the_service_description_has_no_update_and_no_federation(client):
    graph = rdflib.Graph().parse(data=client.get("/sparql").text, format="turtle")
    assert (None, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    assert (None, SD.feature, SD.BasicFederatedQuery) not in graph


def test_a_service_description_nobody_accepts_is_406(client):
    response = client.get("/sparql", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.json()["error"] == "not_acceptable"
