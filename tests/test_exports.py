"""Every export re-read by its own reader (networkx read_graphml, read_gexf, cytoscape_graph;
pydot) with the projection's node and edge counts; GEXF 1.3 dated edges and nodes; filters in
every format; the CLI and the HTTP route write the same files; and the sample graph's exports
hold the facts a reader expects."""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from api.cli import app as cli
from graph.errors import BadQuery
from graph.export import write
from graph.projection import projection
from graph.store import GraphStore

ID = "https://vnkg.org/id/"
MINH, HA_GIANG = ID + "person/tran-van-minh", ID + "province/ha-giang"
GEXF = "{http://gexf.net/1.3}"
NETWORK_FORMATS = ["graphml", "gexf", "cytoscape", "dot"]


def read_back(fmt: str, path: Path) -> nx.MultiDiGraph:
    """The export as a MultiDiGraph, through the reader each format is meant for."""
    if fmt == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if fmt == "gexf":  # a GEXF without parallel edges reads as a DiGraph: key edges by id again
        read = nx.read_gexf(path, version="1.3")
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(read.nodes(data=True))
        for u, v, data in read.edges(data=True):
            graph.add_edge(u, v, key=data["id"], **data)
        return graph
    if fmt == "cytoscape":
        return nx.cytoscape_graph(json.loads(path.read_text(encoding="utf-8")))
    if fmt == "dot":
        with warnings.catch_warnings():  # pydot 4 calls pyparsing's deprecated names
            warnings.simplefilter("ignore", DeprecationWarning)
            pydot = pytest.importorskip("pydot", reason="pydot (dev extra) reads DOT back")
            (dot,) = pydot.graph_from_dot_file(str(path))
        graph = nx.MultiDiGraph()
        for node in dot.get_nodes():
            if node.get_name() not in ("node", "edge", "graph"):
                graph.add_node(node.get_name().strip('"'), **node.get_attributes())
        for edge in dot.get_edges():
            attrs = edge.get_attributes()
            graph.add_edge(edge.get_source().strip('"'), edge.get_destination().strip('"'),
                           key=attrs["id"].strip('"'), **attrs)
        return graph
    raise AssertionError(fmt)


def edge_keys(graph: nx.MultiDiGraph) -> set[str]:
    return {k for _, _, k in graph.edges(keys=True)}


@pytest.fixture(scope="module")
def full(fixture_kg) -> nx.MultiDiGraph:
    return projection(fixture_kg)


