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

from ingest.lexicon import LOWER
from ingest.spans import Candidate, Words, is_cap
from ingest.text import slugify

__all__ = ["find_events"]

_HEAD_WORDS = (r"Hội\s+nghị|Hội\s+chợ|Hội\s+thảo|Hội\s+báo|Hội\s+thi|Hội\s+diễn|Diễn\s+đàn|"
               r"Triển\s+lãm|Festival|Lễ\s+hội|Liên\s+hoan|Tuần\s+lễ|Ngày\s+hội|Đại\s+hội|"
               r"Cuộc\s+thi|Giải|Chương\s+trình|Hội\s+đàm|"
               r"Lễ\s+(?:khởi\s+công|khánh\s+thành|ký\s+kết|công\s+bố|phát\s+động|"
               r"kỷ\s+niệm|đón\s+nhận|trao\s+giải|thông\s+xe|động\s+thổ)")
_CEREMONY_HEAD = re.compile(r"Lễ (?:khởi công|khánh thành|ký kết|động thổ|thông xe|kỷ niệm)")
_MIN_CEREMONY_OBJECT = 3  # words: "Lễ khởi công dự án" alone names nothing
_HEAD = re.compile(rf"(?<!\w)(?:{_HEAD_WORDS})(?!\w)", re.IGNORECASE)
_NOT_EVENT = re.compile(r"Giải\s+(?:pháp|quyết|ngân|phóng|trình|thể|tỏa|đáp|trí|mã|thích|"
                        r"cứu|nhiệt|phẫu|thưởng)|Đại\s+hội\s+đồng", re.IGNORECASE)
# a quoted name, maybe after a few words that say what kind of event it is
# (Hội thảo khoa học “Phát huy ...”)
_QUOTED = re.compile(rf"(?P<kind>(?:[ ]+[{LOWER}]+){{0,3}})\s*"
                     r"[“\"](?P<name>[^”\"\n]{3,150})[”\"]")
_STOP = {"tại", "được", "do", "diễn", "nhằm", "sẽ", "đã", "đang", "vừa", "với", "cho", "là",
         "có", "để", "vào", "từ", "theo", "nhưng", "thì", "mà", "khi", "sau", "trước", "đến",
         "tới", "cùng", "bằng", "qua", "này", "đó", "trực", "kết", "thu", "khai", "bế",
         "nêu", "ghi", "gồm", "vẫn", "cũng", "đều", "không", "chưa", "rất", "thông"}
# Two-word terms whose first word alone would end a name ("kết" as in "kết thúc").
_GO_ON = {"kết nối", "kết nghĩa", "thu hút", "khai thác", "thông tin", "thông minh",
          "trực tuyến", "thu hoạch", "giao thương", "đến với", "cùng phát triển",
          "tổng kết", "sơ kết", "triển khai", "kết quả"}
_SOFT = {"và", "của", "về", "trong", "trên", "ở", "giữa"}
# Words that open a new clause after a comma ("Hội nghị tổng kết năm 2023, ông A phát biểu"),
# and predicates of reported speech: a phrase holding one is not the rest of an event name.
_CLAUSE = {"ông", "bà", "anh", "chị", "các", "những", "mọi", "đồng", "đại", "lãnh", "chúng",
           "tôi", "họ", "đây", "hội", "lực", "người", "nhiều", "tất", "cho", "nhấn", "đạt",
           "tăng", "giảm", "trong", "ngoài", "sau", "trước", "tuy", "nếu", "vì", "do", "bởi",
           "nhưng", "song", "còn", "tỉnh", "thành", "huyện", "xã", "bộ", "sở", "ngành", "doanh"}
_SPEECH = {"phát biểu", "cho biết", "nhấn mạnh", "đề nghị", "yêu cầu", "khẳng định",
           "báo cáo", "thảo luận", "chỉ đạo", "kết luận", "ghi nhận", "đánh giá cao"}
# Verbs of works a ceremony is held for; two joined by a comma act on one object ("Lễ khởi
# công dự án nâng cấp, mở rộng Nhà máy X"), so the comma between them is inside the name.
_WORKS_VERBS = {"nâng cấp", "mở rộng", "cải tạo", "xây dựng", "đầu tư", "sửa chữa",
                "hiện đại hóa", "hiện đại hoá", "di dời", "khôi phục", "tu bổ", "trùng tu",
                "nạo vét", "gia cố", "kiên cố hóa", "kiên cố hoá", "lắp đặt", "khai thác",
                "vận hành", "phát triển", "bảo tồn", "tôn tạo", "chỉnh trang", "làm mới"}
