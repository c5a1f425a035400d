"""`vnkg extract` then `vnkg load` (issue 14): facts extracted anywhere give the store that
`vnkg ingest` gives, and a bad facts file is reported while the rest load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app as cli
from graph.service import KnowledgeGraph
from graph.settings import Settings


def _lines(kg: KnowledgeGraph) -> list[str]:
    """The store's N-Quads, sorted, ingest times aside."""
    return sorted(line for line in kg.store.dump("nquads").decode().splitlines()
                  if "generatedAtTime" not in line)


@pytest.fixture(scope="module")
def facts_dir(samples_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("facts")
    result = CliRunner().invoke(cli, ["extract", str(samples_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_extract_then_load_gives_the_store_ingest_gives(samples_dir, facts_dir):
    ingested = KnowledgeGraph.in_memory()
    ingested.ingest([samples_dir])
    loaded = KnowledgeGraph.in_memory()
    report = loaded.load([facts_dir])
    assert (len(report.ingested), report.errors) == (5, [])
    assert _lines(loaded) == _lines(ingested)


def test_loading_again_leaves_the_articles_unchanged(facts_dir):
    kg = KnowledgeGraph.in_memory()
    kg.load([facts_dir])
    before = _lines(kg)
    report = kg.load([facts_dir])
    assert (len(report.ingested), len(report.unchanged)) == (0, 5)
    assert _lines(kg) == before


def test_a_bad_facts_file_is_reported_and_the_rest_load(facts_dir, tmp_path):
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for path in sorted(facts_dir.glob("*.json"))[:2]:
        (mixed / path.name).write_bytes(path.read_bytes())
    (mixed / "broken.json").write_text("{not json", encoding="utf-8")
    old = json.loads(sorted(facts_dir.glob("*.json"))[2].read_text("utf-8"))
    del old["content_hash"]
    (mixed / "old.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    escaping = dict(old, article="../x", content_hash="sha256:00")
    (mixed / "escaping.json").write_text(json.dumps(escaping), encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["load", str(mixed), "--store", str(store)])
    assert result.exit_code == 1
    skipped = sorted(line for line in result.output.splitlines() if line.startswith("skipped"))
    assert [line.split(": ", 1)[1].split(" (")[0] for line in skipped] == [
        "not a facts file of vnkg extract",
        "'../x' is not an article id: use only letters, digits, '_', '.' and '-'",
        "no content_hash: extract it again with this vnkg"]
    assert f"loaded 2, unchanged 0, failed 3 into {store}" in result.output
    kg = KnowledgeGraph(Settings(store=store), read_only=True)
    assert sorted(r["id"] for r in kg.query("articles")) == sorted(
        p.stem for p in sorted(facts_dir.glob("*.json"))[:2])
