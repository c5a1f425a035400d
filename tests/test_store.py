"""The store round trip, on the in-memory and the on-disk backend alike."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import BadQuery
from graph.store import GraphStore

G1 = "https://vnkg.org/id/article/a1"
P = ox.NamedNode("https://vnkg.org/ontology#label")


def _quads(n: int, text: str = "Lào Cai") -> list[ox.Quad]:
    return [ox.Quad(ox.NamedNode(f"https://vnkg.org/id/x/{i}"), P,
                    ox.Literal(f"{text} {i}", language="vi")) for i in range(n)]


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> GraphStore:
    return GraphStore(None if request.param == "memory" else tmp_path / "store")


def test_replace_graph_round_trip(store: GraphStore) -> None:
    store.replace_graph(G1, _quads(3))
    assert len(store) == 3
    assert store.named_graphs() == [G1]
    rows = store.select("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")
    assert [r["o"] for r in rows] == ["Lào Cai 0", "Lào Cai 1", "Lào Cai 2"]


def test_replacing_a_graph_leaves_no_duplicates(store: GraphStore) -> None:
    store.replace_graph(G1, _quads(3))
    before = store.dump("nquads")
    store.replace_graph(G1, _quads(3))
    assert store.dump("nquads") == before
    store.replace_graph(G1, _quads(1, "Hà Nội"))
    assert [q.object.value for q in store.quads(G1)] == ["Hà Nội 0"]


def test_substitutions_bind_terms_not_text(store: GraphStore) -> None:
    store.replace_graph(G1, _quads(2))
    rows = store.select("SELECT ?s WHERE { ?s ?p ?o }",
                        {"o": ox.Literal("Lào Cai 1", language="vi")})
    assert [r["s"] for r in rows] == ["https://vnkg.org/id/x/1"]
    hostile = 'x" } ; DROP ALL ; SELECT * { "'
    assert store.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": hostile}) == []
    assert len(store) == 2


def test_delete_graph(store: GraphStore) -> None:
    store.replace_graph(G1, _quads(2))
    assert store.delete_graph(G1) is True
    assert store.delete_graph(G1) is False
    assert len(store) == 0


def test_bad_query_is_a_bad_query_error(store: GraphStore) -> None:
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
