"""Coreference inside one article: what a bare word refers to.

Vietnamese news names a thing in full once and then shortens it:
- "tỉnh", "UBND tỉnh", "Tỉnh ủy" mean the article's province ("UBND tỉnh Lào Cai");
- a bare title ("Bộ trưởng", "đồng chí Bí thư Tỉnh ủy") means the person named earlier
  with that title;
- "đoàn công tác (của) Bộ X" is not a body itself: the body that sent it is;
- "Văn phòng Bộ", "các đơn vị thuộc Bộ" mean the ministry named nearby.

Everything here is plain data plus small functions, so ingest/relations and the tests can use it
on hand-built Docs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ingest import resources
from ingest import text as _text

__all__ = [
    "ArticleContext",
    "Delegation",
    "article_province",
    "explicit_province",
    "fold",
    "foreign_province_names",
    "is_unresolved_body",
    "known_province_names",
    "ministry_by_short_name",
    "name_key",
    "nfc_vi",
    "province_later_in_list",
    "with_province",
]

# ingest.text's normalisers, memoised: the relation stage asks for the same few names and
# titles over and over (every sentence, every candidate), and they are pure functions.
fold = lru_cache(maxsize=16384)(_text.fold)
name_key = lru_cache(maxsize=16384)(_text.name_key)
nfc_vi = lru_cache(maxsize=16384)(_text.nfc_vi)

# Bodies of a province that the text often leaves without the province's name. The canonical
# form keeps the generic word ("UBND tỉnh Lào Cai", "Tỉnh ủy Lào Cai") as FACTS.md names them.
_PROVINCIAL = re.compile(
    r"^(?P<head>.*?\b(?:tỉnh|Tỉnh ủy|Thành ủy|thành phố|TP\.?))$", re.IGNORECASE
)
_PARTY_COMMITTEE = re.compile(r"^Ban Chấp hành Đảng bộ (?:tỉnh|thành phố)$", re.IGNORECASE)
_CITY_KINDS = {"thành phố"}
_BARE_TINH = re.compile(r"(?<=\s)tỉnh$")  # "UBND tỉnh": the generic word, not "Tỉnh ủy"
_TINH_UY_END = re.compile(r"(?:^|\s)Tỉnh ủy$", re.IGNORECASE)
# A provincial body whose province is still unknown: a fact about it names no real body.
def words_of(words: tuple[str, ...], later_initials: bool = False) -> str:
    """A regex alternation of literal words, longest first; `later_initials` lets every word
    after the first start in either case ("Ban [Cc]án sự [Đđ]ảng")."""
    def one(w: str) -> str:
        parts = w.split(" ")
        return r"\ ".join([re.escape(parts[0])] + [
            f"[{p[0].upper()}{p[0].lower()}]{re.escape(p[1:])}" if later_initials
            and p[0].upper() != p[0].lower() else re.escape(p) for p in parts[1:]])
    return "|".join(one(w) for w in sorted(set(words), key=len, reverse=True))


def own_bodies() -> resources.ProvinceBodies:
    """A province's own bodies as written without its name (name_words.json)."""
    own = resources.body_heads().province
    assert own is not None
    return own


def _unresolved_pattern() -> re.Pattern[str]:
    own = own_bodies()
    prefixes = own.standing_boards + own.standing_offices + own.party_executive + \
        own.party_groups
    return re.compile(rf"^(?:(?:{words_of(prefixes)}) )?(?:{words_of(own.committees)}|"
                      rf"{words_of(own.unit_words)}|(?:{words_of(own.councils)}) "
                      rf"(?:{words_of(own.unit_words)}))$", re.IGNORECASE)


_UNRESOLVED_BODY = _unresolved_pattern()


def _provinces() -> list[dict]:
    return resources.provinces()


@cache
def known_province_names() -> dict[str, str]:
    """Folded name or alias → canonical short name, for every province (legacy and 2025)."""
    names: dict[str, str] = {}
    for prov in _provinces():
        for name in [prov["name"], *prov.get("aliases", [])]:
            names.setdefault(fold(name), prov["name"])
    return names


@cache
def foreign_province_names() -> dict[str, str]:
    """Folded name or alias → canonical name, for the foreign provinces of the gazetteer
    (the Lao and Chinese neighbours: "Sê Kông", "Vân Nam")."""
    names: dict[str, str] = {}
    for place in resources.places():
        if place.get("kind") == "foreign_province":
            for name in [place["name"], *place.get("aliases", [])]:
                names.setdefault(fold(name), place["name"])
    return names


# The rest of one title list: it ends at ";", a bracket, the sentence's end, a new person
# ("ông", "đồng chí") or a verb phrase after the titles.
_LIST_END = re.compile(r"[;(.\n]|\s-\s|\b(?:ông|bà|đồng chí|cùng|và|đã|phát biểu|cho biết)\b")
_LIST_PROVINCE = re.compile(r"\b(?:tỉnh|thành phố|TP\.?)\s+(?P<name>\w[\w-]*(?:\s+\w[\w-]*){0,3})")


