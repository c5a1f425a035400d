"""The gazetteers answer lookups the way a reader of Vietnamese news would expect."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from ingest.gazetteer import Gazetteer, iter_ids, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_63_legacy_and_34_current_provinces(gaz: Gazetteer) -> None:
    assert Counter(p.era for p in gaz.provinces) == {"legacy": 63, "2025": 34}
    current = [p for p in gaz.provinces if p.era == "2025"]
    merged = sorted(k for p in current for k in p.merged_from)
    assert merged == sorted(p.key for p in gaz.provinces if p.era == "legacy")


def test_bac_kan_merged_into_thai_nguyen(gaz: Gazetteer) -> None:
    bac_kan = gaz.province("bac-kan")
    assert (bac_kan.merged_into, bac_kan.merged_on) == ("thai-nguyen", "2025-07-01")
    assert gaz.successor("bac-kan").name == "Thái Nguyên"
    assert [p.name for p in gaz.predecessors("thai-nguyen")] == ["Bắc Kạn", "Thái Nguyên"]


def test_a_province_that_kept_its_name_exists_in_both_eras(gaz: Gazetteer) -> None:
    old = gaz.province_by_name("Lào Cai", on=date(2024, 8, 30))
    new = gaz.province_by_name("Lào Cai", on=date(2025, 8, 30))
    assert (old.era, new.era) == ("legacy", "2025")
    assert gaz.successor(old.key) == new
    assert new.merged_from == ("lao-cai", "yen-bai")
    unchanged = gaz.provinces_by_name("Cao Bằng")
    assert [p.id for p in unchanged] == ["province:cao-bang", "province:cao-bang"]
    assert gaz.province("cao-bang", "legacy").merged_into is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("lao cai", "Lào Cai"), ("LÀO CAI", "Lào Cai"), ("Hoà Bình", "Hòa Bình"),
     ("Hòa Bình", "Hòa Bình"), ("TP.HCM", "Hồ Chí Minh"), ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
     ("tỉnh Thừa Thiên Huế", "Huế"), ("Bắc Cạn", "Bắc Kạn"), ("Đăk Lăk", "Đắk Lắk"),
     ("thành phố Cần Thơ", "Cần Thơ"), ("BR-VT", "Bà Rịa - Vũng Tàu")],
)
def test_province_names_ignore_accents_case_and_tone_placement(
        gaz: Gazetteer, text: str, name: str) -> None:
    assert gaz.province_by_name(text).name == name


def test_a_pre2025_ministry_maps_to_its_successor(gaz: Gazetteer) -> None:
    assert gaz.body_by_name("Bộ TN&MT").name == "Bộ Tài nguyên và Môi trường"
    assert gaz.current_body("bo-tai-nguyen-va-moi-truong").name == "Bộ Nông nghiệp và Môi trường"
    assert gaz.current_body(gaz.body_by_name("bộ kh&đt").key).name == "Bộ Tài chính"
    assert gaz.body_by_name("Bộ Giao thông vận tải").successor == "bo-xay-dung"
    assert gaz.body_by_name("Bộ Công Thương").valid == "both"


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [("PTT", "Phó Thủ tướng", "chinh-phu"), ("TBT", "Tổng Bí thư", "ban-chap-hanh-trung-uong-dang"),
     ("UV BCH TW", "Ủy viên Trung ương Đảng", "ban-chap-hanh-trung-uong-dang"),
     ("PCT", "Phó Chủ tịch", None), ("Chủ tịch HĐQT", "Chủ tịch Hội đồng quản trị", None),
     ("chu tich nuoc", "Chủ tịch nước", "nha-nuoc")],
)
def test_title_abbreviations_resolve(gaz: Gazetteer, text: str, title: str,
                                     body: str | None) -> None:
    found = gaz.title_by_name(text)
    assert (found.title, found.default_body) == (title, body)


def test_districts_resolve_to_their_province(gaz: Gazetteer) -> None:
    assert gaz.district_by_name("huyện Bát Xát").province == "lao-cai"
    assert gaz.district_by_name("Quận Ba Đình").province == "ha-noi"
    assert gaz.district_by_name("TX. Sa Pa").province == "lao-cai"
    assert gaz.district_by_name("Châu Thành") is None  # nine provinces have one
    assert gaz.district_by_name("Châu Thành", province="tay-ninh").province == "tay-ninh"


def test_places_gates_and_names(gaz: Gazetteer) -> None:
    assert gaz.place_by_name("Mỹ").name == "Hoa Kỳ"
    assert gaz.place_by_name("Hà Khẩu").parent == "hong-ha-cn"
    assert gaz.place_by_name("ĐBSCL").name == "Đồng bằng sông Cửu Long"
    gate = gaz.border_gate_by_name("cửa khẩu quốc tế Hữu Nghị")
    assert (gate.province, gate.kind) == ("lang-son", "quốc tế")
    assert gaz.border_gate_by_name("Lào Cai - Hà Khẩu").pair == "Hà Khẩu"
    assert gaz.is_surname("Nguyễn") and gaz.is_surname("vũ") and not gaz.is_surname("Vụ")
    assert gaz.is_common_middle("Thị") and gaz.is_not_name("Bộ")


def test_patterns_carry_canonical_ids(gaz: Gazetteer) -> None:
    patterns = gaz.entity_patterns()
    by_text = {(p.label, p.text.lower()): p.id for p in patterns}
    assert by_text[("PROVINCE", "tp.hcm")] == "province:ho-chi-minh"
    assert by_text[("PROVINCE", "tỉnh bắc cạn")] == "province:bac-kan"
    assert by_text[("ORGANIZATION", "bộ công thương")] == "org:bo-cong-thuong"
    assert by_text[("BORDER_GATE", "cửa khẩu móng cái")] == "border_gate:mong-cai"
    assert by_text[("LOCATION", "huyện bát xát")] == "location:lao-cai-huyen-bat-xat"
    assert len(by_text) == len(patterns)  # one pattern per (label, text)
    current = {p.id for p in gaz.entity_patterns("2025") if p.label == "PROVINCE"}
    assert "province:lao-cai-2025" in current and "province:yen-bai" not in current
    # Ids are unique, except a province whose code survived the merger: one id, two eras.
    repeated = {i for i, n in Counter(iter_ids(gaz)).items() if n > 1}
    both_eras = {p.id for p in gaz.provinces if p.era == "2025"
                 and gaz.province(p.key, "legacy") is not None}
    assert repeated == both_eras and "province:hai-phong" in both_eras
