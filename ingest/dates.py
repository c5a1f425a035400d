"""Dates of Vietnamese news: find them, infer the year, normalise to ISO 8601.

News writes days without a year ("Sáng 30/8", "Ngày 25-6", "từ ngày 7-9/8"): the year is the
article's `published` year or, failing that, the year the text itself reports on ("8 tháng năm
2024", "tháng 8/2024", "so với cùng kỳ năm 2023" → 2024). A day and month alone ("16/28 tỉnh",
"27/41 cụm") are only read as a date after a word that introduces one (ngày, sáng, chiều, từ,
đến, ...) or with a four-digit year, so ratios and counts never become dates.

>>> find_dates("Sáng 30/8, từ ngày 7-9/8 và trong tháng 8/2024.", 2024)
[(0, 9, '2024-08-30'), (11, 24, '2024-08-07/2024-08-09'), (34, 46, '2024-08')]
>>> infer_year("tăng 13,8% so với cùng kỳ năm 2023")
2024
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

__all__ = ["find_dates", "infer_year", "url_date"]

# Words that open a day-month date: "ngày 20/5", "sáng 30/8", "từ 2/6", "đến hết 8/6".
_LEAD = (r"(?:(?:rạng\s+)?sáng|chiều|tối|trưa|đêm|hôm|ngày|từ|đến(?:\s+hết)?|tới|trước|sau|"
         r"đầu|cuối|hạn)")
# After a weak lead ("từ", "đến") only "/" separates day and month: "từ 2-3 năm" is a count.
_STRONG_LEAD = re.compile(r"sáng|chiều|tối|trưa|đêm|hôm|ngày", re.IGNORECASE)
_COUNT_AFTER = re.compile(r"\s*(?:%|năm\b|tháng\b|ngày\b|giờ\b|lần\b|người\b|km\b|ha\b|tỷ\b|"
                          r"triệu\b|nghìn\b)", re.IGNORECASE)
_D = r"(\d{1,2})"
_M = r"(\d{1,2})"
_Y = r"(\d{4})"
_SEP = r"\s*[/\-.]\s*"
_DASH = r"\s*[-–]\s*"
_WORD_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                 "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}

# Ordered: the first alternative that matches at a position wins (longest forms first).
_DATE = re.compile(
    # "Hôm nay (2/3)", "sáng nay (2/3)": the day in brackets after the relative day
    r"(?P<lead>\b(?:hôm|sáng|chiều|tối|trưa)\s+(?:nay|qua)\s*\(\s*"
    r"|\b" + _LEAD + r"(?:\s+(?:ngày|hôm))?\s+)?"
    r"(?<![\d.,/])(?:"
    # "từ ngày 2 đến (ngày) 8/6(/2024)", "(24 và 25-11)": a span whose first day borrows the
    # month
    r"(?P<f_d1>\d{1,2})\s+(?P<f_join>đến|tới|và)\s+(?:ngày\s+)?(?P<f_d2>\d{1,2})" + _SEP
    + r"(?P<f_m>\d{1,2})(?:" + _SEP + r"(?P<f_y>\d{4}))?"
    # "7-9/8(/2024)", "2 - 8/6"
    r"|(?P<r_d1>\d{1,2})" + _DASH + r"(?P<r_d2>\d{1,2})\s*/\s*(?P<r_m>\d{1,2})"
    r"(?:\s*/\s*(?P<r_y>\d{4}))?"
    # "ngày 30 tháng 8 năm 2024"
    r"|(?P<w_d>\d{1,2})\s+tháng\s+(?P<w_m>\d{1,2})(?:\s*(?:năm|,)\s*(?P<w_y>\d{4}))?"
    # "30/8", "25-6", "20/5/2024", "08.9.2023", "14/9 năm 2023"
    r"|(?P<s_d>\d{1,2})" + _SEP + r"(?P<s_m>\d{1,2})(?:(?:" + _SEP + r"|\s+năm\s+)(?P<s_y>\d{4}))?"
    r")(?![\d/])"
    # "tháng 8/2024", "tháng 8 năm 2024", "trong tháng 8"
    r"|(?P<m_lead>\btháng\s+)(?P<m_m>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<m_y>\d{4}))?(?![\d/])"
    # "cùng ngày": the day last named
    r"|(?P<same>\b(?:(?:sáng|chiều|tối|trưa)\s+)?cùng\s+ngày\b)",
    re.IGNORECASE,
)


_AFTER_NUMBER = re.compile(r"/[A-ZĐ][\w\-]*\s*$")
# Every date holds a digit or says "cùng ngày"; a lead word stands at most this far before it.
_ANCHOR = re.compile(r"\d+|cùng\s+ngày", re.IGNORECASE)
_LEAD_REACH = 40
_WORD_START = re.compile(r"(?<!\w)\w")


def _date_matches(text: str) -> list[re.Match[str]]:
    """`_DATE.finditer(text)`, tried only where a date can start: at a digit run or at one of
    the words just before it (a lead word, "tháng"), or at "cùng ngày". The long pattern is
    anchored at a few places instead of being tried at every character of the article."""
    out: list[re.Match[str]] = []
    pos = 0
    for anchor in _ANCHOR.finditer(text):
        a = anchor.start()
        if a < pos:
            continue
        lo = max(pos, a - _LEAD_REACH)
        starts = [w.start() for w in _WORD_START.finditer(text, lo, a)]
        starts.append(a)
        for p in starts:
            m = _DATE.match(text, p)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
    return out


def _iso(year: int | None, month: int, day: int | None = None) -> str | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}" if year else None
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29/2 stays valid
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else None


def find_dates(text: str, year: int | None) -> list[tuple[int, int, str]]:
    """(start, end, iso) for each date in text; days without a year take `year`.

    Without any year the undated forms are skipped (an ISO date needs one).
    """
    found: list[tuple[int, int, str]] = []
    last_day: str | None = None
    for m in _date_matches(text):
        g = m.groupdict()
        iso: str | None = None
        if g["same"]:
            iso = last_day
        elif g["m_lead"]:
            prev = text[max(0, m.start() - 12):m.start()].lower()
            # "8 tháng năm 2024" is a period of eight months, not August
            if re.search(r"\d\s*$", prev) or not g["m_m"]:
                continue
            iso = _iso(int(g["m_y"]) if g["m_y"] else year, int(g["m_m"]))
        else:
            has_year = any(g[k] for k in ("f_y", "r_y", "w_y", "s_y"))
            days_in_brackets = g["f_join"] == "và" and text[max(0, m.start() - 1)] == "("
            if not g["lead"] and not has_year and not g["w_d"] and not days_in_brackets:
                continue  # a bare "16/28" is a ratio, not a date ("(24 và 25/11)" is two days)
            if (g["lead"] and not has_year and not _STRONG_LEAD.search(g["lead"])
                    and ("/" not in m.group(0) or _COUNT_AFTER.match(text, m.end()))):
                continue  # "từ 2-3 năm", "tăng từ 6-7%"
            if g["f_d1"]:
                y = int(g["f_y"]) if g["f_y"] else year
                a, b = _iso(y, int(g["f_m"]), int(g["f_d1"])), _iso(y, int(g["f_m"]),
                                                                   int(g["f_d2"]))
                iso = f"{a}/{b}" if a and b and a < b else None
            elif g["r_d1"]:
                y = int(g["r_y"]) if g["r_y"] else year
                a, b = _iso(y, int(g["r_m"]), int(g["r_d1"])), _iso(y, int(g["r_m"]),
                                                                   int(g["r_d2"]))
                iso = f"{a}/{b}" if a and b and a < b else None
            elif g["w_d"]:
                iso = _iso(int(g["w_y"]) if g["w_y"] else year, int(g["w_m"]), int(g["w_d"]))
            else:
                iso = _iso(int(g["s_y"]) if g["s_y"] else year, int(g["s_m"]), int(g["s_d"]))
            if (iso and "/" not in iso and len(iso) == 10
                    and not _AFTER_NUMBER.search(text, max(0, m.start() - 30), m.start())):
                last_day = iso  # a document's own date ("số 32/2024/NĐ-CP ngày ...") is not
        if iso:
            found.append((m.start(), m.end(), iso))
    return found


# Expressions that name the period an article reports on, with the year they imply.
_PERIOD = re.compile(
    r"\b(?:(?P<n>\d{1,2}|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
    r"\s+tháng(?:\s+(?:đầu|cuối))?\s+(?:năm\s+)?(?P<y1>\d{4})"
    r"|tháng\s+\d{1,2}\s*/\s*(?P<y2>\d{4})"
    r"|quý\s+(?:[IV]{1,3}|[1-4])\s*(?:/|năm)\s*(?P<y3>\d{4})"
    r"|(?:những\s+)?tháng\s+(?:đầu|cuối)\s+năm\s+(?P<y4>\d{4})"
    r"|cùng\s+kỳ(?:\s+năm\s+trước)?\s+năm\s+(?P<prev>\d{4}))",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?P<lead>\w+\s+)?năm\s+(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)
# "đến năm 2030", "giai đoạn ... năm 2025": plans and horizons, not the reporting year.
_FUTURE = {"đến", "tới", "vào", "trước", "sau", "từ", "nhìn", "đoạn", "kỳ"}


# A full date in the text ("sáng 12/3/2017", "ngày 5-6-2019") names the year it reports on.
_FULL_DATE = re.compile(r"(?<![\d/.\-])(?:[0-2]?\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-]"
                        r"(?P<y>(?:19|20)\d{2})(?![\d/])")


# A year written alone in the title ("Festival Biển Nha Trang 2025"), not inside a date.
_TITLE_YEAR = re.compile(r"(?<![\d/.\-])(?:19|20)\d{2}(?![\d/])")


# A year written after a capitalised name in the text, as events and festivals are named ("Tết
# cổ truyền Bunpimay 2024", "SEA Games 2025"): it names the year reported on, as "năm 2024" does.
_NAMED_YEAR = re.compile(r"(?<![\w/.\-])(?P<w>\w+) (?P<y>(?:19|20)\d{2})(?![\d/\-]|\.\d)")


def infer_year(text: str) -> int | None:
    r"""The year a text reports on, from its period expressions, else its most named year; a
    year in the title (the first line) counts as much as a period.

    >>> infer_year("Kinh tế quý I năm 2024 khởi sắc\nSáng 15/4, tỉnh họp.")
    2024
    >>> infer_year("Festival Biển 2025\nChiều 2/6 khai mạc.")
    2025
    >>> infer_year("Thăm tỉnh\nNgày 4/5, đoàn đến. Sáng 5/5/2019, đoàn về.")
    2019
    >>> infer_year("Thăm Lào\nNgày 12/4, đoàn chúc Tết Bunpimay 2024 của bạn.")
    2024
    """
    votes: Counter[int] = Counter()
    title = text.split("\n", 1)[0]
    for m in _TITLE_YEAR.finditer(title):
        votes[int(m.group(0))] += 3
    for m in _PERIOD.finditer(text):
        if m.group("prev"):
            votes[int(m.group("prev")) + 1] += 3
        else:
            year = next(int(v) for k, v in m.groupdict().items() if k != "n" and v)
            votes[year] += 3
    for m in _FULL_DATE.finditer(text):
        votes[int(m.group("y"))] += 2
    for m in _YEAR.finditer(text):
        lead = (m.group("lead") or "").strip().lower()
        if lead not in _FUTURE:
            votes[int(m.group("y"))] += 1
    for m in _NAMED_YEAR.finditer(text):
        if m.group("w")[0].isupper() and not m.group("w")[0].isdigit():
            votes[int(m.group("y"))] += 1
    if not votes:
        return None
    best = max(votes.values())
    return max(year for year, n in votes.items() if n == best)


# The date a url's path or slug carries: "/2024/08/30/", "/202408/", "-20240830172444.htm".
_URL_DATE = re.compile(
    r"/(?P<y1>(?:19|20)\d{2})/(?P<m1>[01]\d)/(?P<d1>[0-3]\d)(?:/|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>[01]\d)/"
    r"|-(?P<y3>(?:19|20)\d{2})(?P<m3>[01]\d)(?P<d3>[0-3]\d)\d*(?:\.\w+)?/?$")


def url_date(url: str | None) -> date | None:
    """The date in an article's url, which anchors day-month dates as `published` does.

    >>> url_date("https://x.vn/channel/12344/201808/pho-chu-tich-kiem-tra/")
    datetime.date(2018, 8, 1)
    >>> url_date("https://x.vn/bi-thu-khao-sat-20220822172444128.htm")
    datetime.date(2022, 8, 22)
    >>> url_date("https://x.vn/2024/08/30/tin.html"), url_date("https://x.vn/a-123.vov")
    (datetime.date(2024, 8, 30), None)
    """
    m = _URL_DATE.search(url or "")
    if m is None:
        return None
    year = int(m.group("y1") or m.group("y2") or m.group("y3"))
    month = int(m.group("m1") or m.group("m2") or m.group("m3"))
    day = int(m.group("d1") or m.group("d3") or 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None
