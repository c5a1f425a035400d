"""Ask in Vietnamese (graph/ask.py) on the graph of the bundled samples: questions of our own,
each asked with its tone marks and without them (folded: lowercase, no marks, đ→d), answered
with exactly the rows the graph holds; questions it must not understand say what was missing."""

from __future__ import annotations

import unicodedata

import pytest

from graph.errors import BadQuery
from ingest.text import fold

BASE = "https://vnkg.org/id"
DIEN = f"{BASE}/person/nguyen-hong-dien"
SIX = {("Bình Định", "2024-08-07/2024-08-09"), ("Kon Tum", "2024-08-07/2024-08-09"),
       ("Quảng Ngãi", "2024-08-07/2024-08-09"), ("Bắc Kạn", "2024-08-15"),
       ("Thái Nguyên", "2024-08-15"), ("Lào Cai", "2024-08-30")}
LAO_CAI_GATES = {"Bản Vược", "Ga đường sắt quốc tế Lào Cai", "Kim Thành", "Lào Cai",
                 "Mường Khương"}
EMPTY = ("Đã hiểu câu hỏi nhưng đồ thị không có kết quả nào.",
         "Understood, but the graph has no answer to it.")


def _label(ref):
    return (ref or {}).get("label")


# What a row shows, by kind: the answer's name and what makes it that answer.
PROJECT = {
    "worked_with": lambda r: (_label(r["entity"]), r["date"]),
    "positions": lambda r: (r["role"], _label(r["entity"])),
    "border_gates": lambda r: _label(r["entity"]),
    "visitors": lambda r: (_label(r["entity"]), r["date"]),
    "leaders": lambda r: (_label(r["entity"]), r["role"], _label(r["organization"])),
    "events": lambda r: (r["kind"], r["date"]),
}

