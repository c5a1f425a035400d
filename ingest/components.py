"""Our spaCy components, registered as factories so a config can name them.

Each recogniser component adds `Candidate`s (ingest/spans.py) to `doc.user_data`; the last one,
`vnkg_entities`, keeps the longest non-overlapping candidates as `doc.ents` (label = FACTS.md
type, `kb_id_` = canonical name, `ent_id_` = canonical key) and keeps the places named inside
an event's name ("Giải đua ngựa ... huyện Bắc Hà") in `doc.spans["vnkg_nested"]`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import ingest.context  # noqa: F401  (registers vnkg_context and the extensions)
from ingest import resources
from ingest.bodies import find_bodies
from ingest.events import find_events
from ingest.lexicon import Lexicon, lexicon
from ingest.persons import find_persons
from ingest.places import find_facilities, find_gates, find_places, find_zones
from ingest.spans import Candidate, Words, compound_starts, doc_text

__all__ = ["CITED_NUMBER", "DOCUMENT_NUMBER", "candidates", "cited_documents"]

# Numbered documents: "866/QĐ-TTg", "111/2015/NĐ-CP", "3360/BCT-KTC".
DOCUMENT_NUMBER = re.compile(
    r"(?<![\w/])\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)+(?![\w/])"
)
_KEY = "vnkg_candidates"


def _cited_number() -> re.Pattern[str]:
    """"Quyết định số 312", "Nghị quyết 170/2024": a kind of ingest/data/documents.json, then
    the number (a bare year after a kind without "số" is a plan's year, not a number)."""
    kinds = resources.document_kinds()
    alt = "|".join(re.escape(k["word"]) for k in sorted(kinds, key=lambda k: -len(k["word"])))
    return re.compile(rf"(?<!\w)(?:{alt})\s+(?:(?P<so>số)\s+)?"
                      r"(?P<n>\d{1,5}(?:[/\-][A-Za-zĐđ0-9]+)*)(?![\w/])")


CITED_NUMBER = _cited_number()
# the further numbers of a list after a cited one: "Quyết định số 312, 313 và 314"
_MORE_NUMBERS = re.compile(r"\s*(?:,|và)\s*(?:số\s+)?(?P<n>\d{1,5}(?:/\d{4})?)(?![\w/])")
_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}")


def cited_documents(text: str) -> list[Candidate]:
    """Documents cited by their kind and number, each named by its number as written."""
    out: list[Candidate] = []
    for m in CITED_NUMBER.finditer(text):
        if not m.group("so") and _YEAR_ONLY.fullmatch(m.group("n")):
            continue
        spans = [(m.start("n"), m.end("n"))]
        more = _MORE_NUMBERS.match(text, m.end())
        while more is not None and m.group("so"):
            spans.append((more.start("n"), more.end("n")))
            more = _MORE_NUMBERS.match(text, more.end())
        out.extend(Candidate(a, b, "DOCUMENT", text[a:b], f"document:{text[a:b]}", 3)
                   for a, b in spans)
    return out


def candidates(doc: Doc) -> list[Candidate]:
    """The candidates the recognisers have found so far in this doc."""
    return doc.user_data.setdefault(_KEY, [])


def _words(doc: Doc) -> Words:
    words = doc.user_data.get("vnkg_words")
    if words is None:
        words = doc.user_data["vnkg_words"] = Words(doc_text(doc), compound_starts(doc))
    return words


class _WithLexicon:
    """A recogniser holding the compiled gazetteers (ingest.lexicon, built from
    ingest.resources) its factory gave it when the pipeline was built."""

    def __init__(self, find: Callable[[Doc, Lexicon], None]) -> None:
        self.lex = lexicon()
        self.find = find

    def __call__(self, doc: Doc) -> Doc:
        self.find(doc, self.lex)
        return doc


def _places(doc: Doc, lex: Lexicon) -> None:
    found = candidates(doc)
    found.extend(find_places(doc_text(doc), lex, doc._.after_merger, compound_starts(doc)))
    found.extend(find_gates(doc_text(doc), lex, doc._.province_key))
    found.extend(find_zones(doc_text(doc), lex))
    found.extend(find_facilities(doc_text(doc)))


def _bodies(doc: Doc, lex: Lexicon) -> None:
    candidates(doc).extend(find_bodies(doc_text(doc), _words(doc), lex, doc._.province))


def _persons(doc: Doc, lex: Lexicon) -> None:
    found = candidates(doc)
    found.extend(find_persons(doc_text(doc), _words(doc), lex, list(found)))


