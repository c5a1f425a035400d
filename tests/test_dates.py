"""Date normalisation and year inference on phrases in the style of Vietnamese news."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.dates import find_dates, infer_year

DATES = [
    ("morning-day-month", "Sáng 14/9, đoàn công tác đến làm việc.", 2024, ["2024-09-14"]),
    ("afternoon-with-ngay", "Chiều ngày 3/10, hội nghị bế mạc.", 2023, ["2023-10-03"]),
    ("dash-separator", "Ngày 17-5, tỉnh tổ chức lễ phát động.", 2022, ["2022-05-17"]),
    ("full-date", "theo Công văn ngày 21/12/2023 của Bộ", 2024, ["2023-12-21"]),
    ("day-range", "Từ ngày 11-13/7, đoàn khảo sát tại ba huyện.", 2024,
     ["2024-07-11/2024-07-13"]),
    ("day-range-spaced", "từ ngày 4 - 6/11 diễn ra hội chợ", 2023, ["2023-11-04/2023-11-06"]),
    ("day-range-den", "từ ngày 9 đến 12/8 sẽ diễn ra giải đấu", 2024, ["2024-08-09/2024-08-12"]),
    ("month-year", "trong tháng 10/2024, sản lượng tăng", None, ["2024-10"]),
    ("month-year-words", "đến tháng 3 năm 2025 hoàn thành", None, ["2025-03"]),
    ("month-inferred-year", "Trong tháng 9, giá điện ổn định.", 2024, ["2024-09"]),
    ("written-day-month-year", "ngày 2 tháng 9 năm 1945", None, ["1945-09-02"]),
    ("same-day", "Sáng 5/6, Bộ trưởng làm việc với tỉnh. Chiều cùng ngày, đoàn thị sát cảng.",
     2024, ["2024-06-05", "2024-06-05"]),
    ("same-day-not-document-date",
     "Ngày 2/4, tỉnh họp. Theo Quyết định số 12/QĐ-UBND ngày 9/1/2024. Chiều cùng ngày, đoàn về.",
     2024, ["2024-04-02", "2024-01-09", "2024-04-02"]),
    ("ratio-is-not-a-date", "Đã có 16/28 tỉnh hoàn thành chỉ tiêu.", 2024, []),
    ("percent-range-is-not", "phấn đấu tăng từ 6-7% so với năm trước", 2024, []),
    ("years-range-is-not", "trong thời gian từ 2-3 năm tới", 2024, []),
    ("months-count-is-not-month", "Trong 9 tháng năm 2024, xuất khẩu tăng.", 2024, []),
    ("invalid-day", "ngày 31/2 không tồn tại", 2024, []),
    ("no-year-no-date", "Sáng 30/8, hội nghị khai mạc.", None, []),
]


@pytest.mark.parametrize(("text", "year", "expected"), [c[1:] for c in DATES],
                         ids=[c[0] for c in DATES])
def test_find_dates(text: str, year: int | None, expected: list[str]) -> None:
    assert [iso for _s, _e, iso in find_dates(text, year)] == expected


YEARS = [
    ("months-of-year", "Giá trị sản xuất 8 tháng năm 2024 ước đạt 500 tỷ đồng.", 2024),
    ("same-period-last-year", "Kim ngạch tăng 12% so với cùng kỳ năm 2022.", 2023),
    ("first-half", "Trong sáu tháng đầu năm 2021, tốc độ tăng trưởng đạt 8%.", 2021),
    ("month-slash-year", "Đến hết tháng 6/2023, toàn tỉnh có 30 cụm công nghiệp.", 2023),
    ("horizon-years-ignored",
     "Quy hoạch thời kỳ 2021-2030, tầm nhìn đến năm 2050; 7 tháng đầu năm 2024 tăng 5%.", 2024),
    ("quarter", "Trong quý II/2025, sản lượng điện tăng.", 2025),
    ("quarter-in-words", "Trong quý III năm 2023, doanh thu du lịch tăng mạnh.", 2023),
    ("half-year", "6 tháng đầu năm 2022, tỉnh thu hút 15 dự án mới.", 2022),
    ("year-alone-in-title", "Liên hoan ẩm thực Hội An 2023\nTối 9/6, liên hoan khai mạc.", 2023),
    ("this-year-gives-none", "Năm nay, tỉnh phấn đấu tăng trưởng 8%. Sáng 3/2, tỉnh họp.", None),
    ("no-year", "Sáng 30/8, hội nghị khai mạc.", None),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in YEARS], ids=[c[0] for c in YEARS])
def test_infer_year(text: str, expected: int | None) -> None:
    assert infer_year(text) == expected


def test_published_year_wins(nlp) -> None:
    from ingest.articles import Article
    from ingest.pipeline import _docs

    article = Article(id="d", title="Tỉnh Quảng Bình", body="Sáng 2/1, so với cùng kỳ năm 2019.",
                      published=date(2025, 1, 2))
    doc, _ = next(nlp.pipe(_docs(nlp, [article]), as_tuples=True))
    assert doc._.year == 2025
    assert [iso for *_, iso in doc._.dates] == ["2025-01-02"]
    assert doc._.province == "Quảng Bình"


def test_year_inferred_without_published(nlp) -> None:
    doc = nlp("Lào Cai: sáng 12/3 làm việc. Tăng 60% so với cùng kỳ năm 2023.")
    assert doc._.year == 2024
    assert doc._.dates[0][2] == "2024-03-12"


def test_undated_article_keeps_dates_null(nlp) -> None:
    """No published date and no year anywhere: a day without a year stays undated."""
    doc = nlp("Tỉnh Hòa Bình họp bàn kế hoạch\nChiều 21/5, UBND tỉnh họp với các sở.")
    assert doc._.year is None
    assert doc._.dates == []


def test_year_in_title_anchors_days(nlp) -> None:
    doc = nlp("Tuần lễ Văn hóa Khmer 2024\nSáng 14/11, tuần lễ khai mạc tại Sóc Trăng.")
    assert doc._.year == 2024
    assert doc._.dates[0][2] == "2024-11-14"


def test_two_days_joined_by_va():
    """"Trong 2 ngày (24 và 25-11)", "Ngày 24 và 25/11": a span of two days; a bare "2 và 3/5"
    outside brackets and without a lead word is no date."""
    from ingest.dates import find_dates

    text = ("Trong 2 ngày (24 và 25-11), đoàn thăm tỉnh. Có 2 và 3/5 số phiếu. Ngày 24 và 25/11 "
            "đoàn làm việc.")
    assert [d[2] for d in find_dates(text, 2024)] == ["2024-11-24/2024-11-25",
                                                      "2024-11-24/2024-11-25"]