def province_later_in_list(rest: str) -> str | None:
    """The province written at the end of a title list that a bare "Tỉnh ủy" shares: in
    "Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Sê Kông (Lào)" the committee is Sê Kông's, foreign
    provinces included. `rest` is the text after the bare body.

    >>> province_later_in_list(", Tỉnh trưởng tỉnh Sê Kông (Lào) phát biểu")
    'Sê Kông'
    >>> province_later_in_list(", Chủ tịch HĐND tỉnh Nghệ An; ông B")
    'Nghệ An'
    >>> province_later_in_list("; ông B, Chủ tịch UBND tỉnh Nghệ An") is None
    True
    """
    end = _LIST_END.search(rest[:160])
    item = rest[: end.start() if end else 160]
    found = None
    for match in _LIST_PROVINCE.finditer(item):
        words = match.group("name").split()
        words = words[: next((i for i, w in enumerate(words) if not w[0].isupper()),
                             len(words))]
        for size in range(len(words), 0, -1):
            key = fold(" ".join(words[:size]))
            name = known_province_names().get(key) or foreign_province_names().get(key)
            if name:
                found = name
                break
    return found


def is_unresolved_body(name: str) -> bool:
    """A provincial body still without its province ("Tỉnh ủy", "UBND tỉnh").

    >>> is_unresolved_body("Ban Thường vụ Tỉnh ủy"), is_unresolved_body("Tỉnh ủy Sơn La")
    (True, False)
    """
    return bool(_UNRESOLVED_BODY.match(nfc_vi(name).strip()))


@cache
def _province_kind(name: str) -> str:
    for prov in _provinces():
        if prov["name"] == name:
            return prov.get("kind") or "tỉnh"
    return "tỉnh"


_PROVINCE_IN_TEXT = re.compile(r"(?:tỉnh|thành phố|TP\.?)\s+(\w[\w\s-]*)$", re.IGNORECASE)


def explicit_province(text: str) -> str | None:
    """The province a body's surface text names at its end, if any.

    >>> explicit_province("UBND tỉnh Lào Cai"), explicit_province("Tỉnh ủy Quảng Ninh")
    ('Lào Cai', 'Quảng Ninh')
    >>> explicit_province("UBND tỉnh") is None
    True
    """
    words = nfc_vi(text).split()
    names = known_province_names()
    for size in (4, 3, 2, 1):
        if len(words) > size:
            tail = fold(" ".join(words[-size:]))
            if tail in names:
                return names[tail]
    return None


def with_province(body: str, province: str | None) -> str:
    """A provincial body's canonical name: the province added where the text left it implicit.

    >>> with_province("UBND tỉnh", "Lào Cai"), with_province("Tỉnh ủy", "Lào Cai")
    ('UBND tỉnh Lào Cai', 'Tỉnh ủy Lào Cai')
    >>> with_province("Ban Chấp hành Đảng bộ tỉnh", "Thái Nguyên")
    'Tỉnh ủy Thái Nguyên'
    >>> with_province("Sở Công Thương", "Thái Nguyên")
    'Sở Công Thương tỉnh Thái Nguyên'
    >>> with_province("Bộ Công Thương", "Lào Cai")
    'Bộ Công Thương'

    A bare "tỉnh" takes the province's own kind: a centrally run city is "thành phố".

    >>> with_province("Đoàn Đại biểu Quốc hội tỉnh", "Hà Nội")
    'Đoàn Đại biểu Quốc hội thành phố Hà Nội'

    But a centrally run city has a Thành ủy, never a "Tỉnh ủy": a bare "Tỉnh ủy" in a city's
    article is some other province's, so it stays unresolved rather than invented.

    >>> with_province("Ban Thường vụ Tỉnh ủy", "Đà Nẵng")
    'Ban Thường vụ Tỉnh ủy'
    """
    body = re.sub(r"\s+", " ", nfc_vi(body)).strip()
    if not province or explicit_province(body):
        return body
    kind = _province_kind(province)
    if kind in _CITY_KINDS and _TINH_UY_END.search(body):
        return body
    if _PARTY_COMMITTEE.match(body):
        return f"{'Thành ủy' if kind in _CITY_KINDS else 'Tỉnh ủy'} {province}"
    if _PROVINCIAL.match(body):
        return f"{_BARE_TINH.sub(kind, body)} {province}"
    if re.match(r"^(?:Sở|Bộ Chỉ huy|Ban Quản lý|Cục Hải quan|Cục Thuế|Công an|Đoàn "
                r"(?:đại biểu|ĐBQH)|Ban Cán sự|Thường trực|Ban Thường vụ)\b", body,
                re.IGNORECASE):
        return f"{body} {kind} {province}"
    return body