@Language.factory("vnkg_places")
def make_places(nlp: Language, name: str) -> _WithLexicon:
    """Provinces, locations, border gates, zones and facilities named after a place."""
    return _WithLexicon(_places)


@Language.factory("vnkg_bodies")
def make_bodies(nlp: Language, name: str) -> _WithLexicon:
    """Organisations, provincial ones completed with the article's province."""
    return _WithLexicon(_bodies)


@Language.factory("vnkg_persons")
def make_persons(nlp: Language, name: str) -> _WithLexicon:
    """Persons by title, honorific and name shape (after bodies: a body may stand between)."""
    return _WithLexicon(_persons)


@Language.component("vnkg_events")
def events(doc: Doc) -> Doc:
    """Named events."""
    found = candidates(doc)
    found.extend(find_events(doc_text(doc), _words(doc), list(found)))
    return doc


@Language.component("vnkg_documents")
def documents(doc: Doc) -> Doc:
    """Numbered legal and administrative documents."""
    candidates(doc).extend(
        Candidate(m.start(), m.end(), "DOCUMENT", m.group(0), f"document:{m.group(0)}", 4)
        for m in DOCUMENT_NUMBER.finditer(doc_text(doc)))
    candidates(doc).extend(cited_documents(doc_text(doc)))
    return doc


_NESTABLE = {"PROVINCE", "LOCATION"}


@Language.component("vnkg_entities")
def entities(doc: Doc) -> Doc:
    """Resolve overlapping candidates (longest, then highest priority, wins) into doc.ents."""
    found = doc.user_data.pop(_KEY, [])
    doc.user_data.pop("vnkg_words", None)
    found.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken = bytearray(len(doc_text(doc)) + 1)  # 1 where a chosen candidate covers the text
    chosen: list[Candidate] = []
    for cand in found:
        if 1 in taken[cand.start:cand.end]:
            continue
        taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    doc = _split_at(doc, {b for c in chosen for b in (c.start, c.end)})
    spans: list[Span] = []
    for cand in chosen:
        span = _span(doc, cand)
        if span is not None:
            spans.append(span)
    kept = filter_spans([*doc.ents, *spans])
    doc.ents = kept
    events_ = [c for c in chosen if c.label == "EVENT" or c.nests]
    kept_ids = {id(c) for c in chosen}
    nested = [c for c in found if c.label in _NESTABLE and id(c) not in kept_ids and any(
        e.start <= c.start and c.end <= e.end for e in events_)] if events_ else []
    doc.spans["vnkg_nested"] = filter_spans(
        [s for s in (_span(doc, c) for c in nested) if s is not None])
    return doc


def _split_at(doc: Doc, bounds: set[int]) -> Doc:
    """The doc with a token boundary at every entity boundary.

    pyvi may join the last syllable of one name and the first of the next into one word
    ("Tỉnh ủy Quảng Bình Vũ Đại Thắng" gives "Quảng Bình Vũ"); a span snapped to such a token
    would swallow its neighbour. Only then is the doc rebuilt (same text, same user data) with
    the token cut before the syllable; spaCy's retokenizer cannot split a word that holds a
    space.
    """
    compounds = compound_starts(doc)  # syllables that continue a word: the only cut points
    # an entity starting at such a syllable, or ending one space before it
    cuts = {b for b in bounds if b in compounds} | {b + 1 for b in bounds if b + 1 in compounds}
    if not cuts:
        return doc
    text = doc_text(doc)
    words: list[str] = []
    spaces: list[bool] = []
    order = sorted(cuts)
    k = 0
    for idx, length, space in doc.to_array(["IDX", "LENGTH", "SPACY"]).tolist():
        last, end = idx, idx + length
        while k < len(order) and order[k] < end:
            at = order[k]
            k += 1
            if at > idx and text[at - 1] == " " and text[at - 2] != " ":
                words.append(text[last:at - 1])
                spaces.append(True)
                last = at
        words.append(text[last:end])
        spaces.append(bool(space))
    if len(words) == len(doc):
        return doc
    out = Doc(doc.vocab, words=words, spaces=spaces, user_data=dict(doc.user_data))
    out._context = doc._context  # what `nlp.pipe(as_tuples=True)` pairs the doc with
    return out


def _span(doc: Doc, cand: Candidate) -> Span | None:
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return None
    out = Span(doc, span.start, span.end, label=cand.label, kb_id=cand.name, span_id=cand.key)
    if cand.titles:
        out._.titles = cand.titles
    return out
