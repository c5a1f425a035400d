"""Coreference inside one article: bare titles, "tỉnh", delegations (our own sentences)."""

from __future__ import annotations

import pytest
from hand_docs import fact_set, make_doc

from ingest.coref import (
    ArticleContext,
    article_province,
    explicit_province,
    ministry_by_short_name,
    with_province,
)


def P(name):
    return (name, "PERSON")


def ORG(surface, name=None):
    return (surface, "ORGANIZATION", name or surface)


def PR(surface, name=None):
    return (surface, "PROVINCE", name or surface)


CASES = [
    ("bare-minister-title-is-the-minister",
     "Sáng 3/3, Bộ trưởng Bộ Y tế Lê Hùng làm việc với tỉnh Kon Tum.\nChiều cùng ngày, Bộ "
     "trưởng thị sát Cửa khẩu quốc tế Bờ Y.",
     [ORG("Bộ Y tế"), P("Lê Hùng"), PR("tỉnh Kon Tum", "Kon Tum"),
      ("Cửa khẩu quốc tế Bờ Y", "BORDER_GATE", "Bờ Y")], "Kon Tum", [("3/3", "2024-03-03")],
     {("holds_position", "Lê Hùng", "Bộ Y tế", "Bộ trưởng"),
      ("worked_with", "Lê Hùng", "Kon Tum", "2024-03-03"),
      ("visited", "Lê Hùng", "Bờ Y", "2024-03-03"),
      ("border_gate_of", "Bờ Y", "Kon Tum", None)}),
    ("comrade-party-secretary-is-the-secretary",
     "Dự có đồng chí Chu Văn Lâm, Bí thư Tỉnh ủy.\nĐồng chí Bí thư Tỉnh ủy chủ trì Hội nghị "
     "Xúc tiến đầu tư năm 2024.",
     [P("Chu Văn Lâm"), ORG("Tỉnh ủy", "Tỉnh ủy Tuyên Quang"),
      ORG("Tỉnh ủy", "Tỉnh ủy Tuyên Quang"),
      ("Hội nghị Xúc tiến đầu tư năm 2024", "EVENT", "Hội nghị Xúc tiến đầu tư năm 2024")],
     "Tuyên Quang", [],
     {("holds_position", "Chu Văn Lâm", "Tỉnh ủy Tuyên Quang", "Bí thư"),
      ("attended", "Chu Văn Lâm", "Hội nghị Xúc tiến đầu tư năm 2024", None)}),
    ("bare-title-takes-the-nearest-earlier-holder",
     "Thứ trưởng Hoa Văn Bình dự lễ.\nSau đó, Thứ trưởng Cao Thị Yến dự họp.\nChiều 7/7, "
     "Thứ trưởng thăm Khu công nghiệp Hòa Phú.",
     [P("Hoa Văn Bình"), P("Cao Thị Yến"),
      ("Khu công nghiệp Hòa Phú", "ZONE", "Khu công nghiệp Hòa Phú")], "Đắk Lắk",
     [("7/7", "2024-07-07")],
     {("visited", "Cao Thị Yến", "Khu công nghiệp Hòa Phú", "2024-07-07"),
      ("located_in", "Khu công nghiệp Hòa Phú", "Đắk Lắk", None)}),
    ("title-nobody-held-stays-unresolved",
     "Chiều 9/9, Chủ tịch UBND tỉnh thị sát Cửa khẩu Lệ Thanh.",
     [ORG("UBND tỉnh", "UBND tỉnh Gia Lai"), ("Cửa khẩu Lệ Thanh", "BORDER_GATE", "Lệ Thanh")],
     "Gia Lai", [("9/9", "2024-09-09")],
     {("border_gate_of", "Lệ Thanh", "Gia Lai", None)}),
    ("bare-province-word-is-the-host",
     "Sáng 1/4, Thứ trưởng Giang Văn Tú làm việc với tỉnh về tiến độ giải ngân.",
     [P("Giang Văn Tú")], "Quảng Bình", [("1/4", "2024-04-01")],
     {("worked_with", "Giang Văn Tú", "Quảng Bình", "2024-04-01")}),
    ("bare-provincial-committee-is-the-host",
     "Ngày 16/1, Thứ trưởng Âu Thị Nga làm việc với UBND tỉnh về xây dựng nông thôn mới.",
     [P("Âu Thị Nga")], "Bình Định", [("16/1", "2024-01-16")],
     {("worked_with", "Âu Thị Nga", "UBND tỉnh Bình Định", "2024-01-16")}),
    ("province-word-as-organiser",
     "Tỉnh cũng tổ chức Hội nghị đối thoại doanh nghiệp.",
     [("Hội nghị đối thoại doanh nghiệp", "EVENT", "Hội nghị đối thoại doanh nghiệp")],
     "Vĩnh Phúc", [],
     {("organized", "Vĩnh Phúc", "Hội nghị đối thoại doanh nghiệp", None)}),
    ("delegation-then-its-leaders",
     "Ngày 25-6, Đoàn công tác của Ban Kinh tế Trung ương và Bộ Xây dựng làm việc với tỉnh "
     "Thanh Hóa.\nĐoàn do các đồng chí: Nghiêm Văn Đức, Trưởng Ban Kinh tế Trung ương; "
     "Vi Thị Hằng, Bộ trưởng Xây dựng dẫn đầu.",
     [ORG("Ban Kinh tế Trung ương"), ORG("Bộ Xây dựng"), PR("tỉnh Thanh Hóa", "Thanh Hóa"),
      P("Nghiêm Văn Đức"), ORG("Ban Kinh tế Trung ương"), P("Vi Thị Hằng")], "Thanh Hóa",
     [("25-6", "2024-06-25")],
     {("worked_with", "Ban Kinh tế Trung ương", "Thanh Hóa", "2024-06-25"),
      ("worked_with", "Bộ Xây dựng", "Thanh Hóa", "2024-06-25"),
      ("worked_with", "Nghiêm Văn Đức", "Thanh Hóa", "2024-06-25"),
      ("worked_with", "Vi Thị Hằng", "Thanh Hóa", "2024-06-25"),
      ("holds_position", "Nghiêm Văn Đức", "Ban Kinh tế Trung ương", "Trưởng ban"),
      ("holds_position", "Vi Thị Hằng", "Bộ Xây dựng", "Bộ trưởng")}),
    ("bare-delegation-later-is-the-same-body",
     "Sáng 2/2, Đoàn công tác Bộ Công an làm việc với tỉnh Lạng Sơn.\nChiều cùng ngày, đoàn "
     "công tác khảo sát Cửa khẩu Tân Thanh.",
     [ORG("Bộ Công an"), PR("tỉnh Lạng Sơn", "Lạng Sơn"),
      ("Cửa khẩu Tân Thanh", "BORDER_GATE", "Tân Thanh")], "Lạng Sơn", [("2/2", "2024-02-02")],
     {("worked_with", "Bộ Công an", "Lạng Sơn", "2024-02-02"),
      ("visited", "Bộ Công an", "Tân Thanh", "2024-02-02"),
      ("border_gate_of", "Tân Thanh", "Lạng Sơn", None)}),
    ("person-going-with-the-delegation-shares-its-trips",
     "Chiều 9/9, Phó Thủ tướng Hà Minh Tú cùng đoàn công tác của Chính phủ kiểm tra đê biển "
     "tại huyện Giao Thủy.\nTrước đó, ngày 8/9, đoàn công tác đã làm việc với UBND tỉnh Thái "
     "Bình.",
     [P("Hà Minh Tú"), ORG("Chính phủ"), ("huyện Giao Thủy", "LOCATION", "Giao Thủy"),
      ORG("UBND tỉnh Thái Bình")], "Nam Định", [("9/9", "2024-09-09"), ("8/9", "2024-09-08")],
     {("holds_position", "Hà Minh Tú", "Chính phủ", "Phó Thủ tướng"),
      ("visited", "Hà Minh Tú", "Giao Thủy", "2024-09-09"),
      ("visited", "Chính phủ", "Giao Thủy", "2024-09-09"),
      ("located_in", "Giao Thủy", "Nam Định", None),
      ("worked_with", "Chính phủ", "UBND tỉnh Thái Bình", "2024-09-08"),
      ("worked_with", "Hà Minh Tú", "UBND tỉnh Thái Bình", "2024-09-08")}),
    ("headline-province-is-the-dated-provincial-committee",
     "Bộ Nội vụ làm việc với tỉnh Phú Thọ\n\nNgày 14-5, Đoàn công tác của Bộ Nội vụ đã có buổi "
     "làm việc với UBND tỉnh Phú Thọ.",
     [ORG("Bộ Nội vụ"), PR("tỉnh Phú Thọ", "Phú Thọ"), ORG("Bộ Nội vụ"),
      ORG("UBND tỉnh Phú Thọ")], "Phú Thọ", [("14-5", "2024-05-14")],
     {("worked_with", "Bộ Nội vụ", "UBND tỉnh Phú Thọ", "2024-05-14")}),
    ("same-day-after-a-lead-without-a-visit",
     "Thủ tướng dự lễ\n\nSáng 19/10, Thủ tướng Mai Quốc Thái dự Lễ kỷ niệm 50 năm thành lập "
     "tỉnh.\nChiều cùng ngày, Thủ tướng làm việc với lãnh đạo tỉnh Bình Phước.",
     [P("Mai Quốc Thái"), ("Lễ kỷ niệm 50 năm thành lập tỉnh", "EVENT",
                           "Lễ kỷ niệm 50 năm thành lập tỉnh"),
      PR("tỉnh Bình Phước", "Bình Phước")], "Bình Phước", [("19/10", "2024-10-19")],
     # "Chính phủ" is never written: "Thủ tướng" alone gives no position (FACTS.md)
     {("attended", "Mai Quốc Thái", "Lễ kỷ niệm 50 năm thành lập tỉnh", None),
      ("worked_with", "Mai Quốc Thái", "Bình Phước", "2024-10-19")}),
    ("minister-body-given-later-in-article",
     "Bộ trưởng Triệu Văn An phát biểu.\nBộ trưởng Bộ Tư pháp Triệu Văn An tặng quà.",
     [P("Triệu Văn An"), ORG("Bộ Tư pháp"), P("Triệu Văn An")], None, [],
     {("holds_position", "Triệu Văn An", "Bộ Tư pháp", "Bộ trưởng")}),
    ("chain-province-overrides-article-province",
     "Ông Lục Văn Hào - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh "
     "Bắc Ninh cho biết.",
     [P("Lục Văn Hào"), ORG("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Bắc Giang"),
      PR("Bắc Ninh")], "Bắc Giang", [],
     {("holds_position", "Lục Văn Hào", "Ban Thường vụ Tỉnh ủy Bắc Ninh", "Ủy viên"),
      ("holds_position", "Lục Văn Hào", "Đoàn Đại biểu Quốc hội tỉnh Bắc Ninh", "Trưởng đoàn")}),
    # title-implied bodies of a centrally run city say "thành phố", never "tỉnh"
    ("city-delegation-implied-by-the-title",
     "Phát biểu tại buổi tiếp xúc cử tri, bà Đỗ Thị Hạnh, Phó Trưởng đoàn Đại biểu Quốc hội "
     "cho biết sẽ tổng hợp đầy đủ ý kiến.",
     [P("Đỗ Thị Hạnh")], "Hà Nội", [],
     {("holds_position", "Đỗ Thị Hạnh", "Đoàn Đại biểu Quốc hội thành phố Hà Nội",
       "Phó Trưởng đoàn")}),
    ("city-delegation-named-after-the-title",
     "Ông Vương Đình Khang, Trưởng đoàn Đại biểu Quốc hội thành phố Hải Phòng, chủ trì buổi "
     "tiếp xúc.",
     [P("Vương Đình Khang"), PR("Hải Phòng")], "Hải Phòng", [],
     {("holds_position", "Vương Đình Khang", "Đoàn Đại biểu Quốc hội thành phố Hải Phòng",
       "Trưởng đoàn")}),
    ("city-chairman-of-a-bare-tinh",
     "Ông Trương Quốc Bảo, Chủ tịch tỉnh, đề nghị các sở khẩn trương triển khai.",
     [P("Trương Quốc Bảo")], "Cần Thơ", [],
     {("holds_position", "Trương Quốc Bảo", "UBND thành phố Cần Thơ", "Chủ tịch")}),
]


