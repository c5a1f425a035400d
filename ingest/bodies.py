"""Organisations: known central bodies, and any body read from its head noun.

A Vietnamese body's name is its head noun (Bộ, Cục, Sở, Ban, UBND, Tỉnh ủy, Tập đoàn, ...)
followed by its own name in sentence case: capitalised words, with lowercase words only where
they belong to a name ("Cục Kỹ thuật an toàn và Môi trường công nghiệp", "Vụ Thị trường trong
nước"). The name ends at punctuation, at a word that cannot be part of a name (a verb, a
preposition), at a person's name, or after its province ("Sở Công Thương tỉnh Thái Nguyên").
A title before the head ("Bí thư Tỉnh ủy") is never part of the body.

Provincial bodies carry their province: "UBND tỉnh" in a Lào Cai article is "UBND tỉnh Lào
Cai", "Tỉnh ủy" is "Tỉnh ủy Lào Cai"; "các Sở: Công Thương, Tài chính" names two departments.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest import resources
from ingest.coref import is_unresolved_body, province_later_in_list, with_province
from ingest.lexicon import LOWER, UPPER, Lexicon, alternation
from ingest.spans import Candidate, Words, is_cap
from ingest.text import name_key, slugify

__all__ = ["find_bodies"]

_DATA = resources.name_words()
_BODY_HEADS = resources.body_heads()
# Lowercase words that occur inside body names (sectors, fields, qualifiers).
NAME_WORDS: set[str] = set(_DATA["name_words"])
# Name words that are also verbs: after a capitalised word ("Công Thương") they start the
# predicate ("Bộ Công Thương đầu tư ..."), so they only continue a name after a lowercase word.
VERB_LIKE: set[str] = set(_DATA["verb_like"])
_MAX_NAME_WORDS = max(len(w.split()) for w in NAME_WORDS)
# Heads whose name needs at least one capitalised word after them.
NAMED_HEADS: list[str] = list(_BODY_HEADS.named)
# Heads that are a whole name by themselves ("UBND", "Tỉnh ủy"), completed by a province.
SELF_HEADS: list[str] = list(_BODY_HEADS.self_contained)
# Heads that take a following body as their own name ("Thường trực Tỉnh ủy").
PREFIX_HEADS: list[str] = list(_BODY_HEADS.prefix)
# Heads of bodies that always belong to a province (a department, a provincial command).
PROVINCIAL: list[str] = list(_BODY_HEADS.provincial)
# Bodies every province has under one name: "Cục Hải quan Hà Tĩnh" is "Cục Hải quan tỉnh Hà Tĩnh".
PROVINCIAL_BODIES: set[str] = set(_DATA["provincial_bodies"])
# Committees named by the province alone, without "tỉnh": "Tỉnh ủy Nghệ An", "Tỉnh đoàn Nghệ An".
_BARE_PROVINCE = ("ủy", "Ủy", "Tỉnh đoàn", "Thành đoàn")
# Generic words a name may end with just before its province: "Công an tỉnh" + "Quảng Bình".
_KIND_WORDS = re.compile(r"\s+(?:tỉnh|thành phố|TP\.?)$")
# A zone named inside a body: its name may join two places by a dash.
_ZONE_IN_NAME = re.compile(r"\b(?:Khu|Cụm) (?:kinh tế|công nghiệp|chế xuất)\b")
# Company forms after which a group's head is part of the name ("Công ty Cổ phần Tập đoàn X").
_COMPANY_FORMS = {"phần", "TNHH", "MTV", "CP"}
# Committees whose name may run on with "về ..." ("Ban Chỉ đạo quốc gia về phòng, chống ...").
ABOUT_HEADS = ("Ban Chỉ đạo", "Ban chỉ đạo", "Ủy ban", "Hội đồng", "Văn phòng Ban")
# Party committees below the province, named by their unit: "Quận ủy Hoàn Kiếm".
LOCAL_COMMITTEES = set(_BODY_HEADS.local_committees)
# Heads whose own name may be just their unit: "Đảng ủy xã Tân Lập", "Công an tỉnh".
PLACE_NAMED = set(_BODY_HEADS.place_named)
# Lowercase heads used in running text before a capitalised name ("của sở Du lịch").
LOWER_HEADS = dict(_BODY_HEADS.lower)
# Boards whose name may open with lowercase name words: "Ban Quản lý dự án ...".
LOWERCASE_NAMED = set(_BODY_HEADS.lowercase_named)
# "ban" is a head in lowercase only fused with a title before it: "Trưởng ban Tuyên giáo ..."
_FUSED_BAN = re.compile(r"(?:Trưởng|trưởng)[ ]$")

_HEADS = re.compile(alternation(NAMED_HEADS + SELF_HEADS + PREFIX_HEADS + list(LOWER_HEADS)))
_LIST = re.compile(r"(?<!\w)các\s+(?P<head>[Ss]ở|Bộ|Cục|Vụ)\s*:?\s+(?=[A-ZĐ])")
_TITLE_BEFORE = re.compile(r"(?:Chủ tịch|Bí thư|Phó|Trưởng|Ủy viên|[Tt]rưởng)\s*$", re.IGNORECASE)
# Words that open a name of another kind (a zone, a gate, a port, an event): "Cục Hải quan
# thành phố X và Khu kinh tế Y" joins two names, it is not one body's name.
_OTHER_KIND_HEADS = {"Khu", "Cụm", "Cửa", "Cảng", "Nhà", "Hội", "Lễ", "Ga", "Sân", "Bệnh",
                     "Trường", "Dự", "Đoàn"}
# Two-word openings of a title after "và": "và Tổng Giám đốc Công ty ...".
_TITLE_OPENERS = {"Tổng Giám", "Tổng Bí", "Tổng Thư", "Tổng Biên", "Tổng biên", "Tổng cục"}
_STOP_CAPS = {"Phó", "Bí", "Chủ", "Ủy", "Trưởng", "Giám", "Bộ trưởng", "Thứ", "Đồng", "Ông",
              "Bà", "Đại", "Quyền"}


@lru_cache(maxsize=1)
def _head_sets() -> tuple[set[str], set[str], set[str], set[str]]:
    first = {h.split(" ")[0] for h in NAMED_HEADS + SELF_HEADS + PREFIX_HEADS}
    return set(NAMED_HEADS), set(SELF_HEADS), set(PREFIX_HEADS), first


def _starts_person(words: Words, i: int, lex: Lexicon) -> bool:
    """A surname followed by capitalised given names, not a place: "Nguyễn Hồng Diên"."""
    w = words.get(i)
    if w not in lex.surnames or not is_cap(words.get(i + 1)):
        return False
    two = f"{w} {words.get(i + 1)}"
    return not (two in lex.province_by_name or two in lex.places or two in lex.districts
                or two in lex.bodies)


_CAP_GENERIC = {"Tỉnh": 1, "Thành": 2, "Huyện": 1, "Quận": 1, "Thị": 2, "Xã": 1, "Phường": 1}


def _cap_generic(words: Words, j: int) -> bool:
    """A capitalised generic word before a place inside a name ("UBND Thành phố Hồ Chí Minh"):
    read as its lowercase form, never as part of the body's own name."""
    size = _CAP_GENERIC.get(words.get(j))
    if size is None or (size == 2 and words.get(j + 1) not in ("phố", "xã", "trấn")):
        return False
    return is_cap(words.get(j + size))


