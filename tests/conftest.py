"""Shared fixtures: the bundled samples, a session pipeline and a session sample graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.remote_server import oxigraph_serve

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


@pytest.fixture(scope="session")
def vnkg_server(tmp_path_factory):
    """A real `vnkg serve` on a free loopback port over the samples (ingested into a fresh
    on-disk store by `vnkg ingest`, as the README's first command does); yields its base URL."""
    yield from serve_samples(tmp_path_factory)


def serve_samples(tmp_path_factory):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    store = tmp_path_factory.mktemp("served") / "store"
    cli = [sys.executable, "-m", "api.cli"]
    subprocess.run([*cli, "ingest", str(SAMPLES), "--store", str(store)], check=True,
                   capture_output=True, cwd=ROOT)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The log goes to a file: a pipe nobody reads fills up with the access log after a few
    # hundred requests, and the server then blocks on its next line.
    log = store.parent / "serve.log"
    server = subprocess.Popen([*cli, "serve", "--store", str(store), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=log.open("wb"))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/meta", timeout=2).read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("vnkg serve did not start: "
                                   + log.read_text(errors="replace")) from None
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(10)


@pytest.fixture
def oxigraph_url(tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty `oxigraph serve` for one test."""
    with oxigraph_serve(tmp_path / "oxigraph") as url:
        yield url


@pytest.fixture(scope="session")
def remote_sample_kg(tmp_path_factory):
    """A knowledge graph on a real `oxigraph serve` holding the five sample articles
    (read-only for tests), the remote twin of `sample_kg`."""
    from graph.service import KnowledgeGraph
    from graph.settings import Settings

    with oxigraph_serve(tmp_path_factory.mktemp("remote") / "oxigraph") as url:
        kg = KnowledgeGraph(Settings(store=url))
        report = kg.ingest([SAMPLES])
        assert report.ok, report.errors
        yield kg


@pytest.fixture(params=["embedded", "remote"])
def either_sample_kg(request: pytest.FixtureRequest):
    """The sample graph on each backend in turn: `sample_kg`, then `remote_sample_kg`."""
    return request.getfixturevalue("sample_kg" if request.param == "embedded"
                                   else "remote_sample_kg")
