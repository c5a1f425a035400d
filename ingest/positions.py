"""Titles and the people who hold them: the `holds_position` facts of a sentence.

Vietnamese news gives a person's positions in two shapes:
- before the name, the title then its body: "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên",
  "Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Thái Nguyên Trịnh Việt Hùng" (the last province
  named in the chain belongs to every body of it);
- after the name, a list after a dash, comma or bracket: "ông A - Ủy viên Ban Thường vụ Tỉnh
  ủy, Phó Chủ tịch Thường trực UBND tỉnh", ending at ";", a verb, or another person.
A title is one unit: the role (from ingest/data/titles.json) and its body, either the
ORGANIZATION entity that follows, the body the title implies ("Phó Thủ tướng" → Chính phủ,
"Ủy viên Trung ương Đảng" → Ban Chấp hành Trung ương Đảng), a ministry by its short name
("Bộ trưởng Công thương"), or none yet (filled from context in ingest/relations).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ingest import resources
from ingest.coref import (
    explicit_province,
    fold,
    is_unresolved_body,
    known_province_names,
    ministry_by_short_name,
    nfc_vi,
    own_bodies,
    province_later_in_list,
    with_province,
    words_of,
)
from ingest.lexicon import UPPER

__all__ = ["Mention", "Position", "TitleUnit", "find_positions", "title_pattern"]


@dataclass
class Mention:
    """An entity mention in the text: FACTS.md type, canonical name, surface offsets."""

    start: int
    end: int
    label: str
    name: str
    text: str = ""
    implicit: bool = False  # made by coreference ("tỉnh" → the article's province)
    key: str | None = None  # the recogniser's canonical key, e.g. "location:lao-cai-huyen-bat-xat"


@dataclass
class TitleUnit:
    start: int
    end: int  # end of the body when there is one
    role: str
    body: str | None
    body_mention: Mention | None = None
    implicit_province: bool = False  # the body got the article's province, not its own
    person: str | None = None
    chain: int = -1


@dataclass
class Position:
    person: str
    role: str
    body: str | None
    start: int
    end: int
    units: list[TitleUnit] = field(default_factory=list)


_HONORIFIC = r"(?:ông|bà|đồng chí|đ/c|Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|" \
             r"Thượng tá|Trung tá|Thiếu tá|GS\.?|PGS\.?|TS\.?|ThS\.?|Tiến sĩ|Giáo sư|Phó Giáo sư)"
_BETWEEN_TITLE_AND_NAME = re.compile(rf"^\s*(?:{_HONORIFIC}\s+)*$", re.IGNORECASE)
_CHAIN_JOIN = re.compile(r"^\s*(?:,|[-–]|kiêm|;?\s*đồng thời là)\s*$")
_POST_NAME = re.compile(r"^\s*(?:[-–,(]|là)\s*(?:\b(?:tân|nguyên)\s+)?$")
_BODY_STRIP = re.compile(
    r"\s+(?:Ban Chấp hành Trung ương Đảng|Ban Chấp hành Trung ương|BCH (?:TW|Trung ương)"
    r"(?: Đảng)?|Trung ương Đảng|Trung ương|Bộ Chính trị|Ban Bí thư|Quốc hội|Chính phủ|"
    r"Ngân hàng Nhà nước|Đại biểu Quốc hội|ĐBQH|Ủy ban Kiểm tra|UBKT)$",
    re.IGNORECASE,
)
# Implicit bodies right after a title, when entity recognition has not marked them.
# (name_words.json province_bodies: a standing board, a committee, or a council, party
# executive or delegation with its unit word)
def _implicit_body() -> re.Pattern[str]:
    own = own_bodies()
    with_unit = own.party_executive + own.councils + own.delegations
    return re.compile(
        rf"^\s*(?P<body>(?:(?:{words_of(own.standing_boards)}) )?(?:{words_of(own.committees)})|"
        rf"(?:{words_of(with_unit)}) (?:{words_of(own.unit_words)}))\b", re.IGNORECASE)


_IMPLICIT_BODY = _implicit_body()
_BARE_KIND = re.compile(r"\s+(?:tỉnh|thành phố)$")  # "UBND thành phố" of the article's city
_TINH_AFTER_CHAIRMAN = re.compile(r"^\s*tỉnh\b(?!\s+[A-ZĐÂÁÀẢÃẠ])")


@cache
def _titles() -> tuple[dict[str, dict], dict[str, str]]:
    """Folded surface form → title record; body key → body name."""
    titles = resources.titles()
    bodies = resources.body_names()
    forms: dict[str, dict] = {}
    for title in titles:
        for form in [title["title"], *title.get("aliases", [])]:
            if len(form) < 4 or form.isupper():  # "BT", "CT", "TBT": too ambiguous as words
                continue
            forms.setdefault(fold(form), {**title, "form": form})
            if not form.startswith(("Quyền", "Phó")):
                forms.setdefault(fold("Quyền " + form), {**title, "form": "Quyền " + form,
                                                        "title": "Quyền " + title["title"]})
    return forms, bodies


@cache
def title_pattern() -> re.Pattern[str]:
    """Every title surface, longest first where several match at one place.

    >>> m = title_pattern().search("ông Nguyễn Văn A, Phó Chủ tịch UBND tỉnh")
    >>> m.group("title")
    'Phó Chủ tịch UBND'
    """
    forms, _ = _titles()
    surfaces = {t["form"] for t in forms.values()}
    return re.compile(rf"(?<!\w)(?:(?P<mod>tân|nguyên|cựu)\s+)?(?P<title>{_trie(surfaces)})(?!\w)",
                      re.IGNORECASE)


def _trie(surfaces: set[str]) -> str:
    r"""The surfaces as one case-insensitive regex shaped as a trie (a space matches any run of
    whitespace).

    A flat alternation of a few hundred titles makes the regex engine try each of them at
    every word of every sentence; the trie tries one branch per character. Among surfaces
    matching at one place the longest wins, as in an alternation sorted longest first: they
    all lie on one path of the trie, and each node tries its continuations before ending.

    >>> print(_trie({"Phó Chủ tịch", "Chủ tịch", "Phó ban"}))
    (?:chủ\s+tịch|phó\s+(?:chủ\s+tịch|ban))
    """
    root: dict = {}
    for surface in sorted(surfaces):
        node = root
        for char in nfc_vi(surface):
            node = node.setdefault(r"\s+" if char == " " else re.escape(char.lower()), {})
        node[""] = {}  # a surface ends here

    def render(node: dict) -> str:
        branches = [token + render(child) for token, child in node.items() if token]
        if not branches:
            return ""
        body = "|".join(branches)
        if "" in node:
            return f"(?:{body})?"
        return body if len(branches) == 1 else f"(?:{body})"

    return render(root)


def _role_and_default(surface: str) -> tuple[str, str | None]:
    """The role name of a title surface and the body it implies, if any."""
    forms, bodies = _titles()
    record = forms.get(fold(surface))
    if record is None:
        return nfc_vi(surface), None
    role = record["title"]
    default = bodies.get(record["default_body"]) if record.get("default_body") else None
    if default and fold(role).endswith(" " + fold(default)):
        # "Trưởng Ban Tổ chức Trung ương": the title names its body in full
        role = role[: -len(default)].rstrip()
        if fold(role).endswith("truong") and fold(default).startswith(("ban ", "doan ")):
            role = f"{role} {default.split()[0].lower()}"
        return _role_and_default(role)[0], default
    stripped = _BODY_STRIP.sub("", role)
    if default and stripped != role:
        role = stripped
    if fold(role) == fold("Trưởng đoàn Đại biểu Quốc hội"):
        role = "Trưởng đoàn"
    return role, default


_COMPOUND = re.compile(
    r"^(?:(?P<role>(?:Phó\s+)?Trưởng\s+đoàn)\s+(?P<dbqh>Đại biểu Quốc hội|ĐBQH)|"
    r"(?P<role2>Ủy viên)\s+(?P<kind>Ban Thường vụ|Thường vụ|BTV|Ban Chấp hành|BCH))$",
    re.IGNORECASE)


def _compound_body(compound: re.Match[str], text: str, offset: int, t_end: int,
                   orgs: list[Mention], provinces: list[Mention],
                   province: str | None) -> tuple[str | None, int, bool]:
    """The body of a title that names half of it: "Trưởng đoàn Đại biểu Quốc hội tỉnh X",
    "Ủy viên Ban Thường vụ Tỉnh ủy", "Ủy viên Ban Chấp hành Đảng bộ tỉnh"."""
    rest = text[t_end - offset:]
    if compound.group("dbqh"):
        follow = next((p for p in provinces if p.start >= t_end and re.fullmatch(
            r"\s*(?:tỉnh|thành phố|TP\.?)?\s*", text[t_end - offset:p.start - offset],
            re.IGNORECASE) and not p.implicit), None)
        if follow is not None:
            return with_province("Đoàn Đại biểu Quốc hội tỉnh", follow.name), follow.end, False
        lead = re.match(r"^\s*(?:tỉnh|thành phố)\b", rest)
        end = t_end + (lead.end() if lead else 0)
        return with_province("Đoàn Đại biểu Quốc hội tỉnh", province), end, True
    standing = fold(compound.group("kind")) in ("ban thuong vu", "thuong vu", "btv")
    committee = re.match(r"^\s*(?:(?:Tỉnh|Thành)\s+ủy|Đảng bộ (?:tỉnh|thành phố))(?!\w)", rest,
                         re.IGNORECASE)
    org = next((o for o in orgs if o.start >= t_end and not text[
        t_end - offset:o.start - offset].strip()), None)
    if org is not None and not (committee and org.end < t_end + committee.end()):
        name = org.name
        return (f"Ban Thường vụ {name}" if standing else name), org.end, explicit_province(
            org.text or name) is None
    if committee:
        end = t_end + committee.end()
        follow = next((p for p in provinces if p.start >= end and not p.implicit and re.fullmatch(
            r"\s*", text[end - offset:p.start - offset])), None)
        base = with_province("Ban Chấp hành Đảng bộ tỉnh", follow.name if follow else province)
        end = follow.end if follow else end
        return (f"Ban Thường vụ {base}" if standing else base), end, follow is None
    return None, t_end, False


def _cut_role(text: str) -> str:
    """A title cut where the body's entity begins ("Trưởng" + "Ban ..." → "Trưởng ban")."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class _Scope:
    """One sentence as the title reader sees it: its text, where it starts in the doc, its
    mentions by kind and the article's province."""

    text: str
    offset: int
    orgs: list[Mention]
    provinces: list[Mention]
    persons: list[Mention]
    province: str | None
    locations: list[Mention]

    def between(self, a: int, b: int) -> str:
        """The sentence text between two doc offsets."""
        return self.text[a - self.offset:b - self.offset]


