"""The service's answers for one item's page (graph/pages.py), on the graph of the five bundled
samples: the worked-with lookup by host (the mission), an article read by its IRI, with exactly
the rows a door shows. The
REST route only maps it (tests/test_rest.py), so the doors agree by construction; the last
tests check that they do."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.app import create_app

BASE = "https://vnkg.org/id"
DIEN = f"{BASE}/person/nguyen-hong-dien"
A000, A001, A002, A003, A004 = ("000_f580f7af15c600dc", "001_13c4237007baa4d9",
                                "002_d1b7fc9568cbba03", "003_cea35ca578ff3637",
                                "004_11dab7304efda9ba")
TRIP = "2024-08-07/2024-08-09"


def _host(item: dict) -> tuple:
    """A host as the doors show it: id, label, type, dates, days, articles, sessions."""
    return (item["host"].removeprefix(f"{BASE}/province/"), item["hostLabel"], item["hostType"],
            item["dates"], item["start"], item["end"], item["articles"],
            [(s["dateText"], s["article"].rsplit("/", 1)[-1]) for s in item["sessions"]])


# -- the worked-with lookup by host ---------------------------------------------------------
AUGUST = [
    ("binh-dinh", "Bình Định", "PROVINCE", [TRIP], "2024-08-07", "2024-08-09", [A000],
     [(TRIP, A000)]),
    ("kon-tum", "Kon Tum", "PROVINCE", [TRIP], "2024-08-07", "2024-08-09", [A000],
     [(TRIP, A000)]),
    ("quang-ngai", "Quảng Ngãi", "PROVINCE", [TRIP], "2024-08-07", "2024-08-09", [A000],
     [(TRIP, A000)]),
    ("bac-kan", "Bắc Kạn", "PROVINCE", ["2024-08-15"], "2024-08-15", "2024-08-15", [A000],
     [("2024-08-15", A000)]),
    ("thai-nguyen", "Thái Nguyên", "PROVINCE", ["2024-08-15"], "2024-08-15", "2024-08-15",
     [A000, A002], [("2024-08-15", A000), ("2024-08-15", A002)]),
    ("lao-cai", "Lào Cai", "PROVINCE", ["2024-08-30"], "2024-08-30", "2024-08-30", [A000],
     [("2024-08-30", A000)]),
]
QUANG_NINH = ("quang-ninh", "Quảng Ninh", "PROVINCE", ["2021-06-25"], "2021-06-25",
              "2021-06-25", [A001], [("2021-06-25", A001)])


def test_the_mission_six_provinces_in_august_2024_each_once_in_date_order(sample_kg):
    found = sample_kg.worked_with_hosts(DIEN, date(2024, 8, 1), date(2024, 8, 31))
    assert [_host(item) for item in found["items"]] == AUGUST
    assert found["more"] is False


def test_the_lao_cai_host_whole(sample_kg):
    [item] = sample_kg.worked_with_hosts(DIEN, date(2024, 8, 30), date(2024, 8, 30))["items"]
    [session] = item.pop("sessions")
    assert item == {"host": f"{BASE}/province/lao-cai", "hostLabel": "Lào Cai",
                    "hostType": "PROVINCE", "dates": ["2024-08-30"], "start": "2024-08-30",
                    "end": "2024-08-30", "articles": [A000]}
    assert {k: session[k] for k in ("dateText", "start", "end", "article", "url")} == {
        "dateText": "2024-08-30", "start": "2024-08-30", "end": "2024-08-30",
        "article": f"{BASE}/article/{A000}",
        "url": "https://congthuong.vn/bo-truong-nguyen-hong-dien-cung-doan-cong-tac-bo-cong-"
               "thuong-lam-viec-voi-tinh-lao-cai-342352.html"}
    assert session["session"].startswith(f"{BASE}/session/")


@pytest.mark.parametrize(("limit", "offset", "hosts", "more"), [
    (None, 0, [QUANG_NINH, *AUGUST], False),
    (2, 0, [QUANG_NINH, AUGUST[0]], True),
    (2, 1, AUGUST[:2], True),
    (3, 4, AUGUST[3:], False),
    (3, 7, [], False),
], ids=["whole", "first", "second", "last", "past-the-end"])
def test_hosts_page_without_a_window(sample_kg, limit, offset, hosts, more):
    found = sample_kg.worked_with_hosts(DIEN, limit=limit, offset=offset)
    assert ([_host(item) for item in found["items"]], found["more"]) == (hosts, more)


def test_one_host_keeps_its_sessions_only(sample_kg):
    found = sample_kg.worked_with_hosts(DIEN, host=f"{BASE}/province/thai-nguyen")
    assert ([_host(item) for item in found["items"]], found["more"]) == ([AUGUST[4]], False)


@pytest.mark.parametrize(("start", "end"), [(date(2024, 9, 1), None),
                                            (date(2024, 8, 31), date(2024, 8, 1))],
                         ids=["after-the-last", "empty-window"])
def test_a_window_without_sessions_has_no_hosts(sample_kg, start, end):
    assert sample_kg.worked_with_hosts(DIEN, start, end) == {"items": [], "more": False}


# -- an article, read by its IRI ------------------------------------------------------------
def test_an_articles_detail(sample_kg):
    found = sample_kg.article_detail(f"{BASE}/article/{A001}")
    assert {k: v for k, v in found.items() if k != "facts"} == {
        "article": f"{BASE}/article/{A001}", "id": A001,
        "title": "Tháo gỡ khó khăn, vướng mắc trong công nghiệp, thương mại, xuất nhập khẩu "
                 "cho Quảng Ninh", "url": None, "published": None}
    assert [(f["relation"], f["subjectLabel"], f["objectLabel"], f["role"], f["dateText"])
            for f in found["facts"]] == [  # in text order
        ("worked_with", "Ban Đối ngoại Trung ương", "Quảng Ninh", None, "2021-06-25"),
        ("worked_with", "Bộ Công Thương", "Quảng Ninh", None, "2021-06-25"),
        ("worked_with", "Nguyễn Hồng Diên", "Quảng Ninh", None, "2021-06-25"),
        ("located_in", "Khu kinh tế cửa khẩu Móng Cái", "Quảng Ninh", None, None),
        ("visited", "Ban Đối ngoại Trung ương", "Khu kinh tế cửa khẩu Móng Cái", None, None),
        ("visited", "Bộ Công Thương", "Khu kinh tế cửa khẩu Móng Cái", None, None),
        ("visited", "Lê Hoài Trung", "Khu kinh tế cửa khẩu Móng Cái", None, None),
        ("visited", "Nguyễn Hồng Diên", "Khu kinh tế cửa khẩu Móng Cái", None, None),
        ("holds_position", "Lê Hoài Trung", "Ban Chấp hành Trung ương Đảng", "Ủy viên", None),
        ("holds_position", "Lê Hoài Trung", "Ban Đối ngoại Trung ương", "Trưởng ban", None),
        ("holds_position", "Nguyễn Hồng Diên", "Ban Chấp hành Trung ương Đảng", "Ủy viên",
         None),
        ("holds_position", "Nguyễn Hồng Diên", "Bộ Công Thương", "Bộ trưởng", None),
        ("worked_with", "Lê Hoài Trung", "Quảng Ninh", None, "2021-06-25"),
        ("holds_position", "Nguyễn Xuân Ký", "Tỉnh ủy Quảng Ninh", "Bí thư", None)]
    assert sample_kg.article_detail(f"{BASE}/article/no-such-article") is None


# -- the doors agree: REST maps the service's answer, ask lists its sessions ---------------
@pytest.fixture(scope="module")
def client(sample_kg):
    with TestClient(create_app(kg=sample_kg)) as test_client:
        yield test_client


def test_the_rest_lookup_is_the_services_hosts(client, sample_kg):
    answer = client.get("/api/officials/nguyen-hong-dien/worked-with",
                        params={"from": "2024-08", "to": "2024-08", "limit": 4}).json()
    found = sample_kg.worked_with_hosts(DIEN, date(2024, 8, 1), date(2024, 8, 31), limit=4)
    assert answer["items"] == [
        {"host": {"id": h["host"].removeprefix(f"{BASE}/province/"), "iri": h["host"],
                  "type": h["hostType"], "label": h["hostLabel"]},
         "dates": h["dates"], "start": h["start"], "end": h["end"], "articles": h["articles"]}
        for h in found["items"]]
    assert (answer["next"], found["more"]) == (4, True)


def test_ask_lists_the_services_hosts_sessions(sample_kg):
    answer = sample_kg.ask("Bộ trưởng Nguyễn Hồng Diên làm việc với những tỉnh nào trong "
                           "tháng 8/2024?")
    found = sample_kg.worked_with_hosts(DIEN, date(2024, 8, 1), date(2024, 8, 31))
    assert [(r["entity"]["iri"], r["date"], r["article"], r["url"]) for r in answer["rows"]] == [
        (h["host"], s["dateText"], s["article"].rsplit("/", 1)[-1], s["url"])
        for h in found["items"] for s in h["sessions"]]
