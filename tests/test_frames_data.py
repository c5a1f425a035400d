"""The rules that are data (ingest/data/frames.json, admin_units.json, documents.json): every
entry says what it covers, and the engine compiles what the data declares."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.frames import (
    after_reception_pattern,
    attend_pattern,
    between_pattern,
    frames,
    greets_delegation_pattern,
    happen_pattern,
    issue_pattern,
    led_by_pattern,
    organize_pattern,
    partner_pattern,
    session_pattern,
    speech_pattern,
    spoke_at_pattern,
    visit_pattern,
)

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"


def _entries(node: object) -> list[dict]:
    """Every dict of a data tree that declares words (a trigger, a unit, a kind)."""
    if isinstance(node, dict):
        own = [node] if ("words" in node and isinstance(node["words"], str)) or \
            "word" in node else []
        return own + [e for v in node.values() for e in _entries(v)]
    if isinstance(node, list):
        return [e for v in node for e in _entries(v)]
    return []


@pytest.mark.parametrize("name", ["frames.json", "admin_units.json", "documents.json"])
def test_every_entry_has_a_note(name):
    entries = _entries(json.loads((DATA / name).read_text("utf-8")))
    assert entries
    assert [e for e in entries if not e.get("note")] == []


def test_the_engine_compiles_the_declared_verbs():
    assert {f.name for f in frames()} == {"reception", "reception_of_delegation"}
    assert session_pattern().search("đã có buổi làm việc với tỉnh").group("prep") == "với"
    assert visit_pattern().search("Đoàn đến thăm Khu kinh tế")
    assert not visit_pattern().search("Đoàn thăm hỏi gia đình")
    assert attend_pattern().search("ông A dự Hội nghị").group("verb") == "dự"
    assert not attend_pattern().search("triển khai dự án")
    assert organize_pattern().search("UBND tỉnh đăng cai tổ chức Hội chợ")


def test_every_verb_family_is_compiled_from_the_data():
    assert after_reception_pattern().search("Chủ tịch tỉnh tiếp và ")
    assert partner_pattern().search("Sở A phối hợp cùng Sở B tổ chức")
    assert between_pattern().search("buổi hội đàm giữa hai đoàn")
    assert happen_pattern().search("Hội chợ diễn ra tại tỉnh")
    assert not happen_pattern().search("các dự án tại tỉnh")
    assert spoke_at_pattern().search("ông A phát biểu tại ")
    assert issue_pattern().search("UBND tỉnh vừa ký ban hành ")
    assert not issue_pattern().search("UBND tỉnh ký ban hành kế hoạch")
    assert speech_pattern().search("ông A nhấn mạnh")
    assert led_by_pattern().search("đoàn do ông A, Thứ trưởng, làm Trưởng đoàn").group("who") \
        == " ông A, Thứ trưởng, "
    assert greets_delegation_pattern().search("ông B hoan nghênh đoàn").group("who") == "đoàn"


def test_every_family_declares_its_slots_and_policies():
    data = json.loads((DATA / "frames.json").read_text("utf-8"))["families"]
    assert [f["name"] for f in data] == [
        "reception", "session", "between", "visit", "attend", "organize", "happen", "issue",
        "part_of"]
    for fam in data:
        assert fam["note"] and fam["subject"]["types"] and fam["object"]["types"]
        assert fam["subject"]["note"] and fam["object"]["note"]
        assert fam["date"]["policy"] in ("sentence", "document", "none") and fam["date"]["note"]
        assert {"credit", "notes_visitors", "sentence_leaders"} <= set(fam["delegation"])


def test_the_code_a_family_names_is_the_engines():
    from ingest.relations import engine
    from ingest.relations.family import families

    for fam in families():
        if fam.special:
            assert fam.special in engine.SPECIALS
            continue
        assert fam.object.finder in engine.OBJECT_FINDERS
        assert fam.subject.finder in engine.SUBJECT_FINDERS
        assert set(fam.object.fallbacks) <= set(engine.OBJECT_FALLBACKS)
        assert set(fam.subject.fallbacks) <= set(engine.SUBJECT_FALLBACKS)
        assert set(fam.subject.filters) <= set(engine.SUBJECT_FILTERS)
        assert set(fam.guards) <= set(engine.GUARDS)


def test_connectives_and_policies_compile_from_the_data():
    from ingest.relations.family import families

    by_name = {f.name: f for f in families()}
    gap = by_name["session"].object.connectives
    assert gap.fullmatch(", và lãnh đạo chủ chốt các tỉnh ")
    assert gap.fullmatch(" và 3 ")
    assert not gap.fullmatch(" về việc ")
    assert by_name["session"].relation_for(("LOCATION", "Mường Khương")) == "visited"
    assert by_name["session"].relation_for(("PROVINCE", "Lào Cai")) == "worked_with"
    assert by_name["visit"].relation_for(("PROVINCE", "Lào Cai")) == "visited"
    assert by_name["between"].date.at == "trigger_end"
    assert by_name["reception"].date.later_in_clause
    assert not by_name["between"].delegation.credit
    assert by_name["attend"].subject.by_verb["du"] == ("PERSON", "ORGANIZATION")


def test_date_markers_and_openers_are_compiled_from_the_data():
    from ingest.frames import (
        attendance_pattern,
        delegation_head_pattern,
        delegation_word,
        invitation_pattern,
        same_day_pattern,
        session_time_pattern,
        side_list_pattern,
        trip_time_pattern,
    )

    assert same_day_pattern().search("Cùng ngày, đoàn đến thăm")
    assert session_time_pattern().search("Ngay sau khi kết thúc buổi làm việc, đoàn")
    assert session_time_pattern().search("Nhân dịp này, ông A")
    assert not session_time_pattern().search("Trước đó, ông A")
    assert trip_time_pattern().search("Trong khuôn khổ chuyến công tác này, ông A")
    assert not trip_time_pattern().search("trong chuyến công tác tới Lào")
    assert attendance_pattern().match("Cùng dự Hội nghị còn có ông A").group("what") \
        == " Hội nghị"
    assert not attendance_pattern().match("Dự án gồm hai giai đoạn")
    assert side_list_pattern().match("Về phía tỉnh Lai Châu có ông B")
    assert side_list_pattern().match("Tại điểm cầu tỉnh Lai Châu, có sự tham dự của ông B")
    assert invitation_pattern().search("Theo lời mời của ông A, đoàn").group(0) \
        == "Theo lời mời của "
    assert delegation_head_pattern().match("Đoàn công tác liên ngành của Bộ X").group(0) \
        == "Đoàn công tác liên ngành của "
    assert delegation_head_pattern().match("Tổ công tác số 1, số 3 của Bộ X").group(0) \
        == "Tổ công tác số 1, số 3 của "
    assert delegation_word().search("cùng đoàn").group(0) == "đoàn"


def test_body_head_lists_come_from_the_one_body_heads_record():
    from ingest import bodies, resources
    from ingest.coref import is_unresolved_body
    from ingest.positions import _IMPLICIT_BODY
    from ingest.relations.sentences import _PROVINCIAL_BODY

    heads = resources.body_heads()
    assert bodies.LOCAL_COMMITTEES == set(heads.local_committees) >= {"Huyện ủy"}
    assert bodies.PLACE_NAMED == set(heads.place_named) >= {"Công an", "Đảng ủy"}
    assert bodies.LOWER_HEADS == {"sở": "Sở", "cục": "Cục", "ban": "Ban"}
    assert bodies.LOWERCASE_NAMED == set(heads.lowercase_named) >= {"Ban Quản lý"}
    assert heads.province is not None and "UBND" in heads.province.councils
    assert is_unresolved_body("Thường trực Tỉnh ủy") and not is_unresolved_body("Tỉnh ủy Lai Châu")
    assert [m.group(0) for m in _PROVINCIAL_BODY.finditer(
        "Ban cán sự đảng UBND tỉnh họp; Phó Chủ tịch Thường trực UBND tỉnh dự")] == [
        "Ban cán sự đảng UBND tỉnh", "UBND tỉnh"]
    assert _IMPLICIT_BODY.match(" Đoàn ĐBQH tỉnh").group("body") == "Đoàn ĐBQH tỉnh"


def test_a_newcomer_adds_a_family_as_data(monkeypatch):
    """A new relation family is a record: its trigger words, slots and policies; the engine
    fills it with the generic finders and no new code."""
    from datetime import date

    from ingest.articles import Article
    from ingest.pipeline import extract
    from ingest.relations import engine
    from ingest.relations.family import families, family

    supervise = family({
        "name": "supervise", "relation": "visited", "note": "a supervision visit",
        "trigger": {"words": [{"words": "giám sát tại", "note": "supervising at a place"}]},
        "object": {"types": ["LOCATION", "PROVINCE"], "finder": "after_trigger",
                   "connectives": [{"words": ",", "note": "a list"},
                                   {"words": "và", "note": "its last item"}],
                   "note": "the places after the verb"},
        "subject": {"types": ["PERSON"], "finder": "before_trigger", "note": "who supervised"},
        "date": {"policy": "sentence", "note": "the sentence date"},
        "delegation": {"credit": False, "notes_visitors": False, "sentence_leaders": False,
                       "note": "none"}})
    monkeypatch.setattr(engine, "families", lambda: (*families(), supervise))
    art = Article(id="t", title="Giám sát", published=date(2024, 5, 9),
                  body="Ngày 8/5, Phó Chủ tịch Quốc hội Trần Quang Phương giám sát tại huyện "
                       "Mộc Châu và huyện Vân Hồ.")
    (found,) = list(extract([art]))
    names = {e.id: e.name for e in found.entities}
    assert {(f.relation, names[f.subject], names[f.object], f.date) for f in found.facts
            if f.relation == "visited"} == {
        ("visited", "Trần Quang Phương", "Mộc Châu", "2024-05-08"),
        ("visited", "Trần Quang Phương", "Vân Hồ", "2024-05-08")}