UNDERSTOOD = [
    # worked_with: the service's worked-with lookup
    ("Bộ trưởng Nguyễn Hồng Diên làm việc với những tỉnh nào trong tháng 8/2024?",
     "worked_with", SIX),
    ("Nguyễn Hồng Diên đã làm việc với tỉnh nào trong tháng 8 năm 2024?", "worked_with", SIX),
    ("Trong tháng 8/2024, ông Nguyễn Hồng Diên làm việc với những địa phương nào?",
     "worked_with", SIX),
    ("Bộ trưởng Nguyễn Hồng Diên đi công tác ở những tỉnh nào trong 8/2024?", "worked_with",
     SIX),
    ("Nguyễn Hồng Diên có buổi làm việc với những tỉnh nào từ tháng 6 đến tháng 8/2024?",
     "worked_with", SIX),
    ("Bộ trưởng Nguyễn Hồng Diên làm việc với tỉnh Lào Cai khi nào?", "worked_with",
     {("Lào Cai", "2024-08-30")}),
    ("Bộ trưởng Nguyễn Hồng Diên làm việc với những tỉnh nào ngày 15/8/2024?", "worked_with",
     {("Bắc Kạn", "2024-08-15"), ("Thái Nguyên", "2024-08-15")}),
    ("Bộ trưởng Nguyễn Hồng Diên làm việc với những tỉnh nào năm 2021?", "worked_with",
     {("Quảng Ninh", "2021-06-25")}),
    ("Lê Hoài Trung làm việc với tỉnh nào năm 2021?", "worked_with",
     {("Quảng Ninh", "2021-06-25")}),
    ("Nguyễn Hồng Diên làm việc với tỉnh nào vào tháng 9/2024?", "worked_with", set()),
    ("Thứ trưởng Phan Thị Thắng làm việc với những tỉnh nào năm 2023?", "worked_with", set()),
    # positions: the service's positions
    ("Nguyễn Hồng Diên giữ chức vụ gì?", "positions",
     {("Bộ trưởng", "Bộ Công Thương"), ("Ủy viên", "Ban Chấp hành Trung ương Đảng")}),
    ("Ông Đặng Xuân Phong là ai?", "positions",
     {("Bí thư", "Tỉnh ủy Lào Cai"), ("Trưởng đoàn", "Đoàn Đại biểu Quốc hội tỉnh Lào Cai"),
      ("Ủy viên", "Ban Chấp hành Trung ương Đảng")}),
    ("Chức danh của Trịnh Xuân Trường là gì?", "positions",
     {("Chủ tịch", "UBND tỉnh Lào Cai"), ("Phó Bí thư", "Tỉnh ủy Lào Cai")}),
    ("Vũ Xuân Cường đảm nhiệm những vị trí nào?", "positions",
     {("Chủ tịch", "HĐND tỉnh Lào Cai"), ("Phó Bí thư Thường trực", "Tỉnh ủy Lào Cai")}),
    ("Phan Thị Thắng giữ chức gì?", "positions", {("Thứ trưởng", "Bộ Công Thương")}),
    ("Lê Hoài Trung là ai?", "positions",
     {("Trưởng ban", "Ban Đối ngoại Trung ương"), ("Ủy viên", "Ban Chấp hành Trung ương Đảng")}),
    # border_gates: queries/province_places.rq
    ("cửa khẩu của tỉnh Lào Cai", "border_gates", LAO_CAI_GATES),
    ("Tỉnh Lào Cai có những cửa khẩu nào?", "border_gates", LAO_CAI_GATES),
    ("Các cửa khẩu ở Lào Cai", "border_gates", LAO_CAI_GATES),
    ("Lào Cai có bao nhiêu cửa khẩu?", "border_gates", LAO_CAI_GATES),
    ("cửa khẩu của tỉnh Quảng Ninh", "border_gates", set()),
    # visitors: the service's timeline of the province
    # a conference held there: its guest, not the province's own Quyền Chủ tịch
    ("những ai đến thăm tỉnh Quảng Ninh năm 2023?", "visitors",
     {("Phan Thị Thắng", "2023-07-28")}),
    ("Những ai đã đến làm việc với tỉnh Quảng Ninh năm 2021?", "visitors",
     {("Lê Hoài Trung", "2021-06-25"), ("Nguyễn Hồng Diên", "2021-06-25")}),
    ("Ai đến thăm tỉnh Lào Cai trong tháng 8/2024?", "visitors",
     {("Nguyễn Hồng Diên", "2024-08-30")}),
    ("Những ai về làm việc tại tỉnh Thái Nguyên tháng 8/2024?", "visitors",
     {("Nguyễn Hồng Diên", "2024-08-15")}),
    ("những ai đã đến tỉnh Bắc Kạn năm 2024", "visitors", {("Nguyễn Hồng Diên", "2024-08-15")}),
    ("Ai khảo sát tỉnh Kon Tum năm 2024?", "visitors",
     {("Nguyễn Hồng Diên", "2024-08-07/2024-08-09")}),
    ("Những ai đến thăm tỉnh Quảng Ngãi trong tháng 9/2024?", "visitors", set()),
    # leaders: the service's leaders of the province, or the people of a body
    ("ai là Bí thư Tỉnh ủy Lào Cai?", "leaders",
     {("Đặng Xuân Phong", "Bí thư", "Tỉnh ủy Lào Cai")}),
    ("Chủ tịch UBND tỉnh Lào Cai là ai?", "leaders",
     {("Trịnh Xuân Trường", "Chủ tịch", "UBND tỉnh Lào Cai")}),
    ("ai là Chủ tịch tỉnh Lào Cai", "leaders",
     {("Trịnh Xuân Trường", "Chủ tịch", "UBND tỉnh Lào Cai"),
      ("Vũ Xuân Cường", "Chủ tịch", "HĐND tỉnh Lào Cai")}),
    ("Ai là Phó Bí thư Tỉnh ủy Lào Cai?", "leaders",
     {("Hoàng Giang", "Phó Bí thư", "Tỉnh ủy Lào Cai"),
      ("Trịnh Xuân Trường", "Phó Bí thư", "Tỉnh ủy Lào Cai")}),
    ("Ai là Chủ tịch HĐND tỉnh Lào Cai?", "leaders",
     {("Vũ Xuân Cường", "Chủ tịch", "HĐND tỉnh Lào Cai")}),
    ("ai là Bí thư Tỉnh ủy Quảng Ninh?", "leaders",
     {("Nguyễn Xuân Ký", "Bí thư", "Tỉnh ủy Quảng Ninh")}),
    ("lãnh đạo tỉnh Quảng Ninh gồm những ai?", "leaders",
     {("Cao Tường Huy", "Quyền Chủ tịch", "UBND tỉnh Quảng Ninh"),
      ("Nguyễn Xuân Ký", "Bí thư", "Tỉnh ủy Quảng Ninh")}),
    ("Ai là Bộ trưởng Bộ Công Thương?", "leaders",
     {("Nguyễn Hồng Diên", "Bộ trưởng", "Bộ Công Thương")}),
    ("Ai là Thứ trưởng Bộ Công Thương?", "leaders",
     {("Phan Thị Thắng", "Thứ trưởng", "Bộ Công Thương")}),
    # events: the service's timeline of the province
    ("tỉnh Lào Cai có những sự kiện gì trong tháng 8/2024?", "events",
     {("WorkingSession", "2024-08-30")}),
    ("Những sự kiện diễn ra ở tỉnh Kon Tum năm 2024", "events",
     {("WorkingSession", "2024-08-07/2024-08-09")}),
    ("Hoạt động của tỉnh Thái Nguyên trong tháng 8/2024", "events",
     {("WorkingSession", "2024-08-15")}),
    ("Tỉnh Quảng Ninh có sự kiện gì năm 2021?", "events", {("WorkingSession", "2021-06-25")}),
    # a conference Quảng Ninh organized (the statement has no date; the conference has)
    ("Tỉnh Quảng Ninh có sự kiện gì năm 2023?", "events", {("Event", "2023-07-28")}),
]

