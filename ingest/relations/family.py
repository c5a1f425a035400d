"""The verb families of frames.json "families", compiled: per family its trigger, its subject
and object slots (entity types, the connectives that join a list of objects, the named finder
that fills the slot), its guards, its date policy and its delegation policy. The engine
(ingest/relations/engine.py) reads these records; the named finders are the only code a
family owns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ingest import resources
from ingest.coref import fold
from ingest.frames import FrameSite, verb_pattern, words_alternation
from ingest.positions import Mention


@dataclass(frozen=True, eq=False)
class Slot:
    """One side of a family's verb, as frames.json declares it."""

    types: tuple[str, ...]
    finder: str
    after: dict[str, tuple[str, ...]] = field(default_factory=dict)  # types after a preposition
    by_verb: dict[str, tuple[str, ...]] = field(default_factory=dict)  # types for some verbs
    connectives: re.Pattern[str] | None = None  # what may stand between the items of a list
    containers: bool = False  # drop a unit that only says where the item before lies
    marks_used: bool = False  # an item filled is spoken for in the clause
    carried: bool = False  # the acting side of the sentence's first clause stands in
    fallbacks: tuple[str, ...] = ()
    filters: tuple[str, ...] = ()
    words: dict[str, Any] = field(default_factory=dict)  # other word lists of the slot


@dataclass(frozen=True)
class DatePolicy:
    policy: str  # "sentence" (ingest/relations/dating.py), "document" (issued) or "none"
    at: str = "trigger_start"  # where the verb is, for the date before it
    later_in_clause: bool = False  # a date after the verb in the clause counts
    sets_lead_date: bool = False  # the article's first session date, where the lead has none


@dataclass(frozen=True)
class DelegationPolicy:
    credit: bool  # a delegation's facts go to its body, and by the leaders pass to its leader
    notes_visitors: bool  # the subjects are the article's visiting side (the first session's)
    sentence_leaders: bool  # those named leading it in the sentence ("do ... dẫn đầu") join


@dataclass(frozen=True, eq=False)
class Family:
    """One verb family of frames.json "families"."""

    name: str
    relation: str
    by_object_type: dict[str, str]
    frames: tuple[str, ...]  # the frames of frames.json whose triggers it reads, or
    trigger: re.Pattern[str] | None  # the verbs of frames.json "verbs" it reads
    subject: Slot
    object: Slot
    guards: tuple[str, ...]
    date: DatePolicy
    delegation: DelegationPolicy
    special: str | None  # a family read by its own code from the trigger on

    def relation_for(self, obj: Mention | tuple[str, str]) -> str:
        label = obj[0] if isinstance(obj, tuple) else obj.label
        return self.by_object_type.get(label, self.relation)


@dataclass
class Site:
    """One trigger of a family in a clause: its offsets in the doc, the match of the family's
    verbs (or the frame's site) and what its finders noted for each other."""

    t0: int
    t1: int
    match: re.Match[str] | None = None
    frame_site: FrameSite | None = None
    state: dict[str, Any] = field(default_factory=dict)

    def _group(self, name: str) -> str:
        if self.match is None or name not in self.match.re.groupindex:
            return ""
        return fold(self.match.group(name) or "")

    @property
    def verb(self) -> str:
        """The verb matched (group "verb"), folded: "du" for "dự"."""
        return self._group("verb")

    @property
    def prep(self) -> str:
        """The preposition matched (group "prep"), folded: "tai" for "tại"."""
        return self._group("prep")


def object_types(fam: Family, site: Site) -> tuple[str, ...]:
    """The object slot's types, those declared after the site's preposition where given."""
    return fam.object.after.get(site.prep, fam.object.types)


_NUMBER = "<number>"


def connectives(entries: list[dict]) -> re.Pattern[str]:
    """The connectives' words as one pattern over a whole gap: single punctuation marks go
    with the spaces, "<number>" is a count in digits, other words are literal."""
    words = [e["words"] for e in entries]
    marks = "".join(re.escape(w) for w in words if len(w) == 1 and not w.isalnum())
    alts = [rf"[\s{marks}]"] + [r"\d+" if w == _NUMBER else re.escape(w)
                                for w in words if w.isalnum() or len(w) > 1]
    return re.compile(rf"^(?:{'|'.join(alts)})*$", re.IGNORECASE)


def _types(items: list[str]) -> tuple[str, ...]:
    return tuple(items)


_SLOT_KEYS = {"types", "finder", "after", "by_verb", "connectives", "containers", "marks_used",
              "carried", "fallbacks", "filters", "note"}


def _slot(rec: dict) -> Slot:
    return Slot(
        types=_types(rec["types"]), finder=rec.get("finder", ""),
        after={fold(k): _types(v) for k, v in rec.get("after", {}).items()},
        by_verb={fold(k): _types(v) for k, v in rec.get("by_verb", {}).items()},
        connectives=connectives(rec["connectives"]) if rec.get("connectives") else None,
        containers=rec.get("containers", False), marks_used=rec.get("marks_used", False),
        carried=rec.get("carried", False), fallbacks=tuple(rec.get("fallbacks", [])),
        filters=tuple(rec.get("filters", [])),
        words={k: v for k, v in rec.items() if k not in _SLOT_KEYS})


def _own_words(entries: list[dict]) -> re.Pattern[str]:
    """A family's own trigger words (trigger.words, not a list of frames.json "verbs")."""
    return re.compile(rf"\b(?:{words_alternation([e['words'] for e in entries])})\b",
                      re.IGNORECASE)


def family(rec: dict) -> Family:
    """One family record of frames.json "families" compiled (a newcomer's record too)."""
    return _family(rec)


def _family(rec: dict) -> Family:
    trigger = rec["trigger"]
    date = {k: v for k, v in rec["date"].items() if k != "note"}
    delegation = {k: v for k, v in rec["delegation"].items() if k != "note"}
    return Family(
        name=rec["name"], relation=rec["relation"],
        by_object_type=rec.get("by_object_type", {}),
        frames=tuple(trigger.get("frames", [])),
        trigger=verb_pattern(trigger["verbs"]) if "verbs" in trigger else
        _own_words(trigger["words"]) if "words" in trigger else None,
        subject=_slot(rec["subject"]), object=_slot(rec["object"]),
        guards=tuple(rec.get("guards", [])), date=DatePolicy(**date),
        delegation=DelegationPolicy(**delegation), special=rec.get("special"))


@cache
def families() -> tuple[Family, ...]:
    """The families of frames.json, in the order a clause is read."""
    return tuple(_family(rec) for rec in resources.frames_data()["families"])
