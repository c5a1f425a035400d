"""The W3C SPARQL 1.1 Protocol test cases that apply to a read-only endpoint, as our own tests:
our data (the two API test articles, one named graph each), our queries, the cases' requests
and expectations. Each test's docstring names the case it mirrors (manifest of
https://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/).

Cases already covered elsewhere (P: test_sparql_protocol.py, C: test_sparql_conformance.py),
not repeated here:

- query_get: P test_get; query_post_form: P test_post_form; query_post_direct: P
  test_post_direct_body;
- query_dataset_default_graphs_get: P test_default_graph_uri_restricts_the_default_graph;
- query_dataset_named_graphs_post: P test_named_graph_uri_limits_graph_patterns;
- query_content_type_select: P test_select_as_xml, _as_csv, _as_tsv; C (SPARQLWrapper);
- query_content_type_ask: P test_ask; query_content_type_construct (one type at a time): P
  test_construct_formats;
- bad_query_syntax: P test_bad_query_is_400_with_the_parser_message; no query at all: P
  test_missing_query_is_400;
- bad_query_wrong_media_type, bad_query_missing_form_type, bad_query_missing_direct_type: P
  test_unsupported_body_is_415 (text/plain, application/json, no Content-Type);
- bad_update_get, bad_multiple_updates, bad_update_wrong_media_type and the other update
  cases: P test_updates_are_refused_in_every_form (403: the endpoint is read-only).

Here: query_dataset_default_graph, query_dataset_default_graphs_post,
query_dataset_named_graphs_get, query_dataset_full, query_multiple_dataset,
query_content_type_describe, query_content_type_construct (a weighted Accept list),
bad_query_method, bad_multiple_queries (GET and POST), bad_query_non_utf8, and a query sent with
an update in the same request. Where the W3C case only asks for "a 4xx", we assert our status.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import rdflib
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api_graph import ingest_api_articles

BASE = "https://vnkg.org/id"
A1, A2 = f"{BASE}/article/api-001", f"{BASE}/article/api-002"
PREFIX = "PREFIX vnkg: <https://vnkg.org/ontology#>\n"
IDS = PREFIX + "SELECT ?id WHERE { ?a vnkg:articleId ?id } ORDER BY ?id"
GATE = f"{BASE}/border-gate/ta-lung"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    from graph.service import KnowledgeGraph

    with TestClient(create_app(kg=ingest_api_articles(KnowledgeGraph.in_memory()))) as client:
        yield client


def _column(response, name: str) -> list[str]:
    assert response.status_code == 200, response.text
    return [row[name]["value"] for row in response.json()["results"]["bindings"]]


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == code
    return body["message"]


# -- datasets -------------------------------------------------------------------------------------
def test_one_default_graph_by_post_form(client):
    """query_dataset_default_graph: `default-graph-uri` in a POST form makes that graph the
    default graph."""
    response = client.post("/sparql", data={"query": IDS, "default-graph-uri": A2})
    assert _column(response, "id") == ["api-002"]


def test_two_default_graphs_by_post_form(client):
    """query_dataset_default_graphs_post: two `default-graph-uri` merge into the default graph."""
    response = client.post("/sparql", content=f"query={IDS}&default-graph-uri={A1}"
                           f"&default-graph-uri={A2}".replace("\n", "%0A").replace("?", "%3F")
                           .replace("{", "%7B").replace("}", "%7D").replace(" ", "+"),
                           headers=FORM)
    assert _column(response, "id") == ["api-001", "api-002"]


def test_two_named_graphs_by_get(client):
    """query_dataset_named_graphs_get: `named-graph-uri` twice in a GET names the graphs that
    GRAPH patterns see (and only those)."""
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    response = client.get("/sparql", params={"query": query, "named-graph-uri": [A2, A1]})
    assert _column(response, "g") == [A1, A2]
    alone = client.get("/sparql", params={"query": query, "named-graph-uri": A1})
    assert _column(alone, "g") == [A1]


def test_default_and_named_graphs_together(client):
    """query_dataset_full: `default-graph-uri` and `named-graph-uri` in one request give the
    default graph and the named graphs each its own graph."""
    query = PREFIX + ("SELECT ?mine ?other WHERE { ?a vnkg:articleId ?mine . "
                      "GRAPH ?g { ?b vnkg:articleId ?other } }")
    response = client.get("/sparql", params={"query": query, "default-graph-uri": A1,
                                             "named-graph-uri": A2})
    assert list(zip(_column(response, "mine"), _column(response, "other"), strict=True)) == [
        ("api-001", "api-002")]


def test_the_protocol_dataset_wins_over_the_querys_own(client):
    """query_multiple_dataset: a query with its own FROM, sent with a `default-graph-uri`: the
    protocol's dataset is the one used (SPARQL 1.1 Protocol 2.1.4)."""
    query = PREFIX + f"SELECT ?id FROM <{A2}> WHERE {{ ?a vnkg:articleId ?id }}"
    assert _column(client.get("/sparql", params={"query": query}), "id") == ["api-002"]
    response = client.get("/sparql", params={"query": query, "default-graph-uri": A1})
    assert _column(response, "id") == ["api-001"]