def _find_units(text: str, offset: int, orgs: list[Mention], provinces: list[Mention],
                persons: list[Mention], province: str | None,
                locations: list[Mention] = ()) -> list[TitleUnit]:
    """Every title of the sentence with the body it names or implies (none yet for a bare
    title), in text order."""
    scope = _Scope(text, offset, orgs, provinces, persons, province, list(locations))
    units = (_unit_of(scope, match) for match in title_pattern().finditer(text))
    return [u for u in units if u is not None]


def _title_span(match: re.Match[str], offset: int) -> tuple[int, int, str]:
    """(start, end, surface) of a matched title; "Chủ tịch UBND" is a title alias whose body
    is read on its own, so the title ends before "UBND"."""
    t_start = offset + match.start("title")
    t_end = offset + match.end("title")
    surface = match.group("title")
    head = re.search(r"\s+(?:UBND|HĐND)$", surface)
    if head:
        t_end -= len(surface) - head.start()
        surface = surface[: head.start()]
    return t_start, t_end, surface


def _unit_of(s: _Scope, match: re.Match[str]) -> TitleUnit | None:
    """The title unit a title match opens; None for a former office, a title inside a body's
    name or a person's name, and a standing board that acts itself."""
    if match.group("mod") and fold(match.group("mod")) in ("nguyen", "cuu"):
        return None  # a former office is not a position held
    t_start, t_end, surface = _title_span(match, s.offset)
    if any(o.start < t_start < o.end or (o.start <= t_start and t_end <= o.end
                                         and o.start != t_start) for o in s.orgs):
        return None  # "đại biểu Quốc hội" inside "Đoàn đại biểu Quốc hội tỉnh"
    if any(p.start <= t_start < p.end for p in s.persons):
        return None
    role, default = _role_and_default(surface)
    if fold(surface) == fold("Thường trực"):
        return _standing_board(s.text, s.offset, match, s.orgs)
    compound = _COMPOUND.match(nfc_vi(surface))
    if compound:
        role = compound.group("role") or compound.group("role2")
        default = None
    body_mention = next((o for o in s.orgs if (t_start < o.start < t_end and o.end > t_end)
                         or (t_end <= o.start and not s.between(t_end, o.start).strip())), None)
    if compound and (body_mention is None or body_mention.start >= t_end):
        body, end, implicit = _compound_body(compound, s.text, s.offset, t_end, s.orgs,
                                             s.provinces, s.province)
    elif body_mention is not None:
        role, body, end, implicit = _mentioned_body(s, t_start, t_end, role, body_mention)
    elif default:
        body, end, implicit = default, t_end, False
    else:
        body, end, implicit = _implied_body(s, t_end, role)
    unit = TitleUnit(t_start, end, role, body, body_mention, implicit)
    _foreign_office(s, unit, t_end)
    return unit


