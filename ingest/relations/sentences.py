"""The article as the relation stage reads it: sentences (cut at a full stop before a
capital), their mentions (the recognised entities, plus the article's province and bodies
where the text leaves them implicit), the fact collector, and the clause being read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ingest.coref import (
    ArticleContext,
    fold,
    is_unresolved_body,
    nfc_vi,
    own_bodies,
    with_province,
    words_of,
)
from ingest.frames import FrameSite
from ingest.positions import Mention, Position, TitleUnit

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-ZĐÀ-ỸÂĂÊÔƠƯ])")
_ABBREV_END = re.compile(r"(?:\bTP|\bTX|\bTT|\bTS|\bThS|\bGS|\bPGS|\bSt|\bv\.v|\bNo)\.$")
_CLAUSE_SPLIT = re.compile(r";")
_PROVINCE_WORD = re.compile(r"(?<!\w)(?:tỉnh|Tỉnh)(?!\s+(?:ủy|Ủy|[A-ZĐÂĂÊÔƠƯ]))(?!\w)")

# Bodies of the article's province written without its name, when recognition left them out.
# (name_words.json province_bodies; "Thường trực" after a title is the title's qualifier)
def _provincial_body() -> re.Pattern[str]:
    own = own_bodies()
    return re.compile(
        rf"(?<!\w)(?:(?:{words_of(own.party_groups, later_initials=True)}) )?"
        rf"(?:(?<!Chủ tịch )(?<!Bí thư )(?<!Thủ tướng )(?<!trưởng )"
        rf"(?:{words_of(own.standing_offices)}) |(?:{words_of(own.standing_boards)}) )?"
        rf"(?:{words_of(own.committees)}|(?:{words_of(own.councils)}) "
        rf"(?:{words_of(own.unit_words)}))(?!\w)(?!\s+[A-ZĐ])")


_PROVINCIAL_BODY = _provincial_body()
_NOT_THE_PROVINCE = re.compile(r"(?:các|mỗi|từng|những|nhiều|giữa|hai|\d+)\s*$", re.IGNORECASE)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: each line, cut at a full stop followed by a capital.

    >>> text = "Sáng 30/8, ông A đến. Ông B về.\\nTP. Hà Nội"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Sáng 30/8, ông A đến.', 'Ông B về.', 'TP. Hà Nội']
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = start
        for match in _SENTENCE_END.finditer(line):
            if _ABBREV_END.search(line[: match.start()]):
                continue
            closers = len(match.group(0)) - len(match.group(0).lstrip("\"”’)"))
            spans.append(_trim(text, cut, start + match.start() + closers))
            cut = start + match.end()
        spans.append(_trim(text, cut, start + len(line)))
    return [s for s in spans if s[1] > s[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention]
    dates: list[tuple[int, int, str]]
    positions: list[Position] = field(default_factory=list)
    units: list[TitleUnit] = field(default_factory=list)
    sites: list[FrameSite] = field(default_factory=list)  # frame triggers (ingest/frames.py)


class _Facts:
    """Collects facts, keyed so a repeated fact is kept once."""

    def __init__(self) -> None:
        self.items: list[dict] = []
        self._seen: set[tuple] = set()

    def add(self, relation: str, subject: Mention | tuple[str, str],
            obj: Mention | tuple[str, str], evidence: tuple[int, int], *,
            role: str | None = None, date: str | None = None) -> dict | None:
        subj = _ref(subject)
        objr = _ref(obj)
        if subj == objr or not subj[1] or not objr[1]:
            return None
        if any(ref[0] == "ORGANIZATION" and is_unresolved_body(ref[1]) for ref in (subj, objr)):
            return None  # "Tỉnh ủy" whose province is unknown names no body of FACTS.md
        key = (relation, subj[0], fold(subj[1]), objr[0], fold(objr[1]),
               fold(role or ""), date)
        if key in self._seen:
            return None
        self._seen.add(key)
        fact = {"relation": relation, "subject": subj, "object": objr, "evidence": evidence}
        if role:
            fact["role"] = role
        if date:
            fact["date"] = date
        self.items.append(fact)
        return fact


def _ref(item: Mention | tuple[str, str]) -> tuple[str, str]:
    return (item.label, item.name) if isinstance(item, Mention) else item


def _mentions(text: str, ents: list[Mention], province: str | None) -> list[Mention]:
    """The recognised entities plus the article's province and its bodies where the text
    names them without the name ("tỉnh", "UBND tỉnh"), sorted by start."""
    mentions = list(ents)
    if province:
        taken = [(m.start, m.end) for m in mentions]
        for match in _PROVINCIAL_BODY.finditer(text):
            s, e = match.span()
            if any(s < b and a < e for a, b in taken):
                continue
            mentions.append(Mention(s, e, "ORGANIZATION", with_province(match.group(0), province),
                                    match.group(0), implicit=True))
            taken.append((s, e))
        for match in _PROVINCE_WORD.finditer(text):
            s, e = match.span()
            if any(a <= s < b for a, b in taken):
                continue
            if _NOT_THE_PROVINCE.search(text[max(0, s - 12):s]):
                continue
            mentions.append(Mention(s, e, "PROVINCE", province, match.group(0), implicit=True))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _entity_mentions(doc: Doc, text: str) -> list[Mention]:
    """`doc.ents` as plain mentions, read once per doc (a Span's text is a slice of `text`:
    `Span.text` and `Doc.text` join the tokens again on every call)."""
    out = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        surface = text[start:end]
        out.append(Mention(start, end, ent.label_, nfc_vi(ent.kb_id_ or surface), surface,
                           key=ent.ent_id_ or None))
    return out


def _dates(doc: Doc) -> list[tuple[int, int, str]]:
    return sorted((int(s), int(e), str(iso)) for s, e, iso in (doc._.dates or []))


def _within(items: list, starts: list[int], start: int, end: int,
            span: Callable[[Any], tuple[int, int]]) -> list:
    """The items (sorted by start, `starts` their starts) lying inside [start, end), in order."""
    lo = bisect_left(starts, start)
    hi = bisect_right(starts, end)
    return [item for item in items[lo:hi] if span(item)[1] <= end]


def _mention_span(m: Mention) -> tuple[int, int]:
    return m.start, m.end


def _date_span(d: tuple[int, int, str]) -> tuple[int, int]:
    return d[0], d[1]


def _title_bodies(sent: Sentence) -> set[int]:
    """Start offsets of ORGANIZATION mentions that are only part of someone's title."""
    return {m.start for m in sent.mentions if m.label == "ORGANIZATION" and any(
        u.start <= m.start < u.end for u in sent.units)}


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
    spans, cut = [], sent.start
    for match in _CLAUSE_SPLIT.finditer(sent.text):
        spans.append((cut, sent.start + match.start()))
        cut = sent.start + match.end()
    spans.append((cut, sent.end))
    return spans


