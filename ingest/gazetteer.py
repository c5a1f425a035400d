"""The gazetteers: provinces (both sides of the 2025 merger), districts, central bodies, titles,
surnames, foreign places and border gates, loaded once from `ingest/data/*.json`.

Every lookup is accent-, case- and tone-placement-insensitive ("lao cai", "Hoà Bình", "TP.HCM"),
and every record carries its canonical id ("province:lao-cai", "org:bo-cong-thuong"), which
`entity_patterns()` puts on spaCy patterns so that a known name links without a second lookup.
How each file was made is in `ingest/data/SOURCES.md`; `ingest/data/build_gazetteers.py`
rebuilds the generated ones.

>>> gaz = load_gazetteer()
>>> gaz.province_by_name("tinh Bac Can").name
'Bắc Kạn'
>>> gaz.successor("bac-kan").id
'province:thai-nguyen'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal, NamedTuple, TypeVar

from ingest import resources
from ingest.text import fold, name_key, nfc_vi

__all__ = [
    "MERGER_DATE",
    "Body",
    "BorderGate",
    "District",
    "Gazetteer",
    "Pattern",
    "Place",
    "Province",
    "Title",
    "iter_ids",
    "load_gazetteer",
    "lookup_key",
]

MERGER_DATE = date(2025, 7, 1)
Era = Literal["legacy", "2025"]
R = TypeVar("R")

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Words in front of a province or a gate name that do not change which one is meant.
_PROVINCE_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp|thu do)\s+")
_GATE_PREFIX = re.compile(r"^cua khau(?:\s+(?:quoc te|chinh|phu|song phuong))?\s+|^ckqt\s+")


def lookup_key(text: str) -> str:
    """The accent-, case-, tone- and punctuation-insensitive key every index uses.

    >>> lookup_key("TP. Hồ Chí Minh") == lookup_key("tp ho chi minh")
    True
    >>> lookup_key("Bộ TN&MT") == lookup_key("Bộ TN-MT")
    True
    """
    return _NON_ALNUM.sub(" ", fold(nfc_vi(text))).strip()


@dataclass(frozen=True, slots=True)
class Province:
    """A provincial unit of one era: "legacy" (the 63 before 2025-07-01) or "2025" (the 34)."""

    key: str
    id: str
    era: Era
    name: str
    full_name: str
    kind: str
    code: str | None
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...]
    merged_into: str | None = None  # legacy: key of the 2025 unit it merged into
    merged_on: str | None = None
    successor: str | None = None  # legacy: key of the 2025 unit that continues it
    merged_from: tuple[str, ...] = ()  # 2025: keys of the legacy units it was made of
    established_on: str | None = None  # 2025: the date the unit came into being

    def forms(self) -> tuple[str, ...]:
        """Every way news writes it: "Lào Cai", "tỉnh Lào Cai", "TP. Cần Thơ", aliases."""
        head = ("tỉnh",) if self.kind == "tỉnh" else ("thành phố", "TP", "TP.")
        # Spelling variants ("Bắc Cạn", "Đăk Lăk") take the kind word too; other aliases
        # ("Sài Gòn", "Thừa Thiên Huế") are listed with whatever head they take.
        size = len(lookup_key(self.name).split())
        names = (self.name, *(a for a in self.aliases
                              if len(lookup_key(a).split()) == size and not a.isupper()
                              and not _PROVINCE_PREFIX.match(lookup_key(a))))
        long_forms = tuple(f"{h} {n}" for h in head for n in names)
        return _unique((self.name, self.full_name, *long_forms, *self.aliases))


@dataclass(frozen=True, slots=True)
class District:
    """A district-level unit in force just before 2025-07-01 (huyện, quận, thị xã, thành phố)."""

    key: str
    id: str
    name: str
    full_name: str
    kind: str
    province: str  # legacy province key
    code: str | None
    lat: float | None
    lon: float | None
    bare_ok: bool  # may the short name alone be matched in text?

    def forms(self) -> tuple[str, ...]:
        """Written forms: "huyện Bát Xát", "TX. Sa Pa", and the short name where safe."""
        short = {"thị xã": ("TX", "TX."), "thành phố": ("TP", "TP."), "quận": ("Q.",)}
        prefixed = (f"{self.kind} {self.name}",
                    *(f"{p} {self.name}" for p in short.get(self.kind, ())))
        if self.name == self.full_name:  # "Quận 1"
            prefixed = ()
        return _unique((self.full_name, *prefixed, *((self.name,) if self.bare_ok else ())))


@dataclass(frozen=True, slots=True)
class Body:
    """A central body: ministry, Party or state organ, mass organisation, state group, press."""

    key: str
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    valid: Literal["current", "pre2025", "both"]
    successor: str | None = None
    parent: str | None = None
    patterns: bool = True  # False: an office whose name reads as a title ("Chủ tịch nước")
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Title:
    """A Party, state or business title, with its abbreviations and the body it implies."""

    key: str
    title: str
    aliases: tuple[str, ...]
    kind: str
    default_body: str | None
    attaches_to: tuple[str, ...]
    needs_written_body: bool = False  # the implied body counts only where the text writes it


@dataclass(frozen=True, slots=True)
class Place:
    """A country, foreign province/county/city, region of Vietnam, river, sea or bloc."""

    key: str
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    parent: str | None


@dataclass(frozen=True, slots=True)
class BorderGate:
    """A land border gate (cửa khẩu) of a Vietnamese border province."""

    key: str
    id: str
    name: str
    province: str  # legacy province key
    kind: str  # "quốc tế", "chính", "phụ"
    pair: str | None
    pair_country: str | None
    foreign_province: str | None
    mode: str
    aliases: tuple[str, ...]

    def forms(self) -> tuple[str, ...]:
        """"cửa khẩu Móng Cái", "cửa khẩu quốc tế Móng Cái", "Lào Cai - Hà Khẩu", "ga Lào Cai".

        The bare name is left out: most gates are named after a commune or district.
        """
        kinds = {"quốc tế": ("cửa khẩu quốc tế", "CKQT"), "chính": ("cửa khẩu chính",),
                 "phụ": ("cửa khẩu phụ",)}[self.kind]
        names = (self.name, *(a for a in self.aliases if not _self_headed(a)))
        if self.name.lower().startswith("ga "):
            names = tuple(a for a in self.aliases if not _self_headed(a))
        prefixed = tuple(f"{h} {n}" for n in names for h in ("cửa khẩu", *kinds))
        bare = tuple(a for a in (self.name, *self.aliases) if _self_headed(a))
        return _unique((*prefixed, *bare))


def _self_headed(text: str) -> bool:
    """A gate alias that says by itself it is a gate: a pair "X - Y", a station or a bridge."""
    return " - " in text or text.lower().startswith(("ga ", "cửa khẩu", "cầu "))


class Pattern(NamedTuple):
    """One gazetteer phrase for spaCy's EntityRuler/PhraseMatcher.

    `id` is the canonical key of the entity ("province:lao-cai"); it is "" when the text names
    several entries of the same label (e.g. "huyện Châu Thành" in nine provinces): resolve it
    with `Gazetteer.districts_by_name(text, province=...)`. `case_sensitive` marks short
    single words ("Anh", "Mỹ", "EVN") that must be matched on ORTH, not LOWER.
    """

    label: str
    text: str
    id: str
    case_sensitive: bool = False


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for item in items:
        k = name_key(item)
        if item and k not in seen:
            seen.add(k)
            out.append(item)
    return tuple(out)


def _case_sensitive(text: str) -> bool:
    return " " not in text.strip() and len(text) <= 5


def _index(records: Iterable[R], forms_of: Any) -> dict[str, list[R]]:
    index: dict[str, list[R]] = {}
    for record in records:
        for form in forms_of(record):
            bucket = index.setdefault(lookup_key(form), [])
            if record not in bucket:
                bucket.append(record)
    return index


def _read(name: str) -> dict[str, Any]:
    return resources.data_file(name)


def _tuples(item: dict[str, Any], *names: str) -> dict[str, Any]:
    """JSON lists become tuples so that the records stay hashable and immutable."""
    return {k: tuple(v) if k in names and v is not None else v
            for k, v in item.items() if not k.startswith("_")}


@dataclass(frozen=True, repr=False)
class Gazetteer:
    """All the gazetteers with their name indexes; build it with `load_gazetteer()`."""

    provinces: tuple[Province, ...]
    districts: tuple[District, ...]
    bodies: tuple[Body, ...]
    titles: tuple[Title, ...]
    places: tuple[Place, ...]
    border_gates: tuple[BorderGate, ...]
    surnames: frozenset[str]
    common_middle: frozenset[str]
    not_name: frozenset[str]
    name_prefixes: frozenset[str]
    qualifiers: tuple[dict[str, Any], ...]
    honorifics: tuple[dict[str, Any], ...]
    _by_key: dict[tuple[str, str], Province] = field(repr=False, default_factory=dict)
    _indexes: dict[str, dict[str, list[Any]]] = field(repr=False, default_factory=dict)

    def __repr__(self) -> str:
        return (f"Gazetteer({len(self.provinces)} provinces, {len(self.districts)} districts, "
                f"{len(self.bodies)} bodies, {len(self.titles)} titles, {len(self.places)} "
                f"places, {len(self.border_gates)} border gates, {len(self.surnames)} surnames)")

    # -- provinces -----------------------------------------------------------------------
    def province(self, key: str, era: Era | None = None) -> Province | None:
        """The province with this key ("lao-cai" or "province:lao-cai"); legacy first.

        >>> load_gazetteer().province("lao-cai-2025").merged_from
        ('lao-cai', 'yen-bai')
        """
        key = key.removeprefix("province:")
        for e in (era,) if era else ("legacy", "2025"):
            if (found := self._by_key.get((key, e))) is not None:
                return found
        return None

    def provinces_by_name(self, name: str) -> list[Province]:
        """Every unit, of either era, that the name can mean (legacy first)."""
        key = lookup_key(name)
        index = self._indexes["province"]
        return list(index.get(key) or index.get(_PROVINCE_PREFIX.sub("", key), []))

    def province_by_name(self, name: str, era: Era | None = None,
                         on: date | None = None) -> Province | None:
        """The unit a name means in an era, or on a date (before 2025-07-01: legacy).

        Without either, the legacy unit wins: the name was its name first.

        >>> gaz = load_gazetteer()
        >>> gaz.province_by_name("Lào Cai", on=date(2025, 9, 2)).key
        'lao-cai-2025'
        >>> gaz.province_by_name("Hoà Bình") is gaz.province_by_name("hoa binh")
        True
        """
        if on is not None and era is None:
            era = "2025" if on >= MERGER_DATE else "legacy"
        found = self.provinces_by_name(name)
        for record in found:
            if era is None or record.era == era:
                return record
        return None

    def successor(self, legacy_key: str) -> Province | None:
        """The 2025 unit a legacy province became (itself again where nothing merged)."""
        legacy = self.province(legacy_key, "legacy")
        return self.province(legacy.successor, "2025") if legacy and legacy.successor else None

    def predecessors(self, key: str) -> list[Province]:
        """The legacy units a 2025 province was made of."""
        current = self.province(key, "2025")
        return [p for k in current.merged_from if (p := self.province(k, "legacy"))] \
            if current else []

    # -- districts, places, gates ----------------------------------------------------------
    def districts_by_name(self, name: str, province: str | None = None) -> list[District]:
        """Districts a name can mean, optionally only those of one legacy province.

        >>> [d.province for d in load_gazetteer().districts_by_name("huyện Bát Xát")]
        ['lao-cai']
        """
        found = self._indexes["district"].get(lookup_key(name), [])
        if province:
            province = province.removeprefix("province:")
            legacy = {p.key for p in self.predecessors(province)} or {province}
            found = [d for d in found if d.province in legacy]
        return list(found)

    def district_by_name(self, name: str, province: str | None = None) -> District | None:
        """The one district a name means (within `province` if given), or None if ambiguous."""
        found = self.districts_by_name(name, province)
        return found[0] if len(found) == 1 else None

    def place_by_name(self, name: str) -> Place | None:
        """A country, foreign place, region, river or bloc ("Mỹ", "Vân Nam", "ĐBSCL")."""
        found = self._indexes["place"].get(lookup_key(name))
        return found[0] if found else None

    def border_gate_by_name(self, name: str) -> BorderGate | None:
        """A gate by its name, a pair "X - Y", or "cửa khẩu (quốc tế) X"; ambiguous → None.

        >>> load_gazetteer().border_gate_by_name("Cửa khẩu quốc tế Lào Cai").province
        'lao-cai'
        """
        key = lookup_key(name)
        index = self._indexes["gate"]
        found = index.get(key) or index.get(_GATE_PREFIX.sub("", key), [])
        return found[0] if len(found) == 1 else None

    # -- bodies, titles, names -------------------------------------------------------------
    def body(self, key: str) -> Body | None:
        """A central body by key ("bo-cong-thuong" or "org:bo-cong-thuong")."""
        found = self._indexes["body_key"].get(key.removeprefix("org:"))
        return found[0] if found else None

    def body_by_name(self, name: str) -> Body | None:
        """A central body by name or abbreviation ("Bộ TN&MT", "EVN", "TTXVN").

        >>> load_gazetteer().body_by_name("bộ gtvt").successor
        'bo-xay-dung'
        """
        found = self._indexes["body"].get(lookup_key(name))
        return found[0] if found else None

    def current_body(self, key: str) -> Body | None:
        """Follow `successor` links to the body in force now (the body itself if current)."""
        seen: set[str] = set()
        body = self.body(key)
        while body is not None and body.successor and body.key not in seen:
            seen.add(body.key)
            body = self.body(body.successor)
        return body

    def title_by_name(self, text: str) -> Title | None:
        """A title by its name or abbreviation ("PTT" → Phó Thủ tướng)."""
        found = self._indexes["title"].get(lookup_key(text))
        return found[0] if found else None

    def is_surname(self, word: str) -> bool:
        """Is this a Vietnamese family name? Diacritics count ("Vũ" yes, "Vụ" no)."""
        return name_key(word) in self.surnames

    def is_common_middle(self, word: str) -> bool:
        return name_key(word) in self.common_middle

    def is_not_name(self, text: str) -> bool:
        """A capitalised word of news that is never part of a personal name ("Bộ", "Tỉnh")."""
        return name_key(text) in self.not_name

    # -- patterns --------------------------------------------------------------------------
    def entity_patterns(self, province_era: Literal["legacy", "2025", "both"] = "both"
                        ) -> list[Pattern]:
        """Phrases for the EntityRuler, each with the canonical id of what it names.

        With "both", a name used in both eras ("Lào Cai") carries the legacy id; the
        extractor moves it to the 2025 unit by the article's date (`province_by_name(on=)`).
        """
        raw: list[tuple[str, str, str]] = []
        eras = ("legacy", "2025") if province_era == "both" else (province_era,)
        for era in eras:
            raw += [("PROVINCE", f, p.id) for p in self.provinces if p.era == era
                    for f in p.forms()]
        raw += [("LOCATION", f, d.id) for d in self.districts for f in d.forms()]
        raw += [("ORGANIZATION", f, b.id) for b in self.bodies if b.patterns
                for f in (b.name, *b.aliases)]
        raw += [("LOCATION", f, p.id) for p in self.places for f in (p.name, *p.aliases)]
        raw += [("BORDER_GATE", f, g.id) for g in self.border_gates for f in g.forms()]
        return _dedupe(raw)

    def find(self, text: str) -> list[Province | District | Body | Place | BorderGate]:
        """Everything a name can mean, across all the gazetteers."""
        key = lookup_key(text)
        return [r for name in ("province", "district", "body", "place", "gate")
                for r in self._indexes[name].get(key, [])]


def _dedupe(raw: list[tuple[str, str, str]]) -> list[Pattern]:
    """One pattern per (label, text); a text naming several entries keeps the first era's id
    for provinces and gets id "" otherwise."""
    ids: dict[tuple[str, str], list[str]] = {}
    texts: dict[tuple[str, str], str] = {}
    for label, text, id_ in raw:
        k = (label, name_key(text))
        texts.setdefault(k, nfc_vi(text))
        bucket = ids.setdefault(k, [])
        if id_ not in bucket:
            bucket.append(id_)
    out = []
    for (label, _), found in ids.items():
        text = texts[(label, _)]
        id_ = found[0] if len(found) == 1 or label == "PROVINCE" else ""
        out.append(Pattern(label, text, id_, _case_sensitive(text)))
    return out


def _build() -> Gazetteer:
    provinces = tuple(Province(**_tuples(p, "aliases", "merged_from"))
                      for p in _read("provinces.json")["provinces"])
    districts = tuple(District(**d) for d in _read("districts.json")["districts"])
    bodies = tuple(Body(**_tuples(b, "aliases"), id=f"org:{b['key']}")
                   for b in _read("bodies.json")["bodies"])
    titles_doc = _read("titles.json")
    titles = tuple(Title(**_tuples(t, "aliases", "attaches_to")) for t in titles_doc["titles"])
    places = tuple(Place(**_tuples(p, "aliases")) for p in _read("places.json")["places"])
    gates = tuple(BorderGate(**_tuples(g, "aliases"), id=f"border_gate:{g['key']}")
                  for g in _read("border_gates.json")["border_gates"])
    names = _read("surnames.json")

    def keys(words: Iterable[str]) -> frozenset[str]:
        return frozenset(name_key(w) for w in words)

    indexes = {
        "province": _index(provinces, Province.forms),
        "district": _index(districts, lambda d: (d.name, *d.forms())),
        "body": _index(bodies, lambda b: (b.name, *b.aliases)),
        "body_key": {b.key: [b] for b in bodies},
        "title": _index(titles, lambda t: (t.title, *t.aliases)),
        "place": _index(places, lambda p: (p.name, *p.aliases)),
        "gate": _index(gates, lambda g: (g.name, *g.aliases, *g.forms())),
    }
    return Gazetteer(
        provinces=provinces, districts=districts, bodies=bodies, titles=titles, places=places,
        border_gates=gates, surnames=keys(names["surnames"]),
        common_middle=keys(names["common_middle"]), not_name=keys(names["not_name"]),
        name_prefixes=frozenset(names["ethnic_prefixes"]["prefixes"]),
        qualifiers=tuple(titles_doc["qualifiers"]), honorifics=tuple(titles_doc["honorifics"]),
        _by_key={(p.key, p.era): p for p in provinces}, _indexes=indexes,
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteers, read and indexed once per process."""
    return _build()


def iter_ids(gaz: Gazetteer) -> Iterator[str]:
    """Every canonical id the gazetteers define (for checks that ids are unique)."""
    for group in (gaz.provinces, gaz.districts, gaz.bodies, gaz.places, gaz.border_gates):
        for record in group:
            yield record.id