def _company_name_due(words: Words, j: int) -> bool:
    """Does a company's own name start at word j? After its legal form ("Công ty Cổ phần X",
    "Công ty TNHH Tập đoàn X") a capitalised run is the company's name even where it opens with
    a surname ("Công ty Cổ phần Tập đoàn Hoa Sen")."""
    return words.get(j - 1) in _COMPANY_FORMS or (
        words.phrase(j - 2, j) in ("Tập đoàn", "Tổng công ty", "Công ty")
        and words.get(j - 3) in _COMPANY_FORMS)


def _region_end(words: Words, k: int) -> int:
    """The end of the unit a "khu vực" names: places joined by dashes, or a number."""
    w = words.get(k)
    if w.isdigit() or re.fullmatch(r"[IVX]+", w):
        return k + 1
    end = k
    while is_cap(words.get(end)) and words.get(end) not in _STOP_CAPS:
        end = words.cap_run(end, 4)
        if words.get(end) in ("-", "–") and is_cap(words.get(end + 1)):
            end += 1
        else:
            break
    return end


_AUTONOMOUS = {"khu", "châu", "huyện"}


def _autonomous_end(words: Words, k: int) -> int:
    """The end of a foreign autonomous unit starting at word k ("Khu tự trị dân tộc Choang
    Quảng Tây", "châu tự trị dân tộc Cáp Nhì - Di Hồng Hà"), else 0: its ethnic names and its
    own name are one capitalised run, joined by dashes."""
    if words.get(k).lower() not in _AUTONOMOUS or words.phrase(k + 1, k + 3).lower() != "tự trị":
        return 0
    k += 3
    if words.phrase(k, k + 2).lower() == "dân tộc":
        k += 2
    start = k
    while is_cap(words.get(k)) and words.get(k)[0].isalpha():
        k = words.cap_run(k, 6)
        if words.get(k) in ("-", "–") and is_cap(words.get(k + 1)):
            k += 1
        else:
            break
    return k if k > start else 0


def _is_city(lex: Lexicon, name: str) -> bool:
    """Is this province a centrally governed city ("Hà Nội", "Đà Nẵng")?"""
    rec = lex.provinces.get(lex.province_by_name.get(name) or "")
    return bool(rec) and rec.get("kind") == "thành phố"


def _place_at(words: Words, i: int, lex: Lexicon) -> tuple[int, str] | None:
    """A known place name starting at word i: (end index, name). Up to eight words: a name that
    joins two places by a dash is five ("Bà Rịa - Vũng Tàu"), a foreign autonomous region's
    long form eight ("Khu tự trị dân tộc Choang Quảng Tây")."""
    for n in (8, 7, 6, 5, 4, 3, 2, 1):
        name = " ".join(words.words[i:i + n])
        if len(words.words[i:i + n]) == n and all(
                words.gap(k) == " " for k in range(i + 1, i + n)) and (
                name in lex.province_by_name or name in lex.places or name in lex.districts):
            return i + n, name
    return None


def _head_at(words: Words, i: int) -> int:
    """The number of words of any head noun starting at i (0 if none)."""
    named, selfh, prefix, _first = _head_sets()
    for n in (4, 3, 2, 1):
        if " ".join(words.words[i:i + n]) in named | selfh | prefix:
            return n
    return 0


def _last_cap(words: Words, i: int, j: int) -> int:
    """The index of the last capitalised word in i..j-1: whose lowercase words follow."""
    k = j - 1
    while k > i and not is_cap(words.get(k)):
        k -= 1
    return k


