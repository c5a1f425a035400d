"""The data files of ingest/data, each read once per process: the one place the extractor
loads them.

Every component gets its gazetteers, titles, name words and verb frames from here (through
`ingest.lexicon.lexicon()` for the compiled lookups, or the accessors below for the records
themselves), so a data file is parsed once however many modules use it. The records are the
parsed JSON, shared: read them, never change them in place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "DATA",
    "BodyHeads",
    "ProvinceBodies",
    "admin_units",
    "bodies",
    "body_heads",
    "body_names",
    "border_gates",
    "data_file",
    "districts",
    "document_kinds",
    "frames_data",
    "name_words",
    "places",
    "provinces",
    "question_rules",
    "surnames",
    "title_data",
    "titles",
]

DATA = Path(__file__).resolve().parent / "data"

Record = dict[str, Any]


@cache
def data_file(name: str) -> dict[str, Any]:
    """The parsed JSON object of ingest/data/<name>, read once (an empty object where the
    file is absent)."""
    path = DATA / name
    if not path.exists():
        return {}
    return json.loads(path.read_text("utf-8"))


def provinces() -> list[Record]:
    """provinces.json: every province, legacy and 2025 era."""
    return data_file("provinces.json").get("provinces", [])


def districts() -> list[Record]:
    """districts.json: district-level units with their province key."""
    return data_file("districts.json").get("districts", [])


def places() -> list[Record]:
    """places.json: other places (countries, foreign provinces, regions, rivers, ...)."""
    return data_file("places.json").get("places", [])


def bodies() -> list[Record]:
    """bodies.json: the known central bodies."""
    return data_file("bodies.json").get("bodies", [])


def border_gates() -> list[Record]:
    """border_gates.json: border gates with their province key."""
    return data_file("border_gates.json").get("border_gates", [])


def title_data() -> dict[str, Any]:
    """titles.json as a whole (titles, honorifics, qualifiers)."""
    return data_file("titles.json")


def titles() -> list[Record]:
    """titles.json "titles": each title with its aliases and default body."""
    return title_data().get("titles", [])


def surnames() -> dict[str, Any]:
    """surnames.json as a whole (surnames, common middle names, ethnic prefixes, ...)."""
    return data_file("surnames.json")


def admin_units() -> list[Record]:
    """admin_units.json "units": unit words before a place name with their level."""
    return data_file("admin_units.json").get("units", [])


def document_kinds() -> list[Record]:
    """documents.json "kinds": the words that name a kind of document."""
    return data_file("documents.json").get("kinds", [])


def name_words() -> dict[str, Any]:
    """name_words.json as a whole: the words of body names and the body head nouns."""
    return data_file("name_words.json")


def question_rules() -> dict[str, Any]:
    """questions.json as a whole: the question kinds of "Ask in Vietnamese", their triggers,
    date patterns and messages (ingest/question.py, graph/ask.py)."""
    return data_file("questions.json")


def frames_data() -> dict[str, Any]:
    """frames.json as a whole: verb frames, verb families and delegation words."""
    return data_file("frames.json")


@cache
def body_names() -> dict[str, str]:
    """Body key → the body's name (bodies.json)."""
    return {b["key"]: b["name"] for b in bodies()}


@dataclass(frozen=True)
class BodyHeads:
    """The head nouns of body names (name_words.json), in one place for every reader."""

    named: tuple[str, ...]  # need a capitalised name after them ("Bộ", "Sở", "Cục")
    self_contained: tuple[str, ...]  # a whole name by themselves ("UBND", "Tỉnh ủy")
    prefix: tuple[str, ...]  # take a following body as their name ("Thường trực Tỉnh ủy")
    provincial: tuple[str, ...]  # always a province's body (a department, a command)
    unit: tuple[str, ...]  # a unit of a larger body ("Cục", "Vụ"): part_of's subject
    parent: tuple[str, ...]  # a body units belong to ("Bộ", "Ủy ban"): part_of's object
    of_unit: tuple[str, ...]  # units named "X của Y" ("Ủy ban Quốc phòng ... của Quốc hội")
    of_parent: tuple[str, ...]  # the Y of those
    local_committees: tuple[str, ...] = ()  # "Huyện ủy X": party committees below a province
    place_named: tuple[str, ...] = ()  # may be named by their unit alone ("Công an tỉnh")
    lower: tuple[tuple[str, str], ...] = ()  # lowercase heads in running text → written head
    lowercase_named: tuple[str, ...] = ()  # may be named by lowercase name words ("Ban Quản lý")
    province: ProvinceBodies | None = None  # a province's own bodies written without its name


@dataclass(frozen=True)
class ProvinceBodies:
    """A province's own bodies as written without its name ("UBND tỉnh", "Tỉnh ủy"),
    name_words.json "province_bodies"."""

    committees: tuple[str, ...]  # "Tỉnh ủy": named by the unit alone
    councils: tuple[str, ...]  # "UBND": followed by the unit word
    unit_words: tuple[str, ...]  # "tỉnh", "thành phố"
    standing_boards: tuple[str, ...]  # "Ban Thường vụ": part of the name anywhere
    standing_offices: tuple[str, ...]  # "Thường trực": also a title's qualifier
    party_groups: tuple[str, ...]  # "Ban Cán sự Đảng", "Đảng đoàn"
    party_executive: tuple[str, ...]  # "Ban Chấp hành Đảng bộ" + unit word
    delegations: tuple[str, ...]  # "Đoàn ĐBQH" + unit word


@cache
def body_heads() -> BodyHeads:
    """The body head nouns of name_words.json."""
    data = name_words()
    part_of = data.get("part_of", {})
    own = data.get("province_bodies", {})
    return BodyHeads(
        tuple(data.get("named_heads", [])), tuple(data.get("self_heads", [])),
        tuple(data.get("prefix_heads", [])), tuple(data.get("provincial_heads", [])),
        tuple(part_of.get("unit_heads", [])), tuple(part_of.get("parent_heads", [])),
        tuple(part_of.get("of_unit_heads", [])), tuple(part_of.get("of_parent_heads", [])),
        local_committees=tuple(data.get("local_committees", {}).get("heads", [])),
        place_named=tuple(data.get("place_named_heads", {}).get("heads", [])),
        lower=tuple(data.get("lower_heads", {}).get("heads", {}).items()),
        lowercase_named=tuple(data.get("lowercase_named_heads", {}).get("heads", [])),
        province=ProvinceBodies(*(tuple(own.get(k, [])) for k in (
            "committees", "councils", "unit_words", "standing_boards", "standing_offices",
            "party_groups", "party_executive", "delegations"))))
