"""The service keeps a batch going when the extractor fails on one article."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph.parallel as parallel
from graph.errors import BadQuery, NotFound
from graph.service import KnowledgeGraph


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(f"Tin {name}\n\n{body}\n", encoding="utf-8")
    return path


def test_an_article_the_extractor_fails_on_is_reported_and_the_rest_ingested(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_extract = parallel.extract

    def flaky(articles):
        for facts in real_extract(articles):
            if facts.article == "b":
                raise RuntimeError("component crashed")
            yield facts

    monkeypatch.setattr(parallel, "extract", flaky)
    for name in ("a", "b", "c"):
        _write(tmp_path, name, "Sáng 3/9/2024, Bộ trưởng Bộ Xây dựng làm việc với tỉnh Hà Tĩnh.")
    kg = KnowledgeGraph.in_memory()
    report = kg.ingest([tmp_path])
    assert report.ingested == ["a", "c"]
    assert len(report.errors) == 1
    assert "b.txt" in report.errors[0] and "component crashed" in report.errors[0]
    assert sorted(r["id"] for r in kg.query("articles")) == ["a", "c"]


@pytest.mark.parametrize(("params", "message"), [
    ({"official": "mailto:x y"}, "'mailto:x y' is not a valid iri"),
    ({"official": "https://vnkg.org/id/person/x", "from": "30/8/2024"},
     r"not a date: '30/8/2024' \(use YYYY-MM-DD, YYYY-MM or YYYY\)"),
], ids=["bad-iri", "bad-date"])
def test_malformed_parameters_are_bad_queries(params: dict, message: str) -> None:
    with pytest.raises(BadQuery, match=message):
        KnowledgeGraph.in_memory().query("official_worked_with", params)


def test_an_iri_parameter_that_is_a_name_nobody_has_is_not_found() -> None:
    with pytest.raises(NotFound, match=r"^no entity named 'not an iri' in the graph$"):
        KnowledgeGraph.in_memory().query("official_worked_with", {"official": "not an iri"})
