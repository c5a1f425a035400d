"""A writer fed by other processes commits each batch in a thread while it resolves the next
(graph/shared.py): what it writes is what a writer that waits for each batch writes, the
batch in flight answers resolution until it is stored, and a failed commit stops the load
with every earlier batch stored whole."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

import graph.service
from graph.errors import StoreError
from graph.service import KnowledgeGraph
from ingest.facts import ArticleFacts, Entity, Fact, Mention

VNKG = "https://vnkg.org/ontology#"
PERSON = "Hà Văn Tùng"
LAI_CHAU = "UBND tỉnh Lai Châu"
CA_MAU = "UBND tỉnh Cà Mau"


def _facts(aid: str, body: str) -> ArticleFacts:
    """An article in which Hà Văn Tùng is Chủ tịch of `body`."""
    return ArticleFacts(
        article=aid, title=f"Chủ tịch {body}", published="2024-08-20",
        content_hash=f"sha256:{aid}",
        entities=[Entity(id="e0", type="PERSON", name=PERSON,
                         mentions=[Mention(text=PERSON, start=0, end=len(PERSON))]),
                  Entity(id="e1", type="ORGANIZATION", name=body,
                         mentions=[Mention(text=body, start=0, end=len(body))])],
        facts=[Fact(relation="holds_position", subject="e0", object="e1", role="Chủ tịch",
                    date="2024-08-20")])


@pytest.fixture
def facts_dir(tmp_path: Path) -> Path:
    """Three facts files: Tùng of Lai Châu, a namesake of Cà Mau, Tùng of Lai Châu again."""
    out = tmp_path / "facts"
    out.mkdir()
    for aid, body in (("h1", LAI_CHAU), ("h2", CA_MAU), ("h3", LAI_CHAU)):
        (out / f"{aid}.json").write_text(_facts(aid, body).model_dump_json(), encoding="utf-8")
    return out


def _slow_commits(kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch, *,
                  fail_at: int | None = None) -> list[str]:
    """Make each `extend` take 0.3 s (so the next article is resolved while it runs), or
    fail at call `fail_at`; returns the names of the threads that ran them."""
    real = kg.store.extend
    threads: list[str] = []

    def extend(quads):
        threads.append(threading.current_thread().name)
        time.sleep(0.3)
        if len(threads) == fail_at:
            raise StoreError("disk full")
        real(quads)

    monkeypatch.setattr(kg.store, "extend", extend)
    return threads


def _lines(kg: KnowledgeGraph) -> list[str]:
    return sorted(line for line in kg.store.dump("nquads").decode().splitlines()
                  if "generatedAtTime" not in line)


def _posts(kg: KnowledgeGraph) -> list[tuple[str, str]]:
    rows = kg.sparql(f"""SELECT ?person ?body WHERE {{
        ?person <{VNKG}holdsPosition> ?body }} ORDER BY ?person""")
    base = f"{kg.base}/"
    return [(r["person"].value.removeprefix(base), r["body"].value.removeprefix(base))
            for r in rows]


def test_the_batch_in_flight_answers_resolution(facts_dir, monkeypatch):
    """One article a batch, each commit slow: the namesake of Cà Mau is told apart from the
    Lai Châu man still being written, and the third article finds him."""
    monkeypatch.setattr(graph.service, "BATCH", 1)
    kg = KnowledgeGraph.in_memory()
    threads = _slow_commits(kg, monkeypatch)
    report = kg.load([facts_dir])
    assert (report.ingested, report.errors) == (["h1", "h2", "h3"], [])
    assert threads == ["vnkg-commit"] * 3
    assert _posts(kg) == [("person/ha-van-tung", "org/ubnd-tinh-lai-chau"),
                          ("person/ha-van-tung-2", "org/ubnd-tinh-ca-mau")]
    waited = KnowledgeGraph.in_memory()
    for name in ("h1", "h2", "h3"):  # one load each: every batch stored before the next
        waited.load([facts_dir / f"{name}.json"])
    assert _lines(kg) == _lines(waited)


def test_a_failed_commit_stops_the_load_with_the_earlier_batches_whole(facts_dir, monkeypatch):
    monkeypatch.setattr(graph.service, "BATCH", 1)
    kg = KnowledgeGraph.in_memory()
    _slow_commits(kg, monkeypatch, fail_at=2)
    with pytest.raises(StoreError, match="disk full"):
        kg.load([facts_dir])
    graphs = kg.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert [r["g"].value.removeprefix(f"{kg.base}/") for r in graphs] == [
        "article/h1", "graph/entities", "graph/reference"]
