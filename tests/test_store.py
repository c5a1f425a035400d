"""The store round trip, on the in-memory, the on-disk and the remote backend alike (a real
`oxigraph serve`)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import BadQuery, StoreError
from graph.store import GraphStore, Store, open_store
from tests.remote_server import oxigraph_serve

G1 = "https://vnkg.org/id/article/a1"
G2 = "https://vnkg.org/id/article/a2"
P = ox.NamedNode("https://vnkg.org/ontology#label")


def _quads(n: int, text: str = "Lào Cai") -> list[ox.Quad]:
    return [ox.Quad(ox.NamedNode(f"https://vnkg.org/id/x/{i}"), P,
                    ox.Literal(f"{text} {i}", language="vi")) for i in range(n)]


@pytest.fixture(params=["memory", "disk", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if request.param == "remote":
        return open_store(request.getfixturevalue("oxigraph_url"))
    return GraphStore(None if request.param == "memory" else tmp_path / "store")


def test_replace_graph_round_trip(store: Store) -> None:
    store.replace_graph(G1, _quads(3))
    assert len(store) == 3
    assert store.named_graphs() == [G1]
    rows = store.select("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")
    assert [r["o"] for r in rows] == ["Lào Cai 0", "Lào Cai 1", "Lào Cai 2"]


def test_replacing_a_graph_leaves_no_duplicates(store: Store) -> None:
    store.replace_graph(G1, _quads(3))
    before = store.dump("nquads")
    store.replace_graph(G1, _quads(3))
    assert store.dump("nquads") == before
    store.replace_graph(G1, _quads(1, "Hà Nội"))
    assert [q.object.value for q in store.quads(G1)] == ["Hà Nội 0"]


def test_substitutions_bind_terms_not_text(store: Store) -> None:
    store.replace_graph(G1, _quads(2))
    rows = store.select("SELECT ?s WHERE { ?s ?p ?o }",
                        {"o": ox.Literal("Lào Cai 1", language="vi")})
    assert [r["s"] for r in rows] == ["https://vnkg.org/id/x/1"]
    hostile = 'x" } ; DROP ALL ; SELECT * { "'
    assert store.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": hostile}) == []
    assert len(store) == 2


def test_delete_graph(store: Store) -> None:
    store.replace_graph(G1, _quads(2))
    assert store.delete_graph(G1) is True
    assert store.delete_graph(G1) is False
    assert len(store) == 0


def test_bad_query_is_a_bad_query_error(store: Store) -> None:
    with pytest.raises(BadQuery):
        store.select("SELEC ?x WHERE {")


def test_disk_store_survives_reopening(tmp_path: Path) -> None:
    store = GraphStore(tmp_path / "s")
    store.replace_graph(G1, _quads(2))
    store.flush()
    dump = store.dump()
    del store
    assert GraphStore(tmp_path / "s").dump() == dump


def test_dump_and_bulk_load_rebuild_the_same_store(tmp_path: Path) -> None:
    store = GraphStore(None)
    store.replace_graph(G1, _quads(4))
    dump = tmp_path / "dump.nq"
    dump.write_bytes(store.dump("nquads"))
    rebuilt = GraphStore(tmp_path / "rebuilt")
    rebuilt.bulk_load(dump)
    assert rebuilt.dump("nquads") == store.dump("nquads")


def test_lookups_by_pattern(store: Store) -> None:
    store.replace_graph(G1, _quads(2))
    store.replace_graph(G2, _quads(1))
    assert store.has_graph(G1) and not store.has_graph(G1 + "x")
    assert store.named_graphs() == [G1, G2]
    first = ox.NamedNode("https://vnkg.org/id/x/0")
    assert sorted(str(q) for q in store.quads_for(first, P)) == sorted(
        str(ox.Quad(first, P, ox.Literal("Lào Cai 0", language="vi"), ox.NamedNode(g)))
        for g in (G1, G2))
    assert [q.object.value for q in store.quads_for(first, graph=ox.NamedNode(G2))] == \
        ["Lào Cai 0"]
    second = ox.Literal("Lào Cai 1", language="vi")
    assert store.supported(P, second, excluding=G2) is True
    assert store.supported(P, second, excluding=G1) is False
    assert len(store) == 3


def test_extend_and_update_write_several_graphs(store: Store) -> None:
    store.extend([ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(g))
                  for g in (G1, G2) for q in _quads(2)])
    assert len(store) == 4
    store.update(f"DROP GRAPH <{G1}> ; INSERT DATA {{ GRAPH <{G2}> {{ "
                 f"<https://vnkg.org/id/x/9> {P} 'chín' }} }}")
    assert store.named_graphs() == [G2]
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": "3"}]
    store.clear()
    assert len(store) == 0 and store.named_graphs() == []


def test_the_backends_dump_the_same_bytes(tmp_path: Path, oxigraph_url: str) -> None:
    stores = [GraphStore(None), GraphStore(tmp_path / "disk"), open_store(oxigraph_url)]
    for store in stores:
        store.replace_graph(G1, _quads(3))
        store.extend([ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(G2))
                      for q in _quads(2, "Hà Nội")])
    for fmt, graph in (("nquads", None), ("trig", None), ("turtle", G2), ("ntriples", None)):
        dumps = {store.dump(fmt, graph) for store in stores}
        assert len(dumps) == 1, fmt


def test_a_remote_store_is_read_again_from_a_new_handle(tmp_path: Path,
                                                        oxigraph_url: str) -> None:
    store = open_store(oxigraph_url)
    store.replace_graph(G1, _quads(2))
    again = open_store(oxigraph_url + "/", read_only=True)
    assert again.dump() == store.dump()
    with pytest.raises(StoreError, match="read-only"):
        again.replace_graph(G1, [])
    assert again.has_graph(G1)


def test_a_dump_rebuilds_a_remote_store(tmp_path: Path, oxigraph_url: str) -> None:
    source = GraphStore(None)
    source.replace_graph(G1, _quads(4))
    dump = tmp_path / "dump.nq"
    dump.write_bytes(source.dump("nquads"))
    remote = open_store(oxigraph_url)
    remote.bulk_load(dump)
    assert remote.dump("nquads") == source.dump("nquads")


def test_an_unreachable_server_is_one_store_error() -> None:
    with pytest.raises(StoreError, match=r"cannot reach the store at http://127\.0\.0\.1:9"):
        open_store("http://127.0.0.1:9")  # discard: nothing listens


def test_ask_and_construct_answer_with_pyoxigraph_objects(store: Store) -> None:
    store.replace_graph(G1, _quads(2))
    assert isinstance(store.query("ASK { ?s ?p 'nothing' }"), ox.QueryBoolean)
    assert bool(store.query("ASK { ?s ?p ?o }")) is True
    triples = store.query(f"CONSTRUCT {{ ?s {P} ?o }} WHERE {{ ?s ?p ?o }}")
    assert sorted(map(str, triples)) == sorted(str(q.triple) for q in _quads(2))
    assert bool(store.query("ASK { ?s ?p ?o }", default_graph=[G2])) is False
    assert bool(store.query(f"ASK FROM <{G1}> {{ ?s ?p ?o }}")) is True


def test_a_server_that_overrides_from_is_refused(tmp_path: Path) -> None:
    """`oxigraph serve --union-default-graph` answers `FROM <g>` from every graph."""
    with oxigraph_serve(tmp_path / "oxigraph", "--union-default-graph") as url:
        open_store(url).replace_graph(G1, _quads(1))  # an empty server cannot tell
        with pytest.raises(StoreError, match=r"ignores a query's FROM \(is it `oxigraph serve "
                                             r"--union-default-graph`\?\)"):
            open_store(url)


def test_a_server_without_a_sparql_endpoint_is_named(oxigraph_url: str) -> None:
    with pytest.raises(StoreError, match=r"^query failed: POST /nowhere/query on the store at "
                                         r"http://127\.0\.0\.1:\d+/nowhere answered 404"):
        open_store(oxigraph_url + "/nowhere")