def _cap_compound(words: Words, i: int) -> bool:
    """Is word i part of a segmented word that opens with a capital ("Quản lý", "Ban chỉ đạo")?"""
    while words.joined(i):
        i -= 1
    return is_cap(words.get(i))


def _inner_head(words: Words, i: int) -> int:
    """The number of words of a self-contained head ("Tỉnh ủy", "UBND") starting at i."""
    _named, selfh, _prefix, _first = _head_sets()
    for n in (4, 3, 2, 1):
        if " ".join(words.words[i:i + n]) in selfh:
            return n
    return 0


def _name_words(words: Words, i: int) -> int:
    """How many lowercase words from i form a known name word ("trong nước" = 2)."""
    for n in range(_MAX_NAME_WORDS, 0, -1):
        if i + n <= len(words) and " ".join(words.words[i:i + n]) in NAME_WORDS and all(
                words.gap(k) == " " for k in range(i + 1, i + n)):
            return n
    return 0


class _Scan:
    """The result of scanning one body name forward from its head."""

    def __init__(self) -> None:
        self.end = 0  # word index after the name
        self.province: str | None = None  # explicit province absorbed
        self.implicit = False  # ends with a bare "tỉnh" (or "thành phố")
        self.has_place = False
        self.place_from: int | None = None  # word index where the place part starts
        self.kind_written = False  # the place part opens with "tỉnh", "thành phố", "TP"


class _ScanState:
    """Where one body-name scan stands: the words, the head it opened with, the next word to
    read (`j`) and whether the name has a word of its own yet (`has_name`)."""

    def __init__(self, words: Words, i: int, head_len: int, head: str, lex: Lexicon) -> None:
        self.words, self.i, self.head_len, self.head, self.lex = words, i, head_len, head, lex
        self.named, self.selfh, self.prefix, self.first = _head_sets()
        self.res = _Scan()
        self.j = i + head_len
        self.has_name = head in self.selfh

    def take_place(self, start: int, end: int) -> bool:
        """The name's place part runs from word `start` to `end`: read it and go on."""
        self.res.has_place, self.res.place_from, self.has_name = True, start, True
        self.j = end
        return True


def _scan(words: Words, i: int, head_len: int, head: str, lex: Lexicon) -> _Scan | None:
    """Read one body name forward from its head noun (the module docstring says how a name
    runs): where it ends and the province or place it names; None if it names nothing."""
    st = _ScanState(words, i, head_len, head, lex)
    while st.j < len(words) and st.j - i < 24 and "\n" not in words.gap(st.j):
        if not _scan_step(st):
            break
    if not st.has_name:
        return None
    j = st.j
    while j > i + head_len and words.get(j - 1) in ("và", "-", ",", "về"):
        j -= 1  # drop a dangling connector
    st.res.end = j
    return st.res


def _scan_step(st: _ScanState) -> bool:
    """Read the word at st.j into the name; False where the name ends before it."""
    words, j = st.words, st.j
    if st.has_name and not st.res.has_place:
        end = _autonomous_end(words, j)
        if end:  # "Chính quyền nhân dân Châu tự trị dân tộc Choang - Miêu Văn Sơn"
            return st.take_place(j, end)
    w = words.get(j)
    if not w[0].isalnum():
        return _scan_punct(st, w)
    if is_cap(w) and w[0].isalpha() and not _cap_generic(words, j):
        return _scan_cap(st, w)
    return _scan_lower(st, w.lower())


def _scan_punct(st: _ScanState, w: str) -> bool:
    """A dash or comma inside a name: joined place names, "phòng, chống", an enumeration."""
    words, j, lex = st.words, st.j, st.lex
    nxt = words.get(j + 1)
    has_name, has_place = st.has_name, st.res.has_place
    if w in ("-", "–") and has_name and is_cap(nxt) and not has_place \
            and not _starts_person(words, j + 1, lex) and nxt not in _STOP_CAPS \
            and not _head_at(words, j + 1):
        st.j += 1
        return True
    if w in ("-", "–") and has_place and _ZONE_IN_NAME.search(words.phrase(st.i, j)) \
            and is_cap(nxt) and nxt not in _STOP_CAPS and not _head_at(words, j + 1) \
            and not _starts_person(words, j + 1, lex):
        st.j = words.cap_run(j + 1, 4)  # "Ban Quản lý Khu kinh tế Đình Vũ - Cát Hải"
        return True
    if (w == "-" and has_name and nxt == "châu") or (
            w == "," and has_name and words.phrase(j - 1, j + 2).lower().endswith("phòng, chống")):
        st.j += 1
        return True
    if w == "," and has_name and is_cap(nxt) and nxt not in st.first \
            and not has_place and not _starts_person(words, j + 1, lex):
        return _scan_enumeration(st)
    return False


def _scan_enumeration(st: _ScanState) -> bool:
    """"Đầu tư, Thương mại và Du lịch": capitalised items joined by commas and a last "và"
    inside the name; read to the "và" when the list closes with one."""
    words, j = st.words, st.j
    k = j + 1
    while k < j + 7 and (is_cap(words.get(k)) or words.joined(k)):
        k += 1
    if words.get(k) == "và" and is_cap(words.get(k + 1)) and words.get(k + 1) not in st.first:
        st.j = k
        return True
    return False


