"""An entity named the way a person types it: an IRI, a slug or a name.

Every door takes all three where it takes an entity (`vnkg query -p official=...`, the named
queries' IRI parameters on the REST side and in the console, `vnkg export --around`):

- an absolute IRI is taken as it is;
- a slug is the IRI's path after the base, as the REST ids write it: `nguyen-hong-dien` (the path
  after the type segment, looked up under every entity type) or `person/nguyen-hong-dien`;
- anything else is a name, found through the search index (queries/search.rq, the folded terms
  of `graph.names.query_terms`): the entity whose name or other name is exactly that text,
  accents and case aside. Several such entities are an error that lists them; none is an error
  that lists the nearest names.

A named query's parameter called `official`, `person`, `province` or `agency` only takes an
entity of that type (`-p province=lao-cai` is the province, not the border gate).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.errors import BadQuery, NotFound
from graph.names import query_terms
from graph.vocab import ENTITY_SEGMENT

__all__ = ["PARAM_TYPES", "SEGMENTS", "is_iri", "resolve_entity", "slug_iris"]

Query = Callable[..., list[dict[str, Any]]]
_SLUG = re.compile(r"^[a-z0-9._~-]+(/[a-z0-9._~-]+)*$")
SEGMENTS = tuple(dict.fromkeys(ENTITY_SEGMENT.values()))
CANDIDATES = 10  # names listed when a name is ambiguous or unknown
# The type a named query's entity parameter takes, by the parameter's name.
PARAM_TYPES = {"official": "PERSON", "person": "PERSON", "province": "PROVINCE",
               "agency": "ORGANIZATION"}


def is_iri(text: str) -> bool:
    """Whether a value is an absolute IRI rather than a slug or a name.

    >>> is_iri("https://vnkg.org/id/person/a"), is_iri("person/a"), is_iri("Lào Cai")
    (True, False, False)
    """
    return text.startswith(("http://", "https://", "urn:"))


def _slug_candidates(base: str, slug: str) -> list[str]:
    """The IRIs a slug may name: under its own segment, or under each entity type's.

    >>> _slug_candidates("http://x", "province/2025/lao-cai")
    ['http://x/province/2025/lao-cai']
    >>> _slug_candidates("http://x", "nguyen-hong-dien")[:2]
    ['http://x/person/nguyen-hong-dien', 'http://x/org/nguyen-hong-dien']
    >>> _slug_candidates("http://x", "Nguyễn Hồng Diên")
    []
    """
    if not _SLUG.match(slug):
        return []
    head, _, rest = slug.partition("/")
    if rest and head in SEGMENTS:
        return [f"{base}/{slug}"]
    return [f"{base}/{segment}/{slug}" for segment in SEGMENTS]


def slug_iris(query: Query, base: str, slug: str, etype: str | None = None) -> list[str]:
    """The entities in the graph that a slug names (of type `etype` when given; none when it
    is not a slug), in the order of the type segments: one query for every candidate."""
    candidates = _slug_candidates(base.rstrip("/"), slug.strip())
    if not candidates:
        return []
    types = {row["node"]: row["type"] for row in query("labels", {"node": candidates})
             if row["type"]}
    return [iri for iri in candidates if iri in types and etype in (None, types[iri])]


def _describe(row: dict[str, Any], base: str) -> str:
    """`Lào Cai (PROVINCE, province/2025/lao-cai)`: a candidate as an error lists it."""
    iri = row["entity"]
    slug = iri[len(base) + 1:] if iri.startswith(base + "/") else iri
    return f"{row['label'] or slug} ({row['type']}, {slug})"


def resolve_entity(query: Query, base: str, text: str, etype: str | None = None) -> str:
    """The IRI of the one entity `text` names (an IRI, a slug or a name), of type `etype` when
    given (a query's `province` parameter takes a province); see the module."""
    text, base = text.strip(), base.rstrip("/")
    if is_iri(text):
        return text
    found = slug_iris(query, base, text, etype)
    if len(found) == 1:
        return found[0]
    if found:
        raise BadQuery(f"{text!r} names several entities; use one of: "
                       + ", ".join(iri[len(base) + 1:] for iri in found))
    key, word, prefix = query_terms(text)
    if not key:
        raise BadQuery(f"{text!r} names no entity: give an IRI, a slug or a name")
    params = {"q": key, "word": word, "prefix": prefix, "type": etype}
    rows = query("search", {k: v for k, v in params.items() if v}, limit=CANDIDATES + 1)
    exact = [row for row in rows if int(row["rank"]) == 0]
    if len(exact) == 1:
        return exact[0]["entity"]
    if exact:
        raise BadQuery(f"{text!r} names several entities; use the id of one: "
                       + "; ".join(_describe(row, base) for row in exact))
    near = "; nearest: " + "; ".join(_describe(row, base) for row in rows[:CANDIDATES]) \
        if rows else ""
    raise NotFound(f"no entity named {text!r} in the graph{near}")