@pytest.mark.parametrize(("text", "ents", "province", "dates", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_coreference_in_facts(text, ents, province, dates, expected):
    doc = make_doc(text, ents, province=province, dates=dates)
    assert fact_set(doc) == expected


@pytest.mark.parametrize(("body", "province", "expected"), [
    ("UBND tỉnh", "Lào Cai", "UBND tỉnh Lào Cai"),
    ("Ủy ban nhân dân tỉnh", "Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"),
    ("Tỉnh ủy", "Sơn La", "Tỉnh ủy Sơn La"),
    ("Ban Chấp hành Đảng bộ tỉnh", "Sơn La", "Tỉnh ủy Sơn La"),
    ("Sở Tài chính", "Sơn La", "Sở Tài chính tỉnh Sơn La"),
    ("UBND tỉnh Điện Biên", "Sơn La", "UBND tỉnh Điện Biên"),
    ("Bộ Tài chính", "Sơn La", "Bộ Tài chính"),
    # a centrally run city: the bare "tỉnh" of a title-implied body is the city's own kind
    ("Đoàn Đại biểu Quốc hội tỉnh", "Hà Nội", "Đoàn Đại biểu Quốc hội thành phố Hà Nội"),
    ("UBND tỉnh", "Cần Thơ", "UBND thành phố Cần Thơ"),
    ("Ban Chấp hành Đảng bộ tỉnh", "Hải Phòng", "Thành ủy Hải Phòng"),
    ("Sở Xây dựng", "Đà Nẵng", "Sở Xây dựng thành phố Đà Nẵng"),
    # a centrally run city has a Thành ủy: a bare "Tỉnh ủy" is another province's, unresolved
    ("Tỉnh ủy", "Hà Nội", "Tỉnh ủy"),
    ("Ban Thường vụ Tỉnh ủy", "Đà Nẵng", "Ban Thường vụ Tỉnh ủy"),
    ("Thường trực Tỉnh ủy", "Huế", "Thường trực Tỉnh ủy"),
], ids=["ubnd", "long-form", "party-committee", "bch-dang-bo", "department", "explicit-kept",
        "central-body-untouched", "city-delegation", "city-ubnd", "city-party-committee",
        "city-department", "city-bare-tinh-uy-unresolved", "city-standing-board-unresolved",
        "hue-unresolved"])
def test_with_province(body, province, expected):
    assert with_province(body, province) == expected


def test_explicit_province_and_ministry_short_name():
    assert explicit_province("Sở Công Thương tỉnh Thái Nguyên") == "Thái Nguyên"
    assert explicit_province("Sở Công Thương") is None
    assert ministry_by_short_name("Kế hoạch và Đầu tư cho biết") == "Bộ Kế hoạch và Đầu tư"


def test_article_province_prefers_the_title():
    ents = [("PROVINCE", "Hà Nội"), ("PROVINCE", "Hà Nội"), ("PROVINCE", "Nghệ An")]
    assert article_province(ents, "Nghệ An thu hút đầu tư") == "Nghệ An"
    assert article_province(ents, "", declared="Huế") == "Huế"


def test_title_memory_is_positional():
    ctx = ArticleContext()
    ctx.remember_title("A", "Thứ trưởng", None, 10)
    ctx.remember_title("B", "Thứ trưởng", None, 50)
    assert ctx.person_with_title("Thứ trưởng", before=30) == "A"
    assert ctx.person_with_title("Thứ trưởng", before=90) == "B"
    assert ctx.person_with_title("Thứ trưởng", before=5) == "A"
    assert ctx.person_with_title("Bộ trưởng", before=90) is None
