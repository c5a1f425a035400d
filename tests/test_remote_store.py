"""`vnkg` on a remote store (`--store http://...`, graph/remote.py): the CLI and the server work
as they do on a store folder, against a real `oxigraph serve`."""

from __future__ import annotations

import gc
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app
from graph.settings import Settings
from tests.remote_server import oxigraph_serve

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
WORKED_WITH = "/api/officials/nguyen-hong-dien/worked-with?from=2024-08-01&to=2024-08-31"
PROVINCES = ["Bình Định", "Kon Tum", "Quảng Ngãi", "Bắc Kạn", "Thái Nguyên", "Lào Cai"]


def _vnkg(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    gc.collect()  # a CLI's store handle must be gone before the next command opens the folder
    return result.output


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> str:
    """The samples ingested into a store folder: what the remote store must match."""
    path = str(tmp_path_factory.mktemp("folder") / "store")
    _vnkg("ingest", str(samples_dir), "--store", path)
    return path


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Iterator[str]:
    """A real `oxigraph serve` holding the samples, ingested by `vnkg ingest --store URL`; it
    stops its own queries after 5 s (the runaway test's, once vnkg has given up on it)."""
    folder = tmp_path_factory.mktemp("remote") / "oxigraph"
    with oxigraph_serve(folder, "--timeout-s", "5") as url:
        output = _vnkg("ingest", str(samples_dir), "--store", url)
        assert output.endswith(f"ingested 5, unchanged 0, failed 0 into {url}\n")
        yield url


def _nquads(store: str, tmp_path: Path) -> list[str]:
    """`vnkg export nquads` of a store, sorted, ingest times aside."""
    out = tmp_path / f"{abs(hash(store))}.nq"
    _vnkg("export", "nquads", "-o", str(out), "--store", store)
    return sorted(line for line in out.read_text(encoding="utf-8").splitlines()
                  if "generatedAtTime" not in line)


def test_query_export_and_stats_read_a_remote_store_as_a_folder(folder: str, remote: str,
                                                                tmp_path: Path) -> None:
    assert _nquads(remote, tmp_path) == _nquads(folder, tmp_path)
    for args in (["query", "articles", "-f", "json"], ["stats", "--json"],
                 ["query", "official_worked_with", "-f", "json", "-p",
                  "official=https://vnkg.org/id/person/nguyen-hong-dien"]):
        assert json.loads(_vnkg(*args, "--store", remote)) == \
            json.loads(_vnkg(*args, "--store", folder)), args


def test_ingest_again_and_delete_on_a_remote_store(tmp_path: Path, samples_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with oxigraph_serve(tmp_path / "oxigraph") as url:
        monkeypatch.setenv("VNKG_STORE", url)  # the setting, not the flag
        _vnkg("ingest", str(samples_dir))
        again = _vnkg("ingest", str(samples_dir))
        assert again.endswith(f"ingested 0, unchanged 5, failed 0 into {url}\n")
        assert _vnkg("delete", "000_f580f7af15c600dc") == "deleted 000_f580f7af15c600dc\n"
        ids = [row["article"].rsplit("/", 1)[1]
               for row in json.loads(_vnkg("query", "articles", "-f", "json"))]
        assert sorted(ids) == sorted(p.stem for p in samples_dir.glob("*.txt"))[1:]


def test_extract_then_load_into_a_remote_store(folder: str, tmp_path: Path,
                                               samples_dir: Path) -> None:
    _vnkg("extract", str(samples_dir), "-o", str(tmp_path / "facts"))
    with oxigraph_serve(tmp_path / "oxigraph") as url:
        output = _vnkg("load", str(tmp_path / "facts"), "--store", url)
        assert output.endswith(f"loaded 5, unchanged 0, failed 0 into {url}\n")
        assert _nquads(url, tmp_path) == _nquads(folder, tmp_path)


def test_the_store_setting_keeps_a_url_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings(store="https://kg.example.org:7878/").store == "https://kg.example.org:7878/"
    assert Settings(store="var/store").store == Path("var/store")
    monkeypatch.setenv("VNKG_STORE", "http://127.0.0.1:7878")
    assert Settings().store == "http://127.0.0.1:7878"


def test_an_unreachable_remote_store_is_one_line() -> None:
    result = runner.invoke(app, ["query", "articles", "--store", "http://127.0.0.1:9"])
    assert result.exit_code == 2
    assert result.output.startswith("vnkg: cannot reach the store at http://127.0.0.1:9: ")
    assert len(result.output.splitlines()) == 1


ARTICLES = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://vnkg.org/ontology#Article> }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_runaway_query_on_a_remote_store_is_stopped_at_the_time_limit(remote: str) -> None:
    """The query workers send it over HTTP and are killed at the deadline, as on a folder."""
    settings = Settings(store=remote, query_timeout=3.0, query_workers=2)
    with TestClient(create_app(settings)) as client:
        outcome: dict = {}
        runaway = threading.Thread(target=lambda: outcome.update(
            response=client.get("/sparql", params={"query": RUNAWAY})))
        runaway.start()
        time.sleep(0.5)  # let the runaway query reach its worker
        meanwhile = client.get(WORKED_WITH)
        runaway.join(60)
        assert [item["host"]["label"] for item in meanwhile.json()["items"]] == PROVINCES
        assert outcome["response"].status_code == 503
        assert outcome["response"].json()["error"] == "query_timeout"
        assert client.app.state.query_runner.killed == 1


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_vnkg_serve_on_a_remote_store(tmp_path: Path, samples_dir: Path) -> None:
    """`vnkg serve --store http://...`: an article written over the API is in the next lookup
    (the query workers read the server's live data: article 000 names all six provinces) and
    in SPARQL."""
    from ingest.articles import read_articles

    [article] = read_articles([str(samples_dir / "000_f580f7af15c600dc.txt")])
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with oxigraph_serve(tmp_path / "oxigraph") as remote:
        server = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--store", remote, "--port", str(port)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env={**os.environ, "VNKG_API_TOKEN": "secret"})
        try:
            _wait_for(url, server)
            posted = httpx.post(f"{url}/api/articles", headers={"X-API-Token": "secret"},
                                json={"id": article.id, "title": article.title,
                                      "text": article.body, "url": article.url}, timeout=60)
            assert posted.status_code == 201, posted.text
            answer = httpx.get(url + WORKED_WITH, timeout=30).json()
            assert [item["host"]["label"] for item in answer["items"]] == PROVINCES
            count = httpx.post(f"{url}/sparql", timeout=30, data={"query": ARTICLES})
            assert count.json()["results"]["bindings"][0]["n"]["value"] == "1"
        finally:
            server.terminate()
            out, _ = server.communicate(timeout=10)
    assert out.startswith(f"vnkg serving {remote} at {url}/")


def _wait_for(url: str, server: subprocess.Popen) -> None:
    """Until `vnkg serve` answers (it fails the test if the process ends or a minute passes)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{url}/api/meta", timeout=30)
            return
        except httpx.TransportError:
            assert server.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
