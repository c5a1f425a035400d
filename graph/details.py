"""What the REST lookups of one item answer, assembled where the service runs: an official, a
province, an agency, an article, an entity's statements, a page of events.

The HTTP routes (api/rest.py) only resolve the id, make one service call and map the plain dicts
these return to their models; the grouping and splitting of rows happens here, in the query
workers under the request's limits, and every other door can read the same answer. Each
function takes `query(name, params)`, the rows of a named query, like graph/pages.py; an item
the graph does not hold is None (the route's 404).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from graph import pages
from graph.entities import SEGMENTS, slug_iris
from graph.errors import NotFound

__all__ = ["agency", "article", "entity", "events", "head", "official", "places_by_kind",
           "province", "units_by_relation"]

Query = Callable[..., list[dict[str, Any]]]  # a named query's rows; `limit`/`offset` page it
Row = dict[str, Any]

# An official's or a province's page shows the newest events (`events` pages through the rest),
# the latest leaders and the newest sources, each read through the period index.
EVENTS = 20
LEADERS = 50
SOURCES = 50
# The segments of IRIs that are no entity but have statements (`/api/entities/session/...`).
NODE_SEGMENTS = ("article", "session", "visit", "membership", "statement", "role", "time",
                 "graph")
_PLACES = {"BORDER_GATE": "border_gates", "ZONE": "zones"}


def head(query: Query, iri: str) -> Row | None:
    """An entity's IRI, name and FACTS.md type; None when the graph does not know it."""
    rows = query("label", {"entity": iri})
    return {"iri": iri, "label": rows[0]["label"], "type": rows[0]["type"]} if rows else None


def _typed(query: Query, iri: str, etype: str) -> Row | None:
    found = head(query, iri)
    return found if found and found["type"] == etype else None


def official(query: Query, iri: str) -> Row | None:
    """An official's posts (latest first), newest events (each with its members and source
    article ids) and newest sources with how many articles name them."""
    found = _typed(query, iri, "PERSON")
    if found is None:
        return None
    sources, count = pages.sources(query, iri, limit=SOURCES)
    return {**found, "positions": pages.positions(query, iri),
            "events": pages.gather_events(pages.timeline(query, iri, limit=EVENTS)),
            "sources": [row["id"] for row in sources], "source_count": count}


def places_by_kind(rows: list[Row]) -> dict[str, list[Row]]:
    """A province's places (queries/province_places.rq) as border gates, zones and the rest.

    >>> places_by_kind([{"type": "ZONE"}, {"type": "LOCATION"}, {"type": "BORDER_GATE"}])
    {'border_gates': [{'type': 'BORDER_GATE'}], 'zones': [{'type': 'ZONE'}], \
'places': [{'type': 'LOCATION'}]}
    """
    out: dict[str, list[Row]] = {"border_gates": [], "zones": [], "places": []}
    for row in rows:
        out[_PLACES.get(row["type"], "places")].append(row)
    return out


def province(query: Query, iri: str) -> Row | None:
    """A province (queries/province.rq: label, era, code, successor) with its latest leaders,
    its places by kind, its newest events, and its 2025 merger: the unit it merged into
    (`successor`), the units merged into it (`predecessors`) and the day."""
    row = next(iter(query("province", {"province": iri})), None)
    if row is None:
        return None
    merger = query("province_merger", {"province": iri})
    return {**row, "leaders": pages.leaders(query, iri, limit=LEADERS),
            **places_by_kind(query("province_places", {"province": iri})),
            "events": pages.gather_events(pages.timeline(query, iri, limit=EVENTS)),
            "successor": next((r for r in merger if r["relation"] == "successor"), None),
            "predecessors": [r for r in merger if r["relation"] == "predecessor"],
            "merged_on": next((r["on"] for r in merger if r["on"]), None)}


def units_by_relation(rows: list[Row]) -> dict[str, list[Row]]:
    """An agency's units (queries/agency_units.rq) as the bodies it is part of (`parents`)
    and its own units.

    >>> units_by_relation([{"relation": "unit", "other": "a"}, {"relation": "parent",
    ...                                                         "other": "b"}])
    {'parents': [{'relation': 'parent', 'other': 'b'}], \
'units': [{'relation': 'unit', 'other': 'a'}]}
    """
    return {"parents": [r for r in rows if r["relation"] == "parent"],
            "units": [r for r in rows if r["relation"] == "unit"]}


def agency(query: Query, iri: str) -> Row | None:
    """An agency's parent bodies, its units and the people holding positions in it."""
    found = _typed(query, iri, "ORGANIZATION")
    if found is None:
        return None
    return {**found, **units_by_relation(query("agency_units", {"agency": iri})),
            "people": query("agency_people", {"agency": iri})}


def article(query: Query, iri: str) -> Row | None:
    """An article (id, title, address, published date), read by its IRI, and the facts it
    states in text order."""
    row = next(iter(query("article", {"article": iri})), None)
    if row is None:
        return None
    return {**row, "facts": query("article_facts", {"article": iri})}


def entity_iri(query: Query, base: str, entity_id: str) -> str:
    """The IRI an id names: `person/x` (or a node's segment: `session/x`) names it outright; a
    bare slug is looked up under every entity type in one query, and must name one entity."""
    base = base.rstrip("/")
    segment, _, rest = entity_id.partition("/")
    if rest and segment in (*SEGMENTS, *NODE_SEGMENTS):
        return f"{base}/{entity_id}"
    found = slug_iris(query, base, entity_id)
    if not found:
        raise NotFound(f"no entity {entity_id!r} in the graph")
    if len(found) > 1:
        options = ", ".join(iri[len(base) + 1:] for iri in found)
        raise NotFound(f"{entity_id!r} names several entities; use one of: {options}")
    return found[0]


def entity(query: Query, base: str, entity_id: str) -> Row:
    """Every statement about the entity an id names (queries/entity.rq), outgoing and
    incoming, with its name and type; NotFound when the graph states nothing about it."""
    iri = entity_iri(query, base, entity_id)
    rows = query("entity", {"entity": iri})
    if not rows:
        raise NotFound(f"no entity {entity_id!r} in the graph")
    found = head(query, iri) or {"iri": iri, "label": None, "type": None}
    return {**found, "outgoing": [r for r in rows if r["direction"] == "out"],
            "incoming": [r for r in rows if r["direction"] == "in"]}


def events(query: Query, *, province: str | None = None, official: str | None = None,
           start: date | None = None, end: date | None = None, kind: str | None = None,
           limit: int, offset: int = 0) -> Row:
    """Events `offset` to `offset + limit`, newest first, each with its members and source
    article ids, and whether more follow: one entity's through the period index (its months
    only), else queries/events.rq or events_in_province.rq, which page events in the query."""
    if bool(province) != bool(official):
        rows = pages.timeline(query, province or official or "", limit=limit + 1,
                              offset=offset, start=start, end=end, kind=kind)
    else:
        params = {"type": kind, "province": province, "official": official,
                  "from": start.isoformat() if start else None,
                  "to": end.isoformat() if end else None}
        rows = query("events_in_province" if province else "events",
                     {k: v for k, v in params.items() if v is not None},
                     limit=limit + 1, offset=offset)
    return pages.page(pages.gather_events(rows), limit)