def _mentioned_body(s: _Scope, t_start: int, t_end: int, role: str,
                    bm: Mention) -> tuple[str, str, int, bool]:
    """(role, body, end, implicit province) of a title whose body is a recognised entity
    right after it (or starting inside it: "Trưởng" + "Ban ..." is "Trưởng ban")."""
    if bm.start < t_end:  # the body's entity starts inside the title
        head = s.between(t_start, bm.start)
        first = bm.text.split()[0].lower() if bm.text else ""
        role = _cut_role(head)
        if fold(role).endswith("truong") and first in ("ban", "đoàn"):
            role = f"{role} {first}"
        role = _role_and_default(role)[0]
    body = bm.name
    end = bm.end
    province = s.province
    implicit = explicit_province(bm.text or body) is None and bool(
        province and body.endswith(province))
    follow = next((p for p in s.provinces if p.start >= end and re.fullmatch(
        r"\s*(?:tỉnh|thành phố|TP\.?)?\s*", s.between(end, p.start), re.IGNORECASE)), None)
    if follow is not None and (implicit or explicit_province(body) is None):
        base = body[: -len(province)].rstrip() if implicit and province else body
        body = f"{base} {follow.name}" if re.search(
            r"(?:tỉnh|thành phố|ủy)$", base, re.IGNORECASE) else with_province(
            base, follow.name)
        implicit = False
        end = follow.end
    return role, body, end, implicit


