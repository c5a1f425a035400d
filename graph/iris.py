"""Stable, readable IRIs for everything graph/ writes (ontology/MODEL.md has the scheme).

Entities get `{base}/<segment>/<slug>` from their canonical key (gazetteer ids such as
"org:bo-cong-thuong") or else their name; n-ary nodes (memberships, sessions, visits, fact
statements) get a short SHA-256 of the article id and their content, so that re-ingesting the same
facts gives the same IRIs and the same quads. Cross-article resolution (graph/resolution.py) may
override any entity IRI; `default_entity_iris` is what an article maps to on its own.

>>> entity_iri("PERSON", "Nguyễn Hồng Diên", "https://vnkg.org/id")
'https://vnkg.org/id/person/nguyen-hong-dien'
>>> entity_iri("ORGANIZATION", "org:bo-cong-thuong", "https://vnkg.org/id")
'https://vnkg.org/id/org/bo-cong-thuong'
>>> entity_iri("PROVINCE", "Bắc Kạn", "https://vnkg.org/id")
'https://vnkg.org/id/province/bac-kan'
>>> entity_iri("PROVINCE", "province:lao-cai-2025", "https://vnkg.org/id")
'https://vnkg.org/id/province/2025/lao-cai'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from urllib.parse import quote

from graph.vocab import ENTITY_SEGMENT
from ingest.facts import ArticleFacts
from ingest.text import fold, nfc_vi, slugify

__all__ = [
    "MERGER_DATE",
    "article_id",
    "article_iri",
    "default_entity_iris",
    "edge_key",
    "entity_iri",
    "graph_iri",
    "holding_iri",
    "membership_iri",
    "mention_iri",
    "name_key",
    "post_iri",
    "province_iri",
    "reference_date",
    "role_iri",
    "session_iri",
    "split_key",
    "statement_iri",
    "time_iri",
    "visit_iri",
]

MERGER_DATE = date(2025, 7, 1)
_KEY = re.compile(r"^([a-z][a-z_-]*):(\S+)$")
_PROVINCE_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?)\s+", re.IGNORECASE)


def split_key(name_or_key: str) -> tuple[str | None, str]:
    """("org", "bo-cong-thuong") for a canonical key, (None, name) for a plain name.

    >>> split_key("province:lao-cai"), split_key("Lào Cai")
    (('province', 'lao-cai'), (None, 'Lào Cai'))
    """
    match = _KEY.match(name_or_key.strip())
    return (match.group(1), match.group(2)) if match else (None, name_or_key)


def _base(base: str) -> str:
    return base.rstrip("/")


def graph_iri(base: str, name: str) -> str:
    """A named graph that is not an article's: `{base}/graph/reference`."""
    return f"{_base(base)}/graph/{slugify(name)}"


def article_iri(article_id: str, base: str) -> str:
    """The article node, also the name of its graph.

    >>> article_iri("000_f580f7af15c600dc", "https://vnkg.org/id/")
    'https://vnkg.org/id/article/000_f580f7af15c600dc'
    """
    return f"{_base(base)}/article/{quote(article_id, safe='-_.~')}"


def article_id(iri: str | None) -> str:
    """The id an article IRI ends in (ids hold no '/'); the REST ids and answers show it.

    >>> article_id("https://vnkg.org/id/article/000_f580f7af15c600dc")
    '000_f580f7af15c600dc'
    """
    return (iri or "").rsplit("/", 1)[-1]


def province_iri(name_or_key: str, base: str, *, on: date | None = None) -> str:
    """The legacy unit (`{base}/province/<slug>`) or the unit from 2025-07-01
    (`{base}/province/2025/<slug>`); `graph.reference.find_province` decides which.

    A name the gazetteer does not know keeps a legacy-style IRI from its slug.

    >>> province_iri("Thái Nguyên", "https://vnkg.org/id", on=date(2025, 8, 1))
    'https://vnkg.org/id/province/2025/thai-nguyen'
    >>> province_iri("Bắc Kạn", "https://vnkg.org/id", on=date(2025, 8, 1))
    'https://vnkg.org/id/province/bac-kan'
    """
    from graph.reference import find_province

    found = find_province(name_or_key, on)
    if found is None:
        _, tail = split_key(name_or_key)
        return f"{_base(base)}/province/{slugify(_PROVINCE_PREFIX.sub('', fold(tail)))}"
    slug, era = found
    return f"{_base(base)}/province/2025/{slug}" if era == "2025" else \
        f"{_base(base)}/province/{slug}"