def _scan_cap(st: _ScanState, w: str) -> bool:
    """A capitalised word: an inner head, a place, a district's own name, or a name word; a
    person's name, a title word or another body's head ends the name."""
    words, j, lex, head = st.words, st.j, st.lex, st.head
    if st.res.has_place:
        return False
    inner = _inner_head(words, j)
    if (inner and st.has_name) or (inner and head in st.prefix):
        st.j += inner
        st.has_name = True
        return True
    if (st.has_name or head in PLACE_NAMED) and _starts_person(words, j, lex) \
            and not _company_name_due(words, j):
        return False
    unit_ok = st.has_name or (head in PLACE_NAMED and j == st.i + st.head_len)
    if unit_ok and (_scan_city_abbrev(st, w) or _scan_cap_place(st)):
        return True
    if head in LOCAL_COMMITTEES and j == st.i + st.head_len and w not in _STOP_CAPS \
            and w not in st.first and not _starts_person(words, j, lex):
        # "Quận ủy Hoàn Kiếm", "Huyện ủy Sóc Sơn": the district's own name
        st.res.has_place = True
        st.res.place_from = j
        st.j = words.cap_run(j, 3)
        return True
    if head in st.selfh and j > st.i + st.head_len - 1 and w not in st.first:
        return False
    if w in _STOP_CAPS or _opens_other_body(st, w):
        return False
    st.has_name = True
    st.j += 1
    return True


def _opens_other_body(st: _ScanState, w: str) -> bool:
    """Does a head noun at st.j open a second body ("Sở X Ban Y"), rather than continue this
    one's name?"""
    words, j = st.words, st.j
    return (w in st.first and st.has_name and st.head in st.named
            and f"{w} {words.get(j + 1)}" in st.named | st.selfh
            and w != "Bộ" and not st.head.startswith(("Văn phòng", "Ban", "Thường", "Đảng"))
            and words.get(j - 1) not in _COMPANY_FORMS)


def _scan_city_abbrev(st: _ScanState, w: str) -> bool:
    """"UBND TP. Hồ Chí Minh": a province after "TP"; "TP. Lào Cai" is the provincial city."""
    if w not in ("TP", "Tp") or st.res.has_place:
        return False
    words, lex = st.words, st.lex
    k = st.j + 1 + (words.get(st.j + 1) == ".")
    place = _place_at(words, k, lex) if is_cap(words.get(k)) else None
    if not place or place[1] not in lex.province_by_name:
        return False
    if _is_city(lex, place[1]):
        st.res.province, st.res.kind_written = place[1], True
    return st.take_place(st.j, place[0])


def _scan_cap_place(st: _ScanState) -> bool:
    """A known place written without its unit word: the body's province or unit."""
    place = _place_at(st.words, st.j, st.lex)
    if not place or not (st.has_name or place[1] in st.lex.province_by_name):
        return False
    end, name = place
    if name in st.lex.province_by_name:
        st.res.province = name
        st.res.kind_written = name.upper().startswith(("TP", "THÀNH PHỐ"))
    return st.take_place(st.j, end)


_UNIT_WORDS = ("tỉnh", "thành", "tp", "huyện", "quận", "thị", "xã", "phường")


def _scan_lower(st: _ScanState, low: str) -> bool:
    """A lowercase word: a unit word opening the place part, or a word of the name itself."""
    words, j = st.words, st.j
    nxt = words.get(j + 1)
    if low in _UNIT_WORDS and (st.has_name or st.head in PLACE_NAMED) \
            and not st.res.has_place and (low not in ("thành", "thị")
                                          or nxt in ("phố", "xã", "trấn")):
        return _scan_unit_word(st, low)
    if low == "ngành" and is_cap(nxt):
        st.j += 1  # "Công đoàn ngành Công Thương"
        return True
    if not st.has_name and st.head in LOWERCASE_NAMED and _name_words(words, j):
        st.has_name = True  # "Ban Quản lý dự án ...": the board's name may open lowercase
    if not st.has_name or (st.head in st.selfh and j == st.i + st.head_len):
        return False
    return _scan_lower_name(st, low, nxt)


def _scan_unit_word(st: _ScanState, low: str) -> bool:
    """"tỉnh X", "thành phố Y", "huyện Z": the place part of the name; a bare "tỉnh" is the
    article's province (and ends the name)."""
    words, j, lex, res = st.words, st.j, st.lex, st.res
    k = j + (2 if low in ("thành", "thị") else 1)
    place = _place_at(words, k, lex) if is_cap(words.get(k)) else None
    if place:
        end, name = place
        if name in lex.province_by_name and (low == "tỉnh" or (
                low in ("thành", "tp") and _is_city(lex, name))):
            # "thành phố Lào Cai" is the provincial city, not the province
            res.province = name
            res.kind_written = True
        return st.take_place(j, end)
    named_place = is_cap(words.get(k)) and not _starts_person(words, k, lex)
    if named_place and ((low != "tỉnh" and k == j + 1) or low in (
            "huyện", "quận", "xã", "phường", "thành", "thị")):
        last = words.cap_run(k, 3)
        k2 = k + 1
        while k2 < last and not _starts_person(words, k2, lex):
            k2 += 1  # "Đảng ủy xã Tân Lập Nguyễn Văn A": the name is not the unit's
        return st.take_place(j, k2)
    if low in ("tỉnh", "thành") and (st.has_name or st.head in PLACE_NAMED):
        res.implicit = True  # a bare "tỉnh", "thành phố": the article's province
        st.has_name = True
        st.j += 1 if low == "tỉnh" else 2
    return False


