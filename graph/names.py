"""The search index of names, kept in the graph as triples the store indexes.

Search and resolution must find an entity by name in the time of an index lookup, whatever the
store's size, so a name is not matched by `CONTAINS` over every key but through three keys that
the store's (predicate, object) index answers directly:

- `vnkg:searchKey`: the whole name folded (lowercase, no diacritics, đ→d): exact matches and
  cross-article resolution ("nguyen hong dien");
- `vnkg:searchWord`: each word of a folded name ("nguyen", "hong", "dien");
- `vnkg:searchPrefix`: the first two and three letters of each word ("ng", "ngu"), so the word
  being typed matches ("lao ca" → every name with the word "lao" and a word starting "ca"; a
  longer last word is looked up by its first three letters, and the text filters the rest).

They are written once per entity, in the graph that describes it (the shared entity graph, or
the reference graph for provinces), never per article.

>>> sorted(str(o.value) for _, p, o in name_triples(NamedNode("http://x/e"), ["Lào Cai"])
...        if p == VNKG.searchPrefix)
['ca', 'cai', 'la', 'lao']
>>> sorted(name_keys(["Nguyễn"])[2])
['ng', 'ngu']
>>> query_terms("  Lào  CAI ")
('lao cai', 'lao', 'cai')
>>> query_terms("nguyen hong")
('nguyen hong', 'nguyen', 'hon')
>>> query_terms("Hà")
('ha', None, 'ha')
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from graph.vocab import VNKG
from ingest.text import fold

__all__ = ["MAX_PREFIX", "MIN_PREFIX", "name_keys", "name_triples", "query_terms"]

MIN_PREFIX = 2  # shorter prefixes would match a large part of every index
MAX_PREFIX = 3  # longer ones add triples to every entity and narrow little more


def name_keys(names: Iterable[str]) -> tuple[set[str], set[str], set[str]]:
    """(keys, words, prefixes) of some names."""
    keys = {key for name in names if (key := _folded(name))}
    words = {word for key in keys for word in key.split()}
    prefixes = {word[:n] for word in words
                for n in range(MIN_PREFIX, min(len(word), MAX_PREFIX) + 1)}
    return keys, words, prefixes


@lru_cache(maxsize=200_000)
def _folded(name: str) -> str:
    """A name's search key (cached: most articles name the same ministries and provinces)."""
    return " ".join(fold(name).split())


def name_triples(node: NamedNode, names: Iterable[str]
                 ) -> list[tuple[NamedNode, NamedNode, Literal]]:
    """The search triples of a node known by `names`."""
    keys, words, prefixes = name_keys(names)
    return ([(node, VNKG.searchKey, Literal(k)) for k in sorted(keys)]
            + [(node, VNKG.searchWord, Literal(w)) for w in sorted(words)]
            + [(node, VNKG.searchPrefix, Literal(p)) for p in sorted(prefixes)])


def query_terms(text: str) -> tuple[str, str | None, str]:
    """A search text as (folded text, its longest complete word or None, a prefix to look up).

    The last word may be still being typed, so it is looked up as a prefix; the longest other
    word narrows the candidates further as a whole word. A last word shorter than the index's
    prefixes leaves the lookup to the longest other word (the text then filters the rest).

    >>> query_terms("nguyen hong d")
    ('nguyen hong d', None, 'ngu')
    """
    key = " ".join(fold(text).split())
    words = key.split()
    if not words:
        return "", None, ""
    complete = max(words[:-1], key=len) if len(words) > 1 else None
    if len(words[-1]) < MIN_PREFIX and complete:
        return key, None, complete[:MAX_PREFIX]
    return key, complete, words[-1][:MAX_PREFIX]