def _fact_key(fact: dict) -> tuple:
    return (fact["relation"], fact["subject"][0], fold(fact["subject"][1]), fact["object"][0],
            fold(fact["object"][1]), fold(fact.get("role") or ""), fact.get("date"))


@dataclass
class _Reading:
    """What one sentence's clauses share while they are read in order."""

    sent: Sentence
    text: str  # the document's text (offsets below are the document's)
    ctx: ArticleContext
    facts: _Facts
    visit_window: int
    title_bodies: set[int]
    doc_ends: list[int]
    leaders: list[Mention]  # people named as leading a delegation ("do ... dẫn đầu")
    carried: list[Mention] = field(default_factory=list)  # the acting side of a verbless clause
    previous_relation: str | None = None
    quiet: bool = True  # no clause so far had a verb: "A, ...; B, ... dự Hội nghị" lists A and B


@dataclass
class _Clause:
    """One clause (lo, hi) of a sentence: the mentions its verbs used and whether one was found."""

    r: _Reading
    lo: int
    hi: int
    used: set[int] = field(default_factory=set)
    found: bool = False

    @property
    def clause(self) -> str:
        return self.r.text[self.lo:self.hi]

    @property
    def evidence(self) -> tuple[int, int]:
        return self.r.sent.start, self.r.sent.end