@pytest.mark.parametrize("fmt", NETWORK_FORMATS)
def test_export_reads_back_with_the_projections_nodes_and_edges(fixture_kg, full, fmt,
                                                                 tmp_path):
    path = write(fixture_kg, fmt, tmp_path / f"graph.{fmt}")
    back = read_back(fmt, path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (10, 12)
    assert set(back) == set(full)
    assert edge_keys(back) == edge_keys(full)
    assert back.get_edge_data(MINH, HA_GIANG).keys() == {ID + "statement/a2", ID + "statement/b2"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape"])
def test_attributes_survive_the_round_trip(fixture_kg, fmt, tmp_path):
    back = read_back(fmt, write(fixture_kg, fmt, tmp_path / f"graph.{fmt}"))
    province = back.nodes[HA_GIANG]
    assert (province["label"], province["type"], province["lat"], province["lon"]) == (
        "Hà Giang", "PROVINCE", 22.8233, 104.9836)
    trip = back.edges[MINH, HA_GIANG, ID + "statement/b2"]
    assert (trip["relation"], trip["date"], trip["start"], trip["end"], trip["article"]) == (
        "worked_with", "2024-09-05/2024-09-06", "2024-09-05", "2024-09-06", "b-cao-bang")


def test_graphml_declares_only_types_graphml_allows(fixture_kg, tmp_path):
    root = ET.parse(write(fixture_kg, "graphml", tmp_path / "g.graphml")).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    types = {key.get("attr.type") for key in root.iter(f"{ns}key")}
    assert types <= {"boolean", "int", "long", "float", "double", "string"}
    assert "None" not in ET.tostring(root, encoding="unicode")


def test_gexf_is_1_3_with_dated_edges_for_the_timeline(fixture_kg, full, tmp_path):
    root = ET.parse(write(fixture_kg, "gexf", tmp_path / "g.gexf")).getroot()
    assert root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == (
        "dynamic", "date", "directed")
    edges = {e.get("id"): e for e in root.iter(f"{GEXF}edge")}
    for _, _, key, data in full.edges(keys=True, data=True):
        assert (edges[key].get("start"), edges[key].get("end")) == (
            data.get("start"), data.get("end"))
        assert edges[key].get("kind") == edges[key].get("label") == data["relation"]
    assert sum(1 for e in edges.values() if e.get("start")) == 6  # the dated facts
    assert "None" not in ET.tostring(root, encoding="unicode")


def test_cytoscape_json_has_elements_with_unique_ids(fixture_kg, tmp_path):
    data = json.loads(write(fixture_kg, "cytoscape", tmp_path / "g.cyjs").read_text("utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    ids = [n["data"]["id"] for n in nodes] + [e["data"]["id"] for e in edges]
    assert len(ids) == len(set(ids)) == 22
    assert {n["data"]["name"] for n in nodes} >= {"Trần Văn Minh", "Hà Giang"}
    assert all({"source", "target", "relation", "source_article"} <= e["data"].keys()
               for e in edges)
    assert all(e["data"]["source_article"].startswith(ID + "article/") for e in edges)


def test_gexf_nodes_appear_on_their_first_day_and_go_after_their_last(sample_kg, tmp_path):
    """Gephi's timeline shows a node from its first fact's day to its last: the minister from the
    2021 conference to the 30 August 2024 session; Bình Định over the 7-9 August trip; a node
    with no dated fact (a bare document) is there throughout."""
    root = ET.parse(write(sample_kg, "gexf", tmp_path / "s.gexf")).getroot()
    nodes = {n.get("id"): (n.get("start"), n.get("end")) for n in root.iter(f"{GEXF}node")}
    assert nodes[ID + "person/nguyen-hong-dien"] == ("2021-06-25", "2024-08-30")
    assert nodes[ID + "province/binh-dinh"] == ("2024-08-07", "2024-08-09")
    assert nodes[ID + "province/lao-cai"] == ("2024-08-30", "2024-08-30")
    assert nodes[ID + "org/bo-cong-thuong"] == ("2021-06-25", "2024-08-30")
    assert sum(1 for span in nodes.values() if span == (None, None)) == len(nodes) - 28
    assert root.find(f"{GEXF}graph").get("mode") == "dynamic"


def test_cytoscape_json_reads_back_with_networkx_and_keeps_each_facts_article(fixture_kg, full,
                                                                            tmp_path):
    data = json.loads(write(fixture_kg, "cytoscape", tmp_path / "g.cyjs").read_text("utf-8"))
    back = nx.cytoscape_graph(data)
    assert isinstance(back, nx.MultiDiGraph)
    assert sorted(back.nodes) == sorted(full.nodes)
    assert sorted(back.edges(keys=True)) == sorted(full.edges(keys=True))
    trips = back.get_edge_data(MINH, HA_GIANG)
    assert {k: (d["source"], d["source_article"]) for k, d in trips.items()} == {
        ID + "statement/a2": (MINH, ID + "article/a-ha-giang"),
        ID + "statement/b2": (MINH, ID + "article/b-cao-bang"),
    }
    assert back.nodes[HA_GIANG]["name"] == "Hà Giang"


def test_dot_names_a_layout_that_renders_its_size(fixture_kg, sample_kg, tmp_path):
    """neato for a small graph; sfdp (multiscale) from SFDP_FROM nodes, as a graph attribute."""
    from graph.export import SFDP_FROM, render

    small = write(fixture_kg, "dot", tmp_path / "small.dot").read_text("utf-8").splitlines()
    assert small[1] == '  graph [layout="neato", overlap="false", splines="true", ' \
                       'fontname="Helvetica"];'
    large = nx.MultiDiGraph()
    large.add_nodes_from((f"n{i}", {"label": f"n{i}", "type": "PERSON"})
                         for i in range(SFDP_FROM))
    lines = render(large, "dot").decode("utf-8").splitlines()
    assert lines[1] == '  graph [layout="sfdp", overlap="prism", splines="false", ' \
                       'fontname="Helvetica"];'
    whole = write(sample_kg, "dot", tmp_path / "sample.dot").read_text("utf-8").splitlines()
    assert whole[1].startswith('  graph [layout="neato"')  # 129 nodes


@pytest.mark.parametrize("fmt", NETWORK_FORMATS)
@pytest.mark.parametrize(("filters", "nodes", "edges"), [
    pytest.param({"around": "Cao Bằng", "hops": 2}, 8, 10, id="around"),
    pytest.param({"date_from": "2024-09-01", "date_to": "2024-09-30"}, 6, 6, id="window"),
    pytest.param({"relations": ["worked_with"]}, 3, 3, id="relation"),
    pytest.param({"types": ["PERSON", "PROVINCE"]}, 4, 3, id="types"),
])
def test_filters_apply_to_every_format(fixture_kg, fmt, filters, nodes, edges, tmp_path):
    back = read_back(fmt, write(fixture_kg, fmt, tmp_path / f"g.{fmt}", **filters))
    assert (back.number_of_nodes(), back.number_of_edges()) == (nodes, edges)


def test_rdf_dumps_refuse_filters_rather_than_ignore_them(fixture_kg, tmp_path):
    with pytest.raises(BadQuery, match="network formats"):
        fixture_kg.export("nquads", tmp_path / "g.nq", relations=["worked_with"])
    with pytest.raises(BadQuery, match="unknown export format"):
        fixture_kg.export("svg", tmp_path / "g.svg")


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")
def test_jsonld_keeps_every_quad(fixture_kg, tmp_path):
    import rdflib

    path = fixture_kg.export("jsonld", tmp_path / "g.jsonld")
    dataset = rdflib.Dataset()
    dataset.parse(path, format="json-ld")
    named = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
    assert named == {ID + "graph/reference": 22, ID + "graph/entities": 41,
                     ID + "article/a-ha-giang": 62, ID + "article/b-cao-bang": 80,
                     ID + "article/c-undated": 15}
    assert sum(named.values()) == len(fixture_kg.store) == 220


# -- the two doors: CLI and HTTP ------------------------------------------------------------------
@pytest.fixture(scope="module")
def fixture_store(fixture_kg, tmp_path_factory) -> Path:
    """The fixture graph in an on-disk store, for the CLI."""
    folder = tmp_path_factory.mktemp("fixture-store")
    dump = folder / "dump.nq"
    dump.write_bytes(fixture_kg.store.dump("nquads"))
    store = GraphStore(folder / "store")
    store.bulk_load(dump, "nquads")
    store.flush()
    return folder / "store"


def run_cli(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_export_with_filter_flags(fixture_store, tmp_path):
    out = tmp_path / "trip.gexf"
    run_cli("export", "gexf", "-o", str(out), "--store", str(fixture_store),
            "--around", "Trần Văn Minh", "--relation", "worked_with", "--relation", "visited",
            "--from", "2024-08-01", "--to", "2024-08-31")
    back = read_back("gexf", out)
    assert edge_keys(back) == {ID + "statement/a2", ID + "statement/a3"}


def test_cli_export_type_and_hops_flags(fixture_store, tmp_path):
    out = tmp_path / "people.graphml"
    run_cli("export", "graphml", "-o", str(out), "--store", str(fixture_store),
            "--around", "Lê Thị Hoa", "--hops", "2", "--type", "PERSON", "--type", "EVENT",
            "--type", "ORGANIZATION")
    assert {d["label"] for _, d in read_back("graphml", out).nodes(data=True)} == {
        "Lê Thị Hoa", "Hội nghị xúc tiến đầu tư", "UBND tỉnh Cao Bằng"}


def test_cli_reports_a_bad_filter_in_one_line(fixture_store, tmp_path):
    result = CliRunner().invoke(cli, ["export", "dot", "-o", str(tmp_path / "g.dot"),
                                      "--store", str(fixture_store), "--relation", "met"])
    assert result.exit_code == 2
    assert "unknown relation(s) ['met']" in result.output


@pytest.fixture(scope="module")
def client(fixture_kg):
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(kg=fixture_kg)) as client:
        yield client


@pytest.mark.parametrize(("fmt", "media_type"), [
    ("graphml", "application/graphml+xml"), ("gexf", "application/gexf+xml"),
    ("cytoscape", "application/json"), ("dot", "text/vnd.graphviz; charset=utf-8"),
    ("html", "text/html; charset=utf-8"), ("nquads", "application/n-quads"),
])
def test_http_export_has_the_right_media_type(client, fmt, media_type):
    response = client.get("/api/export", params={"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type


@pytest.mark.parametrize("fmt", NETWORK_FORMATS)
def test_http_and_cli_exports_are_the_same_graph(client, fixture_store, fmt, tmp_path):
    params = {"format": fmt, "around": "Hà Giang", "from": "2024-08", "to": "2024-08"}
    response = client.get("/api/export", params=params)
    (tmp_path / "http").write_bytes(response.content)
    run_cli("export", fmt, "-o", str(tmp_path / "cli"), "--store", str(fixture_store),
            "--around", "Hà Giang", "--from", "2024-08", "--to", "2024-08")
    http, cli_graph = read_back(fmt, tmp_path / "http"), read_back(fmt, tmp_path / "cli")
    # Hà Giang's neighbours in August and every August fact among them (the gate visit too).
    assert edge_keys(http) == edge_keys(cli_graph) == {
        ID + "statement/a2", ID + "statement/a3", ID + "statement/a4"}


def test_http_export_bad_filter_is_400(client):
    response = client.get("/api/export", params={"format": "gexf", "type": "CITY"})
    assert response.status_code == 400
    assert response.json()["error"] == "bad_query"


# -- the sample graph -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_store(sample_kg, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample-store")
    dump = folder / "dump.nq"
    dump.write_bytes(sample_kg.store.dump("nquads"))
    store = GraphStore(folder / "store")
    store.bulk_load(dump, "nquads")
    store.flush()
    return folder / "store"


def labelled_facts(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(graph.nodes[u]["label"], d.get("relation", "").strip('"'), graph.nodes[v]["label"])
            for u, v, d in graph.edges(data=True)}


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "cytoscape"])
def test_sample_export_via_cli_reads_back_with_its_key_facts(sample_kg, sample_store, fmt,
                                                            tmp_path):
    out = tmp_path / f"sample.{fmt}"
    run_cli("export", fmt, "-o", str(out), "--store", str(sample_store))
    back, full = read_back(fmt, out), projection(sample_kg)
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        full.number_of_nodes(), full.number_of_edges())
    assert {("Nguyễn Hồng Diên", "worked_with", "Lào Cai"),
            ("Kim Thành", "border_gate_of", "Lào Cai")} <= labelled_facts(back)