def _scan_lower_name(st: _ScanState, low: str, nxt: str) -> bool:
    """A lowercase word after the name has begun: the rest of a segmented word, a branch, a
    "và" joining capitalised words, "về ..." of a committee, a region, or a known name word."""
    words, j, i, head, res = st.words, st.j, st.i, st.head, st.res
    if not res.has_place and (words.joined(j) or (
            is_cap(words.get(j - 1)) and f"{words.get(j - 1).lower()} {low}" in NAME_WORDS)):
        st.j += 1  # the rest of a capitalised word: "Công nghiệp", "Kế hoạch", "Quốc dân"
        return True
    if low == "chi" and nxt == "nhánh" and not res.has_place and (
            is_cap(words.get(j + 2)) or words.get(j + 2) in ("tỉnh", "thành", "huyện")):
        st.j += 2  # "Ngân hàng Nhà nước chi nhánh tỉnh X": the branch is the body
        return True
    if low == "và" and is_cap(nxt) and not res.has_place and not _head_at(words, j + 1) \
            and nxt not in _OTHER_KIND_HEADS and nxt not in _STOP_CAPS \
            and words.phrase(j + 1, j + 3) not in _TITLE_OPENERS \
            and not _place_at(words, j + 1, st.lex) and not _starts_person(words, j + 1, st.lex):
        st.j += 2
        return True
    if low == "về" and (head.startswith(ABOUT_HEADS) or words.phrase(i, j).startswith(ABOUT_HEADS)):
        if _name_words(words, j + 1):
            st.j += 1
            return True
        return False
    if low in ("châu", "miền") and is_cap(nxt):
        st.j += 2
        return True
    if low == "khu" and nxt == "vực" and not res.has_place:
        end = _region_end(words, j + 2)
        if end > j + 2:  # "Chi cục Thuế khu vực Việt Trì - Lâm Thao", "khu vực 5"
            res.has_place = True
            st.j = end
            return True
    return _scan_name_word(st)


def _scan_name_word(st: _ScanState) -> bool:
    """A known lowercase name word ("trong nước", "công nghiệp") continues the name, unless
    the name is already a known body or the word is a verb starting the predicate."""
    words, j, i = st.words, st.j, st.i
    if name_key(words.phrase(i, j)) in st.lex.body_keys:
        return False  # a known body is complete: "Bộ Công Thương đầu tư ..."
    k = _name_words(words, j)
    if k and words.phrase(j, j + k) in VERB_LIKE and words.get(j - 1) not in st.first \
            and words.get(j - 1) not in ("về", "và", ",") \
            and words.get(_last_cap(words, i, j)) not in st.first and (
            is_cap(words.get(j - 1)) or not _cap_compound(words, j - 1)):
        k = 0  # but a head or a capitalised word takes one: "Ban chỉ đạo", "Xúc tiến đầu tư"
    if k and not st.res.has_place:
        st.j += k
        return True
    return False


def _ministry_before(known: list[tuple[int, dict]], pos: int) -> str | None:
    """The ministry last named before pos, else the first one named in the text."""
    best = None
    for start, rec in known:
        if rec.get("kind") == "ministry" and rec["name"].startswith("Bộ "):
            if start < pos or best is None:
                best = rec["name"]
            if start >= pos:
                break
    return best


def _province_kind(lex: Lexicon, province: str | None) -> str:
    """"thành phố" for a centrally governed city, else "tỉnh": the word its bodies carry."""
    key = lex.province_by_name.get(province or "")
    rec = lex.provinces.get(key or "")
    return "thành phố" if rec and rec.get("kind") == "thành phố" else "tỉnh"


def _complete(name: str, head: str, scan: _Scan, province: str | None, kind: str) -> str:
    """Give a provincial body its province when the text leaves it implicit."""
    if scan.province or scan.has_place or not province:
        return name
    if scan.implicit or name.endswith((" tỉnh", " thành phố")):
        if name.endswith(" thành phố") and kind != "thành phố":
            return name[:-len(" thành phố")]  # a provincial city, not the article's province
        return f"{name} {province}"
    if name.endswith(("Tỉnh ủy", "Tỉnh Ủy", "Tỉnh đoàn")):
        # a centrally run city has a Thành ủy: a bare "Tỉnh ủy" there is another province's
        return name if kind == "thành phố" else f"{name} {province}"
    if name.endswith(("Thành ủy", "Thành đoàn")) and kind == "thành phố":
        return f"{name} {province}"
    if head in PROVINCIAL or name in ("UBND", "HĐND", "Ủy ban nhân dân", "Hội đồng nhân dân") \
            or name.startswith(("Thường trực UBND", "Thường trực HĐND")):
        return f"{name} {kind} {province}"
    return name


