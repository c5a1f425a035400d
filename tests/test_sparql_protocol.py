"""The SPARQL 1.1 Protocol endpoint: each request form, each result format, each error code,
the read-only and federation guards, the row limit, CORS, and a time limit that stops a runaway
query on a real on-disk store while another request is answered. The request and format tests
run on the in-memory store and on a remote one (`oxigraph serve`)."""

from __future__ import annotations

import csv
import io
import threading
import time
import xml.etree.ElementTree as ET

import pytest
import rdflib
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api_graph import ingest_api_articles
from tests.remote_server import oxigraph_serve

BASE = "https://vnkg.org/id"
A1, A2 = f"{BASE}/article/api-001", f"{BASE}/article/api-002"
PREFIX = "PREFIX vnkg: <https://vnkg.org/ontology#>\n"
WORKED = PREFIX + "SELECT ?host WHERE { ?who vnkg:workedWith ?host } ORDER BY ?host"
HOSTS = [f"{BASE}/province/cao-bang", f"{BASE}/province/ha-giang", f"{BASE}/province/lang-son"]
CONSTRUCT = PREFIX + ("CONSTRUCT { ?gate vnkg:borderGateOf ?province } "
                      "WHERE { ?gate vnkg:borderGateOf ?province }")
GATE = (rdflib.URIRef(f"{BASE}/border-gate/ta-lung"),
        rdflib.URIRef("https://vnkg.org/ontology#borderGateOf"),
        rdflib.URIRef(f"{BASE}/province/cao-bang"))


@pytest.fixture(scope="session")
def protocol_kg():
    from graph.service import KnowledgeGraph

    return ingest_api_articles(KnowledgeGraph.in_memory())


def _client(kg, **overrides):
    settings = kg.settings.model_copy(update=overrides)
    return TestClient(create_app(settings, kg=kg))


@pytest.fixture(scope="module", params=["memory", "remote"])
def client(request, protocol_kg, tmp_path_factory):
    """The endpoint over the in-memory graph, then over the same articles in a real `oxigraph
    serve` (a remote store: the query workers send each query over HTTP)."""
    if request.param == "memory":
        with _client(protocol_kg) as test_client:
            yield test_client
        return
    from graph.service import KnowledgeGraph
    from graph.settings import Settings

    with oxigraph_serve(tmp_path_factory.mktemp("protocol") / "oxigraph") as url:
        kg = ingest_api_articles(KnowledgeGraph(Settings(store=url)))
        with _client(kg) as test_client:
            yield test_client


def hosts(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [b["host"]["value"] for b in response.json()["results"]["bindings"]]


# -- the three request forms ----------------------------------------------------------------------
def test_get(client):
    response = client.get("/sparql", params={"query": WORKED})
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert sorted(set(hosts(response))) == HOSTS


def test_post_form(client):
    assert sorted(set(hosts(client.post("/sparql", data={"query": WORKED})))) == HOSTS


def test_post_direct_body(client):
    response = client.post("/sparql", content=WORKED.encode(),
                           headers={"Content-Type": "application/sparql-query; charset=utf-8"})
    assert sorted(set(hosts(response))) == HOSTS


# -- the dataset ----------------------------------------------------------------------------------
def test_default_graph_is_the_union_of_article_graphs(client):
    query = PREFIX + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a vnkg:Article }"
    rows = client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    assert rows[0]["n"]["value"] == "2"


def test_default_graph_uri_restricts_the_default_graph(client):
    """An article graph holds what the article states: its statements (the shortcut edges
    themselves live once, in the shared entity graph)."""
    stated = PREFIX + ("SELECT ?host WHERE { ?st vnkg:relation \"worked_with\" ; "
                       "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?host }")
    response = client.get("/sparql", params={"query": stated, "default-graph-uri": A1})
    assert sorted(set(hosts(response))) == [f"{BASE}/province/cao-bang",
                                            f"{BASE}/province/lang-son"]
    both = client.get("/sparql", params={"query": stated, "default-graph-uri": [A1, A2]})
    assert sorted(set(hosts(both))) == HOSTS


def test_named_graph_uri_limits_graph_patterns(client):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    response = client.post("/sparql", data={"query": query, "named-graph-uri": A2})
    assert [b["g"]["value"] for b in response.json()["results"]["bindings"]] == [A2]
    direct = client.post("/sparql", params={"named-graph-uri": A1}, content=query,
                         headers={"Content-Type": "application/sparql-query"})
    assert [b["g"]["value"] for b in direct.json()["results"]["bindings"]] == [A1]