def _implied_body(s: _Scope, t_end: int, role: str) -> tuple[str | None, int, bool]:
    """(body, end, implicit province) of a title with no recognised body after it: a
    ministry by its short name, a provincial body the recogniser left out, "Chủ tịch tỉnh"."""
    rest = s.text[t_end - s.offset:]
    implicit_body = _IMPLICIT_BODY.match(rest)
    if fold(role).endswith(("bo truong", "thu truong")) and (
            ministry := ministry_by_short_name(rest)):
        return ministry, t_end + len(rest) - len(rest.lstrip()) + len(
            " ".join(rest.split()[: len(ministry.split()) - 1])), False
    if implicit_body:
        raw = implicit_body.group("body")
        end = t_end + implicit_body.end("body")
        follow = next((p for p in s.provinces if p.start >= end
                       and not s.between(end, p.start).strip()), None)
        if follow is not None:
            body = f"{raw} {follow.name}" if not raw.lower().startswith(
                "ban chấp hành đảng bộ") else with_province(raw, follow.name)
            return body, follow.end, False
        return with_province(raw, s.province), end, True
    chairman = _TINH_AFTER_CHAIRMAN.match(rest)
    if fold(role).endswith("chu tich") and chairman:
        return with_province("UBND tỉnh", s.province), t_end + chairman.end(), True
    return None, t_end, False


