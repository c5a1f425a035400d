"""Profiles on the sample graph (graph/profiles.py, `KnowledgeGraph.profile`, GET /api/profiles):
an official's positions and dated timeline with its evidence, a province's leaders, visitors,
gates, zones and merger, a body's people and units, and the neighbourhood graph of each.

Evidence sentences are not copied here: each is checked against the sample article's own text."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import SAMPLES

ID = "https://vnkg.org/id/"
DIEN = ID + "person/nguyen-hong-dien"
LAO_CAI = ID + "province/lao-cai"
SIX = ["Bình Định", "Bắc Kạn", "Kon Tum", "Lào Cai", "Quảng Ngãi", "Thái Nguyên"]


def article_text(article_id: str) -> str:
    return (SAMPLES / f"{article_id}.txt").read_text(encoding="utf-8")


def sentence_starting(article_id: str, opening: str) -> str:
    """The paragraph of a sample article that opens with `opening` (read from the file)."""
    return next(line.strip() for line in article_text(article_id).splitlines()
                if line.startswith(opening))


@pytest.fixture(scope="module")
def dien(sample_kg):
    return sample_kg.profile(DIEN)


@pytest.fixture(scope="module")
def lao_cai(sample_kg):
    return sample_kg.profile(LAO_CAI)


def places(event: dict) -> list[str]:
    return sorted({m["label"] for m in event["members"] if m["role"] in ("host", "place")
                   and m["iri"] != DIEN})


def test_an_officials_positions_with_their_first_and_last_days(dien):
    assert [(p["role"], p["organizationLabel"], p["first"], p["date"], p["articles"])
            for p in dien["positions"]] == [
        ("Bộ trưởng", "Bộ Công Thương", "2021-06-25", "2024-08-30", 3),
        ("Ủy viên", "Ban Chấp hành Trung ương Đảng", "2021-06-25", "2021-06-25", 1)]
    assert (dien["label"], dien["type"]) == ("Nguyễn Hồng Diên", "PERSON")
    # each with its latest article, named by its title
    assert [(p["articleId"], p["title"]) for p in dien["positions"]] == [
        (a, article_text(a).splitlines()[0])
        for a in ("000_f580f7af15c600dc", "001_13c4237007baa4d9")]


def test_an_officials_timeline_newest_first_with_hosts_and_places(dien):
    assert [(e["date"], e["kind"], places(e)) for e in dien["timeline"]] == [
        ("2024-08-30", "WorkingSession", ["Lào Cai"]),
        ("2024-08-30", "Visit", ["Kim Thành"]),
        ("2024-08-15", "WorkingSession", ["Thái Nguyên"]),
        ("2024-08-15", "WorkingSession", ["Bắc Kạn", "Thái Nguyên"]),
        ("2024-08-07/2024-08-09", "WorkingSession", ["Bình Định", "Kon Tum", "Quảng Ngãi"]),
        ("2021-06-25", "WorkingSession", ["Quảng Ninh"]),
        (None, "Visit", ["Khu kinh tế cửa khẩu Móng Cái"]),
    ]
    august = {p for e in dien["timeline"] if (e["date"] or "").startswith("2024-08")
              for p in places(e)} - {"Kim Thành"}
    assert sorted(august) == SIX


def test_each_event_has_its_evidence_sentence_and_article(dien):
    first = dien["timeline"][0]
    assert first["evidence"] == sentence_starting("000_f580f7af15c600dc", "Sáng 30/8,")
    assert (first["articleId"], first["title"]) == (
        "000_f580f7af15c600dc", article_text("000_f580f7af15c600dc").splitlines()[0])
    assert first["url"].startswith("https://congthuong.vn/")
    for event in dien["timeline"]:
        assert event["evidence"] and event["evidence"] in article_text(event["articleId"])


def test_the_map_marks_the_provinces_worked_with_and_their_dates(dien):
    marked = {p["label"]: p["dates"] for p in dien["map"]["marked"]}
    assert marked == {"Lào Cai": ["2024-08-30"], "Thái Nguyên": ["2024-08-15"],
                      "Bắc Kạn": ["2024-08-15"], "Bình Định": ["2024-08-07/2024-08-09"],
                      "Kon Tum": ["2024-08-07/2024-08-09"],
                      "Quảng Ngãi": ["2024-08-07/2024-08-09"], "Quảng Ninh": ["2021-06-25"]}
    lao = next(p for p in dien["map"]["marked"] if p["label"] == "Lào Cai")
    assert (lao["lat"], lao["lon"], lao["era"]) == (22.27594, 104.19309, "legacy")
    eras = [p["era"] for p in dien["map"]["provinces"]]
    assert (eras.count("legacy"), eras.count("2025")) == (63, 34)


def test_the_officials_neighbourhood_links_each_body_and_place_once(dien):
    labels = {n["id"]: n["label"] for n in dien["graph"]["nodes"]}
    assert sorted((labels[e["target"]], e["label"]) for e in dien["graph"]["edges"]) == sorted([
        ("Bộ Công Thương", "Bộ trưởng"), ("Ban Chấp hành Trung ương Đảng", "Ủy viên"),
        ("Kim Thành", "visited"), ("Khu kinh tế cửa khẩu Móng Cái", "visited"),
        ("Quảng Ninh", "worked with"), *((p, "worked with") for p in SIX)])
    assert {e["source"] for e in dien["graph"]["edges"]} == {DIEN}


# Lào Cai's leaders in the samples: (person, title, body, last day attested), latest first.
LAO_CAI_LEADERS = [
    ("Đặng Xuân Phong", "Bí thư", "Tỉnh ủy Lào Cai", "2024-08-30"),
    ("Đặng Xuân Phong", "Trưởng đoàn", "Đoàn Đại biểu Quốc hội tỉnh Lào Cai", "2024-08-30"),
    ("Hoàng Quốc Khánh", "Phó Chủ tịch Thường trực", "UBND tỉnh Lào Cai", "2024-08-30"),
    ("Hoàng Quốc Khánh", "Ủy viên", "Ban Thường vụ Tỉnh ủy Lào Cai", "2024-08-30"),
    ("Hoàng Giang", "Phó Bí thư", "Tỉnh ủy Lào Cai", "2024-06-08"),
    ("Nguyễn Trọng Hài", "Phó Chủ tịch", "UBND tỉnh Lào Cai", "2024-06-08"),
    ("Trịnh Xuân Trường", "Chủ tịch", "UBND tỉnh Lào Cai", "2024-06-08"),
    ("Trịnh Xuân Trường", "Phó Bí thư", "Tỉnh ủy Lào Cai", "2024-06-08"),
    ("Vũ Xuân Cường", "Chủ tịch", "HĐND tỉnh Lào Cai", "2024-06-08"),
    ("Vũ Xuân Cường", "Phó Bí thư Thường trực", "Tỉnh ủy Lào Cai", "2024-06-08")]


def test_a_provinces_leaders_with_roles_bodies_and_days(lao_cai):
    assert [(r["personLabel"], r["role"], r["organizationLabel"], r["date"])
            for r in lao_cai["leaders"]] == LAO_CAI_LEADERS
    assert {r["title"] for r in lao_cai["leaders"]} == {
        article_text(a).splitlines()[0] for a in ("000_f580f7af15c600dc", "003_cea35ca578ff3637")}


def test_a_provinces_visitors_gates_zones_and_merger(lao_cai):
    assert [(v["personLabel"], v["date"], v["kind"], v["articleId"])
            for v in lao_cai["visitors"]] == [
        ("Nguyễn Hồng Diên", "2024-08-30", "WorkingSession", "000_f580f7af15c600dc")]
    assert [g["label"] for g in lao_cai["border_gates"]] == [
        "Bản Vược", "Ga đường sắt quốc tế Lào Cai", "Kim Thành", "Lào Cai", "Mường Khương"]
    assert [z["label"] for z in lao_cai["zones"]] == [
        "Khu công nghiệp Bắc Duyên Hải", "Khu công nghiệp Tằng Loỏng",
        "Khu công nghiệp Đông Phố Mới", "Khu kinh tế cửa khẩu Lào Cai", "Khu phức hợp Kim Thành"]
    assert lao_cai["merger"] == {
        "into": {"iri": ID + "province/2025/lao-cai", "label": "Lào Cai"},
        "from": [{"iri": ID + "province/yen-bai", "label": "Yên Bái"}],
        "on": "2025-07-01", "unchanged": False}
    assert (lao_cai["code"], lao_cai["era"]) == ("10", "legacy")
    assert [p["label"] for p in lao_cai["map"]["marked"]] == ["Lào Cai"]


def test_a_provinces_own_leaders_are_not_its_visitors(sample_kg):
    """Quảng Ninh's Quyền Chủ tịch attended the 2023 conference held there: a guest of it is a
    visitor, he is not."""
    quang_ninh = sample_kg.profile(ID + "province/quang-ninh")
    assert [(v["personLabel"], v["date"], v["kind"]) for v in quang_ninh["visitors"]] == [
        ("Phan Thị Thắng", "2023-07-28", "Event"),
        ("Lê Hoài Trung", "2021-06-25", "WorkingSession"),
        ("Nguyễn Hồng Diên", "2021-06-25", "WorkingSession")]
    assert "Cao Tường Huy" in {r["personLabel"] for r in quang_ninh["leaders"]}


@pytest.mark.parametrize(("province", "merger"), [
    ("province/2025/lao-cai", {"into": None, "from": ["Lào Cai", "Yên Bái"]}),
    ("province/bac-kan", {"into": "Thái Nguyên", "from": ["Thái Nguyên"]}),
    ("province/ha-noi", {"into": "Hà Nội", "from": []}),
], ids=["2025-unit", "absorbed", "unchanged"])
def test_the_2025_merger_either_way(sample_kg, province, merger):
    found = sample_kg.profile(ID + province)["merger"]
    assert {"into": found["into"] and found["into"]["label"],
            "from": [p["label"] for p in found["from"]]} == merger
    assert found["on"] == "2025-07-01"
    assert found["unchanged"] is (province == "province/ha-noi")


def test_a_bodys_people_and_units(sample_kg):
    body = sample_kg.profile(ID + "org/bo-cong-thuong")
    assert [(r["personLabel"], r["role"], r["first"], r["last"]) for r in body["people"]] == [
        ("Nguyễn Hồng Diên", "Bộ trưởng", "2021-06", "2024-08"),
        ("Phan Thị Thắng", "Thứ trưởng", "2023-07", "2023-07")]
    assert len(body["units"]) == 17 and body["parents"] == []
    assert {"Tổng cục Quản lý thị trường", "Cục Xuất nhập khẩu"} <= {
        u["label"] for u in body["units"]}


def test_a_border_gates_profile_is_its_timeline(sample_kg):
    gate = sample_kg.profile(ID + "border-gate/kim-thanh")
    assert [(e["date"], e["kind"]) for e in gate["timeline"]] == [("2024-08-30", "Visit")]
    labels = {n["id"]: n["label"] for n in gate["graph"]["nodes"]}
    assert sorted((labels[e["source"]], e["label"]) for e in gate["graph"]["edges"]) == [
        ("Bộ Công Thương", "visited"), ("Nguyễn Hồng Diên", "visited")]


@pytest.fixture(scope="module")
def client(sample_kg):
    from api.app import create_app

    with TestClient(create_app(kg=sample_kg)) as client:
        yield client


def test_the_route_takes_a_slug_or_a_name_and_answers_the_service(client, dien):
    by_slug = client.get("/api/profiles/person/nguyen-hong-dien")
    assert by_slug.status_code == 200
    assert by_slug.json()["positions"] == dien["positions"]
    by_name = client.get("/api/profiles/Nguyễn Hồng Diên").json()
    assert by_name["timeline"] == by_slug.json()["timeline"]
    assert "leaders" not in by_slug.json()  # an official's profile has no province parts


def test_the_route_says_which_entity_an_ambiguous_slug_may_be(client):
    answer = client.get("/api/profiles/lao-cai")
    assert answer.status_code == 400
    assert "province/lao-cai" in answer.json()["message"]
    assert "border-gate/lao-cai" in answer.json()["message"]
    assert client.get("/api/profiles/person/nobody").status_code == 404


def test_cytoscape_is_served_from_node_modules(client):
    from graph.assets import cytoscape_js

    answer = client.get("/vendor/cytoscape/cytoscape.min.js")
    assert answer.status_code == 200
    assert answer.content == cytoscape_js().read_bytes()
