"""The gazetteers of ingest/data compiled once into lookups and regexes for the components.

The data files (and their sources) belong to ingest/data; this module only indexes them the way
the entity components match text: exact surface forms, longest first, on word boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ingest import resources
from ingest.text import fold, name_key, nfc_vi

__all__ = ["Lexicon", "PhraseIndex", "alternation", "lexicon", "squash", "units"]

# Every Latin letter of Vietnamese by case, spelt out for regex classes: the Unicode block
# Ạ..ỹ alternates upper and lower case, so a range such as "Ạ-Ỹ" would take "ủ" as a capital.
_LATIN = [chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00))]
UPPER = "".join(ch for ch in _LATIN if ch.isupper())
LOWER = "".join(ch for ch in _LATIN if ch.islower())


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of literal words, longest first, bounded on both sides."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)
    return rf"(?<![\w])(?:{body})(?![\w])"


_UNIT = re.compile(r"\w+|[^\w\s]")


class Units:
    """A text's syllables and punctuation marks with their offsets, lowercased once."""

    __slots__ = ("caps", "ends", "low", "starts", "text")

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in _UNIT.finditer(text)]
        self.text = text
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.low = [text[a:b].lower() for a, b in spans]
        # where a name can start: a capital letter or a digit ("Quận 1" starts with a capital)
        self.caps = [i for i, (a, _) in enumerate(spans) if text[a].isupper()]


@lru_cache(maxsize=8)
def units(text: str) -> Units:
    """The units of a text, computed once however many gazetteers scan it."""
    return Units(text)