# A comma inside a name is followed by a short phrase that reaches the name's year or term.
_MAX_AFTER_COMMA = 10
_QUOTE_ONLY = {"chương trình"}  # a programme is an event only with a quoted name


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _past_place(words: Words, j: int, places: dict[int, int]) -> int | None:
    """The word after a known place starting at word j, read whole; None if none starts
    there."""
    place_end = places.get(words.starts[j])
    if place_end is None:
        return None
    n = len(words)
    k = j
    while k < n and words.ends[k] < place_end:
        k += 1
    return k + 1 if k < n and words.ends[k] == place_end else None


def _edition_end(words: Words, j: int, after_start: bool) -> int | None:
    """Where a year, an edition ("lần thứ 15") or a term ("khóa XIII") starting at word j ends
    the event's name; None where none starts there."""
    w = words.get(j)
    low = w.lower()
    if low == "lần" and words.get(j + 1) == "thứ" and words.get(j + 2):
        j += 3
        if words.get(j) == "," and words.get(j + 1) == "năm" and _is_year(words.get(j + 2)):
            j += 3
        elif words.get(j) == "năm" and _is_year(words.get(j + 1)):
            j += 2
        elif is_cap(words.get(j)):
            return _term_after(words, j)  # "lần thứ 15 Ban Chấp hành ... khóa XIX"
        return j
    if low == "khóa" and after_start and _ROMAN.fullmatch(words.get(j + 1)):
        return j + 2  # "Nghị quyết Trung ương 8 khóa XIII"
    if w.isdigit() and words.get(j + 1) == "tháng" and words.get(j + 2) in ("đầu", "cuối") \
            and words.get(j + 3) == "năm" and not _is_year(words.get(j + 4)):
        return j + 4  # "sơ kết 6 tháng đầu năm"
    if low == "năm" and _is_year(words.get(j + 1)):
        if words.get(j + 2) == "lần" and words.get(j + 3) == "thứ":
            return j + 5
        return _year_range(words, j + 2)
    if _is_year(w):
        return _year_range(words, j + 1)
    return None


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
        past = _past_place(words, j, places)
        if past is not None:
            j = past
            continue
        if w == "," and words.get(j + 1) == "thành" and words.get(j + 2) == "phố":
            j += 1
            continue
        if w == "," and words.get(j + 1) == "chống" and words.get(j - 1) == "phòng":
            j += 1
            continue
        if w == "," and words.get(j + 1) == "năm" and _is_year(words.get(j + 2)):
            return _year_range(words, j + 3), True
        if w == "," and j > start and _verb_pair(words, j):
            j += 1  # "nâng cấp, mở rộng Nhà máy X": two verbs of one object
            continue
        if w == "," and j > start and _continues(words, i, j, places):
            j += 1  # "an ninh, trật tự 6 tháng đầu năm 2024": the subject goes on
            continue
        if w in ("-", "–") and is_cap(words.get(j + 1)) and j > start:
            j += 1
            continue
        if not w[0].isalnum():
            break
        closed = _edition_end(words, j, j > start)
        if closed is not None:
            return closed, True
        if f"{low} {words.get(j + 1).lower()}" in _GO_ON:
            j += 2
            continue
        if low in _STOP and not is_cap(w) and not words.joined(j):
            break  # a word of its own: "giao thông", "tổng kết" go on
        if low in _SOFT and soft is None:
            soft = j
        j += 1
    return (soft if soft is not None else j), False


_ROMAN = re.compile(r"[IVXLC]+|\d{1,2}")


def _verb_at(words: Words, j: int, backwards: bool) -> bool:
    """Is there a works verb (one to three words) ending before / starting at word j?"""
    for size in (1, 2, 3):
        lo, hi = (j - size, j) if backwards else (j, j + size)
        if lo < 0:
            continue
        if " ".join(words.get(k).lower() for k in range(lo, hi)) in _WORKS_VERBS:
            return True
    return False


def _verb_pair(words: Words, comma: int) -> bool:
    """Does this comma join two works verbs ("cải tạo, nâng cấp")?"""
    return _verb_at(words, comma, True) and _verb_at(words, comma + 1, False) \
        and "\n" not in words.gap(comma + 1)