# -- content negotiation --------------------------------------------------------------------------
@pytest.mark.parametrize(("accept", "media", "parse_as"), [
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("text/turtle", "text/turtle", "turtle"),
], ids=["rdfxml", "ntriples", "turtle"])
def test_describe_answers_the_graph_type_asked_for(client, accept, media, parse_as):
    """query_content_type_describe: a DESCRIBE answers an RDF graph in the accepted type."""
    response = client.get("/sparql", params={"query": f"DESCRIBE <{GATE}>"},
                          headers={"Accept": accept})
    assert response.headers["content-type"].startswith(media)
    graph = rdflib.Graph().parse(data=response.content, format=parse_as)
    assert {str(p) for s, p, o in graph if str(s) == GATE} >= {
        "https://vnkg.org/ontology#borderGateOf", "http://www.w3.org/2000/01/rdf-schema#label"}


def test_construct_follows_the_weights_of_an_accept_list(client):
    """query_content_type_construct: with a weighted list, the preferred graph type wins."""
    query = PREFIX + "CONSTRUCT { ?g vnkg:borderGateOf ?p } WHERE { ?g vnkg:borderGateOf ?p }"
    accept = "text/turtle;q=0.5, application/rdf+xml;q=0.9, application/sparql-results+json"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith("application/rdf+xml")
    graph = rdflib.Graph().parse(data=response.content, format="xml")
    assert [(str(s), str(o)) for s, _, o in graph] == [(GATE, f"{BASE}/province/cao-bang")]


# -- bad requests ---------------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_a_method_other_than_get_or_post_is_405(client, method):
    """bad_query_method: the query operation by PUT (or DELETE, PATCH) is refused."""
    response = client.request(method, "/sparql", params={"query": "ASK {}"})
    message = _error(response, 405, "method_not_allowed")
    assert message == f"{method} is not a method of /sparql"
    assert response.headers["allow"] == "GET, POST"


@pytest.mark.parametrize("send", [
    lambda c: c.get("/sparql", params={"query": ["ASK {}", "SELECT * {}"]}),
    lambda c: c.post("/sparql", data={"query": ["ASK {}", "SELECT * {}"]}),
], ids=["get", "post-form"])
def test_two_queries_in_one_request_are_400(client, send):
    """bad_multiple_queries: more than one `query` parameter."""
    assert _error(send(client), 400, "bad_query") == "more than one 'query' parameter"


def test_a_body_that_is_not_utf8_is_400(client):
    """bad_query_non_utf8: a direct POST whose body is UTF-16."""
    response = client.post("/sparql", content="ASK {}".encode("utf-16"),
                           headers={"Content-Type": "application/sparql-query"})
    assert _error(response, 400, "bad_query") == \
        "the query is not UTF-8 text (SPARQL 1.1 Protocol: queries are sent as UTF-8)"


def test_a_query_with_an_update_in_the_same_request_is_refused(client):
    """A query operation carries one query and no update (Protocol 2.1): a form with both is
    refused before the query runs."""
    response = client.post("/sparql", data={"query": "ASK {}",
                                            "update": "CLEAR ALL"})
    assert "read-only" in _error(response, 403, "forbidden")
    assert _column(client.get("/sparql", params={"query": IDS}), "id") == ["api-001", "api-002"]
