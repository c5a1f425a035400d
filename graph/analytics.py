"""Analytics over the projection: counts, the most active officials, the most visited provinces,
centrality, activity per month, and a PNG chart of that activity.

Everything is computed from `graph.projection` (with the same filters as the exports), so
`vnkg stats --relation worked_with` and `vnkg export --relation worked_with` describe the same
graph; the stats read its lean twin (queries/stats_edges.rq: no evidence, titles or order). The
store-wide counts (`counts`) are index lookups, a few milliseconds at any size, and betweenness
is computed over the most connected entities only (`BETWEENNESS_NODES`), so no figure costs
more than the projection itself. A fact reported by two articles is two edges in the projection
but one event here: activity counts distinct (subject, relation, object, date), so
re-reporting does not inflate it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.projection import projection

if TYPE_CHECKING:
    from graph.service import KnowledgeGraph

__all__ = [
    "ACTIVITY_RELATIONS",
    "VISIT_RELATIONS",
    "activity_by_month",
    "activity_chart",
    "centrality",
    "counts",
    "describe",
    "summarize",
    "top_officials",
    "top_provinces",
]

# What an official does (as opposed to what they are: holds_position).
ACTIVITY_RELATIONS = ("worked_with", "visited", "attended", "organized", "issued")
# What brings someone to a province.
VISIT_RELATIONS = ("worked_with", "visited")
# Betweenness is O(nodes x edges): it is computed on the subgraph of this many entities of
# highest degree (the whole graph when it is smaller), so its cost does not grow with the store.
BETWEENNESS_NODES = 200
_VNKG = "https://vnkg.org/ontology#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _fact_key(u: str, v: str, data: dict[str, Any]) -> tuple[str, str, str, str]:
    return (u, data.get("relation", ""), v, data.get("date", ""))


def _ranked(scores: dict[str, float], graph: nx.MultiDiGraph, top: int) -> list[dict[str, Any]]:
    best = sorted(scores.items(),
                  key=lambda item: (-item[1], graph.nodes[item[0]]["label"], item[0]))
    return [{"id": node, "label": graph.nodes[node]["label"], "type": graph.nodes[node]["type"],
             "score": round(score, 4)} for node, score in best[:top] if score > 0]


def top_officials(graph: nx.MultiDiGraph, top: int = 10) -> list[dict[str, Any]]:
    """Persons by distinct activities (work sessions, visits, events, documents)."""
    activities: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)
    articles: dict[str, set[str]] = defaultdict(set)
    for u, v, data in graph.edges(data=True):
        if graph.nodes[u].get("type") != "PERSON":
            continue
        if data.get("source_article"):
            articles[u].add(data["source_article"])
        if data.get("relation") in ACTIVITY_RELATIONS:
            activities[u].add(_fact_key(u, v, data))
    ranked = sorted(activities, key=lambda n: (-len(activities[n]), graph.nodes[n]["label"], n))
    return [{"id": n, "label": graph.nodes[n]["label"], "activities": len(activities[n]),
             "articles": len(articles[n])} for n in ranked[:top]]


def top_provinces(graph: nx.MultiDiGraph, top: int = 10) -> list[dict[str, Any]]:
    """Provinces by distinct visits (who came, on which date) and distinct visitors."""
    visits: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for u, v, data in graph.edges(data=True):
        if data.get("relation") in VISIT_RELATIONS and graph.nodes[v].get("type") == "PROVINCE":
            visits[v].add((u, data.get("date", "")))
    ranked = sorted(visits, key=lambda n: (-len(visits[n]), graph.nodes[n]["label"], n))
    return [{"id": n, "label": graph.nodes[n]["label"], "visits": len(visits[n]),
             "visitors": len({who for who, _ in visits[n]})} for n in ranked[:top]]


def activity_by_month(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Distinct dated facts per month of their start, by relation, plus a `total`."""
    seen: set[tuple[str, str, str, str]] = set()
    months: dict[str, Counter[str]] = defaultdict(Counter)
    for u, v, data in graph.edges(data=True):
        if not data.get("start"):
            continue
        key = _fact_key(u, v, data)
        if key in seen:
            continue
        seen.add(key)
        months[data["start"][:7]][data.get("relation", "")] += 1
    return {month: {"total": sum(counts.values()), **dict(sorted(counts.items()))}
            for month, counts in sorted(months.items())}


