"""Named events: conferences, fairs, festivals, tournaments, programmes.

An event name is its head ("Hội nghị", "Hội chợ", "Giải", "Festival", ...) and what follows,
up to the natural end of a Vietnamese event name: its year ("năm 2024", "2024") or its edition
("lần thứ IX, năm 2023"), else the first punctuation or a word that cannot be inside a name
(tại, được, do, nhằm, ...). A lowercase "hội nghị" is generic unless its edition is given
("hội nghị ngành công thương lần thứ X"); a quoted name after a head is the name itself
(Chương trình “Tết sum vầy - Xuân chia sẻ”).
"""

from __future__ import annotations

import re

from ingest.spans import Candidate, Words, is_cap
from ingest.text import slugify

__all__ = ["find_events"]

_HEAD_WORDS = (r"Hội\s+nghị|Hội\s+chợ|Hội\s+thảo|Hội\s+báo|Hội\s+thi|Hội\s+diễn|Diễn\s+đàn|"
               r"Triển\s+lãm|Festival|Lễ\s+hội|Liên\s+hoan|Tuần\s+lễ|Ngày\s+hội|Đại\s+hội|"
               r"Cuộc\s+thi|Giải|Chương\s+trình|Hội\s+đàm|"
               r"Lễ\s+(?:khởi\s+công|khánh\s+thành|ký\s+kết|công\s+bố|phát\s+động|"
               r"kỷ\s+niệm|đón\s+nhận|trao\s+giải|thông\s+xe|động\s+thổ)")
_HEAD = re.compile(rf"(?<!\w)(?:{_HEAD_WORDS})(?!\w)", re.IGNORECASE)
_NOT_EVENT = re.compile(r"Giải\s+(?:pháp|quyết|ngân|phóng|trình|thể|tỏa|đáp|trí|mã|thích|"
                        r"cứu|nhiệt|phẫu|thưởng)|Đại\s+hội\s+đồng", re.IGNORECASE)
_QUOTED = re.compile(r"\s*[“\"]([^”\"\n]{3,150})[”\"]")
_STOP = {"tại", "được", "do", "diễn", "nhằm", "sẽ", "đã", "đang", "vừa", "với", "cho", "là",
         "có", "để", "vào", "từ", "theo", "nhưng", "thì", "mà", "khi", "sau", "trước", "đến",
         "tới", "cùng", "bằng", "qua", "này", "đó", "trực", "kết", "thu", "khai", "bế",
         "nêu", "ghi", "gồm", "vẫn", "cũng", "đều", "không", "chưa", "rất", "thông"}
# Two-word terms whose first word alone would end a name ("kết" as in "kết thúc").
_GO_ON = {"kết nối", "kết nghĩa", "thu hút", "khai thác", "thông tin", "thông minh",
          "trực tuyến", "thu hoạch", "giao thương", "đến với", "cùng phát triển"}
_SOFT = {"và", "của", "về", "trong", "trên", "ở", "giữa"}
_QUOTE_ONLY = {"chương trình"}  # a programme is an event only with a quoted name


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _extend(words: Words, i: int, j: int, places: dict[int, int]) -> tuple[int, bool]:
    """The end of an event name whose head ends before word j, and whether a year or an
    edition ends it. A place inside the name is read whole ("vùng Đồng bằng sông Cửu Long":
    its lowercase words are not the end of the name)."""
    n = len(words)
    soft = None
    start = j
    while j < n and j - i < 32:
        w = words.get(j)
        low = w.lower()
        if "\n" in words.gap(j):
            break
        place_end = places.get(words.starts[j])
        if place_end is not None:
            k = j
            while k < n and words.ends[k] < place_end:
                k += 1
            if k < n and words.ends[k] == place_end:
                j = k + 1
                continue
        if w == "," and words.get(j + 1) == "thành" and words.get(j + 2) == "phố":
            j += 1
            continue
        if w == "," and words.get(j + 1) == "chống" and words.get(j - 1) == "phòng":
            j += 1
            continue
        if w == "," and words.get(j + 1) == "năm" and _is_year(words.get(j + 2)):
            return j + 3, True
        if w in ("-", "–") and is_cap(words.get(j + 1)) and j > start:
            j += 1
            continue
        if not w[0].isalnum():
            break
        if low == "lần" and words.get(j + 1) == "thứ" and words.get(j + 2):
            j += 3
            if words.get(j) == "," and words.get(j + 1) == "năm" and _is_year(words.get(j + 2)):
                j += 3
            elif words.get(j) == "năm" and _is_year(words.get(j + 1)):
                j += 2
            return j, True
        if low == "năm" and _is_year(words.get(j + 1)):
            if words.get(j + 2) == "lần" and words.get(j + 3) == "thứ":
                return j + 5, True
            return j + 2, True
        if _is_year(w):
            return j + 1, True
        if f"{low} {words.get(j + 1).lower()}" in _GO_ON:
            j += 2
            continue
        if low in _STOP and not is_cap(w):
            break
        if low in _SOFT and soft is None:
            soft = j
        j += 1
    return (soft if soft is not None else j), False


def find_events(text: str, words: Words, others: list[Candidate] | None = None
                ) -> list[Candidate]:
    """EVENT candidates named as written (the head capitalised); `others` are the places
    found before, read whole inside a name."""
    places: dict[int, int] = {}
    for c in others or []:
        if c.label in ("PROVINCE", "LOCATION") and " " in c.name:
            places[c.start] = max(places.get(c.start, 0), c.end)
    out: list[Candidate] = []
    last_end = -10
    for m in _HEAD.finditer(text):
        if _NOT_EVENT.match(text, m.start()):
            continue
        i = words.index(m.start())
        if i is None:
            continue
        head = re.sub(r"\s+", " ", m.group(0))
        j = i + len(head.split(" "))
        quoted = _QUOTED.match(text, m.end())
        if quoted:
            inner = quoted.group(1).strip()
            name = inner if head.lower() in _QUOTE_ONLY else f"{head} {inner}"
            name = name[0].upper() + name[1:]
            out.append(Candidate(m.start(), quoted.end(), "EVENT", name,
                                 f"event:{slugify(name)}", 2))
            last_end = quoted.end()
            continue
        if head.lower() in _QUOTE_ONLY:
            continue
        end, marked = _extend(words, i, j, places)
        if end <= j:
            continue
        body = words.words[j:end]
        capitalised = is_cap(m.group(0)) and any(is_cap(w) for w in body)
        in_list = text[last_end:m.start()].strip() == ","
        if not marked and not capitalised and not in_list:
            continue
        if not is_cap(m.group(0)) and not marked and not in_list:
            continue
        name = words.phrase(i, end)
        name = name[0].upper() + name[1:]
        out.append(Candidate(m.start(), words.ends[end - 1], "EVENT", name,
                             f"event:{slugify(name)}", 2))
        last_end = words.ends[end - 1]
    # a quoted name that is itself an event ("“Hội chợ triển lãm ... 2024”")
    for m in re.finditer(r"[“\"]((?:" + _HEAD_WORDS + r")[^”\"\n]{3,150})[”\"]", text):
        name = m.group(1).strip()
        out.append(Candidate(m.start(1), m.end(1), "EVENT", name, f"event:{slugify(name)}", 2))
    return out