def _foreign_office(s: _Scope, unit: TitleUnit, t_end: int) -> None:
    """A foreign mayor's city or a foreign leader's country right after the title names the
    body instead ("Thị trưởng thành phố Bằng Tường", "Thủ tướng Lào")."""
    if unit.body is None and fold(unit.role).endswith("thi truong"):
        city = _city_after(s.text, s.offset, t_end, s.locations)
        if city is not None:  # "Thị trưởng thành phố Bằng Tường (Trung Quốc)"
            unit.body, unit.end = f"Chính quyền nhân dân thành phố {city.name}", city.end
    country = _country_after(s.text, s.offset, t_end, s.locations)
    if country is not None and (foreign := _foreign_body(unit.role, country.name)):
        unit.body, unit.end = foreign, country.end
        unit.implicit_province, unit.body_mention = False, None


# A committee whose standing board ("Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh") is named
# as a person's title: the person is "Thường trực" of the committee.
_STANDING_OF = re.compile(r"\s+(?:Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|HĐND|"
                          r"Hội đồng nhân dân)(?!\w)")


_TITLE_LIST_GOES_ON = re.compile(r"\s*(?:[,;.)]|[-–]\s|$)")


def _standing_board(text: str, offset: int, match: re.Match[str],
                    orgs: list[Mention]) -> TitleUnit | None:
    """"ông A, Thường trực Tỉnh ủy X,": role "Thường trực" in "Tỉnh ủy X" (the board's name
    without its prefix) when a title list goes on or ends there; lowercase "thường trực" in
    running text is no title."""
    if not match.group("title").startswith("Thường") or \
            not _STANDING_OF.match(text, match.end("title")):
        return None
    t_start = offset + match.start("title")
    board = next((o for o in orgs if o.start == t_start and o.name.startswith("Thường trực ")),
                 None)
    if board is None or not _TITLE_LIST_GOES_ON.match(text, board.end - offset):
        return None  # "..., Thường trực Tỉnh ủy đã làm việc với ...": the board acts itself
    return TitleUnit(t_start, board.end, "Thường trực", board.name[len("Thường trực "):],
                     None, False)


@cache
def _countries() -> frozenset[str]:
    """The names of countries (ingest/data/places.json), Vietnam's own excepted."""
    return frozenset(r["name"] for r in resources.places()
                     if r.get("kind") == "country" and r.get("country") != "VN")


# A foreign leader's title before the country: the country's government or state is the body
# ("Thủ tướng Lào" → Chính phủ Lào, "Tổng thống Hoa Kỳ" → Nhà nước Hoa Kỳ), never Vietnam's.
_FOREIGN_GOVERNMENT = {"thu tuong", "pho thu tuong"}
_FOREIGN_STATE = {"chu tich", "chu tich nuoc", "pho chu tich nuoc", "tong thong",
                  "pho tong thong", "quoc vuong"}


def _foreign_body(role: str, country: str) -> str | None:
    key = fold(role)
    if key in _FOREIGN_GOVERNMENT:
        return f"Chính phủ {country}"
    if key in _FOREIGN_STATE:
        return f"Nhà nước {country}"
    return None