def centrality(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Degree and betweenness centrality on the simple undirected graph of who is linked.
    Betweenness is exact on a graph of up to `BETWEENNESS_NODES` entities; on a larger one it
    is that of the subgraph of the most connected ones (`approximate`: true)."""
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    if simple.number_of_nodes() == 0:
        return {"degree": [], "betweenness": [], "approximate": False}
    degree = nx.degree_centrality(simple)
    approximate = simple.number_of_nodes() > BETWEENNESS_NODES
    core = simple
    if approximate:
        hubs = sorted(degree, key=lambda n: (-degree[n], n))[:BETWEENNESS_NODES]
        core = simple.subgraph(hubs)
    return {"degree": _ranked(degree, graph, top),
            "betweenness": _ranked(nx.betweenness_centrality(core), graph, top),
            "approximate": approximate}


def describe(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """All the figures of one projection (see the module docstring)."""
    types = Counter(d.get("type", "UNKNOWN") for _, d in graph.nodes(data=True))
    relations = Counter(d.get("relation", "") for _, _, d in graph.edges(data=True))
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "entities_by_type": dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        "facts_by_relation": dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
        "top_officials": top_officials(graph, top),
        "top_provinces": top_provinces(graph, top),
        "centrality": centrality(graph, top),
        "activity_by_month": activity_by_month(graph),
    }


def summarize(kg: KnowledgeGraph, top: int = 10, **filters: Any) -> dict[str, Any]:
    """`describe` of the knowledge graph's (filtered) projection, read lean (no evidence)."""
    return describe(projection(kg, edges="stats_edges", **filters), top)


def _count(kg: KnowledgeGraph, prop: str, node: str) -> int:
    """Subjects with `prop` pointing to `node`: one index range (queries/count_index.rq)."""
    [row] = kg.query("count_index", {"property": prop, "node": node})
    return int(row["count"])


def counts(kg: KnowledgeGraph) -> dict[str, Any]:
    """What the whole store holds, from index lookups only: articles, entities by type."""
    return {"articles": _count(kg, _RDF_TYPE, _VNKG + "Article"),
            "entities": {r["type"]: int(r["count"]) for r in kg.query("counts_by_type")}}


RELATION_COLOURS = {
    "worked_with": "#2e86ab", "visited": "#3bb273", "attended": "#d45087",
    "organized": "#a05195", "held_in": "#f3a712", "issued": "#6c757d",
    "holds_position": "#e4572e", "border_gate_of": "#7fb800", "located_in": "#b5838d",
    "part_of": "#264653",
}


def activity_chart(months: dict[str, dict[str, int]], out: Path | None = None,
                   title: str = "Hoạt động theo tháng (dated facts per month)") -> bytes:
    """A stacked bar chart (PNG) of `activity_by_month`; written to `out` when given.

    Uses matplotlib's object API on an Agg canvas (no pyplot, no display, no global state), so
    the web app can draw charts from several threads.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    months = _every_month(months)
    labels = list(months)
    relations = sorted({r for counts in months.values() for r in counts if r != "total"})
    figure = Figure(figsize=(min(16.0, max(6.0, 0.6 * len(labels) + 3)), 4.2), dpi=110)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bottom = [0] * len(labels)
    for relation in relations:
        heights = [months[m].get(relation, 0) for m in labels]
        axes.bar(month_labels(labels), heights, bottom=bottom, label=relation,
                 color=RELATION_COLOURS.get(relation, "#999999"))
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    if not labels:
        axes.text(0.5, 0.5, "Không có dữ kiện có ngày (no dated facts)", ha="center",
                  va="center", transform=axes.transAxes, color="#666666")
        axes.set_xticks([])
    else:
        axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        axes.tick_params(axis="x", labelrotation=45 if len(labels) > 6 else 0)
        step = max(1, len(labels) // 24)  # at most about two dozen month labels
        if step > 1:
            axes.set_xticks(range(0, len(labels), step))
            axes.set_xticklabels(month_labels(labels[::step]))
    axes.set_title(title)
    axes.set_ylabel("facts")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    data = buffer.getvalue()
    if out is not None:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_bytes(data)
    return data


def _every_month(months: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """The months from the first to the last, the empty ones included, so time reads evenly.

    >>> list(_every_month({"2024-11": {"total": 1}, "2025-02": {"total": 2}}))
    ['2024-11', '2024-12', '2025-01', '2025-02']
    """
    if not months:
        return {}
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    filled: dict[str, dict[str, int]] = {}
    while f"{year:04d}-{month:02d}" <= last and len(filled) < 600:
        key = f"{year:04d}-{month:02d}"
        filled[key] = months.get(key, {"total": 0})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return filled


def month_labels(months: Iterable[str]) -> list[str]:
    """`2024-08` as `8/2024`, the way Vietnamese news writes a month.

    >>> month_labels(["2024-08", "2025-01"])
    ['8/2024', '1/2025']
    """
    return [f"{int(m[5:7])}/{m[:4]}" for m in months]
