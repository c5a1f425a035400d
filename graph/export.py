"""Network exports of the projection: GraphML, GEXF 1.3, Cytoscape.js JSON, DOT and an HTML view.

`write(kg, fmt, out, **filters)` is what `KnowledgeGraph.export` calls for every format that is
not a plain RDF dump. The graph is `graph.projection.projection(kg, **filters)`, so the filters
(around an entity, a date window, relations, entity types) mean the same in every format.

Choices:
- GraphML and GEXF take `str`, `float` and `int` values only; the projection already flattens
  lists and leaves out missing values, so a reader never meets "None".
- GEXF is 1.3 with `start`/`end` on dated edges and on nodes (the graph becomes
  `mode="dynamic"`, `timeformat="date"`) so Gephi's timeline plays the events: a node appears on
  the first day of its facts and goes after the last (the days of `edge_window`: a fact's own,
  else its article's publication day); undated facts and nodes stay visible throughout. Each
  edge also carries `kind` (its relation): Gephi keeps parallel edges of different kinds apart.
- The Cytoscape.js JSON keeps each fact's article as `source_article` (an edge's `source` is
  its start node), each node's id also as `value` and each edge's as `key`, as
  `nx.cytoscape_data` writes them, so `nx.cytoscape_graph` reads it back whole.
- DOT is written here rather than through pydot, so exporting needs no extra package. The graph
  names its layout engine (`layout=`): `neato` for a small graph, `sfdp` from `SFDP_FROM` nodes
  on, where `dot` and `neato` take minutes or never finish.
- The HTML view is one file with its data, script and style inline, cytoscape.js included
  (graph/assets.py: installed from npm, never fetched): it works offline and can be mailed
  around. Its template is `graph/templates/graph_view.html`.
"""

from __future__ import annotations

import json
import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.assets import cytoscape_js
from graph.errors import BadQuery
from graph.projection import Filters, edge_window, projection

if TYPE_CHECKING:
    from graph.service import KnowledgeGraph

__all__ = ["FORMATS", "MEDIA_TYPES", "SUFFIXES", "TYPE_COLOURS", "render", "write"]

TEMPLATE = Path(__file__).resolve().parent / "templates" / "graph_view.html"

# One colour per FACTS.md type, shared by the HTML view, DOT and GEXF (viz:color).
TYPE_COLOURS: dict[str, str] = {
    "PERSON": "#e4572e",
    "ORGANIZATION": "#2e86ab",
    "PROVINCE": "#3bb273",
    "LOCATION": "#7fb800",
    "BORDER_GATE": "#f3a712",
    "ZONE": "#a05195",
    "DOCUMENT": "#6c757d",
    "EVENT": "#d45087",
    "UNKNOWN": "#999999",
}

MEDIA_TYPES: dict[str, str] = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "cytoscape": "application/json",
    "dot": "text/vnd.graphviz; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "jsonld": "application/ld+json",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
}
SUFFIXES: dict[str, str] = {
    "graphml": ".graphml", "gexf": ".gexf", "cytoscape": ".cyjs", "dot": ".dot",
    "html": ".html", "jsonld": ".jsonld", "nquads": ".nq", "trig": ".trig",
    "turtle": ".ttl", "ntriples": ".nt",
}


# -- GraphML ------------------------------------------------------------------------------------
def _graphml(graph: nx.MultiDiGraph) -> bytes:
    lines = nx.generate_graphml(graph, named_key_ids=True, edge_id_from_attribute="id")
    return ("\n".join(lines) + "\n").encode("utf-8")


# -- GEXF 1.3 -----------------------------------------------------------------------------------
def _rgb(colour: str) -> dict[str, int]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16)}


_GEXF = "http://gexf.net/1.3"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def node_spans(graph: nx.MultiDiGraph) -> dict[str, tuple[str, str]]:
    """Each node's first and last day: the span of the days of its facts (`edge_window`), for
    the nodes that have a dated fact.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", start="2024-08-07", end="2024-08-09")
    0
    >>> g.add_edge("a", "c", published="2024-08-30")
    0
    >>> node_spans(g)["a"], node_spans(g)["b"], "c" in node_spans(g)
    (('2024-08-07', '2024-08-30'), ('2024-08-07', '2024-08-09'), True)
    """
    days: dict[str, list[Any]] = {}
    for u, v, data in graph.edges(data=True):
        window = edge_window(data)
        if window:
            for node in (u, v):
                days.setdefault(node, []).extend(window)
    return {node: (min(found).isoformat(), max(found).isoformat())
            for node, found in days.items()}


