"""Shared fixtures: the bundled samples, a session pipeline and a session sample graph."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def nlp():
    """The full extraction pipeline, built once."""
    from ingest.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def sample_kg():
    """An in-memory knowledge graph holding the five sample articles (read-only for tests)."""
    from graph.service import KnowledgeGraph

    kg = KnowledgeGraph.in_memory()
    report = kg.ingest([SAMPLES])
    assert report.ok, report.errors
    return kg


@pytest.fixture(scope="session")
def fixture_kg():
    """An in-memory knowledge graph holding only tests/data/projection_fixture.trig: three
    hand-written articles after ontology/MODEL.md (exports, filters and analytics tests)."""
    from graph.service import KnowledgeGraph

    kg = KnowledgeGraph.in_memory()
    kg.store.clear()  # the fixture brings its own reference provinces
    kg.store.bulk_load(ROOT / "tests" / "data" / "projection_fixture.trig", "trig")
    return kg
