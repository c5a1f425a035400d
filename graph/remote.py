"""A SPARQL 1.1 server as the store: `--store http://host:port` (or `VNKG_STORE=http://...`).

The server is reached at `<url>/query` (SPARQL 1.1 Protocol), `<url>/update` (SPARQL Update)
and `<url>/store` (Graph Store Protocol), which is what `oxigraph serve` exposes:

- reads are SPARQL queries (POST /query); the lookups the embedded store answers from its
  indexes (`quads_for`, `supported`, `named_graphs`, ...) become small `GRAPH` patterns;
- a whole graph is written and dropped through the Graph Store Protocol (PUT and DELETE on
  /store?graph=<graph>: the reference graph, `replace_graph`, `delete_graph`);
- what must be one transaction over several graphs is one SPARQL Update request, which the
  server runs as one transaction: a batch of new articles with their triples in the shared
  entity graph (`extend`), an article's replacement or deletion with the removal of what only
  its old version supported (graph/shared.py's `update`). A PUT per article graph could not
  carry the shared graph's part of the same write.

Answers are parsed back into pyoxigraph terms (`parse_query_results`, `parse`), so callers see
the objects the embedded store gives. A query over the default graph asks for the union of the
named graphs with Oxigraph's `union-default-graph` parameter (the per-request form of `oxigraph
serve --union-default-graph`); a query with its own FROM, or a protocol dataset, does not. The
server must run without that flag, which would override every query's FROM (`check`).
vnkg writes only named graphs, and reads only them (`quads`, `len`): the server's default graph
is not part of the store.

>>> RemoteStore("http://127.0.0.1:7878/").location
'http://127.0.0.1:7878'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from graph.errors import BadQuery, StoreError
from graph.store import StoreReads, bind_values, declares_dataset

__all__ = ["RemoteStore", "insert_data"]

# SELECT and ASK answers as SPARQL JSON, CONSTRUCT and DESCRIBE as N-Triples.
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_MEDIA = {"nquads": "application/n-quads", "trig": "application/trig"}
_TIMEOUT = httpx.Timeout(600.0, connect=10.0)  # the query workers' deadline comes first
NO_GRAPH = "urn:vnkg:no-such-graph"  # a FROM that must leave the default graph empty


def _sparql_term(term: Any) -> str:
    """A term in SPARQL syntax (N-Triples, escaped by pyoxigraph): never pasted text."""
    if not isinstance(term, ox.NamedNode | ox.Literal):
        raise StoreError(f"a remote store looks up IRIs and literals only, not {term!r}")
    return str(term)


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """One SPARQL `INSERT DATA` adding `quads`, grouped by graph.

    >>> s, p = ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p")
    >>> insert_data([ox.Quad(s, p, ox.Literal("v"), ox.NamedNode("http://x/g"))])
    'INSERT DATA {\\nGRAPH <http://x/g> {\\n<http://x/s> <http://x/p> "v" .\\n}\\n}'
    """
    graphs: dict[str, list[str]] = {}
    for quad in quads:
        graph = quad.graph_name
        block = "" if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph}"
        graphs.setdefault(block, []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    parts = [f"{block} {{\n" + "\n".join(lines) + "\n}" if block else "\n".join(lines)
             for block, lines in graphs.items()]
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


def _answer(response: httpx.Response) -> Any:
    """A query's answer as pyoxigraph gives it: solutions, a boolean, or a list of triples."""
    media = response.headers.get("content-type", "").split(";")[0].strip()
    if media == "application/sparql-results+json":
        return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
    if media == "application/n-triples":
        return [q.triple for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)]
    raise StoreError(f"the store answered a query with {media or 'no media type'}")