_CITY_GAP = re.compile(r"\s*(?:thành phố|TP\.?)?\s*", re.IGNORECASE)


def _city_after(text: str, offset: int, t_end: int,
                locations: list[Mention]) -> Mention | None:
    """A foreign city right after a mayor's title: its people's government is the body the
    mayor heads, named as the foreign local governments are ("Chính quyền nhân dân thành phố
    X"), never Vietnam's."""
    for m in locations:
        if m.start >= t_end:
            if not _CITY_GAP.fullmatch(text[t_end - offset:m.start - offset]) or \
                    m.name in _countries():
                return None
            return m
    return None


def _country_after(text: str, offset: int, t_end: int,
                   locations: list[Mention]) -> Mention | None:
    """A foreign country named right after a title ("Thủ tướng Campuchia Hun Manet")."""
    for m in locations:
        if m.start >= t_end and not text[t_end - offset:m.start - offset].strip():
            return m if m.name in _countries() else None
    return None


# A title in a fronted phrase of address or source is someone the sentence reports to, talks
# with or quotes ("Báo cáo với Phó Thủ tướng, Bí thư Tỉnh ủy X Nguyễn Văn A cho biết", "Theo
# Bộ trưởng, ..."): it ends a title list. The phrase opens its clause with a few lowercase
# words; in "Bộ trưởng làm việc với Phó Bí thư, Chủ tịch UBND tỉnh X A" the titles are one
# person's, the object of the clause.
_ADDRESSED = re.compile(r"(?:^|[,;:]\s*)(?:[^\W\d_]+\s+){0,3}?(?:với|cho|tới|theo|của|trước)\s*$")


def _addressed(text: str, at: int) -> bool:
    """Does a fronted phrase of address ("Báo cáo với", "Theo") end at `at`?"""
    m = _ADDRESSED.search(text, max(0, at - 40), at)
    if m is None or (m.start() > 0 and text[m.start()] not in ",;:"):
        return False
    words = text[m.start():at].strip(" ,;:").split()
    return all(not w[0].isupper() for w in words[1:])


def _link_chains(units: list[TitleUnit], text: str, offset: int) -> None:
    """Number the units that form one comma-joined list; a title after "với", "theo", ...
    is a list of its own."""
    chain = 0
    for i, unit in enumerate(units):
        prev = units[i - 1] if i else None
        if prev is not None and _CHAIN_JOIN.match(text[prev.end - offset:unit.start - offset]) \
                and not _addressed(text, prev.start - offset):
            unit.chain = units[i - 1].chain
        else:
            chain += 1
            unit.chain = chain


def _titles_before_names(units: list[TitleUnit], persons: list[Mention],
                         gap: Callable[[int, int], str]) -> None:
    """A unit right before a name is that person's, and so are the comma-joined units
    before it."""
    for unit in units:
        person = next((p for p in persons if p.start >= unit.end and
                       _BETWEEN_TITLE_AND_NAME.match(gap(unit.end, p.start))), None)
        if person is not None:
            unit.person = person.name
            for other in units:
                if other.chain == unit.chain and other.start < unit.start and not other.person:
                    other.person = person.name


def _titles_after_names(units: list[TitleUnit], persons: list[Mention],
                        gap: Callable[[int, int], str]) -> None:
    """Units after a name and a dash, comma or bracket are that person's, to the end of the
    list."""
    for person in persons:
        first = next((u for u in units if u.start >= person.end), None)
        if first is None or first.person or not _POST_NAME.match(gap(person.end, first.start)):
            continue
        for unit in units:
            if unit.chain == first.chain and unit.start >= first.start:
                if unit.person:
                    break
                unit.person = person.name


