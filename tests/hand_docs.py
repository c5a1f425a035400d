"""Hand-built Docs for relation and coreference tests.

The relation component reads only `doc.text`, `doc.ents` (label, kb_id = canonical name) and
the context extensions, so a test can state exactly which entities recognition found and
check the facts alone, independent of the recogniser's progress.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc, Span

from ingest.relations import extract_facts


@cache
def _nlp():
    return spacy.blank("xx")  # plain tokenisation: offsets are all that matters here


def make_doc(text: str, ents: list[tuple], *, province: str | None = None,
             dates: list[tuple[str, str]] = (), title: str | None = None,
             after_merger: bool = False) -> Doc:
    """`ents`: (surface, LABEL), (surface, LABEL, canonical name) or (surface, LABEL, name,
    gazetteer key), found left to right; `dates`: (surface, iso), found left to right;
    `after_merger`: the article is dated from 2025-07-01."""
    doc = _nlp()(text)
    spans, cursor = [], 0
    for item in ents:
        surface, label = item[0], item[1]
        name = item[2] if len(item) > 2 else surface
        key = item[3] if len(item) > 3 else ""
        start = text.index(surface, cursor)
        span = doc.char_span(start, start + len(surface), label=label, kb_id=name,
                             alignment_mode="expand", span_id=key)
        assert span is not None, surface
        spans.append(span)
        cursor = start + len(surface)
    doc.ents = sorted(spans, key=lambda s: s.start)
    found, cursor = [], 0
    for surface, iso in dates:
        start = text.index(surface, cursor)
        found.append((start, start + len(surface), iso))
        cursor = start + 1
    doc._.dates = found
    doc._.province = province
    doc._.after_merger = after_merger
    return doc


def fact_set(doc: Doc) -> set[tuple]:
    """Facts as (relation, subject name, object name, role or date or None)."""
    return {(f["relation"], f["subject"][1], f["object"][1], f.get("role") or f.get("date"))
            for f in extract_facts(doc)}


__all__ = ["Span", "fact_set", "make_doc"]