class RemoteStore(StoreReads):
    """The store on a SPARQL 1.1 server (see the module docstring)."""

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.url = url.rstrip("/")
        self.read_only = read_only
        self._client = httpx.Client(timeout=_TIMEOUT)

    @property
    def location(self) -> str:
        return self.url

    def check(self) -> RemoteStore:
        """Fail at once, in one line, on a server that cannot be the store: one that cannot be
        reached, or one that answers every query from the union of its graphs (`oxigraph serve
        --union-default-graph`), which overrides a query's FROM. Returns the store."""
        if bool(self.query(f"ASK FROM <{NO_GRAPH}> {{ ?s ?p ?o }}")):
            raise StoreError(
                f"the store at {self.url} ignores a query's FROM (is it `oxigraph serve "
                f"--union-default-graph`?): start it without that flag; vnkg asks for the union "
                f"of the graphs query by query")
        return self

    def close(self) -> None:
        self._client.close()

    # -- HTTP ------------------------------------------------------------------------------
    def _send(self, method: str, endpoint: str, what: str, **kwargs: Any) -> httpx.Response:
        """One request; a server that cannot be reached, or that fails, is a StoreError."""
        try:
            response = self._client.request(method, f"{self.url}/{endpoint}", **kwargs)
        except httpx.HTTPError as err:
            raise StoreError(f"cannot reach the store at {self.url}: {err}") from err
        if response.status_code >= 400 and response.status_code not in (400, 404):
            self._fail(response, what)
        return response

    def _fail(self, response: httpx.Response, what: str) -> None:
        raise StoreError(f"{what}: {response.request.method} {response.request.url.path} on "
                         f"the store at {self.url} answered {response.status_code} "
                         f"{response.text.strip()[:300]}")

    def _writes(self, what: str) -> None:
        if self.read_only:
            raise StoreError(f"cannot {what}: the store at {self.url} is open read-only")

    def _graph_request(self, method: str, graph: str, what: str, **kwargs: Any
                       ) -> httpx.Response:
        """A Graph Store Protocol request on one named graph."""
        return self._send(method, "store", what, params={"graph": graph}, **kwargs)

    # -- writing -------------------------------------------------------------------------
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """Replace the named graph `graph` with `quads` (their graph name is forced): one
        Graph Store Protocol PUT."""
        self._writes(f"write graph {graph}")
        triples = [q.triple for q in quads]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        response = self._graph_request("PUT", graph, f"could not write graph {graph}",
                                       content=body,
                                       headers={"Content-Type": "application/n-triples"})
        self._expect_ok(response, f"could not write graph {graph}")
        return len(triples)

    def extend(self, quads: list[ox.Quad]) -> None:
        """Add quads in one transaction (one SPARQL Update: all of them or none)."""
        self._writes(f"write {len(quads)} quads")
        if quads:
            self._update(insert_data(quads), f"could not write {len(quads)} quads")

    def update(self, text: str) -> None:
        """Run a SPARQL update (the server runs one request as one transaction)."""
        self._writes("update")
        self._update(text, "update failed")

    def _update(self, text: str, what: str) -> None:
        response = self._send("POST", "update", what, content=text.encode("utf-8"),
                              headers={"Content-Type": "application/sparql-update"})
        self._expect_ok(response, what)

    def _expect_ok(self, response: httpx.Response, what: str) -> None:
        if response.status_code >= 300:
            self._fail(response, what)

    def delete_graph(self, graph: str) -> bool:
        self._writes(f"delete graph {graph}")
        response = self._graph_request("DELETE", graph, f"could not delete graph {graph}")
        if response.status_code == 404:
            return False
        self._expect_ok(response, f"could not delete graph {graph}")
        return True

    def has_graph(self, graph: str) -> bool:
        """An ASK, not a Graph Store HEAD: `oxigraph serve` 0.5 answers HEAD on a missing graph
        with a body, which breaks the kept-alive connection for the next request."""
        name = _sparql_term(ox.NamedNode(graph))
        return bool(self.query(f"ASK {{ GRAPH {name} {{ }} }}", union=False))

    def bulk_load(self, path: Path, fmt: str = "nquads") -> None:
        """Load a dump (N-Quads or TriG) with one POST of the whole dataset to /store (an
        Oxigraph extension of the Graph Store Protocol)."""
        self._writes(f"load {path}")
        if fmt not in _MEDIA:
            raise StoreError(f"a remote store holds named graphs only: load N-Quads or TriG, "
                             f"not {fmt}")
        response = self._send("POST", "store", f"could not load {path}",
                              content=Path(path).read_bytes(),
                              headers={"Content-Type": _MEDIA[fmt]})
        self._expect_ok(response, f"could not load {path}")

    def clear(self) -> None:
        self.update("DROP ALL")

    def flush(self) -> None:
        """Nothing to do: the server persists each request."""

    def optimize(self) -> None:
        """Nothing to do: the server manages its own storage."""

    # -- reading -------------------------------------------------------------------------
    def query(self, text: str, substitutions: Mapping[str, Any] | None = None, *,
              union: bool = True, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None) -> Any:
        """Run SPARQL through the protocol; `substitutions` bind variables to RDF terms."""
        text = bind_values(text, substitutions or {})
        form: dict[str, Any] = {"query": text}
        if default_graph is not None:
            form["default-graph-uri"] = list(default_graph)
        if named_graphs is not None:
            form["named-graph-uri"] = list(named_graphs)
        params = {}
        if default_graph is None and named_graphs is None and union and \
                not declares_dataset(text):
            params["union-default-graph"] = ""
        response = self._send("POST", "query", "query failed", data=form, params=params,
                              headers={"Accept": _ACCEPT})
        if response.status_code == 400:  # the server's parser or evaluator refused it
            raise BadQuery(response.text.strip())
        self._expect_ok(response, "query failed")
        return _answer(response)

    def _rows(self, text: str) -> Iterator[Any]:
        """The solutions of a SELECT over explicit GRAPH patterns (no union needed)."""
        return iter(self.query(text, union=False))

    def named_graphs(self) -> list[str]:
        rows = self._rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(row["g"].value for row in rows)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        return self.quads_for(graph=ox.NamedNode(graph) if graph else None)

    def quads_for(self, subject: ox.NamedNode | None = None,
                  predicate: ox.NamedNode | None = None, obj: Any = None, *,
                  graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Quads of the named graphs matching a pattern (one SELECT)."""
        fixed = {"s": subject, "p": predicate, "o": obj, "g": graph}
        terms = {k: f"?{k}" if v is None else _sparql_term(v) for k, v in fixed.items()}
        text = (f"SELECT * WHERE {{ GRAPH {terms['g']} {{ "
                f"{terms['s']} {terms['p']} {terms['o']} }} }}")
        for row in self._rows(text):
            yield ox.Quad(*(row[k] if fixed[k] is None else fixed[k] for k in "spog"))

    def supported(self, predicate: ox.NamedNode, obj: Any, *, excluding: str) -> bool:
        """Whether some named graph but `excluding` holds a `?s predicate obj` triple."""
        text = (f"ASK {{ GRAPH ?g {{ ?s {_sparql_term(predicate)} {_sparql_term(obj)} }} "
                f"FILTER(?g != {_sparql_term(ox.NamedNode(excluding))}) }}")
        return bool(self.query(text, union=False))

    def supported_values(self, predicate: ox.NamedNode, objs: list[Any], *, excluding: str
                         ) -> set[str]:
        """`supported` for several objects in one SELECT (one round trip, not one each)."""
        if not objs:
            return set()
        values = " ".join(_sparql_term(o) for o in objs)
        text = (f"SELECT DISTINCT ?o WHERE {{ VALUES ?o {{ {values} }} GRAPH ?g {{ "
                f"?s {_sparql_term(predicate)} ?o }} "
                f"FILTER(?g != {_sparql_term(ox.NamedNode(excluding))}) }}")
        return {row["o"].value for row in self._rows(text)}

    def __len__(self) -> int:
        rows = list(self._rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0]["n"].value)