def _chain_province(units: list[TitleUnit], province: str | None) -> None:
    """A chain's last explicit province belongs to its bodies that named none."""
    for chain in {u.chain for u in units}:
        members = [u for u in units if u.chain == chain]
        explicit = [explicit_province(u.body) for u in members
                    if u.body and not u.implicit_province and explicit_province(u.body)]
        if not explicit:
            continue
        for unit in members:
            if unit.implicit_province and unit.body and province and \
                    unit.body.endswith(province):
                unit.body = unit.body[: -len(province)].rstrip() + " " + explicit[-1]


def _list_end_province(units: list[TitleUnit], text: str, offset: int,
                       province: str | None) -> None:
    """A body still without its own province takes the one its title list ends with, foreign
    provinces included ("Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Sê Kông (Lào)")."""
    for unit in units:
        if not unit.body or not (unit.implicit_province or is_unresolved_body(unit.body)):
            continue
        later = province_later_in_list(text[unit.end - offset:])
        if later is None:
            continue
        base = unit.body
        if unit.implicit_province and province and base.endswith(" " + province):
            base = base[: -len(province)].rstrip()
        unit.body = with_province(_BARE_KIND.sub(" tỉnh", base), later)
        unit.implicit_province = False


def find_positions(text: str, offset: int, mentions: list[Mention],
                   province: str | None) -> tuple[list[Position], list[TitleUnit]]:
    """Positions held in one sentence, and every title unit found (bare ones too).

    `text` is the sentence, `offset` its start in the document; mention offsets are
    document offsets.
    """
    orgs = [m for m in mentions if m.label == "ORGANIZATION"]
    provinces = [m for m in mentions if m.label == "PROVINCE"]
    persons = [m for m in mentions if m.label == "PERSON" and not m.implicit]
    locations = [m for m in mentions if m.label == "LOCATION"]
    units = _find_units(text, offset, orgs, provinces, persons, province, locations)
    units = sorted(units + _member_units(text, offset, province), key=lambda u: u.start)
    _link_chains(units, text, offset)

    def gap(a: int, b: int) -> str:
        return text[a - offset:b - offset] if b >= a else "\x00"

    _titles_before_names(units, persons, gap)
    _titles_after_names(units, persons, gap)
    _chain_province(units, province)
    _list_end_province(units, text, offset, province)
    _delegations_province(units, provinces, text, offset, province)
    appointed = _appointed(units, persons, text, offset)
    positions = [Position(u.person, u.role, u.body, u.start, u.end, [u])
                 for u in units if u.person]
    return positions + appointed + _shared_by_list(units, persons, text, offset), units


# "A và B (đã) được bổ nhiệm (có thời hạn) giữ chức <title>": the title after the verb is every
# coordinated subject's
_APPOINTED_TO = re.compile(
    r"(?:đã\s+|sẽ\s+)?(?:được\s+)?(?:(?:bổ nhiệm|bầu|điều động|phân công|giao)\s+(?:lại\s+)?"
    r"(?:có thời hạn\s+)?)?(?:giữ\s+chức(?:\s+vụ)?|làm)\s*$", re.IGNORECASE)
_SUBJECTS_JOIN = re.compile(r"\s*(?:,|và)\s*(?:(?:ông|bà|đồng chí)\s+)?", re.IGNORECASE)


def _appointed(units: list[TitleUnit], persons: list[Mention], text: str,
               offset: int) -> list[Position]:
    """Positions of the coordinated subjects of an appointment verb before a title."""
    out: list[Position] = []
    for unit in units:
        if unit.person or not unit.body:
            continue
        verb = _APPOINTED_TO.search(text, 0, unit.start - offset)
        before = [p for p in persons if p.end <= unit.start]
        if verb is None or not before or not re.fullmatch(
                r"\s*", text[before[-1].end - offset:verb.start()]):
            continue
        subjects = [before[-1]]
        for prev in reversed(before[:-1]):
            if not _SUBJECTS_JOIN.fullmatch(text[prev.end - offset:subjects[0].start - offset]):
                break
            subjects.insert(0, prev)
        unit.person = subjects[-1].name
        out.extend(Position(p.name, unit.role, unit.body, unit.start, unit.end, [unit])
                   for p in subjects[:-1])
    return out