MISSING_PERSON = ("Thiếu tên quan chức: câu hỏi không nêu tên một người có trong đồ thị (ví dụ: "
                  "Nguyễn Hồng Diên).", "Missing: the question names no official the graph "
                  "knows (e.g. Nguyễn Hồng Diên).")
MISSING_PROVINCE = ("Thiếu tên tỉnh: câu hỏi không nêu tỉnh, thành phố nào (ví dụ: tỉnh Lào "
                    "Cai).", "Missing: the question names no province (e.g. Lào Cai).")
MISSING_BODY = ("Thiếu cơ quan hoặc tỉnh: câu hỏi không nêu cơ quan hay tỉnh nào (ví dụ: Tỉnh "
                "ủy Lào Cai).", "Missing: the question names no body or province (e.g. Tỉnh ủy "
                "Lào Cai).")
NO_KIND = ("Chưa hiểu câu hỏi: không nhận ra loại câu hỏi. Hãy hỏi ví dụ: 'Bộ trưởng Nguyễn "
           "Hồng Diên làm việc với những tỉnh nào trong tháng 8/2024?', 'ai là Bí thư Tỉnh ủy "
           "Lào Cai?', 'những ai đến thăm tỉnh Quảng Ninh năm 2023?', 'cửa khẩu của tỉnh Lào "
           "Cai'.", "Not understood: no kind of question recognised. Ask for instance who an "
           "official worked with in a month, who holds a title in a province, who visited a "
           "province in a year, or a province's border gates.")

NOT_UNDERSTOOD = [
    ("Thời tiết Hà Nội hôm nay thế nào?", None, NO_KIND),
    ("Nguyễn Hồng Diên", None, NO_KIND),
    ("Giá vàng tháng 8/2024 tăng hay giảm?", None, NO_KIND),
    ("Bộ trưởng làm việc với những tỉnh nào trong tháng 8/2024?", "worked_with", MISSING_PERSON),
    ("cửa khẩu nào lớn nhất?", "border_gates", MISSING_PROVINCE),
    ("những ai đến thăm trong năm 2023?", "visitors", MISSING_PROVINCE),
    ("ai là Bí thư?", "leaders", MISSING_BODY),
]

