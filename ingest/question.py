"""Reading a question in Vietnamese, with or without tone marks: what it asks and what it names.

The extraction pipeline (ingest/pipeline.py) runs on the question as on a one-line article:
its persons, bodies and provinces (typed, with their canonical names) and its dates. The rules
of ingest/data/questions.json add what a question has and an article seldom does: the kind of
question by its trigger words, months and years written alone ("8/2024", "năm 2023"). Titles
come from the titles gazetteer. Everything is also matched on the question with its tone marks
folded away (`fold_chars` keeps every offset), so "lam viec voi" is "làm việc với"; a name the
pipeline cannot see without its marks is left as candidate word runs (`Reading.candidates`),
which the graph's name index resolves (graph/ask.py): no list of names here.

>>> r = read_question("cua khau cua tinh lao cai")
>>> r.kinds, r.title, r.period
(['border_gates'], None, None)
>>> ("lao cai", 18, 25) in [(c.key, c.start, c.end) for c in r.candidates]
True
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from spacy.language import Language

from ingest import resources
from ingest.articles import Article
from ingest.text import fold, nfc_vi

__all__ = ["MAX_NAME_WORDS", "Named", "Period", "Reading", "fold_chars", "read_question"]

MAX_NAME_WORDS = 6  # the longest name looked up in the graph, in words
NAME_TYPES = ("PERSON", "ORGANIZATION", "PROVINCE")
_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"\s+(\w+)")


@dataclass(frozen=True)
class Named:
    """A name in the question: its text as written, its folded key, where it is, and its type
    when the pipeline found it (None for a candidate run of words)."""

    text: str
    key: str
    start: int
    end: int
    etype: str | None = None


@dataclass(frozen=True)
class Period:
    """The question's time window: `text` as YYYY-MM-DD, YYYY-MM, YYYY or "first/last"."""

    text: str
    start: date
    end: date


@dataclass
class Reading:
    question: str
    kinds: list[str] = field(default_factory=list)  # the kinds whose triggers matched, in order
    triggers: list[str] = field(default_factory=list)
    title: str | None = None
    period: Period | None = None
    entities: list[Named] = field(default_factory=list)  # found by the pipeline, typed
    candidates: list[Named] = field(default_factory=list)  # runs of words, longest first


def fold_chars(text: str) -> str:
    """`text` lowercased without tone marks (đ→d), character for character: every offset of
    the folded text is the offset in `text`.

    >>> fold_chars("Lào Cai, 8/2024")
    'lao cai, 8/2024'
    """
    out = []
    for ch in text:
        bare = "".join(c for c in unicodedata.normalize("NFD", ch.replace("đ", "d").replace(
            "Đ", "D")) if not unicodedata.combining(c)).lower()
        out.append(bare if len(bare) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch))
    return "".join(out)


def read_question(question: str, nlp: Language | None = None) -> Reading:
    """What the question asks and names (see the module)."""
    text = nfc_vi(question).strip()
    doc = _doc(text, nlp)
    folded = fold_chars(text)
    reading = Reading(text)
    reading.kinds, triggered = _kinds(text.lower(), folded)
    reading.triggers = [folded[a:b] if text.lower()[a:b] == folded[a:b] else text[a:b]
                        for a, b in triggered]
    used = list(triggered)
    dated = _dates(doc._.dates or [], folded, used)
    reading.period = _period(dated)
    # a title's words stay in the candidate names: "Chủ tịch UBND" is a title and "UBND tỉnh
    # Lào Cai" a body
    reading.title = _title(folded, used)
    reading.entities = [Named(text[e.start_char:e.end_char], fold(e.kb_id_ or e.text),
                              e.start_char, e.end_char, e.label_)
                        for e in doc.ents if e.label_ in NAME_TYPES]
    reading.candidates = _candidates(text, folded, used)
    return reading


def _doc(text: str, nlp: Language | None) -> Any:
    """The pipeline's doc of the question, read as a one-line article with no date."""
    if nlp is None:
        from ingest.pipeline import default_nlp

        nlp = default_nlp()
    doc = nlp.make_doc(text)
    doc._.article = Article(id="question", title=text, body="")
    return nlp(doc)


# -- kinds -----------------------------------------------------------------------------------
@cache
def _triggers() -> list[tuple[str, re.Pattern[str], re.Pattern[str], frozenset[str]]]:
    """(kind, pattern as written, pattern folded, folded words that may not follow) of each
    trigger of questions.json, the longest first within each kind."""
    out = []
    for kind in resources.question_rules().get("kinds", []):
        for trigger in sorted(kind["triggers"], key=lambda t: -len(t["words"])):
            words = nfc_vi(trigger["words"]).lower()
            out.append((kind["kind"], _phrase(words), _phrase(fold_chars(words)),
                        frozenset(trigger.get("not_before", []))))
    return out


def _phrase(words: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words.split())) + r"(?!\w)")