# "đoàn công tác (của) tỉnh X do Bí thư Tỉnh ủy A dẫn đầu": the delegation's own province
_DELEGATION_OF = re.compile(r"(?<!\w)đoàn(?:\s+công tác)?(?:\s+của)?\s+(?:(?:tỉnh|thành phố)\s+)?$",
                            re.IGNORECASE)


def _delegations_province(units: list[TitleUnit], provinces: list[Mention], text: str,
                          offset: int, province: str | None) -> None:
    """Titles that left their province implicit, inside "đoàn công tác tỉnh X do ...
    dẫn đầu", are X's, not the article's (a province's delegation visiting another)."""
    for p in provinces:
        if p.implicit or not _DELEGATION_OF.search(text, max(0, p.start - offset - 40),
                                                   p.start - offset):
            continue
        do = re.match(r"\s*do\b", text[p.end - offset:])
        if do is None:
            continue
        for unit in units:
            written = unit.body_mention.text if unit.body_mention is not None else ""
            current = explicit_province(unit.body) if unit.body else None
            if unit.start >= p.end and current and current != p.name and \
                    explicit_province(written) is None and not written.endswith(current):
                unit.body = unit.body[: -len(current)].rstrip() + " " + p.name
                unit.implicit_province = False


_LIST_COLON = re.compile(r"\s*:\s*")


def _shared_by_list(units: list[TitleUnit], persons: list[Mention], text: str,
                    offset: int) -> list[Position]:
    """"các đồng chí Ủy viên Bộ Chính trị: Chủ tịch Quốc hội A; Trưởng Ban B C": a title
    before a colon is every listed person's (items split at ";", else at ","), up to the
    first item that names nobody."""
    out: list[Position] = []
    for unit in units:
        colon = _LIST_COLON.match(text, unit.end - offset)
        if unit.person or not unit.body or colon is None:
            continue
        rest = text[colon.end():]
        cut = re.compile(r";" if ";" in rest else r",|\svà\s")
        at = offset + colon.end()
        for item in _pieces(rest, cut):
            person = next((p for p in persons if at + item[0] <= p.start
                           and p.end <= at + item[1]), None)
            if person is None:
                if re.search(rf"[{UPPER}]", rest[item[0]:item[1]]):
                    continue  # a named item whose name was not recognised
                break  # "các đồng chí lãnh đạo các ban, bộ": the list of names has ended
            out.append(Position(person.name, unit.role, unit.body, unit.start, unit.end, [unit]))
    return out


def _pieces(text: str, cut: re.Pattern[str]) -> list[tuple[int, int]]:
    """The (start, end) of the pieces of text between the separators."""
    bounds, last = [], 0
    for m in cut.finditer(text):
        bounds.append((last, m.start()))
        last = m.end()
    return [*bounds, (last, len(text))]


# "Tỉnh ủy viên", "Thành ủy viên": a member of the province's (city's) Party committee
_COMMITTEE_MEMBER = re.compile(r"(?<!\w)(?P<org>[Tt]ỉnh ủy|[Tt]hành ủy|[Hh]uyện ủy)\s+viên(?!\w)")


def _member_units(text: str, offset: int, province: str | None) -> list[TitleUnit]:
    """Title units of committee members written as one word: role "Ủy viên" in the
    committee of the article's province (a chain's own province replaces it later)."""
    out = []
    for m in _COMMITTEE_MEMBER.finditer(text):
        org = m.group("org")[0].upper() + m.group("org")[1:]
        body = with_province(org, province) if org != "Huyện ủy" else None
        if body and explicit_province(body):
            out.append(TitleUnit(offset + m.start(), offset + m.end(), "Ủy viên", body, None,
                                 True))
    return out


def is_province_name(text: str) -> bool:
    return fold(text) in known_province_names()