SPELLINGS = ["marks", "no_marks"]


def _spelt(question: str, spelling: str) -> str:
    if spelling == "marks":
        return question
    folded = fold(question)
    assert all(ord(ch) < 128 for ch in folded), folded  # no tone mark left, no đ
    return folded


def test_there_are_forty_questions_across_the_kinds_in_both_spellings():
    kinds = {kind for _, kind, _ in UNDERSTOOD}
    assert len(UNDERSTOOD) >= 40 and kinds == set(PROJECT)
    assert any(unicodedata.combining(ch) for q, _, _ in UNDERSTOOD
               for ch in unicodedata.normalize("NFD", q))


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize(("question", "kind", "expected"), UNDERSTOOD,
                         ids=[q for q, _, _ in UNDERSTOOD])
def test_a_question_is_answered_with_the_graphs_rows(sample_kg, question, kind, expected,
                                                     spelling):
    answer = sample_kg.ask(_spelt(question, spelling))
    assert (answer["understood"], answer["kind"]) == (True, kind)
    assert {PROJECT[kind](row) for row in answer["rows"]} == expected
    if expected:
        assert (answer["message"], answer["message_en"]) == (None, None)
    else:
        assert (answer["message"], answer["message_en"]) == EMPTY


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize(("question", "kind", "message"), NOT_UNDERSTOOD,
                         ids=[q for q, _, _ in NOT_UNDERSTOOD])
def test_a_question_it_cannot_answer_says_what_was_missing(sample_kg, question, kind, message,
                                                           spelling):
    answer = sample_kg.ask(_spelt(question, spelling))
    assert (answer["understood"], answer["kind"], answer["query"], answer["rows"]) == \
        (False, kind, None, [])
    assert (answer["message"], answer["message_en"]) == message


def test_a_person_the_graph_does_not_know_is_named_in_the_message(sample_kg):
    answer = sample_kg.ask("Bộ trưởng Trần Văn Khải làm việc với những tỉnh nào?")
    assert (answer["understood"], answer["kind"]) == (False, "worked_with")
    assert answer["message"] == "Không tìm thấy Trần Văn Khải trong đồ thị. " + MISSING_PERSON[0]
    assert answer["message_en"] == "Not in the graph: Trần Văn Khải. " + MISSING_PERSON[1]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_the_mission_question_shows_its_slots_query_and_evidence(sample_kg, spelling):
    question = "Bộ trưởng Nguyễn Hồng Diên làm việc với những tỉnh nào trong tháng 8/2024?"
    answer = sample_kg.ask(_spelt(question, spelling))
    person, title, period = answer["slots"]
    assert (person["slot"], person["value"], person["label"], person["type"], person["id"]) == \
        ("person", DIEN, "Nguyễn Hồng Diên", "PERSON", "nguyen-hong-dien")
    assert title == {"slot": "title", "value": "Bộ trưởng"}
    assert period == {"slot": "period", "value": "2024-08", "start": "2024-08-01",
                      "end": "2024-08-31"}
    assert answer["query"] == {
        "name": "official_worked_with", "title": "Provinces and bodies an official worked with",
        "method": "worked_with_hosts",
        "params": {"official": DIEN, "from": "2024-08-01", "to": "2024-08-31"},
        "link": "/#official_worked_with?official=https%3A%2F%2Fvnkg.org%2Fid%2Fperson%2F"
                "nguyen-hong-dien&from=2024-08-01&to=2024-08-31"}
    lao_cai = [r for r in answer["rows"] if r["entity"]["label"] == "Lào Cai"]
    assert lao_cai == [{
        "entity": {"id": "lao-cai", "iri": f"{BASE}/province/lao-cai", "type": "PROVINCE",
                   "label": "Lào Cai"},
        "kind": "WorkingSession", "date": "2024-08-30", "article": "000_f580f7af15c600dc",
        "url": "https://congthuong.vn/bo-truong-nguyen-hong-dien-cung-doan-cong-tac-bo-cong-"
               "thuong-lam-viec-voi-tinh-lao-cai-342352.html",
        "evidence": "Sáng 30/8, Bộ trưởng Nguyễn Hồng Diên làm việc với lãnh đạo tỉnh Lào Cai "
                    "về hoạt động sản xuất công nghiệp, thương mại và phát triển năng lượng, "
                    "khoáng sản..."}]


