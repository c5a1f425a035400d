"""The knowledge graph as a networkx `MultiDiGraph`, and the filters every export shares.

Entities are nodes keyed by IRI (`id`, `type`, `label`, `lat`/`lon` where known); each fact is one
edge keyed by its statement IRI (`relation`, `date`, `start`, `end`, `role`, the source article
as `source_article`: `source` is the edge's start in Cytoscape.js and networkx),
so two articles reporting the same trip stay two parallel edges, each with its own source.
Working sessions, visits and memberships are not nodes: they group facts that are already
edges. Attribute values are only `str` or `float`, never `None` or lists, so every writer
(GraphML, GEXF, JSON, DOT) takes them as they are.

Filters run on the projection rather than in SPARQL so that one definition serves every export
and `vnkg stats`: chosen types select nodes, chosen relations and a date window select edges,
and `around` keeps what lies within `hops` steps of an entity (either direction) in what is left.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.bounds import date_window
from graph.entities import slug_iris
from graph.errors import BadQuery, NotFound
from ingest.facts import ENTITY_TYPES, RELATIONS
from ingest.text import fold, name_key

if TYPE_CHECKING:
    from graph.service import KnowledgeGraph

__all__ = ["Filters", "edge_window", "filter_graph", "project", "projection"]

# Other spellings of the filter names: CLI flags and query strings say `from`, `relation`, ...
_FILTER_ALIASES = {"from": "date_from", "to": "date_to", "relation": "relations",
                   "type": "types", "start": "date_from", "end": "date_to"}


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    """Accept one value, several, or comma-separated ones (as query strings give them)."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


@dataclass(frozen=True)
class Filters:
    """What an export keeps. Every field empty means the whole graph.

    >>> Filters.from_kwargs(relation="worked_with,visited", type=["person"]).relations
    ('worked_with', 'visited')
    >>> Filters.from_kwargs(colour="red")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.BadQuery: unknown filter(s) ['colour']; known: around, ...
    """

    around: tuple[str, ...] = ()
    hops: int = 1
    date_from: date | None = None
    date_to: date | None = None
    relations: tuple[str, ...] = ()
    types: tuple[str, ...] = field(default=())

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> Filters:
        """Filters from keyword arguments (CLI flags, query strings); `None` means unset."""
        values = {_FILTER_ALIASES.get(k, k): v for k, v in kwargs.items() if v is not None}
        known = {"around", "hops", "date_from", "date_to", "relations", "types"}
        unknown = sorted(set(values) - known)
        if unknown:
            raise BadQuery(f"unknown filter(s) {unknown}; known: {', '.join(sorted(known))}")
        relations = tuple(r.lower() for r in _as_list(values.get("relations")))
        bad = [r for r in relations if r not in RELATIONS]
        if bad:
            raise BadQuery(f"unknown relation(s) {bad}; known: {', '.join(RELATIONS)}")
        types = tuple(t.upper() for t in _as_list(values.get("types")))
        bad = [t for t in types if t not in ENTITY_TYPES]
        if bad:
            raise BadQuery(f"unknown entity type(s) {bad}; known: {', '.join(ENTITY_TYPES)}")
        try:
            hops = int(values.get("hops", 1))
        except (TypeError, ValueError):
            raise BadQuery(f"hops must be a whole number, got {values['hops']!r}") from None
        if hops < 0:
            raise BadQuery("hops must be 0 or more")
        start, end = date_window(values.get("date_from"), values.get("date_to"))
        return cls(tuple(_as_list(values.get("around"))), hops, start, end, relations, types)

    @property
    def edge_filters(self) -> bool:
        return bool(self.relations or self.date_from or self.date_to)

    def __bool__(self) -> bool:
        return bool(self.around or self.types or self.edge_filters)


# -- building the projection ----------------------------------------------------------------
def _split(text: str | None) -> list[str]:
    return sorted(p for p in (text or "").split("|") if p)


def _node_attrs(row: Mapping[str, Any]) -> dict[str, Any]:
    entity = row["entity"]
    attrs: dict[str, Any] = {
        "id": entity,
        "type": row["type"],
        "label": row["label"] or entity.rsplit("/", 1)[-1],
    }
    kinds = _split(row.get("kinds"))
    if kinds:
        attrs["kind"] = kinds[0]
    aliases = _split(row.get("aliases"))
    if aliases:
        attrs["aliases"] = "; ".join(aliases)
    for key in ("lat", "lon"):
        if row.get(key) is not None:
            attrs[key] = float(row[key])
    if row.get("provinceCode"):
        attrs["code"] = row["provinceCode"]
    if row.get("era"):
        attrs["era"] = row["era"]
    return attrs


def _edge_key(row: Mapping[str, Any]) -> str:
    if row.get("statement"):
        return row["statement"]
    digest = hashlib.sha256(
        f"{row['article']} {row['subject']} {row['relation']} {row['object']}".encode()
    ).hexdigest()[:16]
    return f"{row['article']}#fact-{digest}"


_EDGE_FIELDS = {
    "relation": "relation", "dateText": "date", "start": "start", "end": "end", "role": "role",
    "article": "source_article", "articleId": "article", "title": "title", "url": "url",
    "published": "published", "evidence": "evidence",
}


