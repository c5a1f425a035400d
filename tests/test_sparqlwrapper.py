"""SPARQLWrapper, a real SPARQL client, against a running `vnkg serve` on the sample graph."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.server

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

BASE = "https://vnkg.org/id"
MISSION = f"""
PREFIX vnkg: <https://vnkg.org/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?province ?label WHERE {{
  ?s vnkg:relation "worked_with" ; rdf:subject <{BASE}/person/nguyen-hong-dien> ;
     rdf:object ?province ; vnkg:startDate ?start ; vnkg:endDate ?end .
  ?province vnkg:entityType "PROVINCE" ; rdfs:label ?label .
  FILTER(?end >= "2024-08-01"^^<http://www.w3.org/2001/XMLSchema#date>
         && ?start <= "2024-08-31"^^<http://www.w3.org/2001/XMLSchema#date>)
}} ORDER BY ?label
"""
SIX = ["Bình Định", "Bắc Kạn", "Kon Tum", "Lào Cai", "Quảng Ngãi", "Thái Nguyên"]


def client(url: str, method: str = "GET"):
    from SPARQLWrapper import SPARQLWrapper as Wrapper

    sparql = Wrapper(f"{url}/sparql")
    sparql.setMethod(method)
    return sparql


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_json(vnkg_server, method):
    from SPARQLWrapper import JSON

    sparql = client(vnkg_server, method)
    sparql.setQuery(MISSION)
    sparql.setReturnFormat(JSON)
    rows = sparql.query().convert()["results"]["bindings"]
    assert sorted(r["label"]["value"] for r in rows) == sorted(SIX)


def test_select_xml_and_csv(vnkg_server):
    from SPARQLWrapper import CSV, XML

    sparql = client(vnkg_server)
    sparql.setQuery(MISSION)
    sparql.setReturnFormat(XML)
    xml = sparql.query().convert()
    labels = [n.firstChild.data for n in xml.getElementsByTagName("literal")]
    assert sorted(labels) == sorted(SIX)
    sparql.setReturnFormat(CSV)
    lines = sparql.query().convert().decode("utf-8").splitlines()
    assert lines[0] == "province,label" and len(lines) == 7


def test_ask_and_construct(vnkg_server):
    from SPARQLWrapper import JSON, TURTLE

    sparql = client(vnkg_server)
    sparql.setQuery(f"ASK {{ <{BASE}/province/bac-kan> ?p ?o }}")
    sparql.setReturnFormat(JSON)
    assert sparql.query().convert()["boolean"] is True
    sparql.setQuery(f"CONSTRUCT {{ <{BASE}/province/bac-kan> ?p ?o }} "
                    f"WHERE {{ <{BASE}/province/bac-kan> ?p ?o }}")
    sparql.setReturnFormat(TURTLE)
    graph_text = sparql.query().convert().decode("utf-8")
    assert "mergedInto" in graph_text


@pytest.mark.filterwarnings("ignore:not detected query type", "ignore:unknown query type")
def test_errors_reach_the_client(vnkg_server):
    from urllib.error import HTTPError

    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    sparql = client(vnkg_server)
    sparql.setQuery("SELEC ?x WHERE { ?x ?p ?o }")
    with pytest.raises(QueryBadFormed):
        sparql.query()
    update = client(vnkg_server, "POST")
    update.setQuery('INSERT DATA { <urn:a> <urn:b> "c" }')
    with pytest.raises(HTTPError) as caught:  # SPARQLWrapper sends it as an update= form
        update.query()
    assert caught.value.code == 403
