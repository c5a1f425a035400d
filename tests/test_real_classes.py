"""Failure classes seen on real news (issue 13), each with our own sentences, through the whole
pipeline: the exact facts a short article must give.

No sentence here comes from an article: names, provinces and wording are made up for each class.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.articles import Article
from ingest.pipeline import extract


def facts_of(nlp, published: str, text: str) -> set[tuple]:
    """(relation, subject, object, role or date) of every fact of a one-article text."""
    title, body = text.split("\n", 1)
    art = Article(id="t", title=title, body=body, published=date.fromisoformat(published))
    (found,) = list(extract([art], nlp))
    names = {e.id: e.name for e in found.entities}
    return {(f.relation, names[f.subject], names[f.object], f.role or f.date)
            for f in found.facts}


def names_of(nlp, published: str, text: str) -> set[tuple[str, str]]:
    title, body = text.split("\n", 1)
    art = Article(id="t", title=title, body=body, published=date.fromisoformat(published))
    (found,) = list(extract([art], nlp))
    return {(e.type, e.name) for e in found.entities}


HP, WW, VI = "holds_position", "worked_with", "visited"

# A name joined to its title by a hyphen without spaces, and two titles joined the same way:
# the hyphen before a capital separates; a hyphen before a lowercase syllable still joins a
# transcribed name ("Xiêng-khoảng").
HYPHEN_JOINS = [
    ("name-hyphen-title",
     "Lãnh đạo Trung ương dự lễ\n"
     "Dự lễ có các đồng chí: Hoàng Văn Lực-Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương; "
     "Đinh Thị Hòa-Phó Chủ tịch Quốc hội.",
     {(HP, "Hoàng Văn Lực", "Bộ Chính trị", "Ủy viên"),
      (HP, "Hoàng Văn Lực", "Ban Tổ chức Trung ương", "Trưởng ban"),
      (HP, "Đinh Thị Hòa", "Quốc hội", "Phó Chủ tịch")}),
    ("stacked-titles-hyphen-before-name",
     "Hội nghị tỉnh Kon Tum\n"
     "Tham dự có Phó Bí thư Tỉnh ủy-Chủ tịch UBND tỉnh Kon Tum Lê Văn Hùng.",
     {(HP, "Lê Văn Hùng", "Tỉnh ủy Kon Tum", "Phó Bí thư"),
      (HP, "Lê Văn Hùng", "UBND tỉnh Kon Tum", "Chủ tịch")}),
]


@pytest.mark.parametrize(("case", "text", "expected"), HYPHEN_JOINS,
                         ids=[c[0] for c in HYPHEN_JOINS])
def test_hyphen_joined_titles(nlp, case, text, expected):
    found = {f for f in facts_of(nlp, "2024-05-10", text) if f[0] == HP}
    assert found == expected


def test_a_hyphen_before_lowercase_still_joins_a_transcribed_name(nlp):
    text = ("Đoàn thăm tỉnh bạn\nĐoàn công tác thăm huyện Mường-khoa, tỉnh Xiêng-khoảng "
            "(Lào).")
    names = names_of(nlp, "2024-05-10", text)
    assert ("PERSON", "Mường") not in names
    assert not any(n.endswith("-") or n == "Mường" for _t, n in names)


# A place chain from a village up to the province, each unit written with its word: each step
# is located in the next; a bracket after a town lists the places holding it, first the
# nearest; "có địa chỉ tại" says where a gate is. Village words stay in the village's name.
PLACE_CHAINS = [
    ("village-commune-district-province",
     "Khảo sát mốc giới\nNgày 9/5, đoàn khảo sát khu vực mốc 88 thuộc bản Pù Lầu, xã Tam Thanh, "
     "huyện Quan Sơn, tỉnh Thanh Hóa.",
     {("located_in", "bản Pù Lầu", "Tam Thanh", None),
      ("located_in", "Tam Thanh", "Quan Sơn", None),
      ("located_in", "Quan Sơn", "Thanh Hóa", None)}),
    ("ward-in-town",
     "Kiểm tra di tích\nSáng 3/4, ông Lý Văn Tài kiểm tra khu khai quật tại phường Phú Lâm, "
     "thị xã Tiên Du.",
     {("located_in", "Phú Lâm", "Tiên Du", None)}),
    ("gate-address-and-bracket",
     "Cửa khẩu Sơn Lư\nCửa khẩu Sơn Lư có địa chỉ tại tổ dân phố Đông Tiến, thị trấn Sơn Lư "
     "(Quan Sơn, Thanh Hóa).",
     {("located_in", "Sơn Lư", "tổ dân phố Đông Tiến", None),
      ("located_in", "tổ dân phố Đông Tiến", "Sơn Lư", None),
      ("located_in", "Sơn Lư", "Quan Sơn", None)}),
]


@pytest.mark.parametrize(("case", "text", "expected"), PLACE_CHAINS,
                         ids=[c[0] for c in PLACE_CHAINS])
def test_place_chains(nlp, case, text, expected):
    found = {f for f in facts_of(nlp, "2024-05-10", text) if f[0] == "located_in"}
    assert expected <= found


def test_unit_words_inside_other_nouns_are_no_places(nlp):
    text = ("Bộ trưởng làm việc\nVăn bản Quyết định số 12 do Bộ trưởng Bộ Nông nghiệp và Phát "
            "triển nông thôn Trần Văn Lâm ký. Tư bản Nhật Bản đầu tư.")
    names = names_of(nlp, "2024-05-10", text)
    assert not {n for t, n in names if t == "LOCATION"} - {"Nhật Bản"}
    assert ("PERSON", "Trần Văn Lâm") in names