class PhraseIndex:
    """Literal names found by dictionary lookups at each capitalised syllable.

    A regex alternation of thousands of names tries them at every position of the text; here
    a name is looked up only where a capitalised syllable starts one, longest first, and
    matches do not overlap (as with `re.finditer`). Matching ignores case; with
    `case_sensitive` the text must also be written exactly as a listed surface.

    >>> PhraseIndex(["Lào Cai", "Hà Nội"]).find("Tỉnh Lào Cai và TP.Hà Nội")
    [(5, 12, 'Lào Cai'), (19, 25, 'Hà Nội')]
    """

    def __init__(self, surfaces: list[str] | set[str], case_sensitive: bool = False,
                 anywhere: bool = False) -> None:
        self.exact = set(surfaces)
        self.case_sensitive = case_sensitive
        self.anywhere = anywhere  # names may start lowercase ("ông", "bộ trưởng")
        self.keys: dict[str, str] = {}
        self.longest: dict[str, int] = {}
        for surface in sorted(self.exact):
            parts = _UNIT.findall(surface)
            if not parts:
                continue
            self.keys.setdefault(re.sub(r"\s+", " ", surface).lower(), surface)
            first = parts[0].lower()
            self.longest[first] = max(self.longest.get(first, 0), len(parts))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, text as written) of each name, left to right, longest first."""
        u = units(text)
        out: list[tuple[int, int, str]] = []
        low, starts, ends, longest, keys = u.low, u.starts, u.ends, self.longest, self.keys
        size = len(low)
        after = -1
        for i in (range(size) if self.anywhere else u.caps):
            if i < after:
                continue
            most = longest.get(low[i])
            if most is None:
                continue
            start = starts[i]
            for n in range(min(most, size - i), 0, -1):
                end = ends[i + n - 1]
                written = text[start:end]
                if written.lower() in keys and (not self.case_sensitive or written in self.exact):
                    out.append((start, end, written))
                    after = i + n
                    break
        return out


@dataclass
class Lexicon:
    provinces: dict[str, dict[str, Any]] = field(default_factory=dict)  # key → record
    province_by_name: dict[str, str] = field(default_factory=dict)  # surface → legacy key
    province_2025: dict[str, str] = field(default_factory=dict)  # name → 2025-era key
    province_sites: dict[str, str] = field(default_factory=dict)  # "laocai" → key
    districts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # name → records
    places: dict[str, dict[str, Any]] = field(default_factory=dict)  # surface → record
    bodies: dict[str, dict[str, Any]] = field(default_factory=dict)  # surface → record
    body_keys: set[str] = field(default_factory=set)  # name_key of every known body surface
    gates: dict[str, dict[str, Any]] = field(default_factory=dict)  # surface → record
    # surface → every gate of that name ("Thanh Thủy" is in Hà Giang and in Nghệ An)
    gates_all: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # foreign places by their letters alone ("Sa-vẳn-na-khệt", "Savannakhet" → one record)
    places_squashed: dict[str, dict[str, Any]] = field(default_factory=dict)
    surnames: set[str] = field(default_factory=set)
    # words that open an ethnic-minority name whose family name comes last ("Y", "H'", "K'")
    ethnic_prefixes: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    # unit words before a place name ("xã", "bản") with their level (admin_units.json)
    admin_units: list[dict[str, Any]] = field(default_factory=list)
    province_regex: re.Pattern[str] = re.compile(r"(?!)")
    place_regex: re.Pattern[str] = re.compile(r"(?!)")
    body_regex: re.Pattern[str] = re.compile(r"(?!)")
    gate_regex: re.Pattern[str] = re.compile(r"(?!)")
    district_regex: re.Pattern[str] = re.compile(r"(?!)")
    province_index: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    place_index: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    body_index: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    gate_index: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    district_index: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))

    def province_key(self, name: str, after_merger: bool = False) -> str | None:
        """The key of a province name in its era: after 2025-07-01 a name that continues as a
        2025 unit means that unit ("Lào Cai" then includes Yên Bái)."""
        key = self.province_by_name.get(name)
        if key and after_merger:
            return self.province_2025.get(self.provinces[key]["name"], key)
        return key

    def successor(self, key: str | None) -> str | None:
        """The 2025 unit a province key continues as (itself where nothing merged)."""
        rec = self.provinces.get(key or "")
        return (rec.get("successor") or rec.get("merged_into") or key) if rec else key

    def gate(self, name: str, province_key: str | None = None) -> dict[str, Any] | None:
        """The gate a name means, read by the article's province where several share it
        (before or after the 2025 merger: a Tuyên Quang article of 9/2025 means Hà Giang's)."""
        found = self.gates_all.get(name, [])
        if len(found) > 1 and province_key:
            mine = self.successor(province_key)
            for rec in found:
                if rec["province"] == province_key or self.successor(rec["province"]) == mine:
                    return rec
        return found[0] if found else None


def squash(text: str) -> str:
    """Letters only, without diacritics: the key of a transcribed foreign name.

    >>> squash("Sa-vẳn-na-khệt") == squash("Savannakhet") == squash("Sa Vẳn Na Khệt")
    True
    """
    return re.sub(r"[^a-z0-9]", "", fold(text))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled gazetteers (cached: built once per process from ingest.resources)."""
    lex = Lexicon()
    _add_provinces(lex)
    for rec in resources.districts():
        lex.districts.setdefault(rec["name"], []).append(rec)
    _add_places(lex)
    _add_bodies_and_gates(lex)
    _add_names(lex)
    lex.admin_units = resources.admin_units()
    _compile(lex)
    return lex


def _add_provinces(lex: Lexicon) -> None:
    """Provinces by key, by every surface (a legacy name wins over a 2025 one) and by site."""
    for rec in resources.provinces():
        lex.provinces[rec["key"]] = rec
        if rec["era"] == "2025":
            lex.province_2025[rec["name"]] = rec["key"]
            if rec["name"] in lex.province_by_name:
                continue
        for surface in [rec["name"], *rec.get("aliases", [])]:
            lex.province_by_name.setdefault(nfc_vi(surface), rec["key"])
        lex.province_sites.setdefault(fold(rec["name"]).replace(" ", ""), rec["key"])


def _add_places(lex: Lexicon) -> None:
    """Places by capitalised surface ("Trung du và miền núi ..." also without "và"), and
    foreign ones by their letters alone."""
    place_surfaces: dict[str, dict[str, Any]] = {}
    for rec in resources.places():
        for surface in [rec["name"], *rec.get("aliases", [])]:
            surface = nfc_vi(surface)
            if surface[:1].isupper() or surface[:1].isdigit():
                place_surfaces.setdefault(surface, rec)
    for surface, rec in list(place_surfaces.items()):
        if " và " in surface:
            place_surfaces.setdefault(surface.replace(" và ", " "), rec)
            place_surfaces.setdefault(surface.replace(" và ", ", "), rec)
    lex.places = place_surfaces
    for surface, rec in place_surfaces.items():
        if rec.get("kind") != "region":
            lex.places_squashed.setdefault(squash(surface), rec)


def _add_bodies_and_gates(lex: Lexicon) -> None:
    """Known bodies (those with patterns) and border gates by surface."""
    for rec in resources.bodies():
        if rec.get("patterns", True) is False:
            continue
        for surface in [rec["name"], *rec.get("aliases", [])]:
            lex.bodies.setdefault(nfc_vi(surface), rec)
            lex.body_keys.add(name_key(surface))
    for rec in resources.border_gates():
        for surface in [rec["name"], *rec.get("aliases", [])]:
            if surface[:1].isupper():
                lex.gates.setdefault(nfc_vi(surface), rec)
                lex.gates_all.setdefault(nfc_vi(surface), []).append(rec)


def _add_names(lex: Lexicon) -> None:
    """Surnames, ethnic name prefixes, title surfaces and honorifics."""
    names = resources.surnames()
    lex.surnames = {nfc_vi(s) for s in names.get("surnames", [])}
    lex.ethnic_prefixes = {nfc_vi(s) for s in names.get("ethnic_prefixes", {}).get("prefixes", [])}
    for rec in resources.titles():
        lex.titles.extend(nfc_vi(t) for t in [rec["title"], *rec.get("aliases", [])])
    lex.honorifics = [nfc_vi(h["text"]) for h in resources.title_data().get("honorifics", [])]


def _compile(lex: Lexicon) -> None:
    """The regexes and phrase indexes over the surfaces (and name keys added after them)."""
    lex.province_regex = re.compile(alternation(list(lex.province_by_name)))
    lex.place_regex = re.compile(alternation(list(lex.places)), re.IGNORECASE)
    lex.places.update({name_key(k): v for k, v in list(lex.places.items())})
    lex.body_regex = re.compile(alternation([b for b in lex.bodies if len(b) > 2]),
                                re.IGNORECASE)
    lex.bodies.update({name_key(k): v for k, v in list(lex.bodies.items())})
    lex.gate_regex = re.compile(alternation(list(lex.gates)))
    bare = [name for name, recs in lex.districts.items()
            if all(r.get("bare_ok") for r in recs) and name not in lex.province_by_name]
    lex.district_regex = re.compile(alternation(bare))
    lex.province_index = PhraseIndex(list(lex.province_by_name), case_sensitive=True)
    lex.place_index = PhraseIndex(list(lex.places))
    lex.body_index = PhraseIndex([b for b in lex.bodies if len(b) > 2])
    lex.gate_index = PhraseIndex(list(lex.gates), case_sensitive=True)
    lex.district_index = PhraseIndex(bare, case_sensitive=True)