@cache
def _ministries() -> dict[str, str]:
    """Folded short name ("cong thuong") → ministry name ("Bộ Công Thương")."""
    short: dict[str, str] = {}
    for body in resources.bodies():
        if body.get("kind") != "ministry":
            continue
        for name in [body["name"], *body.get("aliases", [])]:
            if name.startswith("Bộ "):
                short.setdefault(fold(name[3:]), body["name"])
    return short


def ministry_by_short_name(words: str) -> str | None:
    """"Bộ trưởng Công thương" names its ministry without "Bộ": the longest known prefix.

    >>> ministry_by_short_name("Công thương đề nghị")
    'Bộ Công Thương'
    >>> ministry_by_short_name("cho biết") is None
    True
    """
    tokens = nfc_vi(words).split()
    known = _ministries()
    for size in range(min(8, len(tokens)), 0, -1):
        candidate = fold(" ".join(tokens[:size])).strip(",.;:")
        if candidate in known:
            return known[candidate]
    return None


def is_ministry_short_name(words: str) -> bool:
    """Is the whole text a ministry's name without "Bộ" ("Ngoại giao", "Công Thương")?

    >>> is_ministry_short_name("Ngoại giao"), is_ministry_short_name("Ngoại giao Bùi")
    (True, False)
    """
    return fold(nfc_vi(words)).strip(",.;:") in _ministries()


def article_province(ents: list[tuple[str, str]], title: str = "",
                     declared: str | None = None) -> str | None:
    """The province an article is about: the pipeline's own answer when it has one, else the
    province named most often (a name in the title counts three times)."""
    if declared:
        return declared
    counts: Counter[str] = Counter()
    title_key = fold(title)
    for label, name in ents:
        if label == "PROVINCE":
            counts[name] += 1
            if fold(name) in title_key:
                counts[name] += 2
    return counts.most_common(1)[0][0] if counts else None


_PARTY_ORGAN = re.compile(r"^(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương)", re.IGNORECASE)


@dataclass
class Delegation:
    """A working delegation: the bodies that sent it and the people who lead it."""

    bodies: list[tuple[str, str]] = field(default_factory=list)
    leaders: list[tuple[str, str]] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)


@dataclass
class ArticleContext:
    """What earlier sentences of the article established."""

    province: str | None = None
    after_merger: bool = False  # published from 2025-07-01: places mean the 2025 units
    lead_date: str | None = None
    delegation: Delegation | None = None
    # people the article names as leading a delegation ("A ... làm trưởng đoàn"), in text order
    delegation_heads: list[tuple[str, str]] = field(default_factory=list)
    # (start offset, role key, body key or "", person name), in text order
    titled: list[tuple[int, str, str, str]] = field(default_factory=list)
    person_bodies: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    events: list[tuple[str, int]] = field(default_factory=list)
    title_end: int = 0  # the headline is text[:title_end]
    lead_is_trip: bool = False  # the lead reports the trip itself, not one session of it
    # the visiting side of the article's first working session or visit: who a later bare
    # "đoàn" ("Sau buổi làm việc, đoàn đi kiểm tra ...") is when no delegation was named
    visitors: list[tuple[str, str]] = field(default_factory=list)

    def remember_title(self, person: str, role: str, body: str | None, start: int = 0) -> None:
        self.titled.append((start, name_key(role), name_key(body or ""), person))
        self.titled.sort(key=lambda item: item[0])
        if body:
            self.person_bodies.setdefault(person, [])
            if (role, body) not in self.person_bodies[person]:
                self.person_bodies[person].append((role, body))

    def person_with_title(self, role: str, body: str | None = None,
                          before: int | None = None) -> str | None:
        """The person named with this title ("Bộ trưởng" → the minister): the last one
        before the mention, else the first one after it."""
        role_key, body_key = name_key(role), name_key(body or "")
        wanted = [(start, person) for start, r, b, person in self.titled
                  if r == role_key and (not body or b == body_key)]
        if before is not None:
            earlier = [person for start, person in wanted if start < before]
            if earlier:
                return earlier[-1]
        return wanted[0][1] if wanted else None

    def body_of(self, person: str, kinds: tuple[str, ...] = ("Bộ ",)) -> str | None:
        """A body the person leads or serves in, with one of the given head nouns: the one a
        delegation of theirs comes from. A seat in a Party organ ("Ủy viên Bộ Chính trị") is a
        membership, not the body that sends the delegation."""
        for role, body in self.person_bodies.get(person, []):
            if body.startswith(kinds) and not _PARTY_ORGAN.match(body) and \
                    not fold(role).startswith("uy vien"):
                return body
        return None

    def event_with_head(self, head: str, before: int) -> str | None:
        """The article's event with that head noun: the first one named before `before` in
        the order of `events` (a bare "hội nghị" means the event the lead introduced)."""
        for name, start in self.events:
            if start < before and fold(name).startswith(fold(head)):
                return name
        return None
