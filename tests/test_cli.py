"""Smoke tests of every `vnkg` command on the bundled samples, run in-process with typer."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from api.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("store") / "store"
    result = runner.invoke(app, ["ingest", str(samples_dir), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "ingested 5" in result.output
    return path


@pytest.mark.parametrize("command", ["extract", "ingest", "delete", "serve", "query", "export",
                                     "stats", "worked-with"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_extract_writes_one_facts_file_per_article(tmp_path: Path, samples_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(samples_dir / "*.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    files = sorted(tmp_path.glob("*.json"))
    assert [f.stem for f in files] == sorted(p.stem for p in samples_dir.glob("*.txt"))
    for file in files:
        record = json.loads(file.read_text(encoding="utf-8"))
        assert record["article"] == file.stem
        ids = {e["id"] for e in record["entities"]}
        assert all(f["subject"] in ids and f["object"] in ids for f in record["facts"])


def test_extract_skips_a_bad_file_and_exits_1(tmp_path: Path, samples_dir: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(bad), str(samples_dir / "001_*.txt"),
                                 "-o", str(out)])
    assert result.exit_code == 1
    assert "broken.txt" in result.output
    assert [p.stem for p in out.glob("*.json")] == ["001_13c4237007baa4d9"]


def test_ingest_is_idempotent_and_reports_unchanged(store: Path, samples_dir: Path) -> None:
    result = runner.invoke(app, ["ingest", str(samples_dir), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "unchanged 5" in result.output


def test_ingest_with_a_bad_file_keeps_the_rest(tmp_path: Path, samples_dir: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    path = tmp_path / "s"
    result = runner.invoke(app, ["ingest", str(bad), str(samples_dir / "004_*.txt"),
                                 "--store", str(path)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "ingested 1" in result.output


def test_query_named_and_file(store: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "articles", "--store", str(store), "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 5
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", encoding="utf-8")
    result = runner.invoke(app, ["query", str(rq), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "(1 row)" in result.output


def test_unknown_query_lists_the_known_ones(store: Path) -> None:
    result = runner.invoke(app, ["query", "no_such_query", "--store", str(store)])
    assert result.exit_code == 2
    assert "known:" in result.output and "articles" in result.output


def test_worked_with_prints_each_host_once_in_date_order(store: Path) -> None:
    result = runner.invoke(app, ["worked-with", "Nguyễn Hồng Diên", "--from", "2024-08",
                                 "--to", "2024-08", "--limit", "5", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert [line.rstrip() for line in result.output.splitlines()] == [
        "host         type      dates                  articles",
        "Bình Định    PROVINCE  2024-08-07/2024-08-09  000_f580f7af15c600dc",
        "Kon Tum      PROVINCE  2024-08-07/2024-08-09  000_f580f7af15c600dc",
        "Quảng Ngãi   PROVINCE  2024-08-07/2024-08-09  000_f580f7af15c600dc",
        "Bắc Kạn      PROVINCE  2024-08-15             000_f580f7af15c600dc",
        "Thái Nguyên  PROVINCE  2024-08-15             000_f580f7af15c600dc, "
        "002_d1b7fc9568cbba03",
        "(5 rows)",
        "(more: --offset 5)"]


@pytest.mark.parametrize(("args", "message"), [
    (["Trần Văn Khải"], "vnkg: no entity named 'Trần Văn Khải' in the graph"),
    (["nguyen-hong-dien", "--from", "2024-09", "--to", "2024-08"],
     "vnkg: the date window is empty: 2024-09-01 is after 2024-08-31"),
    (["nguyen-hong-dien", "--from", "30/8/2024"],
     "vnkg: not a date: '30/8/2024' (use YYYY-MM-DD, YYYY-MM or YYYY)"),
], ids=["unknown-official", "empty-window", "bad-date"])
def test_worked_with_says_what_is_wrong(store: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["worked-with", *args, "--store", str(store)])
    assert (result.exit_code, result.output.strip()) == (2, message)


def test_export_nquads_and_stats(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "dump.nq"
    result = runner.invoke(app, ["export", "nquads", "-o", str(out), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    result = runner.invoke(app, ["stats", "--json", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["articles"] == 5


def test_delete_removes_the_article_graph(tmp_path: Path, samples_dir: Path) -> None:
    path = tmp_path / "s"
    assert runner.invoke(app, ["ingest", str(samples_dir), "--store", str(path)]).exit_code == 0
    result = runner.invoke(app, ["delete", "004_11dab7304efda9ba", "--store", str(path)])
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["query", "articles", "--store", str(path),
                                          "-f", "json"]).output)
    assert "004_11dab7304efda9ba" not in {r["id"] for r in rows}
    again = runner.invoke(app, ["delete", "004_11dab7304efda9ba", "--store", str(path)])
    assert again.exit_code == 2 and "no article" in again.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.server
@pytest.mark.parametrize("access_log", [False, True], ids=["quiet", "access-log"])
def test_serve_answers_a_select_over_the_sample_graph(store: Path, access_log: bool) -> None:
    """... and logs a line per request only when asked (`--access-log`)."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VNKG_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--store", str(store), "--port", str(port),
         *(["--access-log"] if access_log else [])],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a ?t } }"
        for _ in range(150):
            try:
                response = httpx.get(url, params={"query": query}, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                time.sleep(0.1)
        else:
            pytest.fail("vnkg serve did not answer")
        assert response.status_code == 200
        count = int(response.json()["results"]["bindings"][0]["n"]["value"])
        assert count >= 5
        assert httpx.get(f"http://127.0.0.1:{port}/docs", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    logged = [line for line in proc.stdout.read().decode().splitlines() if '"GET /' in line]
    assert [line.split('"')[1].split("?")[0].split(" HTTP")[0] for line in logged] == (
        ["GET /sparql", "GET /docs"] if access_log else [])


def test_read_commands_work_while_another_process_holds_the_store(store: Path) -> None:
    from graph.store import GraphStore

    writer = GraphStore(store)  # what `vnkg serve` holds while it runs
    try:
        result = runner.invoke(app, ["query", "articles", "--store", str(store), "-f", "json"])
        assert result.exit_code == 0, result.output
        assert len(json.loads(result.output)) == 5
        result = runner.invoke(app, ["stats", "--json", "--store", str(store)])
        assert result.exit_code == 0, result.output
    finally:
        del writer


def test_read_commands_on_a_missing_store_say_to_ingest_first(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "articles", "--store", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "run `vnkg ingest" in result.output