def _edge_attrs(key: str, row: Mapping[str, Any]) -> dict[str, Any]:
    attrs: dict[str, Any] = {"id": key}
    for column, name in _EDGE_FIELDS.items():
        if row.get(column) not in (None, ""):
            attrs[name] = str(row[column])
    if "start" in attrs and "end" not in attrs:
        attrs["end"] = attrs["start"]
    if row.get("confidence") is not None:
        attrs["confidence"] = float(row["confidence"])
    return attrs


def project(node_rows: Iterable[Mapping[str, Any]], edge_rows: Iterable[Mapping[str, Any]]
            ) -> nx.MultiDiGraph:
    """The MultiDiGraph of the rows of `projection_nodes` and `projection_edges`.

    >>> g = project([{"entity": "x:a", "type": "PERSON", "label": "An"},
    ...              {"entity": "x:b", "type": "PROVINCE", "label": "Bắc", "lat": "21.0"}],
    ...             [{"statement": "x:s1", "subject": "x:a", "object": "x:b", "article": "x:art",
    ...               "relation": "worked_with", "start": "2024-08-30"}])
    >>> g.nodes["x:b"]["lat"], g.edges["x:a", "x:b", "x:s1"]["end"]
    (21.0, '2024-08-30')
    """
    graph = nx.MultiDiGraph()
    for row in node_rows:
        graph.add_node(row["entity"], **_node_attrs(row))
    for row in edge_rows:
        # An endpoint with no entityType (malformed data) still becomes a node, typed by nothing.
        for end in (row["subject"], row["object"]):
            if end not in graph:
                graph.add_node(end, id=end, type="UNKNOWN", label=end.rsplit("/", 1)[-1])
        key = _edge_key(row)
        graph.add_edge(row["subject"], row["object"], key=key, **_edge_attrs(key, row))
    return graph


def projection(kg: KnowledgeGraph, edges: str = "projection_edges", **filters: Any
               ) -> nx.MultiDiGraph:
    """The knowledge graph's projection, filtered (see `Filters`); `edges` names the query of
    its edges (the statistics read a lean one, queries/stats_edges.rq)."""
    graph = project(kg.query("projection_nodes"), kg.query(edges))
    if filters.get("around"):  # slugs (`nguyen-hong-dien`) as IRIs; names stay names
        filters["around"] = [iri for value in _as_list(filters["around"])
                             for iri in (slug_iris(kg.query, kg.base, value) or [value])]
    wanted = Filters.from_kwargs(**filters)
    return filter_graph(graph, wanted) if wanted else graph


# -- filters -----------------------------------------------------------------------------------
def edge_window(data: Mapping[str, Any]) -> tuple[date, date] | None:
    """The days a fact covers: its own dates, else its article's publication day, else none.

    An undated fact (a position, a gate's province) counts at the day its article reported it,
    so a window over August keeps who held which post according to August's news.
    """
    start, end = data.get("start"), data.get("end")
    if start:
        return date.fromisoformat(start[:10]), date.fromisoformat((end or start)[:10])
    if data.get("published"):
        day = date.fromisoformat(data["published"][:10])
        return day, day
    return None


def resolve_entities(graph: nx.MultiDiGraph, names: Iterable[str]) -> list[str]:
    """Node ids for each name: an IRI, else every label equal to it (case, tone placement, then
    accents ignored). Homonyms all count; a name that matches nothing is an error.
    """
    found: list[str] = []
    for name in names:
        if name in graph:
            found.append(name)
            continue
        for normalise in (name_key, fold):
            wanted = normalise(name)
            hits = [n for n, d in graph.nodes(data=True)
                    if normalise(str(d.get("label", ""))) == wanted
                    or wanted in {normalise(a) for a in str(d.get("aliases", "")).split("; ") if a}]
            if hits:
                found.extend(sorted(hits))
                break
        else:
            raise NotFound(f"no entity named {name!r} in the graph")
    return found


def filter_graph(graph: nx.MultiDiGraph, filters: Filters) -> nx.MultiDiGraph:
    """A filtered copy: types pick nodes, relations and dates pick edges, then `around`.

    Nodes left without edges by a relation or date filter are dropped; `around` keeps the
    entities within `hops` steps of the named ones, with every remaining edge among them.
    """
    centres = resolve_entities(graph, filters.around) if filters.around else []
    nodes = [n for n, d in graph.nodes(data=True)
             if not filters.types or d.get("type") in filters.types]
    kept = nx.MultiDiGraph(graph.subgraph(nodes))
    kept.graph.update(graph.graph)
    low, high = filters.date_from or date.min, filters.date_to or date.max
    dated = bool(filters.date_from or filters.date_to)
    for u, v, key, data in list(kept.edges(keys=True, data=True)):
        if filters.relations and data.get("relation") not in filters.relations:
            kept.remove_edge(u, v, key)
            continue
        if dated:
            window = edge_window(data)
            if window is None or window[0] > high or window[1] < low:
                kept.remove_edge(u, v, key)
    if filters.edge_filters:
        kept.remove_nodes_from([n for n in list(kept) if kept.degree(n) == 0
                                and n not in centres])
    if centres:
        reach: set[str] = set()
        undirected = kept.to_undirected(as_view=True)
        for centre in centres:
            if centre in kept:
                reach |= set(nx.single_source_shortest_path_length(undirected, centre,
                                                                   cutoff=filters.hops))
        kept = nx.MultiDiGraph(kept.subgraph(reach))
        kept.graph.update(graph.graph)
    return kept