# -- result formats -------------------------------------------------------------------------------
SELECT_ONE = PREFIX + ("SELECT ?gate ?label WHERE { ?gate vnkg:borderGateOf ?p ; "
                       "<http://www.w3.org/2000/01/rdf-schema#label> ?label }")


def test_select_as_xml(client):
    response = client.get("/sparql", params={"query": SELECT_ONE},
                          headers={"Accept": "application/sparql-results+xml"})
    assert response.headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(response.content)
    assert [u.text for u in root.iterfind(".//r:uri", ns)] == [f"{BASE}/border-gate/ta-lung"]
    assert [v.text for v in root.iterfind(".//r:literal", ns)] == ["Tà Lùng"]


def test_select_as_csv(client):
    response = client.get("/sparql", params={"query": SELECT_ONE}, headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(response.text))) == [
        ["gate", "label"], [f"{BASE}/border-gate/ta-lung", "Tà Lùng"]]


def test_select_as_tsv(client):
    response = client.get("/sparql", params={"query": SELECT_ONE},
                          headers={"Accept": "text/tab-separated-values"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    assert response.text.splitlines() == [
        "?gate\t?label", f'<{BASE}/border-gate/ta-lung>\t"Tà Lùng"@vi']


def test_format_parameter_overrides_accept(client):
    response = client.get("/sparql", params={"query": SELECT_ONE, "format": "csv"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(("accept", "expected"), [
    ("application/sparql-results+json", '{"head":{},"boolean":true}'),
    ("application/sparql-results+xml", "<boolean>true</boolean>"),
])
def test_ask(client, accept, expected):
    response = client.get("/sparql", params={"query": PREFIX + "ASK { ?g vnkg:borderGateOf ?p }"},
                          headers={"Accept": accept})
    assert expected in response.text


@pytest.mark.parametrize(("accept", "rdflib_format", "media"), [
    (None, "turtle", "text/turtle"),
    ("text/turtle", "turtle", "text/turtle"),
    ("application/n-triples", "nt", "application/n-triples"),
    ("application/ld+json", "json-ld", "application/ld+json"),
    ("application/rdf+xml", "xml", "application/rdf+xml"),
], ids=["default", "turtle", "ntriples", "jsonld", "rdfxml"])
def test_construct_formats(client, accept, rdflib_format, media):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers=headers)
    assert response.headers["content-type"].startswith(media)
    graph = rdflib.Graph().parse(data=response.text, format=rdflib_format)
    assert set(graph) == {GATE}


def test_describe(client):
    response = client.get("/sparql", params={"query": f"DESCRIBE <{BASE}/border-gate/ta-lung>"})
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    assert GATE in graph


# -- errors ---------------------------------------------------------------------------------------
def test_bad_query_is_400_with_the_parser_message(client):
    response = client.get("/sparql", params={"query": "SELEC ?x WHERE { ?x ?p ?o }"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("error at 1:")


def test_missing_query_is_400(client):  # (GET /sparql alone is the service description)
    assert client.get("/sparql", params={"query": ""}).status_code == 400
    assert client.get("/sparql", params={"default-graph-uri": A1}).status_code == 400
    assert client.post("/sparql", data={"other": "x"}).status_code == 400


@pytest.mark.parametrize(("query", "accept"), [
    (SELECT_ONE, "image/png"),
    (SELECT_ONE, "text/turtle"),
    (CONSTRUCT, "text/csv"),
], ids=["unknown", "graph-type-for-select", "table-type-for-construct"])
def test_not_acceptable_is_406(client, query, accept):
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    assert "accepts none" in response.json()["message"]


@pytest.mark.parametrize("ctype", ["text/plain", "application/json", None])
def test_unsupported_body_is_415(client, ctype):
    headers = {"Content-Type": ctype} if ctype else {}
    response = client.post("/sparql", content=b"SELECT * WHERE {?s ?p ?o}", headers=headers)
    assert response.status_code == 415


# -- guards ---------------------------------------------------------------------------------------
UPDATE = 'INSERT DATA { GRAPH <https://example.org/g> { <urn:a> <urn:b> "c" } }'


@pytest.mark.parametrize("send", [
    lambda c: c.post("/sparql", data={"update": UPDATE}),
    lambda c: c.post("/sparql", content=UPDATE,
                     headers={"Content-Type": "application/sparql-update"}),
    lambda c: c.get("/sparql", params={"query": UPDATE}),
    lambda c: c.get("/sparql", params={"update": UPDATE}),
    lambda c: c.post("/sparql", data={"query": "DROP ALL"}),
    lambda c: c.post("/sparql", content="LOAD <https://example.org/data.ttl>",
                     headers={"Content-Type": "application/sparql-query"}),
    lambda c: c.post("/sparql", data={"query": "DELETE WHERE { ?s ?p ?o }"}),
], ids=["form-update", "sparql-update-body", "insert-in-get-query", "get-update",
        "drop-in-form-query", "load-in-direct-body", "delete-where"])
def test_updates_are_refused_in_every_form(client, send):
    response = send(client)
    assert response.status_code == 403
    assert "read-only" in response.json()["message"]
    count = client.get("/sparql", params={"query": "ASK { <urn:a> ?p ?o }"}).json()
    assert count["boolean"] is False


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
])
def test_federated_service_is_refused(client, query):
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 403
    assert "SERVICE" in response.json()["message"]


def test_keywords_inside_strings_and_iris_are_not_updates(client):
    query = ('SELECT ?x WHERE { VALUES ?x { "INSERT DATA and SERVICE" '
             '<https://example.org/DELETE> } }')
    assert client.get("/sparql", params={"query": query}).status_code == 200


# -- limits and CORS ------------------------------------------------------------------------------
def test_row_limit_truncates_and_says_so(protocol_kg):
    query = PREFIX + 'SELECT ?p WHERE { ?p vnkg:entityType "PROVINCE" }'
    with _client(protocol_kg, row_limit=3) as small:
        response = small.get("/sparql", params={"query": query})
        assert len(response.json()["results"]["bindings"]) == 3
        assert "row limit 3" in response.headers["x-vnkg-truncated"]
        construct = small.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                              headers={"Accept": "application/n-triples"})
        assert len(construct.text.strip().splitlines()) == 3


def test_cors_is_a_setting(protocol_kg, client):
    origin = {"Origin": "https://example.org"}
    assert "access-control-allow-origin" not in client.get(
        "/sparql", params={"query": "ASK {}"}, headers=origin).headers
    with _client(protocol_kg, cors_origins=["https://example.org"]) as open_client:
        response = open_client.get("/sparql", params={"query": "ASK {}"}, headers=origin)
        assert response.headers["access-control-allow-origin"] == "https://example.org"


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_time_limit_stops_a_runaway_query_while_others_are_answered(tmp_path):
    """On a real on-disk store: the runaway query gets 503 once its worker is killed, and a
    query sent while it runs is answered; afterwards the endpoint still answers."""
    from graph.service import KnowledgeGraph
    from graph.settings import Settings

    settings = Settings(store=tmp_path / "store", query_timeout=2.0)
    kg = ingest_api_articles(KnowledgeGraph(settings))
    with TestClient(create_app(settings, kg=kg)) as disk:
        assert sorted(set(hosts(disk.get("/sparql", params={"query": WORKED})))) == HOSTS
        outcome = {}
        runaway = threading.Thread(target=lambda: outcome.update(
            response=disk.get("/sparql", params={"query": RUNAWAY})))
        runaway.start()
        time.sleep(0.5)  # let the runaway query reach its worker
        meanwhile = disk.get("/sparql", params={"query": WORKED})
        rest_meanwhile = disk.get("/api/officials/le-thanh-trung/worked-with")
        still_running = runaway.is_alive()
        runaway.join(60)
        assert still_running, "the runaway query should still be running"
        assert sorted(set(hosts(meanwhile))) == HOSTS
        assert rest_meanwhile.status_code == 200
        response = outcome["response"]
        assert response.status_code == 503
        assert "time limit of 2 s" in response.json()["message"]
        assert disk.app.state.query_runner.killed == 1
        assert sorted(set(hosts(disk.get("/sparql", params={"query": WORKED})))) == HOSTS


def test_workers_see_articles_ingested_after_they_started(tmp_path):
    from graph.service import KnowledgeGraph
    from graph.settings import Settings

    settings = Settings(store=tmp_path / "store")
    kg = KnowledgeGraph(settings)
    query = PREFIX + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a vnkg:Article }"
    with TestClient(create_app(settings, kg=kg)) as disk:
        count = disk.get("/sparql", params={"query": query}).json()
        assert count["results"]["bindings"][0]["n"]["value"] == "0"
        ingest_api_articles(kg)
        count = disk.get("/sparql", params={"query": query}).json()
        assert count["results"]["bindings"][0]["n"]["value"] == "2"
