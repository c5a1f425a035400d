"""Persons: a name shape (a Vietnamese surname, then capitalised given names) in the context
of a title or an honorific.

A name counts when a title or form of address stands before it ("Bộ trưởng Nguyễn Hồng Diên",
"ông Lê Văn A", "Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn B": the body between title and name is
skipped), when a title follows it ("Trần Văn C, Ủy viên Trung ương Đảng, ..." as in the lists
"các đồng chí: A, title; B, title"), or when the same name was accepted elsewhere in the text.
A capitalised run right after a title is a name even without a known surname.
"""

from __future__ import annotations

import re

from ingest.coref import is_ministry_short_name
from ingest.lexicon import UPPER, Lexicon, PhraseIndex, alternation
from ingest.spans import Candidate, Words, is_cap
from ingest.text import slugify

__all__ = ["find_persons"]

_QUALIFIERS = ["tân", "nguyên", "cựu", "Quyền", "quyền", "Phó", "phó"]


class _Context:
    def __init__(self, lex: Lexicon) -> None:
        titles = [t for t in lex.titles if len(t) > 2]
        honor = [h for h in lex.honorifics if h not in ("em", "anh", "chị", "cụ")]
        self.title_end = re.compile(r"(?:" + alternation(titles + honor) + r")[ ]*$",
                                    re.IGNORECASE)
        self.title_start = re.compile(r"[ ]*(?:,|-|–|\()[ ]*(?:" + alternation(
            titles + _QUALIFIERS) + r")", re.IGNORECASE)
        self.title_any = re.compile(alternation(titles + honor), re.IGNORECASE)
        self.title_index = PhraseIndex(titles + honor, anywhere=True)
        self.surname_at = re.compile(r"(?<!\w)(?=(?:" + "|".join(
            re.escape(s) for s in sorted(lex.surnames, key=len, reverse=True))
            + rf")[ ][{UPPER}])")


_NOT_GIVEN = {"Phó", "Bí", "Chủ", "Bộ", "Thứ", "Trưởng", "Giám", "Ủy", "Đồng", "Tỉnh", "Thành",
              "Sở", "Ban", "Cục", "Vụ", "Quyền", "Tổng", "Đại", "Trung", "Văn", "Thường", "Hội",
              "UBND", "HĐND", "Đoàn", "Công", "Viện", "Báo", "Khu", "Cửa", "Chính"}
_NEVER_FIRST = {"Phó", "Bí", "Chủ", "Thứ", "Trưởng", "Giám", "Ủy", "Quyền", "Tổng", "Bộ", "Sở",
                "Ban", "Cục", "Vụ", "Tỉnh", "Thành", "Đồng", "Tân", "Nguyên", "Cựu"}
# A name of one word: an ethnic name with an apostrophe ("K'Nhiễu") or a transcribed name
# with hyphens ("Vông-xay").
_ONE_WORD_NAME = re.compile(r"[^\W\d_]{1,3}['’][^\W\d_]+|[^\W\d_]+(?:-[^\W\d_]+)+")
_UNIT_KIND = re.compile(r"(?:tỉnh|thành phố|huyện|quận|thị xã|bang|châu)[ ]+")
_KIND_BEFORE = re.compile(r"(?<!\w)(?:tỉnh|thành phố|huyện|quận|thị xã|bang|châu)[ ]+$")
# "Bộ trưởng Ngoại giao A", "Thứ trưởng Công Thương B": a minister's title with the ministry
# named without "Bộ"
_MINISTER_SHORT = re.compile(r"(?<!\w)(?:Bộ trưởng|Thứ trưởng)[ ]+"
                             r"(?P<short>[^\W\d_][^,;:()\n]{1,40}?)[ ]+$")
_HONORIFIC_WORDS = {"ông", "bà", "anh", "chị", "ngài", "cụ", "em"}
# the colon of a list of bare names before a name: ": A, B và " (names of 2-5 capitalised words)
_LIST_BACK = re.compile(rf":[ ]*(?:[{UPPER}]\w*(?:[ ][{UPPER}]\w*){{1,4}}[ ]*(?:,|;|[ ]và)[ ]*)*$")
_CACHE: dict[int, _Context] = {}


def _context(lex: Lexicon) -> _Context:
    if id(lex) not in _CACHE:
        _CACHE[id(lex)] = _Context(lex)
    return _CACHE[id(lex)]


def _is_place(lex: Lexicon, name: str) -> bool:
    return (name in lex.province_by_name or name in lex.places or name in lex.districts
            or name in lex.bodies)


class _Around:
    """What the other candidates (bodies, places) tell the name finder about one text."""

    def __init__(self, text: str, others: list[Candidate]) -> None:
        # a place inside a name does not cut it ("Trần Hồng Hà" holds the place name "Hồng Hà")
        self.hard = sorted((c.start, c.end) for c in others
                           if c.label not in ("PROVINCE", "LOCATION"))
        self.ends: dict[int, int] = {}  # end → the earliest start of a body or place ending there
        for c in others:
            if c.label != "PERSON":
                self.ends[c.end] = min(self.ends.get(c.end, c.start), c.start)
        # what may stand between a title and the name: a body ("Bí thư Tỉnh ủy X A"), a country
        # or foreign province ("Thủ tướng Lào A", "Tỉnh trưởng tỉnh Sê Kông A")
        self.org_end: dict[int, int] = {}
        for c in others:
            if c.label in ("ORGANIZATION", "LOCATION", "PROVINCE"):
                self.org_end[c.start] = max(self.org_end.get(c.start, 0), c.end)
        # blocked[pos]: pos lies inside a hard candidate or strictly inside any candidate
        self.blocked = bytearray(len(text) + 1)
        for c in others:
            lo = c.start if c.label not in ("PROVINCE", "LOCATION") else c.start + 1
            if c.end > lo:
                self.blocked[lo:c.end] = b"\x01" * (c.end - lo)
        self.bodies = [(c.start, c.end) for c in others if c.label == "ORGANIZATION"]

    def inside(self, pos: int) -> bool:
        return bool(self.blocked[pos])


