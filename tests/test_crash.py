"""A kill -9 during ingest leaves no article half written and the shared graph consistent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.service import KnowledgeGraph
from graph.settings import get_settings
from ingest.articles import read_articles

VNKG = "https://vnkg.org/ontology#"


def _corpus(samples: Path, path: Path, copies: int) -> None:
    """The samples again and again under new ids, as one JSON Lines file."""
    articles = [a for a in read_articles([samples]) if not isinstance(a, Exception)]
    with path.open("w", encoding="utf-8") as out:
        for k in range(copies):
            for a in articles:
                record = {"id": f"{a.id}-{k}", "title": a.title, "text": a.body}
                if a.published:
                    record["published"] = str(a.published)
                out.write(json.dumps(record, ensure_ascii=False))
                out.write("\n")


def _count(kg: KnowledgeGraph, query: str) -> int:
    return int(next(iter(kg.sparql(query)))["n"].value)


@pytest.mark.server
def test_kill_9_during_ingest_leaves_whole_articles(samples_dir, tmp_path):
    corpus, store = tmp_path / "corpus.jsonl", tmp_path / "store"
    _corpus(samples_dir, corpus, 60)
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "ingest", str(corpus), "--store", str(store),
         "--every", "16"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline, done = time.monotonic() + 300, 0
    while time.monotonic() < deadline and done < 140 and process.poll() is None:
        line = process.stderr.readline() if process.stderr else ""  # "ingest: N/300 articles"
        if line.startswith("ingest: "):
            done = int(line.split()[1].split("/")[0])
    os.kill(process.pid, signal.SIGKILL)  # two batches written, the third being made
    process.wait()
    kg = KnowledgeGraph(get_settings().model_copy(update={"store": store}), read_only=True)
    articles = [g for g in kg.store.named_graphs() if "/article/" in g]
    assert 0 < len(articles) < 300, "the kill came before the first batch or after the last"
    # every article graph present is whole: its node, its statements, a mention per entity
    for graph in articles:
        node = kg.sparql(f"ASK {{ GRAPH <{graph}> {{ <{graph}> a <{VNKG}Article> ; "
                         f"<{VNKG}contentHash> ?h }} }}")
        assert bool(node), graph
    # every mentioned entity is described, every shortcut edge is asserted by a statement
    undescribed = _count(kg, f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?m <{VNKG}mentionOf> "
                             f"?e FILTER NOT EXISTS {{ ?e <{VNKG}entityType> ?t }} }}")
    assert undescribed == 0
    edges = _count(kg, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{kg.base}/graph/entities> "
                       f"{{ ?s <{VNKG}workedWith> ?o }} }}")
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    asserted = _count(kg, f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ "
                          f"?st <{VNKG}relation> \"worked_with\" ; <{rdf}subject> ?s ; "
                          f"<{rdf}object> ?o }} }}")
    assert edges == asserted > 0
    kg.close()
    # and the batch goes on where it stopped: a second run writes the rest
    done = subprocess.run([sys.executable, "-m", "api.cli", "ingest", str(corpus), "--store",
                           str(store)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "failed 0" in done.stdout