def _kinds(lowered: str, folded: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The kinds whose triggers the question has (as written, else folded), in the data's
    order, and the triggers' spans."""
    for written in (True, False):
        kinds: list[str] = []
        spans: list[tuple[int, int]] = []
        for kind, as_written, as_folded, not_before in _triggers():
            text = lowered if written else folded
            for m in (as_written if written else as_folded).finditer(text):
                after = None if written else _NEXT_WORD.match(folded, m.end())
                if after and after.group(1) in not_before:
                    continue
                kinds += [] if kind in kinds else [kind]
                if not any(a < m.end() and m.start() < b for a, b in spans):
                    spans.append(m.span())
        if kinds:
            return kinds, spans
    return [], []


# -- titles ----------------------------------------------------------------------------------
@cache
def _titles() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern of every title and alias of the titles gazetteer, folded (longest first),
    and each folded surface's title."""
    canonical: dict[str, str] = {}
    for record in resources.titles():
        for surface in [record["title"], *record.get("aliases", [])]:
            canonical.setdefault(" ".join(fold(surface).split()), record["title"])
    if not canonical:
        return None, {}
    body = "|".join(r"\s+".join(map(re.escape, k.split()))
                    for k in sorted(canonical, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)"), canonical


def _title(folded: str, used: list[tuple[int, int]]) -> str | None:
    """The first title the question names outside the triggers and dates."""
    pattern, canonical = _titles()
    found = [m for m in pattern.finditer(folded)
             if not any(a < m.end() and m.start() < b for a, b in used)] if pattern else []
    return canonical.get(" ".join(found[0].group(0).split())) if found else None


# -- dates -----------------------------------------------------------------------------------
def _dates(found: list[tuple[int, int, str]], folded: str, used: list[tuple[int, int]]
           ) -> list[tuple[date, date]]:
    """The question's dates as (first day, last day): the pipeline's (`doc._.dates`), then the
    months and years of questions.json's patterns elsewhere; each span is added to `used`."""
    days = []
    for start, end, iso in found:
        first, last = _iso_days(iso)
        if first:
            days.append((first, last))
            used.append((start, end))
    for rule in resources.question_rules().get("dates", []):
        for m in re.finditer(rf"(?<![\w/]){rule['pattern']}(?![\w/])", folded):
            if any(a < m.end() and m.start() < b for a, b in used):
                continue
            window = _window(m.groupdict())
            if window:
                days.append(window)
                used.append(m.span())
    return days


def _iso_days(iso: str) -> tuple[date | None, date | None]:
    """The first and last day of an ISO date, span ("a/b") or month, as the pipeline writes them.

    >>> _iso_days("2024-08")
    (datetime.date(2024, 8, 1), datetime.date(2024, 8, 31))
    """
    first, _, last = iso.partition("/")
    try:
        start = _window({"y": first[:4], "m": first[5:7] or None, "d": first[8:10] or None})
        end = _window({"y": last[:4], "m": last[5:7] or None, "d": last[8:10] or None}) \
            if last else start
    except ValueError:
        return None, None
    return (start[0], end[1]) if start and end else (None, None)


def _window(groups: dict[str, str | None]) -> tuple[date, date] | None:
    """A pattern's match (y, optional m, m2, d) as its first and last day; None if no date."""
    year = int(groups["y"] or 0)
    month, last_month = groups.get("m"), groups.get("m2") or groups.get("m")
    try:
        if not month:
            return date(year, 1, 1), date(year, 12, 31)
        if groups.get("d"):
            day = date(year, int(month), int(groups["d"] or 1))
            return day, day
        end = int(last_month or month)
        return (date(year, int(month), 1),
                date(year, end, calendar.monthrange(year, end)[1]))
    except ValueError:
        return None


def _period(days: list[tuple[date, date]]) -> Period | None:
    """One window over every date the question gives, written as briefly as it allows.

    >>> _period([(date(2024, 8, 1), date(2024, 8, 31))]).text
    '2024-08'
    >>> _period([(date(2023, 1, 1), date(2023, 12, 31))]).text
    '2023'
    """
    if not days:
        return None
    start, end = min(d for d, _ in days), max(d for _, d in days)
    return Period(f"{_brief(start, end)}", start, end)


def _brief(start: date, end: date) -> str:
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_year and start.year == end.year:
        return str(start.year)
    month_end = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and end.day == month_end:
        first, last = f"{start:%Y-%m}", f"{end:%Y-%m}"
        return first if first == last else f"{first}/{last}"
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


# -- candidate names -------------------------------------------------------------------------
def _candidates(text: str, folded: str, used: list[tuple[int, int]]) -> list[Named]:
    """Every run of two to `MAX_NAME_WORDS` words outside the triggers and dates, and
    not across punctuation, folded: the names the graph's index may know, longest first."""
    words = [m for m in _WORD.finditer(folded) if not m.group(0).isdigit()
             and not any(a < m.end() and m.start() < b for a, b in used)]
    runs: list[list[re.Match[str]]] = []
    for m in words:
        joined = runs and folded[runs[-1][-1].end():m.start()].isspace() and not any(
            a < m.start() and runs[-1][-1].end() < b for a, b in used)
        if joined:
            runs[-1].append(m)
        else:
            runs.append([m])
    out = []
    for run in runs:
        for size in range(min(len(run), MAX_NAME_WORDS), 1, -1):
            for i in range(len(run) - size + 1):
                a, b = run[i].start(), run[i + size - 1].end()
                out.append(Named(text[a:b], " ".join(w.group(0) for w in run[i:i + size]), a, b))
    return sorted(out, key=lambda n: (-(n.end - n.start), n.start))