def _with_province(lex: Lexicon, words: Words, i: int, scan: _Scan, head: str) -> str | None:
    """The name with its written province in canonical form: "UBND TP.HCM" → "UBND thành phố
    Hồ Chí Minh"; Party committees keep the bare name ("Thành ủy Hà Nội")."""
    if not scan.province or scan.place_from is None:
        return None
    key = lex.province_by_name.get(scan.province)
    rec = lex.provinces.get(key or "")
    if rec is None:
        return None
    before = words.phrase(i, scan.place_from)
    generic = _KIND_WORDS.search(before)
    if generic:  # "Công an tỉnh" + "Quảng Bình": the generic word is written once
        before, kind_written = before[:generic.start()], True
    else:
        kind_written = scan.kind_written
    if before.endswith(_BARE_PROVINCE):
        return f"{before} {rec['name']}"
    kind = "thành phố" if rec.get("kind") == "thành phố" else "tỉnh"
    if not kind_written and not (head in PROVINCIAL or before in PROVINCIAL_BODIES or before in (
            "UBND", "HĐND", "Ủy ban nhân dân", "Hội đồng nhân dân")):
        return f"{before} {rec['name']}"
    return f"{before} {kind} {rec['name']}"


def _canonical(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    name = re.sub(r"^Ban Chấp hành Đảng bộ tỉnh\s+", "Tỉnh ủy ", name)
    name = re.sub(r"(?<!\w)TP\.?\s*(?=\w)(?!HCM)", "thành phố ", name)  # "UBND TP. Lào Cai"
    name = re.sub(r"^[Đđ]oàn (?:[Đđ]ại biểu Quốc hội|ĐBQH)", "Đoàn Đại biểu Quốc hội", name)
    name = re.sub(r"(?<!\w)BĐBP(?=\s)", "Bộ đội Biên phòng", name)  # "Bộ Chỉ huy BĐBP tỉnh X"
    return name[0].upper() + name[1:]


def _opens_title(text: str, at: int, head: str, lex: Lexicon) -> bool:
    """A known title starts here and runs past the head ("Thường trực Ban Bí thư" is the
    standing member of the Secretariat, a person's title, not a standing board)."""
    return any(t.startswith(head + " ") and text.startswith(t, at)
               and not text[at + len(t):at + len(t) + 1].isalnum() for t in lex.titles)


def _heads_a_body(text: str, words: Words, lex: Lexicon, m: re.Match[str], i: int) -> bool:
    """Does the head noun matched at word i open a body, not a word of another kind ("ban
    hành", "trụ sở") or a title ("Tỉnh ủy viên", "Phó Chủ tịch Thường trực")?"""
    head = m.group(0)
    if head in LOWER_HEADS and not is_cap(words.get(i + len(head.split()))):
        return False
    fused = head == "ban" and bool(_FUSED_BAN.search(text, max(0, m.start() - 8), m.start())) \
        and words.get(i + 1) != "Ban"  # "Trưởng ban Ban Chỉ đạo": the body opens at "Ban"
    if head == "ban" and not fused:
        return False  # "các ban, ngành", "ban hành": no body
    if head in LOWER_HEADS and words.joined(i) and not fused:
        return False  # "trụ sở": a word of its own, not the head "sở"
    if text.startswith(" viên", m.end()) and head.endswith(("ủy", "Ủy")):
        return False  # "Tỉnh ủy viên": a member's title, not the committee
    if head == "Thường trực" and _TITLE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return False  # "Phó Chủ tịch Thường trực UBND": a title, not a standing board
    # "Thường trực Ban Bí thư": a central title, the body is "Ban Bí thư"
    return not (head in PREFIX_HEADS and _opens_title(text, m.start(), head, lex))


def _head_with_tail(text: str, words: Words, m: re.Match[str], i: int) -> Candidate | None:
    """A head with no name of its own after it, named by its tail ("Đồn Biên phòng cửa khẩu
    X"), else None."""
    head = m.group(0)
    bare = words.ends[i + len(head.split(" ")) - 1]
    tail = _name_tail(text, bare, head)
    if not tail:
        return None
    return Candidate(m.start(), bare + tail, "ORGANIZATION", text[m.start():bare + tail],
                     f"org:{slugify(text[m.start():bare + tail])}", 2)


def _headed_body(text: str, words: Words, lex: Lexicon, m: re.Match[str], province: str | None,
                 kind: str, named: list[tuple[int, dict]]) -> Candidate | None:
    """The body a head noun found by `_HEADS` opens, with its canonical name."""
    head = m.group(0)
    i = words.index(m.start())
    if i is None or not _heads_a_body(text, words, lex, m, i):
        return None
    board = _zone_board(text, m, lex, province) or _local_peoples_body(text, m)
    if board is not None:
        return board
    scan = _scan(words, i, len(head.split(" ")), LOWER_HEADS.get(head, head), lex)
    if scan is None:
        return _head_with_tail(text, words, m, i)
    start, end = words.starts[i], words.ends[scan.end - 1]
    name = words.phrase(i, scan.end)
    tail = _name_tail(text, end, head)
    if tail:  # "Đại sứ quán X tại Việt Nam", "Đồn Biên phòng cửa khẩu quốc tế X"
        name, end = name + text[end:end + tail], end + tail
    if head in LOWER_HEADS:
        name = LOWER_HEADS[head] + name[len(head):]
        head = LOWER_HEADS[head]
    if re.search(r"\bBộ$", name) and name != "Bộ":
        ministry = _ministry_before(named, start)
        if ministry:
            name = name[:-3] + " " + ministry
    if text[end:end + 12].startswith((" một số tỉnh", " các tỉnh", " các địa phương")):
        return None  # "Sở Công Thương một số tỉnh": departments in general
    name = _with_province(lex, words, i, scan, head) or name
    completed = _complete(name, head, scan, province, kind)
    if (completed != name or is_unresolved_body(name)) and \
            _TITLE_BEFORE.search(text, max(0, start - 30), start):
        # "Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Sê Kông": the province the title list ends with
        later = province_later_in_list(text[end:])
        if later and later != province:
            completed = with_province(re.sub(r"\s+thành phố$", " tỉnh", name), later)
    name = _canonical(completed)
    local = _LOCAL_UNIT_AFTER.match(text, m.end()) if head in _PEOPLES_BODIES else None
    if local and local.group(1) not in name:
        return None  # "Ủy ban nhân dân xã nông thôn mới X": a commune's, never the province's
    if name in _NATIONAL_WHEN_BARE or (head in _NATIONAL_WHEN_BARE and name != head and re.search(
            r"Tư lệnh\s+$", text[max(0, start - 12):start]) and scan.end == i + len(
            head.split(" "))):
        # bare, or after the national commander's title "Tư lệnh Bộ đội Biên phòng"
        name = _NATIONAL_WHEN_BARE[head]
    if name in _GENERIC_NAMES:
        return None  # a head noun alone names no body
    known = lex.bodies.get(name) or lex.bodies.get(name_key(name))
    key = f"org:{known['key']}" if known else f"org:{slugify(name)}"
    return Candidate(start, end, "ORGANIZATION", known["name"] if known else name, key, 2)


# "Ban Quản lý Khu kinh tế cửa khẩu X", "Ban Quản lý các khu công nghiệp tỉnh Y": the board of
# a zone (or of a province's zones) is named with the zone
_ZONE_BOARD = re.compile(
    rf"[ ]+(?:các[ ]+)?[Kk]hu[ ]+(?:kinh[ ]tế|công[ ]nghiệp|chế[ ]xuất|công[ ]nghệ[ ]cao)"
    rf"(?:[ ]+cửa[ ]khẩu)?(?P<kind>[ ]+(?:tỉnh|thành[ ]phố|TP\.?))?"
    rf"(?P<own>[ ]+[{UPPER}]\w*(?:[ ](?:-[ ])?[{UPPER}]\w*)*)?")


def _zone_board(text: str, m: re.Match[str], lex: Lexicon,
                province: str | None) -> Candidate | None:
    """The management board of a zone, named with the zone ("Ban Quản lý Khu kinh tế X")."""
    if m.group(0) not in ("Ban Quản lý", "Ban quản lý"):
        return None
    zone = _ZONE_BOARD.match(text, m.end())
    if zone is None:
        return None
    name = re.sub(r"\s+", " ", text[m.start():zone.end()])
    own = (zone.group("own") or "").strip()
    if not own or own in lex.province_by_name:
        # the province's own board: "Ban Quản lý Khu kinh tế (tỉnh) (X)"
        end = zone.start("kind") if zone.group("kind") else zone.start("own") if own else \
            zone.end()
        bare = re.sub(r"\s+", " ", text[m.start():end])
        name = with_province(bare, own or province) if own or province else name
    elif zone.group("kind") and zone.group("kind").strip().startswith("TP"):
        name = name.replace(zone.group("kind").strip(), "thành phố", 1)
    name = "Ban Quản lý" + name[len("Ban Quản lý"):]
    known = lex.bodies.get(name) or lex.bodies.get(name_key(name))
    key = f"org:{known['key']}" if known else f"org:{slugify(name)}"
    return Candidate(m.start(), zone.end(), "ORGANIZATION", known["name"] if known else name,
                     key, 2)


# a people's committee or council of a unit below the province, written with its unit word
_LOCAL_UNIT_AFTER = re.compile(r"[ ]+(xã|phường|thị trấn|huyện|quận|thị xã)\b")
_PEOPLES_BODIES = ("UBND", "HĐND", "Ủy ban nhân dân", "Hội đồng nhân dân")
# "Ủy ban nhân dân xã nông thôn mới X", "UBND xã biên giới Y": words that qualify the unit come
# between its word and its name, and are not part of the name
_LOCAL_QUALIFIED = re.compile(
    rf"[ ]+(?P<unit>xã|phường|thị trấn|huyện|quận|thị xã)(?P<qual>(?:[ ]+[{LOWER}]+){{1,5}}?)"
    rf"[ ]+(?P<own>[{UPPER}]\w*(?:[ ][{UPPER}]\w*){{0,3}})")


def _local_peoples_body(text: str, m: re.Match[str]) -> Candidate | None:
    """A people's committee or council of a commune or district whose unit word is qualified
    ("Ủy ban nhân dân xã nông thôn mới X" is "Ủy ban nhân dân xã X")."""
    if m.group(0) not in _PEOPLES_BODIES:
        return None
    local = _LOCAL_QUALIFIED.match(text, m.end())
    if local is None:
        return None
    name = f"{m.group(0)} {local.group('unit')} {local.group('own')}"
    return Candidate(m.start(), local.end(), "ORGANIZATION", name, f"org:{slugify(name)}", 2)
_GENERIC_NAMES = set(_DATA["generic_names"]["names"])
_NATIONAL_WHEN_BARE: dict[str, str] = _DATA["national_when_bare"]["names"]
# Words after a head's capitalised name that still belong to it (name_words.json "tails")
_TAILS = [(set(t["heads"]),
           re.compile(rf"[ ]+(?:{t['words']})[ ]+(?:[Tt]hành phố[ ]|TP\.[ ]?)?"
                      rf"[{UPPER}]\w*(?:[ ][{UPPER}]\w*)*"))
          for t in _DATA.get("tails", [])]


def _name_tail(text: str, end: int, head: str) -> int:
    """The length of the words after a body's name that belong to it (0 when none)."""
    for heads, pattern in _TAILS:
        if head in heads:
            m = pattern.match(text, end)
            if m:
                return m.end() - end
    return 0


def find_bodies(text: str, words: Words, lex: Lexicon, province: str | None) -> list[Candidate]:
    """ORGANIZATION candidates with canonical names."""
    out: list[Candidate] = []
    kind = _province_kind(lex, province)
    named: list[tuple[int, dict]] = []
    for start, end, written in lex.body_index.find(text):
        rec = lex.bodies.get(written) or lex.bodies.get(name_key(written))
        if rec is None:
            continue
        named.append((start, rec))
        out.append(Candidate(start, end, "ORGANIZATION", rec["name"], f"org:{rec['key']}", 2))
    for m in _HEADS.finditer(text):
        found = _headed_body(text, words, lex, m, province, kind, named)
        if found is not None:
            out.append(found)
    for m in _LIST.finditer(text):
        out.extend(_listed(text, words, lex, m, province))
    for m in _PROVINCE_LIST.finditer(text):
        out.extend(_per_province(text, lex, m))
    if province:
        out.extend(Candidate(m.start(), m.end(), "ORGANIZATION",
                             with_province(m.group(0), province),
                             f"org:{slugify(with_province(m.group(0), province))}", 1)
                   for m in _BARE_ITEM.finditer(text)
                   if _BODY_ITEM_BEFORE.search(text, max(0, m.start() - 60), m.start()))
    return out


# the item before it is a body of the province ("Bộ Chỉ huy Quân sự, Công an, ..."), not a
# force or a sector ("lực lượng Quân đội, Công an, Biên phòng")
_BODY_ITEM_BEFORE = re.compile(r"(?:Sở|Bộ Chỉ huy|Cục|Ban|UBND|Văn phòng|Kho bạc|Thanh tra)"
                               r"[^,;.]{0,40}(?:,|\svà)\s*$")
# A provincial body written by its head alone as an item of a list of the province's bodies
# ("Bộ Chỉ huy Quân sự, Công an, Cục Hải quan tỉnh"): the article's province's.
_BARE_ITEM = re.compile(
    r"(?:(?<=,\s)|(?<=\svà\s))(?:" + "|".join(map(re.escape, sorted(
        PROVINCIAL_BODIES | {"Công an", "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy Bộ đội Biên phòng"},
        key=len, reverse=True))) + r")(?=\s*(?:,|;|\svà\s|\s(?:tỉnh|thành phố)\b))")


# A provincial body's head shared by a list of provinces that follows: "Ban Thường vụ Tỉnh ủy
# các tỉnh: A, B và C", "UBND các tỉnh A, B": one body per province.
_PROVINCE_LIST = re.compile(
    r"(?<!\w)(?P<head>(?:Ban Thường vụ |Thường trực )?(?:Tỉnh ủy|Thành ủy)|UBND|HĐND|"
    r"Ủy ban nhân dân|Hội đồng nhân dân)\s+(?:của\s+)?các\s+(?:tỉnh(?:,\s*thành phố)?|"
    r"địa phương)\s*:?\s*")
_LIST_JOIN = re.compile(r"\s*(?:,|và|;)\s*(?:(?:tỉnh|thành phố)\s+)?")


def _per_province(text: str, lex: Lexicon, m: re.Match[str]) -> list[Candidate]:
    """The bodies of a head shared by a list of provinces: the first spans the head, the others
    their province's name."""
    head = m.group("head")
    base = head if "ủy" in head else f"{head} tỉnh"
    out: list[Candidate] = []
    pos, start = m.end(), m.start()
    found = {s: (e, n) for s, e, n in lex.province_index.find(text[pos:pos + 400])}
    while pos - m.end() in found:
        end, name = found[pos - m.end()]
        body = with_province(base, name)
        out.append(Candidate(start, m.end() + end, "ORGANIZATION", body,
                             f"org:{slugify(body)}", 3, nests=True))
        join = _LIST_JOIN.match(text, m.end() + end)
        if join is None:
            break
        pos = start = join.end()
    return out


def _listed(text: str, words: Words, lex: Lexicon, m: re.Match[str],
            province: str | None) -> list[Candidate]:
    """"các Sở: Công Thương, Giao thông vận tải": each item is a body of the shared head."""
    head = m.group("head").capitalize()
    i = words.index(m.end())
    out: list[Candidate] = []
    _named, _selfh, _prefix, first = _head_sets()
    while i is not None and i < len(words) and is_cap(words.get(i)) \
            and words.get(i) not in first:
        fake = _Scan()
        j = i
        while j < len(words) and (is_cap(words.get(j)) or words.joined(j)
                                  or _name_words(words, j)) \
                and words.gap(j) in (" ", "") and words.get(j)[0].isalpha():
            j += 1 if is_cap(words.get(j)) or words.joined(j) else _name_words(words, j)
            if words.get(j) == "và" and is_cap(words.get(j + 1)):
                j += 1
        if j == i:
            break
        name = f"{head} {words.phrase(i, j)}"
        if head == "Sở":
            name = _complete(name, "Sở", fake, province, _province_kind(lex, province))
        out.append(Candidate(words.starts[i], words.ends[j - 1], "ORGANIZATION", name,
                             f"org:{slugify(name)}", 1))
        if words.get(j) not in (",", ";"):
            break
        i = j + 1
    return out