def _title_before(text: str, ctx: _Context, ends: dict[int, int], start: int) -> str | None:
    """The title written right before a name starting at `start`, skipping a body or place
    between them ("Bí thư Tỉnh ủy X A"); None where there is none."""
    short = _MINISTER_SHORT.search(text, max(0, start - 60), start) \
        if "trưởng " in text[max(0, start - 60):start] else None
    if short and is_ministry_short_name(short.group("short")):
        return text[short.start():start].strip()  # "Bộ trưởng Ngoại giao A"
    pos = start
    while True:
        before = text[max(0, pos - 60):pos]
        stripped = before.rstrip(" ")
        back = pos - (len(before) - len(stripped))
        whole = ctx.title_end.search(text, max(0, back - 60), back) if back in ends else None
        if whole is not None and whole.start() < ends[back]:
            # a title that names its body in full: "Trưởng Ban Tổ chức Trung ương A"
            return text[whole.start():start].strip()
        if back in ends:  # skip a body or place between the title and the name
            pos = ends[back]
            kind = _KIND_BEFORE.search(text, max(0, pos - 12), pos)
            if kind:  # and its unit word: "tỉnh" + "Chăm-pa-xắc"
                pos = kind.start()
            continue
        if stripped.endswith(","):  # "Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh X Name"
            return None
        m = ctx.title_end.search(text, max(0, back - 60), back)
        return text[m.start():start].strip() if m else None


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _name_starts(text: str, ctx: _Context, around: _Around) -> list[int]:
    """Where a name may start: at a surname, and after each title (past a body or place that
    stands between: "Tỉnh trưởng tỉnh" + "Chăm-pa-xắc" + the name)."""
    starts = [m.start() for m in ctx.surname_at.finditer(text)]
    for _start, pos, _title in ctx.title_index.find(text):
        pos = _skip_spaces(text, pos)
        # a title alias that ends inside a body ("Phó Chủ tịch UBND" + "UBND tỉnh"): after it
        pos = _skip_spaces(text, next((b for a, b in around.bodies if a < pos < b), pos))
        kind = _UNIT_KIND.match(text, pos)
        if kind and kind.end() in around.org_end:
            pos = kind.end()
        while pos in around.org_end:
            pos = _skip_spaces(text, around.org_end[pos])
        starts.append(pos)
    return sorted(set(starts))


def _person_at(text: str, words: Words, lex: Lexicon, ctx: _Context, around: _Around,
               start: int) -> Candidate | None:
    """The person whose name starts at `start`, if its shape and a title (before or after it)
    or a surname make it one."""
    i = words.index(start)
    if i is None or around.inside(start) or not is_cap(words.get(i)):
        return None
    # "Y Thanh Hà Niê Kđăm": a name opened by an ethnic prefix may have five words
    j = words.cap_run(i, 5 if words.get(i) in lex.ethnic_prefixes else 4)
    while j > i and any(s > start and s < words.ends[j - 1] for s, _ in around.hard):
        j -= 1
    if j - i < 2 and not (j - i == 1 and _ONE_WORD_NAME.fullmatch(words.get(i))
                          and _title_before(text, ctx, around.ends, start)):
        return None  # "K'Nhiễu", "Vông-xay" after a title: a one-word name
    name = words.phrase(i, j)
    if words.get(i) in _NEVER_FIRST or words.get(i).lower() in _HONORIFIC_WORDS:
        return None  # "Phó Bí thư", "Ông Nguyễn ...": a title or an address, not a name
    if _is_place(lex, name) or _is_place(lex, words.phrase(i, i + 2)):
        return None
    title = _title_before(text, ctx, around.ends, start)
    surname = words.get(i) in lex.surnames or words.phrase(i, i + 2) in lex.surnames
    if title is None and surname:
        # "các Phó Chủ tịch UBND tỉnh X: A, B và C": a title before a list of names
        listed = _LIST_BACK.search(text, max(0, start - 160), start)
        title = _title_before(text, ctx, around.ends, listed.start()) if listed else None
    after = ctx.title_start.match(text, words.ends[j - 1])
    if title is None and not (after and surname):
        return None
    if not surname and (title is None or ctx.title_any.search(name)
                        or words.get(i) in _NOT_GIVEN):
        return None
    return Candidate(start, words.ends[j - 1], "PERSON", name,
                     f"person:{slugify(name)}", 3, [t for t in [title] if t])


def find_persons(text: str, words: Words, lex: Lexicon,
                 others: list[Candidate]) -> list[Candidate]:
    """PERSON candidates; `others` (bodies, places) bound names and carry titles."""
    ctx = _context(lex)
    around = _Around(text, others)
    found: list[Candidate] = []
    seen: set[int] = set()
    for start in _name_starts(text, ctx, around):
        person = _person_at(text, words, lex, ctx, around, start) if start not in seen else None
        if person is not None:
            seen.add(start)
            found.append(person)
    # the same name elsewhere in the text (captions, later mentions)
    accepted = {c.name for c in found}
    if accepted:
        again = re.compile(alternation(accepted))
        for m in again.finditer(text):
            if m.start() not in seen and not around.inside(m.start()):
                found.append(Candidate(m.start(), m.end(), "PERSON", m.group(0),
                                       f"person:{slugify(m.group(0))}", 3))
    return found
