"""Analytics (`vnkg stats`, `/api/stats`): exact figures on tests/data/projection_fixture.trig,
the activity chart as a real PNG, both doors agreeing, and the sample graph's leaders."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app as cli
from graph.analytics import activity_chart, summarize
from graph.store import GraphStore

ID = "https://vnkg.org/id/"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (IHDR), after checking its signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def figures(fixture_kg) -> dict:
    return fixture_kg.stats()


def test_counts_by_type_and_relation(figures):
    assert (figures["articles"], figures["nodes"], figures["edges"]) == (3, 10, 12)
    assert figures["entities_by_type"] == {"ORGANIZATION": 3, "PERSON": 2, "PROVINCE": 2,
                                           "BORDER_GATE": 1, "DOCUMENT": 1, "EVENT": 1}
    assert figures["facts_by_relation"] == {
        "worked_with": 3, "holds_position": 2, "attended": 1, "border_gate_of": 1,
        "held_in": 1, "issued": 1, "organized": 1, "part_of": 1, "visited": 1}


def test_most_active_officials(figures):
    assert figures["top_officials"] == [
        {"id": ID + "person/tran-van-minh", "label": "Trần Văn Minh", "activities": 4,
         "articles": 2},
        {"id": ID + "person/le-thi-hoa", "label": "Lê Thị Hoa", "activities": 1,
         "articles": 1},
    ]


def test_most_visited_provinces(figures):
    assert [(p["label"], p["visits"], p["visitors"]) for p in figures["top_provinces"]] == [
        ("Hà Giang", 2, 1), ("Cao Bằng", 1, 1)]


def test_centrality(figures):
    degree = figures["centrality"]["degree"]
    between = figures["centrality"]["betweenness"]
    assert (degree[0]["label"], degree[0]["score"]) == ("Trần Văn Minh", 0.4444)  # 4 of 9
    assert [(b["label"], b["score"]) for b in between[:3]] == [
        ("Trần Văn Minh", 0.6667), ("Cao Bằng", 0.5556), ("Hội nghị xúc tiến đầu tư", 0.5)]
    assert figures["centrality"]["approximate"] is False


def test_activity_per_month_counts_distinct_dated_facts(figures):
    assert figures["activity_by_month"] == {
        "2024-08": {"total": 3, "issued": 1, "visited": 1, "worked_with": 1},
        "2024-09": {"total": 3, "held_in": 1, "worked_with": 2},
    }


def test_stats_take_the_export_filters(fixture_kg):
    only_trips = summarize(fixture_kg, relations=["worked_with"], date_from="2024-09")
    assert (only_trips["nodes"], only_trips["edges"]) == (3, 2)
    assert only_trips["activity_by_month"] == {"2024-09": {"total": 2, "worked_with": 2}}
    assert summarize(fixture_kg, top=1)["top_provinces"] == [
        {"id": ID + "province/ha-giang", "label": "Hà Giang", "visits": 2, "visitors": 1}]


def test_the_same_fact_from_two_articles_is_one_activity(fixture_kg):
    from graph.analytics import describe
    from graph.projection import projection

    graph = projection(fixture_kg)
    data = dict(graph.edges[ID + "person/tran-van-minh", ID + "province/cao-bang",
                            ID + "statement/b1"])
    data.update(id="copy", source_article=ID + "article/other")
    graph.add_edge(ID + "person/tran-van-minh", ID + "province/cao-bang", key="copy", **data)
    again = describe(graph)
    assert again["edges"] == 13
    assert again["activity_by_month"]["2024-09"]["worked_with"] == 2
    assert again["top_officials"][0]["activities"] == 4


def test_activity_chart_is_a_png(figures, tmp_path):
    out = tmp_path / "activity.png"
    data = activity_chart(figures["activity_by_month"], out)
    assert out.read_bytes() == data
    width, height = png_size(data)
    assert width >= 600 and height >= 400
    assert png_size(activity_chart({}))[0] > 0  # an empty graph still draws (a note, no bars)


# -- the two doors ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fixture_store(fixture_kg, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("stats-store")
    (folder / "dump.nq").write_bytes(fixture_kg.store.dump("nquads"))
    store = GraphStore(folder / "store")
    store.bulk_load(folder / "dump.nq", "nquads")
    store.flush()
    return folder / "store"


def test_cli_and_http_stats_agree(fixture_kg, fixture_store, tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app

    chart = tmp_path / "chart.png"
    result = CliRunner().invoke(cli, ["stats", "--store", str(fixture_store), "--json",
                                      "--relation", "worked_with", "--chart", str(chart)])
    assert result.exit_code == 0, result.output
    from_cli = json.loads(result.stdout)
    with TestClient(create_app(kg=fixture_kg)) as client:
        from_http = client.get("/api/stats", params={"relation": "worked_with"}).json()
        png = client.get("/api/stats/activity.png", params={"relation": "worked_with"})
    assert from_cli == from_http
    assert from_cli["facts_by_relation"] == {"worked_with": 3}
    assert png.headers["content-type"] == "image/png"
    assert png_size(png.content) == png_size(chart.read_bytes())


def test_cli_stats_prints_rankings(fixture_store):
    result = CliRunner().invoke(cli, ["stats", "--store", str(fixture_store), "--top", "1"])
    assert result.exit_code == 0, result.output
    assert "1. Trần Văn Minh  (activities 4, articles 2)" in result.output
    assert "1. Hà Giang  (visits 2, visitors 1)" in result.output
    assert "2024-09                  total 3, held_in 1, worked_with 2" in result.output


# -- the sample graph ---------------------------------------------------------------------------
def test_sample_minister_and_lao_cai_lead_the_rankings(sample_kg):
    sample = sample_kg.stats(top=5)
    assert "Nguyễn Hồng Diên" in [o["label"] for o in sample["top_officials"]]
    assert "Lào Cai" in [p["label"] for p in sample["top_provinces"]]
    assert "2024-08" in sample["activity_by_month"]
