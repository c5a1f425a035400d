"""The service's answers for one item's page (graph/details.py, graph/pages.py), on the graph of
the five bundled samples: the worked-with lookup by host (the mission), an official, a province,
an agency, an article, an entity's statements, a page of events; each with exactly the rows a
door shows. The REST routes only map these (tests/test_rest.py), so the doors agree by
construction; the last tests check that they do."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.errors import NotFound
from tests.test_profiles import LAO_CAI_LEADERS

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


# -- an official ----------------------------------------------------------------------------
def _event(event: dict) -> tuple:
    return (event["kind"], event["dateText"], event["label"], event["articles"],
            [(m["role"], m["memberLabel"]) for m in event["members"]])


def test_an_officials_detail(sample_kg):
    found = sample_kg.official_detail(DIEN)
    assert {k: found[k] for k in ("iri", "label", "type", "sources", "source_count")} == {
        "iri": DIEN, "label": "Nguyễn Hồng Diên", "type": "PERSON", "sources": [],
        "source_count": 3}  # the samples carry no publication date: no source is dated
    assert found["positions"] == [
        {"role": "Bộ trưởng", "organization": f"{BASE}/org/bo-cong-thuong",
         "organizationLabel": "Bộ Công Thương", "first": "2021-06-25", "date": "2024-08-30",
         "article": f"{BASE}/article/{A000}", "articles": 3},
        {"role": "Ủy viên", "organization": f"{BASE}/org/ban-chap-hanh-trung-uong-dang",
         "organizationLabel": "Ban Chấp hành Trung ương Đảng", "first": "2021-06-25",
         "date": "2021-06-25", "article": f"{BASE}/article/{A001}", "articles": 1}]
    ministry, me = ("participant", "Bộ Công Thương"), ("participant", "Nguyễn Hồng Diên")
    assert [_event(e) for e in found["events"]] == [  # newest first, undated last
        ("WorkingSession", "2024-08-30", None, [A000],
         [("host", "Lào Cai"), ministry, me, ("place", "Lào Cai")]),
        ("Visit", "2024-08-30", None, [A000], [ministry, me, ("place", "Kim Thành")]),
        ("WorkingSession", "2024-08-15", None, [A002],
         [("host", "Thái Nguyên"), ministry, me, ("place", "Thái Nguyên")]),
        ("WorkingSession", "2024-08-15", None, [A000],
         [("host", "Bắc Kạn"), ("host", "Thái Nguyên"), me, ("place", "Bắc Kạn"),
          ("place", "Thái Nguyên")]),
        ("WorkingSession", TRIP, None, [A000],
         [("host", "Bình Định"), ("host", "Kon Tum"), ("host", "Quảng Ngãi"), me,
          ("place", "Bình Định"), ("place", "Kon Tum"), ("place", "Quảng Ngãi")]),
        ("WorkingSession", "2021-06-25", None, [A001],
         [("host", "Quảng Ninh"), ("participant", "Ban Đối ngoại Trung ương"), ministry,
          ("participant", "Lê Hoài Trung"), me, ("place", "Quảng Ninh")]),
        ("Visit", None, None, [A001],
         [("participant", "Ban Đối ngoại Trung ương"), ministry,
          ("participant", "Lê Hoài Trung"), me, ("place", "Khu kinh tế cửa khẩu Móng Cái")]),
    ]


@pytest.mark.parametrize("iri", [f"{BASE}/province/lao-cai", f"{BASE}/person/nobody"],
                         ids=["a-province", "unknown"])
def test_no_officials_detail_for_what_is_no_official(sample_kg, iri):
    assert sample_kg.official_detail(iri) is None


# -- a province -----------------------------------------------------------------------------
def _places(rows: list[dict]) -> list[str]:
    return [row["label"] for row in rows]


def test_a_legacy_provinces_detail(sample_kg):
    found = sample_kg.province_detail(f"{BASE}/province/lao-cai")
    assert {k: found[k] for k in ("province", "label", "provinceEra", "code", "mergedInto",
                                  "mergedIntoLabel", "successor", "predecessors",
                                  "merged_on")} == {
        "province": f"{BASE}/province/lao-cai", "label": "Lào Cai", "provinceEra": "legacy",
        "code": "10", "mergedInto": f"{BASE}/province/2025/lao-cai", "mergedIntoLabel": "Lào Cai",
        "successor": {"relation": "successor", "other": f"{BASE}/province/2025/lao-cai",
                      "otherLabel": "Lào Cai", "on": "2025-07-01"},
        "predecessors": [], "merged_on": "2025-07-01"}
    assert (_places(found["border_gates"]), _places(found["zones"]),
            _places(found["places"])) == (
        ["Bản Vược", "Ga đường sắt quốc tế Lào Cai", "Kim Thành", "Lào Cai", "Mường Khương"],
        ["Khu công nghiệp Bắc Duyên Hải", "Khu công nghiệp Tằng Loỏng",
         "Khu công nghiệp Đông Phố Mới", "Khu kinh tế cửa khẩu Lào Cai",
         "Khu phức hợp Kim Thành"],
        ["Bảo Yên"])
    assert found["places"] == [{"place": f"{BASE}/location/bao-yen", "type": "LOCATION",
                                "label": "Bảo Yên"}]
    assert [(r["personLabel"], r["role"], r["organizationLabel"], r["date"])
            for r in found["leaders"]] == LAO_CAI_LEADERS
    assert [_event(e) for e in found["events"]] == [
        ("WorkingSession", "2024-08-30", None, [A000],
         [("host", "Lào Cai"), ("participant", "Bộ Công Thương"),
          ("participant", "Nguyễn Hồng Diên"), ("place", "Lào Cai")])]


def test_a_2025_provinces_detail_names_its_predecessors(sample_kg):
    found = sample_kg.province_detail(f"{BASE}/province/2025/lao-cai")
    assert {k: found[k] for k in ("provinceEra", "code", "mergedInto", "successor",
                                  "predecessors", "merged_on", "border_gates", "events")} == {
        "provinceEra": "2025", "code": "15", "mergedInto": None, "successor": None,
        "predecessors": [
            {"relation": "predecessor", "other": f"{BASE}/province/lao-cai",
             "otherLabel": "Lào Cai", "on": "2025-07-01"},
            {"relation": "predecessor", "other": f"{BASE}/province/yen-bai",
             "otherLabel": "Yên Bái", "on": "2025-07-01"}],
        "merged_on": "2025-07-01", "border_gates": [], "events": []}


def test_no_provinces_detail_for_what_is_no_province(sample_kg):
    assert sample_kg.province_detail(f"{BASE}/province/atlantis") is None
    assert sample_kg.province_detail(DIEN) is None


# -- an agency ------------------------------------------------------------------------------
def test_an_agencys_detail(sample_kg):
    found = sample_kg.agency_detail(f"{BASE}/org/tinh-uy-lao-cai")
    person = f"{BASE}/person/"
    assert found == {
        "iri": f"{BASE}/org/tinh-uy-lao-cai", "label": "Tỉnh ủy Lào Cai",
        "type": "ORGANIZATION", "parents": [], "units": [],
        "people": [
            {"person": person + "hoang-giang", "personLabel": "Hoàng Giang",
             "role": "Phó Bí thư", "date": "2024-06-08", "article": f"{BASE}/article/{A003}"},
            {"person": person + "trinh-xuan-truong", "personLabel": "Trịnh Xuân Trường",
             "role": "Phó Bí thư", "date": "2024-06-08", "article": f"{BASE}/article/{A003}"},
            {"person": person + "vu-xuan-cuong", "personLabel": "Vũ Xuân Cường",
             "role": "Phó Bí thư Thường trực", "date": "2024-06-08",
             "article": f"{BASE}/article/{A003}"},
            {"person": person + "dang-xuan-phong", "personLabel": "Đặng Xuân Phong",
             "role": "Bí thư", "date": "2024-06-08", "article": f"{BASE}/article/{A003}"},
            {"person": person + "dang-xuan-phong", "personLabel": "Đặng Xuân Phong",
             "role": "Bí thư", "date": "2024-08-30", "article": f"{BASE}/article/{A000}"}]}


def test_an_agencys_units_and_parents(sample_kg):
    ministry = sample_kg.agency_detail(f"{BASE}/org/bo-cong-thuong")
    assert (ministry["parents"], [u["otherLabel"] for u in ministry["units"][:3]]) == (
        [], ["Báo Công Thương", "Cục Công Thương địa phương", "Cục Công nghiệp"])
    assert ministry["units"][0] == {"relation": "unit", "other": f"{BASE}/org/bao-cong-thuong",
                                    "otherLabel": "Báo Công Thương"}
    unit = sample_kg.agency_detail(f"{BASE}/org/bao-cong-thuong")
    assert (unit["parents"], unit["units"]) == (
        [{"relation": "parent", "other": f"{BASE}/org/bo-cong-thuong",
          "otherLabel": "Bộ Công Thương"}], [])
    assert sample_kg.agency_detail(DIEN) is None


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


# -- an entity's statements -----------------------------------------------------------------
def _statements(rows: list[dict]) -> list[tuple]:
    """(property's local name, value, graph's last segment), search keys left out."""
    return [(r["property"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], r["value"],
             r["graph"].rsplit("/", 1)[-1]) for r in rows
            if not r["property"].startswith("https://vnkg.org/ontology#search")]


def test_an_entitys_statements_by_a_bare_slug(sample_kg):
    found = sample_kg.entity_detail("ga-lao-cai")
    gate = f"{BASE}/border-gate/ga-lao-cai"
    assert (found["iri"], found["label"], found["type"]) == (
        gate, "Ga đường sắt quốc tế Lào Cai", "BORDER_GATE")
    assert _statements(found["outgoing"]) == [
        ("type", "https://vnkg.org/ontology#BorderGate", "entities"),
        ("label", "Ga đường sắt quốc tế Lào Cai", "entities"),
        ("altLabel", "Ga đường sắt Quốc tế Lào Cai", "entities"),
        ("borderGateOf", f"{BASE}/province/lao-cai", "entities"),
        ("entityType", "BORDER_GATE", "entities")]
    assert [(p, graph) for p, _, graph in _statements(found["incoming"])] == [
        ("subject", A000), ("mentionOf", A000)]
    assert sample_kg.entity_detail("border-gate/ga-lao-cai") == found


@pytest.mark.parametrize(("entity_id", "message"), [
    ("lao-cai", "'lao-cai' names several entities; use one of: province/lao-cai, "
                "border-gate/lao-cai"),
    ("nobody", "no entity 'nobody' in the graph"),
    ("province/atlantis", "no entity 'province/atlantis' in the graph"),
], ids=["ambiguous", "unknown-slug", "unknown-iri"])
def test_an_entity_id_that_names_none_or_several_is_not_found(sample_kg, entity_id, message):
    with pytest.raises(NotFound) as raised:
        sample_kg.entity_detail(entity_id)
    assert raised.value.message == message


# -- a page of events -----------------------------------------------------------------------
CONFERENCE = f"{BASE}/event/hoi-nghi-nganh-cong-thuong-28-tinh-thanh-pho-khu-vuc-phia-bac-lan-" \
             "thu-ix-nam-2023"


def test_a_provinces_events_in_a_year(sample_kg):
    found = sample_kg.events_page(province=f"{BASE}/province/quang-ninh",
                                  start=date(2023, 1, 1), end=date(2023, 12, 31), limit=5)
    member = [("organizer", "org/bo-cong-thuong", "Bộ Công Thương", "ORGANIZATION"),
              ("organizer", "province/quang-ninh", "Quảng Ninh", "PROVINCE"),
              ("participant", "person/cao-tuong-huy", "Cao Tường Huy", "PERSON"),
              ("participant", "person/phan-thi-thang", "Phan Thị Thắng", "PERSON"),
              ("place", "location/ha-long", "Hạ Long", "LOCATION")]
    assert found == {"more": False, "items": [{
        "event": CONFERENCE, "kind": "Event",
        "label": "Hội nghị ngành công thương 28 tỉnh, thành phố khu vực phía Bắc lần thứ IX, "
                 "năm 2023",
        "start": "2023-07-28", "end": "2023-07-28", "dateText": "2023-07-28",
        "articles": [A004],
        "members": [{"role": role, "member": f"{BASE}/{path}", "memberLabel": label,
                     "memberType": etype} for role, path, label, etype in member]}]}


@pytest.mark.parametrize(("params", "events", "more"), [
    ({"limit": 3, "offset": 2}, [("WorkingSession", "2024-08-15", [A002]),
                                 ("WorkingSession", "2024-08-15", [A000]),
                                 ("WorkingSession", TRIP, [A000])], True),
    ({"official": DIEN, "kind": "Visit", "limit": 5}, [("Visit", "2024-08-30", [A000]),
                                                       ("Visit", None, [A001])], False),
    ({"official": DIEN, "start": date(2024, 8, 15), "end": date(2024, 8, 15), "limit": 1},
     [("WorkingSession", "2024-08-15", [A002])], True),
], ids=["all-events-paged", "an-officials-visits", "an-officials-day"])
def test_events_pages(sample_kg, params, events, more):
    found = sample_kg.events_page(**params)
    assert ([(e["kind"], e["dateText"], e["articles"]) for e in found["items"]],
            found["more"]) == (events, more)


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
