"""Bad input at every door (issue 15): unsafe article ids, dataset IRIs that are not IRIs, bodies
over the limit, blank titles, and the CLI's one-line errors (an uncreatable output folder, a
locked store, a misspelt VNKG_ variable)."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.limits import WatchDisconnect
from graph.errors import BadArticle
from ingest.articles import Article, ArticleError, read_articles

ROOT = Path(__file__).resolve().parent.parent
TOKEN = {"X-API-Token": "s3cret"}
BAD_IDS = ["../../x", "/abs/path", "a b", ".", "..", "x/../../y", "tab\tid", "new\nline"]
ID_RULE = "is not an article id: use only letters, digits, '_', '.' and '-'"


def _why(article_id: str) -> str:
    if article_id in (".", ".."):
        return f"{article_id!r} is not an article id"
    return f"{article_id!r} {ID_RULE}"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    from graph.service import KnowledgeGraph
    from graph.settings import Settings

    settings = Settings(store=None, api_token="s3cret", max_body_mb=0.01)  # 10,485 bytes
    with TestClient(create_app(settings, kg=KnowledgeGraph.in_memory(settings))) as test_client:
        yield test_client


# -- article ids -------------------------------------------------------------------------------
def test_jsonl_ids_that_are_not_safe_are_reported_and_the_batch_goes_on(tmp_path):
    lines = [{"id": bad, "title": "T", "text": "B"} for bad in BAD_IDS]
    lines.append({"id": "good-1", "title": "T", "text": "B"})
    corpus = tmp_path / "batch.jsonl"
    corpus.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    items = list(read_articles([corpus]))
    errors = [str(i) for i in items if isinstance(i, ArticleError)]
    assert errors == [f"{corpus}:{n}: {_why(bad)}" for n, bad in enumerate(BAD_IDS, start=1)]
    assert [i.id for i in items if isinstance(i, Article)] == ["good-1"]


@pytest.mark.parametrize("bad", ["../../x", "/abs/path", "two words", ".."])
def test_a_front_matter_id_is_checked_too(tmp_path, bad):
    path = tmp_path / "fine.txt"
    path.write_text(f"---\nid: {bad}\n---\nTitle\n\nBody.", encoding="utf-8")
    assert [str(i) for i in read_articles([path])] == [f"{path}: {_why(bad)}"]


def test_a_file_stem_is_checked_too(tmp_path):
    path = tmp_path / "tin tức.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    assert [str(i) for i in read_articles([path])] == [f"{path}: {_why('tin tức')}"]


def test_the_service_refuses_an_unsafe_id_from_any_door():
    from graph.service import KnowledgeGraph

    kg = KnowledgeGraph.in_memory()
    with pytest.raises(BadArticle) as ingest:
        kg.ingest_article(Article(id="../x", title="T", body="B"))
    with pytest.raises(BadArticle) as delete:
        kg.delete_article("..")
    assert (ingest.value.message, delete.value.message) == (_why("../x"), _why(".."))
    assert (ingest.value.status, delete.value.status) == (422, 422)


@pytest.mark.parametrize("bad", BAD_IDS)
def test_post_articles_refuses_an_unsafe_id(client, bad):
    response = client.post("/api/articles", json={"id": bad, "title": "T", "text": "B"},
                           headers=TOKEN)
    assert response.status_code == 422
    assert [f["where"] for f in response.json()["fields"]] == ["body.id"]


def test_post_articles_refuses_a_title_of_spaces(client):
    response = client.post("/api/articles", json={"id": "a1", "title": "   ", "text": "B"},
                           headers=TOKEN)
    assert response.status_code == 422
    assert response.json() == {
        "error": "invalid_request", "message": "body.title: the title is empty (only spaces)",
        "fields": [{"where": "body.title", "problem": "the title is empty (only spaces)"}]}


def test_vnkg_extract_writes_nothing_outside_its_folder(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    lines = [{"id": bad, "title": "Tin", "text": "Nội dung."} for bad in BAD_IDS]
    lines.insert(3, {"id": "tin-1", "title": "Tin", "text": "Nội dung."})
    corpus = work / "batch.jsonl"
    corpus.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    result = _vnkg("extract", str(corpus), "-o", str(work / "out"), cwd=work)
    assert result.returncode == 1
    numbers = [n if n < 4 else n + 1 for n in range(1, len(BAD_IDS) + 1)]
    assert result.stderr.splitlines() == [
        f"skipped {corpus}:{n}: {_why(bad)}" for n, bad in zip(numbers, BAD_IDS, strict=True)]
    assert result.stdout == f"wrote 1 facts file(s) to {work / 'out'}; 8 skipped\n"
    after = sorted(str(p) for p in tmp_path.rglob("*"))
    assert sorted(set(after) - set(before)) == [str(work / "out"), str(work / "out/tin-1.json")]
    assert not Path("/abs/path.json").exists()


# -- the dataset of a SPARQL request -----------------------------------------------------------
@pytest.mark.parametrize("send", [
    lambda c, p: c.get("/sparql", params={"query": "ASK {}", p: "not an iri"}),
    lambda c, p: c.post("/sparql", data={"query": "ASK {}", p: "not an iri"}),
    lambda c, p: c.post(f"/sparql?{p}=not%20an%20iri", content="ASK {}",
                        headers={"Content-Type": "application/sparql-query"}),
], ids=["get", "post-form", "post-direct"])
@pytest.mark.parametrize("parameter", ["default-graph-uri", "named-graph-uri"])
def test_a_dataset_iri_that_is_not_an_iri_is_400(client, send, parameter):
    response = send(client, parameter)
    assert response.status_code == 400
    assert response.json() == {
        "error": "bad_query",
        "message": f"{parameter} must be an absolute IRI, got 'not an iri' "
                   f"(Invalid IRI code point ' ')"}


def test_a_relative_dataset_iri_is_400(client):
    response = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "g1"})
    assert response.status_code == 400
    assert response.json()["message"] == (
        "default-graph-uri must be an absolute IRI, got 'g1' (No scheme found in an absolute IRI)")


# -- request bodies ---------------------------------------------------------------------------
TOO_LARGE = {"error": "body_too_large", "message": "the request body is larger than the limit "
                                                   "of 0.01 MB (the max_body_mb setting)"}
SPARQL = {"Content-Type": "application/sparql-query"}


def _query_of(size: int) -> bytes:
    head = b"ASK {} #"
    return head + b"x" * (size - len(head))


def test_a_body_at_the_limit_is_read(client):
    limit = int(0.01 * 2**20)
    response = client.post("/sparql", content=_query_of(limit), headers=SPARQL)
    assert response.status_code == 200
    assert response.json()["boolean"] is True


@pytest.mark.parametrize("send", [
    lambda c, body: c.post("/sparql", content=body, headers=SPARQL),
    lambda c, body: c.post("/sparql", content=iter([body[:4000], body[4000:]]), headers=SPARQL),
    lambda c, body: c.post("/sparql", data={"query": body.decode()}),
    lambda c, body: c.post("/api/articles", headers={**TOKEN, "Content-Type": "application/json"},
                           content=json.dumps({"id": "a", "title": "t",
                                               "text": body.decode()}).encode()),
    lambda c, body: c.post("/api/articles", headers={**TOKEN, "Content-Type": "application/json"},
                           content=iter([json.dumps({"id": "a", "title": "t",
                                                     "text": body.decode()}).encode()])),
], ids=["sparql-query", "sparql-query-chunked", "form", "articles", "articles-chunked"])
def test_a_body_over_the_limit_is_413(client, send):
    response = send(client, _query_of(int(0.01 * 2**20) + 1))
    assert response.status_code == 413
    assert response.json() == TOO_LARGE


def _run_asgi(declared: int | None, chunks: list[bytes], limit_mb: float) -> tuple[int, int, bool]:
    """(status, messages the middleware took from the client, whether the app ran)."""
    ran, taken, sent = [False], [0], []

    async def app(scope, receive, send):
        ran[0] = True
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    async def receive():
        taken[0] += 1
        if taken[0] <= len(chunks):
            return {"type": "http.request", "body": chunks[taken[0] - 1],
                    "more_body": taken[0] < len(chunks)}
        await asyncio.sleep(3600)

    async def send(message):
        sent.append(message)

    headers = [(b"content-length", str(declared).encode())] if declared is not None else []
    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers}
    from graph.errors import VnkgError

    async def guarded(scope, receive, send):
        try:
            await app(scope, receive, send)
        except VnkgError as err:
            await send({"type": "http.response.start", "status": err.status, "headers": []})
            await send({"type": "http.response.body", "body": b""})

    asyncio.run(WatchDisconnect(guarded, max_body_mb=limit_mb)(scope, receive, send))
    return sent[0]["status"], taken[0], ran[0]


def test_a_declared_length_over_the_limit_is_refused_before_any_byte_is_read():
    assert _run_asgi(declared=2**20 + 1, chunks=[b"x" * 2**19] * 3, limit_mb=1) == (413, 0, False)


def test_a_chunked_body_is_refused_at_the_chunk_that_passes_the_limit():
    status, taken, ran = _run_asgi(declared=None, chunks=[b"x" * 2**18] * 100, limit_mb=0.5)
    assert (status, taken, ran) == (413, 3, True)  # 1/4, 1/2, 3/4 MB: the rest is never read


def test_the_limit_is_a_setting(monkeypatch):
    from graph.settings import Settings

    assert Settings().max_body_mb == 2
    monkeypatch.setenv("VNKG_MAX_BODY_MB", "5")
    assert Settings().max_body_mb == 5


# -- the CLI's one-line errors ----------------------------------------------------------------
def _vnkg(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
          ) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("VNKG_")}
    environment["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=cwd, text=True,
                          capture_output=True, env={**environment, **(env or {})}, timeout=120)


def test_extract_into_an_uncreatable_folder_is_one_line_and_exit_2(samples_dir):
    result = _vnkg("extract", str(next(samples_dir.glob("*.txt"))), "-o", "/proc/uncreatable")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("vnkg: cannot create the output folder /proc/uncreatable: "
                             "No such file or directory\n")


def test_serve_on_a_locked_store_is_one_line_and_exit_2(tmp_path):
    from graph.store import GraphStore

    store = tmp_path / "store"
    holder = GraphStore(store)  # this process holds the store, as a running ingest would
    assert holder.path == store
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    try:
        result = _vnkg("serve", "--store", str(store), "--port", str(port))
    finally:
        del holder
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"vnkg: the store at {store} is in use by another process (a running `vnkg serve` or "
        f"`vnkg ingest`?): stop it first; `vnkg query`, `export` and `stats` can read it "
        f"meanwhile\n")


def test_a_misspelt_setting_is_one_line_listing_the_known_ones():
    result = _vnkg("stats", env={"VNKG_STROE": "var/store"})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "vnkg: unknown setting(s) VNKG_STROE; the known ones are VNKG_API_TOKEN, "
        "VNKG_BASE_IRI, VNKG_CORS_ORIGINS, VNKG_HOST, VNKG_MAX_BODY_MB, VNKG_PORT, "
        "VNKG_QUERY_DIR, VNKG_QUERY_TIMEOUT, VNKG_QUERY_WORKERS, VNKG_ROW_LIMIT, VNKG_SAMPLES, "
        "VNKG_STORE, VNKG_WORKERS_MEMORY_MB, VNKG_WORKER_MEMORY_MB\n")


def test_a_bad_setting_value_is_one_line():
    result = _vnkg("serve", env={"VNKG_PORT": "eighty"})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("vnkg: bad setting port (VNKG_PORT): Input should be a valid "
                             "integer, unable to parse string as an integer\n")
