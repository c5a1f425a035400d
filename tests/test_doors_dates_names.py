"""Every door takes dates as YYYY-MM-DD, YYYY-MM or YYYY and entities by IRI, slug or name:
REST (`from`/`to`, the named queries' parameters), `vnkg query -p` and `vnkg export`."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from graph.settings import Settings

DIEN = "https://vnkg.org/id/person/nguyen-hong-dien"
AUGUST = {("Lào Cai", "2024-08-30"), ("Thái Nguyên", "2024-08-15"), ("Bắc Kạn", "2024-08-15"),
          ("Kon Tum", "2024-08-07/2024-08-09"), ("Quảng Ngãi", "2024-08-07/2024-08-09"),
          ("Bình Định", "2024-08-07/2024-08-09")}
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("doors") / "store"
    assert runner.invoke(cli, ["ingest", str(samples_dir), "--store", str(path)]).exit_code == 0
    gc.collect()
    return path


def cli_run(store: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, [*args, "--store", str(store)])
    gc.collect()
    return result.exit_code, result.output


def hosts(store: Path, *params: str) -> set[tuple[str, str]]:
    args = [arg for param in params for arg in ("-p", param)]
    code, out = cli_run(store, "query", "official_worked_with", *args, "-f", "json")
    assert code == 0, out
    return {(row["hostLabel"], row["dateText"]) for row in json.loads(out)}


@pytest.fixture(scope="module")
def client(store: Path):
    with TestClient(create_app(Settings(store=store))) as test_client:
        yield test_client
    gc.collect()


# -- dates ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("window", [("2024-08", "2024-08"), ("2024-08-01", "2024-08"),
                                    ("2024-08", "2024-08-31")],
                         ids=["month", "day-to-month", "month-to-day"])
def test_cli_query_takes_months(store: Path, window: tuple[str, str]) -> None:
    assert hosts(store, f"official={DIEN}", f"from={window[0]}", f"to={window[1]}") == AUGUST


def test_cli_query_takes_years(store: Path) -> None:
    assert hosts(store, f"official={DIEN}", "from=2024", "to=2024") >= AUGUST
    assert hosts(store, f"official={DIEN}", "from=2025", "to=2025") == set()


def test_cli_query_refuses_a_bad_month(store: Path) -> None:
    code, out = cli_run(store, "query", "official_worked_with", "-p", f"official={DIEN}",
                        "-p", "from=2024-13")
    assert code == 2
    assert out.strip() == "vnkg: not a date: '2024-13' (month must be in 1..12)"


@pytest.mark.parametrize(("window", "echo"), [
    ({"from": "2024-08", "to": "2024-08"}, ("2024-08-01", "2024-08-31")),
    ({"from": "2024-08-01", "to": "2024-08-31"}, ("2024-08-01", "2024-08-31")),
    ({"from": "2024", "to": "2024"}, ("2024-01-01", "2024-12-31")),
], ids=["month", "days", "year"])
def test_rest_worked_with_takes_months_and_years(client, window, echo) -> None:
    answer = client.get("/api/officials/nguyen-hong-dien/worked-with", params=window).json()
    assert (answer["from"], answer["to"]) == echo
    assert {(item["host"]["label"], date) for item in answer["items"]
            for date in item["dates"]} == AUGUST


def test_rest_refuses_a_bad_month_with_the_reason(client) -> None:
    response = client.get("/api/officials/nguyen-hong-dien/worked-with?to=2024-13")
    assert response.status_code == 422
    assert response.json()["message"] == \
        "query.to: not a date: '2024-13' (month must be in 1..12)"


def test_rest_events_take_a_month(client) -> None:
    by_month = client.get("/api/events", params={"official": "nguyen-hong-dien",
                                                 "from": "2024-08", "to": "2024-08"}).json()
    by_days = client.get("/api/events", params={"official": "nguyen-hong-dien",
                                                "from": "2024-08-01", "to": "2024-08-31"}).json()
    assert by_month["items"] == by_days["items"]
    assert [(e["kind"], e["date"]) for e in by_month["items"]] == [
        ("WorkingSession", "2024-08-30"), ("Visit", "2024-08-30"),
        ("WorkingSession", "2024-08-15"), ("WorkingSession", "2024-08-15"),
        ("WorkingSession", "2024-08-07/2024-08-09")]


def test_named_query_results_take_a_month_and_a_slug(client) -> None:
    answer = client.get("/api/queries/official_worked_with/results",
                        params={"official": "nguyen-hong-dien", "from": "2024-08",
                                "to": "2024-08"}).json()
    assert {(b["hostLabel"]["value"], b["dateText"]["value"])
            for b in answer["results"]["bindings"]} == AUGUST


# -- entities by slug or name ---------------------------------------------------------------------
@pytest.mark.parametrize("official", [DIEN, "nguyen-hong-dien", "person/nguyen-hong-dien",
                                      "Nguyễn Hồng Diên", "nguyen hong dien", "NGUYỄN HỒNG DIÊN"],
                         ids=["iri", "slug", "typed-slug", "name", "folded-name", "upper"])
def test_cli_query_takes_an_official_by_slug_or_name(store: Path, official: str) -> None:
    assert hosts(store, f"official={official}", "from=2024-08", "to=2024-08") == AUGUST


def test_a_parameter_named_province_takes_the_province_not_the_border_gate(store: Path) -> None:
    code, out = cli_run(store, "query", "events_in_province", "-p", "province=lao-cai",
                        "-f", "json")
    assert code == 0, out
    assert {row["dateText"] for row in json.loads(out)} == {"2024-08-30"}


def test_an_ambiguous_name_lists_the_candidates(store: Path) -> None:
    code, out = cli_run(store, "query", "events_in_province", "-p", "province=Lào Cai")
    assert code == 2
    assert " ".join(out.split()) == (
        "vnkg: 'Lào Cai' names several entities; use the id of one: "
        "Lào Cai (PROVINCE, province/2025/lao-cai); Lào Cai (PROVINCE, province/lao-cai)")


def test_an_unknown_name_lists_the_nearest(store: Path) -> None:
    code, out = cli_run(store, "query", "official_worked_with", "-p", "official=Nguyễn Hồng")
    assert code == 2
    assert " ".join(out.split()) == (
        "vnkg: no entity named 'Nguyễn Hồng' in the graph; nearest: "
        "Nguyễn Hồng Diên (PERSON, person/nguyen-hong-dien)")


def test_an_ambiguous_slug_lists_the_ids(store: Path) -> None:
    code, out = cli_run(store, "query", "entity", "-p", "entity=lao-cai")
    assert code == 2
    assert out.strip() == ("vnkg: 'lao-cai' names several entities; use one of: "
                           "province/lao-cai, border-gate/lao-cai")


@pytest.mark.parametrize("official", ["Nguyễn Hồng Diên", "nguyen hong dien"],
                         ids=["name", "folded-name"])
def test_rest_events_take_an_official_by_name(client, official: str) -> None:
    window = {"from": "2024-08", "to": "2024-08"}
    by_name = client.get("/api/events", params={"official": official, **window}).json()
    by_id = client.get("/api/events", params={"official": "nguyen-hong-dien", **window}).json()
    assert by_name == by_id
    assert len(by_name["items"]) == 5


def test_rest_events_say_which_province_a_name_may_be(client) -> None:
    response = client.get("/api/events", params={"province": "Lào Cai"})
    assert response.status_code == 400
    assert response.json()["message"] == (
        "'Lào Cai' names several entities; use the id of one: "
        "Lào Cai (PROVINCE, province/2025/lao-cai); Lào Cai (PROVINCE, province/lao-cai)")


def test_rest_named_query_says_which_name_is_unknown(client) -> None:
    response = client.get("/api/queries/official_worked_with/results",
                          params={"official": "Không Ai Cả"})
    assert response.status_code == 404
    assert response.json()["message"] == "no entity named 'Không Ai Cả' in the graph"


@pytest.mark.parametrize("around", ["nguyen-hong-dien", "Nguyễn Hồng Diên", DIEN],
                         ids=["slug", "name", "iri"])
def test_export_around_takes_a_slug_a_name_or_an_iri(store: Path, tmp_path: Path,
                                                     around: str) -> None:
    out = tmp_path / "around.json"
    code, text = cli_run(store, "export", "cytoscape", "-o", str(out), "--around", around,
                         "--relation", "worked_with", "--from", "2024-08", "--to", "2024-08")
    assert code == 0, text
    elements = json.loads(out.read_text(encoding="utf-8"))["elements"]
    labels = {node["data"]["label"] for node in elements["nodes"]}
    assert labels == {"Nguyễn Hồng Diên"} | {label for label, _ in AUGUST}