def entity_iri(entity_type: str, name_or_key: str, base: str, *, on: date | None = None) -> str:
    """`{base}/<segment of the type>/<slug>`; the key's tail when a canonical key is given.

    `on` (the article's date) picks the era of a province (see `province_iri`).
    """
    if entity_type == "PROVINCE":
        return province_iri(name_or_key, base, on=on)
    _, tail = split_key(name_or_key)
    segment = ENTITY_SEGMENT.get(entity_type, "entity")
    return f"{_base(base)}/{segment}/{slugify(nfc_vi(tail))}"


@lru_cache(maxsize=50_000)
def role_iri(role: str, base: str) -> str:
    """One node per normalised title.

    >>> role_iri("Phó Chủ tịch Thường trực", "https://vnkg.org/id")
    'https://vnkg.org/id/role/pho-chu-tich-thuong-truc'
    """
    return f"{_base(base)}/role/{slugify(nfc_vi(role))}"


@lru_cache(maxsize=200_000)
def post_iri(organization: str, role: str, base: str) -> str:
    """One node per (body, normalised title): the post that memberships of that title fill
    (W3C ORG `org:Post`)."""
    return f"{_base(base)}/post/{_digest(organization, slugify(nfc_vi(role)))}"


def holding_iri(post: str, person: str) -> str:
    """A person's holding of a post: a bookkeeping node of the period index (its months), so
    an official's first and last days in a post are a few lookups however many articles.

    >>> holding_iri("https://vnkg.org/id/post/ab12", "https://vnkg.org/id/person/a")[:41]
    'https://vnkg.org/id/post/ab12/holder/f138'
    """
    return f"{post}/holder/{_digest(person)}"


def time_iri(start: date, end: date, date_text: str, base: str) -> str:
    """`{base}/time/2024-08-30` for a day; `.../2024-08-07--2024-08-09` or `.../2024-08` else."""
    if start == end:
        return f"{_base(base)}/time/{start.isoformat()}"
    return f"{_base(base)}/time/{quote(date_text.replace('/', '--'), safe='-_.~')}"


def _digest(*parts: str | Iterable[str] | None) -> str:
    """16 hex digits of SHA-256 over the parts (iterables sorted), unit-separated."""
    flat: list[str] = []
    for part in parts:
        if part is None:
            flat.append("")
        elif isinstance(part, str):
            flat.append(part)
        else:
            flat.append("\x1e".join(sorted(part)))
    return hashlib.sha256("\x1f".join(flat).encode("utf-8")).hexdigest()[:16]


def membership_iri(article_id: str, member: str, organization: str, role: str | None,
                   base: str) -> str:
    return f"{_base(base)}/membership/{_digest(article_id, member, organization, role)}"


def session_iri(article_id: str, date_text: str | None, participants: Iterable[str],
                hosts: Iterable[str], base: str) -> str:
    return f"{_base(base)}/session/{_digest(article_id, date_text, participants, hosts)}"


def visit_iri(article_id: str, date_text: str | None, participants: Iterable[str],
              places: Iterable[str], base: str) -> str:
    return f"{_base(base)}/visit/{_digest(article_id, date_text, participants, places)}"


def statement_iri(article_id: str, relation: str, subject: str, obj: str, role: str | None,
                  date_text: str | None, base: str) -> str:
    return f"{_base(base)}/statement/{_digest(article_id, relation, subject, obj, role, date_text)}"


def mention_iri(article_id: str, entity: str, base: str) -> str:
    """The node through which one article names one entity (its surface forms live there)."""
    return f"{_base(base)}/mention/{_digest(article_id, entity)}"


def edge_key(subject: str, predicate: str, obj: str) -> str:
    """The key of a shortcut edge, which every statement asserting it carries: the store finds
    the statements of one edge by this key in one index lookup.

    >>> edge_key("http://x/a", "http://x/p", "http://x/b")
    '5092262366511533'
    """
    return _digest(subject, predicate, obj)


def name_key(entity: str, name: str) -> str:
    """The key of one name of one entity, which each mention using that name carries."""
    return _digest(entity, name)


def reference_date(facts: ArticleFacts, published: date | str | None = None) -> date | None:
    """The day an article speaks from: its published date, else the latest day its facts name.

    >>> reference_date(ArticleFacts(article="a"), "2024-09-01")
    datetime.date(2024, 9, 1)
    """
    value = published or facts.published
    if isinstance(value, date):
        return value
    if value:
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            pass
    from graph.rdf import parse_date

    ends = [parsed[1] for fact in facts.facts if (parsed := parse_date(fact.date))]
    return max(ends) if ends else None


def default_entity_iris(facts: ArticleFacts, base: str, *, published: date | str | None = None
                        ) -> dict[str, str]:
    """Entity id → IRI from each entity's key (else its name), provinces by the article's date."""
    on = reference_date(facts, published)
    return {ent.id: entity_iri(ent.type, ent.key or ent.name, base, on=on)
            for ent in facts.entities}

