"""What the REST lookups of one item answer, assembled where the service runs: an article, read
by its IRI.

The HTTP routes (api/rest.py) only resolve the id, make one service call and map the plain dicts
these return to their models; the grouping and splitting of rows happens here, in the query
workers under the request's limits, and every other door can read the same answer. Each
function takes `query(name, params)`, the rows of a named query, like graph/pages.py; an item
the graph does not hold is None (the route's 404).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["article"]

Query = Callable[..., list[dict[str, Any]]]  # a named query's rows; `limit`/`offset` page it
Row = dict[str, Any]

def article(query: Query, iri: str) -> Row | None:
    """An article (id, title, address, published date), read by its IRI, and the facts it
    states in text order."""
    row = next(iter(query("article", {"article": iri})), None)
    if row is None:
        return None
    return {**row, "facts": query("article_facts", {"article": iri})}
