"""The two doors, `vnkg` and the HTTP API, answer from the same service: same rows, on a store
folder and on a remote store (`oxigraph serve`)."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from graph.settings import Settings
from tests.remote_server import oxigraph_serve

OFFICIAL = "https://vnkg.org/id/person/nguyen-hong-dien"
runner = CliRunner()


@pytest.fixture(scope="module", params=["disk", "remote"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          samples_dir: Path) -> Iterator[str]:
    """The samples ingested by `vnkg ingest` into a store folder, or into a real `oxigraph
    serve` (`--store http://...`); yields the --store value."""
    folder = tmp_path_factory.mktemp("doors")
    with ExitStack() as stack:
        location = str(folder / "store") if request.param == "disk" else \
            stack.enter_context(oxigraph_serve(folder / "oxigraph"))
        result = runner.invoke(cli, ["ingest", str(samples_dir), "--store", location])
        assert result.exit_code == 0, result.output
        gc.collect()  # the CLI's store handle must be gone before the app opens the folder
        yield location


@pytest.fixture(scope="module")
def client(store: str) -> Iterator[TestClient]:
    """One app per store: the app holds a store folder for writing while it runs."""
    with TestClient(create_app(Settings(store=store))) as test_client:
        yield test_client
    gc.collect()


def _cli_rows(store: str, *args: str) -> list[dict]:
    result = runner.invoke(cli, ["query", *args, "--store", store, "-f", "json"])
    assert result.exit_code == 0, result.output
    gc.collect()
    return json.loads(result.output)


def test_cli_query_and_rest_lookup_name_the_same_provinces_and_dates(
        store: str, client: TestClient) -> None:
    rows = _cli_rows(store, "official_worked_with", "-p", f"official={OFFICIAL}",
                     "-p", "from=2024-08-01", "-p", "to=2024-08-31")
    from_cli = {(r["hostLabel"], r["dateText"]) for r in rows}
    answer = client.get("/api/officials/nguyen-hong-dien/worked-with",
                        params={"from": "2024-08-01", "to": "2024-08-31"}).json()
    named = client.get("/api/queries/official_worked_with/results",
                       params={"official": OFFICIAL, "from": "2024-08-01",
                               "to": "2024-08-31"}).json()
    from_rest = {(item["host"]["label"], date) for item in answer["items"]
                 for date in item["dates"]}
    assert from_cli == from_rest == {
        ("Lào Cai", "2024-08-30"), ("Thái Nguyên", "2024-08-15"), ("Bắc Kạn", "2024-08-15"),
        ("Kon Tum", "2024-08-07/2024-08-09"), ("Quảng Ngãi", "2024-08-07/2024-08-09"),
        ("Bình Định", "2024-08-07/2024-08-09"),
    }
    bindings = named["results"]["bindings"]
    assert sorted((b["hostLabel"]["value"], b["dateText"]["value"], b["article"]["value"])
                  for b in bindings) == sorted((r["hostLabel"], r["dateText"], r["article"])
                                               for r in rows)


def test_vnkg_worked_with_and_the_rest_lookup_give_the_same_hosts(
        store: str, client: TestClient) -> None:
    result = runner.invoke(cli, ["worked-with", "Nguyễn Hồng Diên", "--from", "2024-08",
                                 "--to", "2024-08", "--limit", "4", "--store", store, "-f",
                                 "json"])
    assert result.exit_code == 0, result.output
    from_cli = json.loads(result.output)
    gc.collect()
    answer = client.get("/api/officials/nguyen-hong-dien/worked-with",
                        params={"from": "2024-08", "to": "2024-08", "limit": 4}).json()
    assert [(h["host"], h["hostLabel"], h["hostType"], h["dates"], h["start"], h["end"],
             h["articles"]) for h in from_cli["items"]] == [
        (w["host"]["iri"], w["host"]["label"], w["host"]["type"], w["dates"], w["start"],
         w["end"], w["articles"]) for w in answer["items"]]
    assert [w["host"]["label"] for w in answer["items"]] == [
        "Bình Định", "Kon Tum", "Quảng Ngãi", "Bắc Kạn"]
    assert (from_cli["more"], answer["next"]) == (True, 4)


MISSION = "Bộ trưởng Nguyễn Hồng Diên làm việc với những tỉnh nào trong tháng 8/2024?"


def _ask_rows(answer: dict) -> list[tuple]:
    return [(r["entity"]["iri"], r["entity"]["label"], r["date"], r["article"], r["evidence"])
            for r in answer["rows"]]


def test_vnkg_ask_api_ask_and_the_service_agree_with_the_worked_with_lookup(
        store: str, client: TestClient) -> None:
    from ingest.text import fold

    result = runner.invoke(cli, ["ask", MISSION, "--store", store, "-f", "json"])
    assert result.exit_code == 0, result.output
    from_cli = json.loads(result.output)
    gc.collect()
    lookup = _cli_rows(store, "official_worked_with", "-p", "official=Nguyễn Hồng Diên",
                       "-p", "from=2024-08", "-p", "to=2024-08")
    from_rest = client.get("/api/ask", params={"q": MISSION}).json()
    folded = client.get("/api/ask", params={"q": fold(MISSION)}).json()
    rest_lookup = client.get("/api/officials/nguyen-hong-dien/worked-with",
                             params={"from": "2024-08", "to": "2024-08"}).json()
    from_service = client.app.state.kg.ask(MISSION)  # the service object the app wraps
    assert _ask_rows(from_cli) == _ask_rows(from_rest) == _ask_rows(folded) == \
        _ask_rows(from_service)
    assert from_cli["query"] == from_rest["query"] == from_service["query"]
    hosts = {(row[1], row[2]) for row in _ask_rows(from_service)}
    assert hosts == {(r["hostLabel"], r["dateText"]) for r in lookup} == {
        (item["host"]["label"], d) for item in rest_lookup["items"] for d in item["dates"]}
    assert {row[1] for row in _ask_rows(from_service)} == {
        "Lào Cai", "Thái Nguyên", "Bắc Kạn", "Kon Tum", "Quảng Ngãi", "Bình Định"}