def _gexf(graph: nx.MultiDiGraph) -> bytes:
    shown = nx.MultiDiGraph(name="vnkg")
    spans = node_spans(graph)
    for node, data in graph.nodes(data=True):
        colour = TYPE_COLOURS.get(data.get("type", ""), TYPE_COLOURS["UNKNOWN"])
        span = dict(zip(("start", "end"), spans[node], strict=True)) if node in spans else {}
        shown.add_node(node, **data, **span, viz={"color": _rgb(colour)})
    for u, v, key, data in graph.edges(keys=True, data=True):
        # "label" is what Gephi shows on an edge; "type" would mean directedness to GEXF.
        shown.add_edge(u, v, key=key, label=data.get("relation", ""), **data)
    text = "\n".join(nx.generate_gexf(shown, version="1.3"))
    # networkx 3.6 spells the XSI namespace without "www.": schemaLocation would be ignored.
    text = text.replace('"http://w3.org/2001/XMLSchema-instance"', f'"{_XSI}"')
    for prefix, uri in (("", _GEXF), ("viz", f"{_GEXF}/viz"), ("xsi", _XSI)):
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(text)
    ns = f"{{{_GEXF}}}"
    # The edge id already is the networkx key: drop networkx's duplicate "networkx_key" column.
    for attributes in root.iter(f"{ns}attributes"):
        for attribute in list(attributes):
            if attribute.get("title") == "networkx_key":
                attributes.remove(attribute)
                for values in root.iter(f"{ns}attvalues"):
                    for value in list(values):
                        if value.get("for") == attribute.get("id"):
                            values.remove(value)
    kinds = {data["id"]: data.get("relation", "") for _, _, data in graph.edges(data=True)}
    for edge in root.iter(f"{ns}edge"):
        if kinds.get(edge.get("id", "")):
            edge.set("kind", kinds[edge.get("id", "")])
    meta = root.find(f"{ns}meta")
    if meta is not None:
        description = ET.SubElement(meta, f"{ns}description")
        description.text = "vnkg: officials, agencies, provinces and events from Vietnamese news"
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# -- Cytoscape.js JSON --------------------------------------------------------------------------
def cytoscape_elements(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """`{"elements": {"nodes": [...], "edges": [...]}}` as Cytoscape.js and Cytoscape read it."""
    nodes = [{"data": {**data, "id": node, "value": node, "name": data.get("label", node)}}
             for node, data in graph.nodes(data=True)]
    edges = [{"data": {**data, "id": key, "key": key, "source": u, "target": v}}
             for u, v, key, data in graph.edges(keys=True, data=True)]
    return {"data": {"name": "vnkg"}, "directed": True, "multigraph": True,
            "elements": {"nodes": nodes, "edges": edges}}


def _cytoscape(graph: nx.MultiDiGraph) -> bytes:
    return json.dumps(cytoscape_elements(graph), ensure_ascii=False, indent=1).encode("utf-8")


# -- DOT ----------------------------------------------------------------------------------------
def _dot_quote(value: Any) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def _dot_attrs(attrs: dict[str, Any]) -> str:
    return ", ".join(f"{name}={_dot_quote(value)}" for name, value in attrs.items())


SFDP_FROM = 200  # nodes from which DOT asks for sfdp (multiscale force layout)


def dot_layout(graph: nx.MultiDiGraph) -> dict[str, str]:
    """The DOT graph attributes that pick a layout engine for a graph of this size: neato with
    splines for a small one, sfdp with straight edges (and its own overlap removal) for a large
    one."""
    if graph.number_of_nodes() >= SFDP_FROM:
        return {"layout": "sfdp", "overlap": "prism", "splines": "false"}
    return {"layout": "neato", "overlap": "false", "splines": "true"}


def _dot(graph: nx.MultiDiGraph) -> bytes:
    lines = [
        "digraph vnkg {",
        f'  graph [{_dot_attrs({**dot_layout(graph), "fontname": "Helvetica"})}];',
        '  node [style="filled", fontname="Helvetica", fontcolor="white", shape="box"];',
        '  edge [fontname="Helvetica", fontsize="10"];',
    ]
    for node, data in graph.nodes(data=True):
        colour = TYPE_COLOURS.get(data.get("type", ""), TYPE_COLOURS["UNKNOWN"])
        attrs = {**data, "fillcolor": colour, "color": colour}
        lines.append(f"  {_dot_quote(node)} [{_dot_attrs(attrs)}];")
    for u, v, key, data in graph.edges(keys=True, data=True):
        caption = " ".join(str(p) for p in (data.get("relation"), data.get("date")) if p)
        attrs = {**data, "id": key, "label": caption}
        lines.append(f"  {_dot_quote(u)} -> {_dot_quote(v)} [{_dot_attrs(attrs)}];")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


# -- HTML ---------------------------------------------------------------------------------------
def _html(graph: nx.MultiDiGraph, title: str = "vnkg graph") -> bytes:
    payload = {
        "title": title,
        "colours": TYPE_COLOURS,
        "nodes": [dict(data, id=node) for node, data in graph.nodes(data=True)],
        "edges": [dict(data, id=key, source=u, target=v)
                  for u, v, key, data in graph.edges(keys=True, data=True)],
    }
    # Inside <script>, "</" could close the element: escape it (and & and > for good measure).
    data = (json.dumps(payload, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
    page = TEMPLATE.read_text(encoding="utf-8")
    # The library goes in first and the data last, so neither is searched for a placeholder.
    script = re.sub(r"</(script)", r"<\\/\1", cytoscape_js().read_text(encoding="utf-8"),
                    flags=re.IGNORECASE)
    page = page.replace("{{CYTOSCAPE}}", script).replace("{{TITLE}}", _html_escape(title))
    page = page.replace("{{DATA}}", data)
    return page.encode("utf-8")


def _html_escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


# -- RDF as JSON-LD -----------------------------------------------------------------------------
def _jsonld(kg: KnowledgeGraph) -> bytes:
    """The whole dataset as JSON-LD, named graphs kept, compacted with ontology/context.jsonld
    (so keys read `workedWith`, `startDate`, `label`)."""
    import rdflib

    from graph.vocab import jsonld_context

    with warnings.catch_warnings():  # rdflib 7's JSON-LD plugin calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = rdflib.Dataset()
        dataset.parse(data=kg.store.dump("nquads").decode("utf-8"), format="nquads")
        text = dataset.serialize(format="json-ld", context=jsonld_context(), indent=1)
    return text.encode("utf-8") if isinstance(text, str) else text


WRITERS: dict[str, Callable[[nx.MultiDiGraph], bytes]] = {
    "graphml": _graphml,
    "gexf": _gexf,
    "cytoscape": _cytoscape,
    "dot": _dot,
    "html": _html,
}
RDF_DUMPS = ("nquads", "trig", "turtle", "ntriples")
FORMATS: tuple[str, ...] = (*WRITERS, "jsonld", *RDF_DUMPS)
_ALIASES = {"cyjs": "cytoscape", "json": "cytoscape", "gv": "dot", "json-ld": "jsonld"}


def render(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The bytes of `graph` in a network format.

    >>> g = nx.MultiDiGraph(); g.add_node("x:a", label="An", type="PERSON")
    >>> render(g, "dot").decode().splitlines()[4]
    '  "x:a" [label="An", type="PERSON", fillcolor="#e4572e", color="#e4572e"];'
    """
    fmt = _ALIASES.get(fmt.lower(), fmt.lower())
    if fmt not in WRITERS:
        raise BadQuery(f"unknown network format {fmt!r}; known: {', '.join(WRITERS)}")
    return WRITERS[fmt](graph)


def write(kg: KnowledgeGraph, fmt: str, out: Path, **filters: Any) -> Path:
    """Write the (filtered) projection of `kg` to `out` as `fmt`; returns `out`."""
    fmt = _ALIASES.get(fmt.lower(), fmt.lower())
    if fmt == "jsonld":
        if Filters.from_kwargs(**filters):
            raise BadQuery("filters apply to the network formats "
                           f"({', '.join(WRITERS)}), not to RDF dumps")
        data = _jsonld(kg)
    elif fmt in WRITERS:
        data = render(projection(kg, **filters), fmt)
    elif fmt in RDF_DUMPS:
        if Filters.from_kwargs(**filters):
            raise BadQuery("filters apply to the network formats "
                           f"({', '.join(WRITERS)}), not to RDF dumps")
        data = kg.store.dump(fmt)
    else:
        raise BadQuery(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out
