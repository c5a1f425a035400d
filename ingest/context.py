"""Article context on the Doc: the anchor year, the dates, the article's own province.

These extensions are the interface the entity and relation components share:

- `doc._.article`: the `Article` (set by `extract()` before the pipeline runs), or None.
- `doc._.year` (int | None): the year dates are anchored to: `published`, else the year the
  text reports on (`ingest.dates.infer_year`).
- `doc._.dates` (list of (start_char, end_char, iso)): every date expression, ISO 8601 day
  "2024-08-30", span "2024-08-07/2024-08-09" or month "2024-08".
- `doc._.province` (str | None): canonical short name of the article's own province ("Lào
  Cai"), read from the source site, the title and the lead; the province that "tỉnh", "UBND
  tỉnh", "Sở Công Thương" mean when the text leaves it implicit.
- `doc._.province_key` (str | None): its gazetteer key ("lao-cai").
- `doc._.after_merger` (bool): the article is dated after the 2025 merger (published from
  2025-07-01, or a reporting year from 2026): province names mean the 2025 units.
- `span._.titles` (list[str]) on PERSON entities: the titles written next to the name.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.dates import find_dates, infer_year, url_date
from ingest.lexicon import Lexicon, lexicon
from ingest.places import names_the_province
from ingest.spans import doc_text
from ingest.text import fold

__all__ = ["article_province", "set_extensions"]


def set_extensions() -> None:
    """Register the Doc and Span extensions (idempotent)."""
    for name, default in (("article", None), ("year", None), ("dates", None),
                          ("province", None), ("province_key", None), ("facts", None),
                          ("after_merger", False)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("titles"):
        Span.set_extension("titles", default=None)


set_extensions()

MERGER_DAY = date(2025, 7, 1)  # the 34 provincial units from this day on
_LEAD_CHARS = 600  # the title and the lead paragraph name the article's subject


def article_province(text: str, url: str | None = None) -> str | None:
    """The province an article is about: its provincial news site, else the most named.

    >>> article_province("UBND tỉnh Lào Cai họp", None)
    'lao-cai'
    >>> article_province("Tin tức", "https://baoquangninh.vn/a-1.html")
    'quang-ninh'
    """
    lex = lexicon()
    votes: Counter[str] = Counter()
    site = (url or "") + " " + " ".join(re.findall(r"\b[\w.-]+\.(?:vn|com)\b", text[-3000:]))
    host = fold(site).replace(" ", "")
    sites = [key for folded, key in lex.province_sites.items()
             if f"bao{folded}." in host or f"{folded}.gov.vn" in host]
    for start, _end, name in lex.province_index.find(text):
        key = lex.province_by_name.get(name)
        if not key or _inside_longer_place(lex, text, name, start + len(name)) \
                or not names_the_province(text, start, name):
            continue
        # a province named inside a pair of gates or a corridor is not the subject
        weight = 3 if start < _LEAD_CHARS else 1
        if text[max(0, start - 6):start].lower().endswith("tỉnh "):
            weight += 1
        votes[key] += weight
    named = set(votes)
    for key in sites:
        # a provincial paper's own province, unless the text names only other provinces (a
        # report on another province's session published there)
        votes[key] += 5 if key in named or not named else 2
    if not votes:
        return None
    return votes.most_common(1)[0][0]


_NEXT_WORD = re.compile(r" (\w+)")


def _inside_longer_place(lex: Lexicon, text: str, name: str, end: int) -> bool:
    """"Điện Biên" in "Điện Biên Phủ" (a city), "Hà Tĩnh" never: a province name that a
    longer known place name continues is not the province."""
    m = _NEXT_WORD.match(text, end)
    if m is None or not m.group(1)[:1].isupper():
        return False
    longer = f"{name} {m.group(1)}"
    return longer in lex.places or longer in lex.districts


@Language.component("vnkg_context")
def context_component(doc: Doc) -> Doc:
    """Set `doc._.year`, `doc._.dates` and `doc._.province` (see the module docstring)."""
    article = doc._.article
    # without `published`, a date in the url anchors the year (../shared/FACTS.md)
    published = getattr(article, "published", None) or url_date(getattr(article, "url", None))
    text = doc_text(doc)
    year = published.year if published else infer_year(text)
    doc._.year = year
    doc._.after_merger = bool(published >= MERGER_DAY if published else year and year >= 2026)
    doc._.dates = find_dates(text, year)
    key = article_province(text, getattr(article, "url", None))
    doc._.province_key = key
    doc._.province = lexicon().provinces[key]["name"] if key else None
    return doc