def test_the_answer_agrees_with_the_services_worked_with_lookup(sample_kg):
    from datetime import date

    answer = sample_kg.ask("bo truong nguyen hong dien lam viec voi nhung tinh nao thang 8/2024")
    lookup = sample_kg.worked_with(DIEN, date(2024, 8, 1), date(2024, 8, 31))
    assert [(r["entity"]["iri"], r["date"], r["article"]) for r in answer["rows"]] == \
        [(r["host"], r["dateText"], r["article"].rsplit("/", 1)[-1]) for r in lookup]


def test_a_leader_comes_with_the_sentence_that_names_them(sample_kg):
    [row] = sample_kg.ask("ai la bi thu tinh uy quang ninh")["rows"]
    assert (row["entity"]["iri"], row["organization"]["iri"], row["article"]) == (
        f"{BASE}/person/nguyen-xuan-ky", f"{BASE}/org/tinh-uy-quang-ninh",
        "001_13c4237007baa4d9")
    assert row["evidence"].startswith("Phát biểu tại buổi làm việc, Bí thư Tỉnh ủy Quảng Ninh "
                                      "Nguyễn Xuân Ký")


def test_a_province_asked_after_the_merger_is_the_2025_unit(sample_kg):
    answer = sample_kg.ask("cửa khẩu của tỉnh Lào Cai năm 2026")
    assert [(s["slot"], s["value"]) for s in answer["slots"]] == [
        ("province", f"{BASE}/province/2025/lao-cai"), ("period", "2026")]


@pytest.mark.parametrize(("question", "message"), [
    ("", "the question is empty"), ("   ", "the question is empty"),
    ("ai là " * 50 + "?", "The question is too long (at most 300 characters).")])
def test_an_empty_or_too_long_question_is_a_bad_query(sample_kg, question, message):
    with pytest.raises(BadQuery) as raised:
        sample_kg.ask(question)
    assert raised.value.message == message


# -- the REST door: GET /api/ask ------------------------------------------------------------
@pytest.fixture(scope="module")
def client(sample_kg):
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(kg=sample_kg)) as client:
        yield client


def test_rest_answers_the_mission_question_in_both_spellings(client):
    question = "Bộ trưởng Nguyễn Hồng Diên làm việc với những tỉnh nào trong tháng 8/2024?"
    marks = client.get("/api/ask", params={"q": question})
    folded = client.get("/api/ask", params={"q": fold(question)})
    assert marks.status_code == folded.status_code == 200
    for answer in (marks.json(), folded.json()):
        assert (answer["understood"], answer["kind"], answer["query"]["name"]) == \
            (True, "worked_with", "official_worked_with")
        assert {(r["entity"]["label"], r["date"]) for r in answer["rows"]} == SIX
    assert marks.json()["rows"] == folded.json()["rows"]


def test_rest_says_plainly_what_it_did_not_understand(client):
    answer = client.get("/api/ask", params={"q": "cua khau nao lon nhat"})
    assert answer.status_code == 200
    assert {k: answer.json()[k] for k in ("understood", "kind", "query", "rows", "message",
                                           "message_en")} == {
        "understood": False, "kind": "border_gates", "query": None, "rows": [],
        "message": MISSING_PROVINCE[0], "message_en": MISSING_PROVINCE[1]}


@pytest.mark.parametrize("q", ["", "x" * 301])
def test_rest_refuses_an_empty_or_too_long_question(client, q):
    response = client.get("/api/ask", params={"q": q})
    assert response.status_code == 422