def _term_after(words: Words, j: int) -> int:
    """After an edition, the body whose term it is: "Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ
    tỉnh khóa XIX" runs to "khóa XIX"; without a term the name ends at the edition."""
    for k in range(j, min(j + 12, len(words) - 1)):
        w = words.get(k)
        if w == "khóa" and _ROMAN.fullmatch(words.get(k + 1)):
            return k + 2
        if not w[0].isalnum() or "\n" in words.gap(k) or (
                w in _STOP and not words.joined(k)):
            break
    return j


def _year_range(words: Words, j: int) -> int:
    """After a year, the rest of a range: "nhiệm kỳ 2025-2030", "giai đoạn 2021 - 2025"."""
    if words.get(j) in ("-", "–") and _is_year(words.get(j + 1)):
        return j + 2
    return j


def _continues(words: Words, i: int, comma: int, places: dict[int, int]) -> bool:
    """Does the phrase after this comma continue the event's name? Only a short lowercase
    phrase that reaches the name's own end (its year, term or edition) without opening a
    new clause: "phòng, chống thiên tai năm 2024", "năm 2023, triển khai nhiệm vụ năm 2024",
    "lần thứ XX, nhiệm kỳ 2025-2030"; never "năm 2023, ông A phát biểu"."""
    first = words.get(comma + 1)
    if not first or not first[0].isalpha() or first[0].isupper() or first in _CLAUSE \
            or first in _STOP or "\n" in words.gap(comma + 1):
        return False
    end, marked = _extend(words, i, comma + 1, places)
    if not marked or end - comma > _MAX_AFTER_COMMA:
        return False
    return not any(words.get(k) in _CLAUSE or f"{words.get(k)} {words.get(k + 1)}" in _SPEECH
                   for k in range(comma + 1, end))


def _extend_marked(words: Words, i: int, j: int, places: dict[int, int]) -> tuple[int, bool]:
    """`_extend`, then any further part that follows the name's end after a comma ("Hội nghị
    tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024")."""
    end, marked = _extend(words, i, j, places)
    while marked and words.get(end) in (",", "và") and _continues(words, i, end, places):
        end, marked = _extend(words, i, end + 1, places)
    return end, marked


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
            inner = quoted.group("name").strip()
            kind = quoted.group("kind")
            name = inner if head.lower() in _QUOTE_ONLY else f"{head}{kind} {inner}"
            name = name[0].upper() + name[1:]
            out.append(Candidate(m.start(), quoted.end(), "EVENT", name,
                                 f"event:{slugify(name)}", 2))
            last_end = quoted.end()
            continue
        if head.lower() in _QUOTE_ONLY:
            continue
        end, marked = _extend_marked(words, i, j, places)
        if end <= j:
            continue
        body = words.words[j:end]
        capitalised = is_cap(m.group(0)) and any(is_cap(w) for w in body)
        in_list = text[last_end:m.start()].strip() == ","
        # a capitalised ceremony names its object even in lowercase words ("Lễ ký kết thỏa
        # thuận hợp tác phát triển năng lượng tái tạo")
        ceremony = is_cap(m.group(0)) and _CEREMONY_HEAD.fullmatch(head) is not None \
            and end - j >= _MIN_CEREMONY_OBJECT
        if not marked and not capitalised and not in_list and not ceremony:
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
    _one_name_per_event(out)
    return out


def _name_words(name: str) -> list[str]:
    return re.findall(r"\w+", name.lower())


def _is_shortening(short: list[str], full: list[str]) -> bool:
    """Is `short` the same event name as `full` with some words left out (a headline's
    "Lễ khởi công dự án mở rộng Nhà máy X" for the lead's "... nâng cấp, mở rộng Nhà máy X")?
    Both open with the same head and end with the same object; the rest of `short` is a
    subsequence of `full`."""
    if len(short) >= len(full) or short[:2] != full[:2] or short[-2:] != full[-2:]:
        return False
    rest = iter(full)
    return all(w in rest for w in short)


def _one_name_per_event(found: list[Candidate]) -> None:
    """Give a shortened mention of an event the fuller name it has elsewhere in the article."""
    names = {c.name: _name_words(c.name) for c in found}
    for c in found:
        fuller = [n for n, w in names.items() if _is_shortening(names[c.name], w)]
        if fuller:
            best = max(fuller, key=lambda n: len(names[n]))
            c.name, c.key = best, f"event:{slugify(best)}"
