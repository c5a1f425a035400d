"""The store: the embedded Oxigraph store (on disk by default, in memory for tests), or a
SPARQL 1.1 server (graph/remote.py) behind the same interface, `Store`; `open_store` picks one
from the `store` setting.

Per-article writes go through one SPARQL update (DROP GRAPH + INSERT DATA), which Oxigraph runs
as a single transaction: a failure leaves the previous graph in place. `bulk_load` is only for
rebuilding from a dump (fast, not transactional).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from graph.errors import BadQuery, StoreError

__all__ = ["FORMATS", "GraphStore", "Store", "bind_values", "declares_dataset", "is_remote",
           "open_store"]

FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}


def _first_brace(query: str) -> int:
    """Index of the first `{` outside comments, IRIs and strings (the outer WHERE group)."""
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch == "#":
            i = query.find("\n", i)
            if i < 0:
                break
        elif ch == "<":
            close = query.find(">", i)
            if close > 0 and not any(c.isspace() for c in query[i + 1:close]):
                i = close
        elif ch in "\"'":
            close = query.find(ch, i + 1)
            i = close if close > 0 else n
        elif ch == "{":
            return i
        i += 1
    raise BadQuery("the query has no WHERE group to bind parameters into")


def _tokens(query: str) -> Iterator[str]:
    """The keywords and names of a query, outside comments, IRIs and strings (a small lexer:
    enough to see its dataset clauses)."""
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
        elif ch == "<" and (close := query.find(">", i)) > 0 and not any(
                c.isspace() for c in query[i + 1:close]):
            i = close + 1
        elif ch in "\"'":
            quote = query[i:i + 3] if query[i:i + 3] in ('"""', "'''") else ch
            end = i + len(quote)
            while end < n and not query.startswith(quote, end):
                end += 2 if query[end] == "\\" else 1
            i = end + len(quote)
        elif ch.isalpha() and (i == 0 or query[i - 1] not in "?$:_-."):
            end = i
            while end < n and (query[end].isalnum() or query[end] in "_-"):
                end += 1
            yield query[i:end]
            i = end
        else:
            i += 1


def declares_dataset(query: str) -> bool:
    """Whether a query names its own dataset (`FROM` or `FROM NAMED`), which then replaces
    the union default graph.

    >>> declares_dataset("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }")
    True
    >>> declares_dataset('SELECT ?from WHERE { ?s <http://x/from> "FROM" } # FROM')
    False
    """
    if "from" not in query.lower():  # most queries: no lexing (it costs half a small query)
        return False
    return any(token.upper() == "FROM" for token in _tokens(query))


def bind_values(query: str, bindings: Mapping[str, Any]) -> str:
    """`query` with a VALUES block of RDF terms opening its outer WHERE group.

    Oxigraph's own `substitutions` only bind projected variables, so parameters that feed a
    FILTER or an aggregate are bound this way. A query whose parameters belong in a sub-query
    marks the place with a line `# params`. The terms are serialised by Oxigraph (escaped
    N-Triples syntax), never pasted user text; filters on parameters belong in the outer group.
    A list binds one row per item (lists of one length; a single value repeats in every row,
    a None item is UNDEF): several keys read in one query.

    >>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": "x"})
    'SELECT ?s WHERE { VALUES (?o) { ("x") } ?s ?p ?o }'
    >>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": ["x", "y"], "p": [None, "z"]})
    'SELECT ?s WHERE { VALUES (?o ?p) { ("x" UNDEF) ("y" "z") } ?s ?p ?o }'
    """
    if not bindings:
        return query
    names = " ".join(f"?{name}" for name in bindings)
    lengths = {len(v) for v in bindings.values() if isinstance(v, list)}
    if len(lengths) > 1:
        raise ValueError(f"list parameters of different lengths: {sorted(lengths)}")
    count = lengths.pop() if lengths else 1
    columns = [v if isinstance(v, list) else [v] * count for v in bindings.values()]
    rows = " ".join("(" + " ".join("UNDEF" if v is None else str(_term(v)) for v in row) + ")"
                    for row in zip(*columns, strict=True))
    values = f"VALUES ({names}) {{ {rows} }}"
    mark = re.search(r"^[ \t]*# params[ \t]*$", query, re.MULTILINE)
    if mark:  # a query that picks its items in a sub-query binds them there
        return f"{query[:mark.start()]}{values}{query[mark.end():]}"
    at = _first_brace(query) + 1
    return f"{query[:at]} {values}{query[at:]}"


def _term(value: Any) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    return ox.Literal(str(value))


class Store(Protocol):
    """What vnkg asks of a store: the embedded `GraphStore` and graph.remote's `RemoteStore`
    both give it, with pyoxigraph terms and results either way."""

    read_only: bool

    @property
    def location(self) -> str | None:
        """The folder or URL (None: in memory), which worker processes open again."""
        ...

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int: ...

    def extend(self, quads: list[ox.Quad]) -> None: ...

    def absent(self, quads: list[ox.Quad]) -> list[ox.Quad]: ...

    def update(self, text: str) -> None: ...

    def delete_graph(self, graph: str) -> bool: ...

    def has_graph(self, graph: str) -> bool: ...

    def bulk_load(self, path: Path, fmt: str = "nquads") -> None: ...

    def clear(self) -> None: ...

    def flush(self) -> None: ...

    def optimize(self) -> None: ...

    def query(self, text: str, substitutions: Mapping[str, Any] | None = None, *,
              union: bool = True, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None) -> Any: ...

    def select(self, text: str, substitutions: Mapping[str, Any] | None = None
               ) -> list[dict[str, Any]]: ...

    def named_graphs(self) -> list[str]: ...

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]: ...

    def quads_for(self, subject: ox.NamedNode | None = None,
                  predicate: ox.NamedNode | None = None, obj: Any = None, *,
                  graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]: ...

    def supported(self, predicate: ox.NamedNode, obj: Any, *, excluding: str) -> bool: ...

    def supported_values(self, predicate: ox.NamedNode, objs: list[Any], *, excluding: str
                         ) -> set[str]: ...

    def __len__(self) -> int: ...

    def dump(self, fmt: str = "nquads", graph: str | None = None) -> bytes: ...

    def dump_to(self, out: Path, fmt: str = "nquads") -> Path: ...


def is_remote(location: Path | str | None) -> bool:
    """Whether a `store` setting names a SPARQL server rather than a folder.

    >>> is_remote("http://127.0.0.1:7878"), is_remote("var/store"), is_remote(None)
    (True, False, False)
    """
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def open_store(location: Path | str | None, *, read_only: bool = False) -> Store:
    """The store a `store` setting names: a SPARQL 1.1 server for an http(s) URL, else the
    embedded store in that folder (in memory for None)."""
    if is_remote(location):
        from graph.remote import RemoteStore  # late: it brings an HTTP client

        return RemoteStore(str(location), read_only=read_only).check()
    return GraphStore(location, read_only=read_only)


class StoreReads:
    """The reads both stores build on their `query` and `quads`."""

    def absent(self, quads: list[ox.Quad]) -> list[ox.Quad]:
        """The quads among `quads` that the store may not hold yet, in order: those worth
        writing. Here all of them (a server's inserts are idempotent, and asking it first
        would cost a round trip); the embedded store looks each one up."""
        return list(quads)

    def supported_values(self, predicate: ox.NamedNode, objs: list[Any], *, excluding: str
                         ) -> set[str]:
        """The values among `objs` that some named graph but `excluding` holds a
        `?s predicate obj` triple of: `supported` for each (a remote store asks once)."""
        return {o.value for o in objs
                if self.supported(predicate, o, excluding=excluding)}  # type: ignore[attr-defined]

    def select(self, text: str, substitutions: Mapping[str, Any] | None = None
               ) -> list[dict[str, Any]]:
        """SELECT rows as dicts of plain Python values (IRIs and literals as strings)."""
        result = self.query(text, substitutions)  # type: ignore[attr-defined]
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                term = solution[name]
                row[name] = None if term is None else term.value
            rows.append(row)
        return rows

    def dump_to(self, out: Path, fmt: str = "nquads") -> Path:
        """Stream the whole store to the file `out`, quad by quad in the store's own order:
        never the whole in memory (an export of a large store), unlike the sorted `dump`."""
        if fmt not in FORMATS:
            raise BadQuery(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS)}")
        quads = self.quads()  # type: ignore[attr-defined]
        items = quads if fmt in ("nquads", "trig") else (q.triple for q in quads)
        with open(out, "wb") as file:
            ox.serialize(items, file, format=FORMATS[fmt])
        return out

    def dump(self, fmt: str = "nquads", graph: str | None = None) -> bytes:
        """Serialise the store (or one graph) sorted, so equal content dumps equal bytes."""
        if fmt not in FORMATS:
            raise BadQuery(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS)}")
        quads = self.quads(graph)  # type: ignore[attr-defined]
        if fmt in ("nquads", "trig") and graph is None:
            return ox.serialize(sorted(quads, key=str), format=FORMATS[fmt]) or b""
        triples = sorted((q.triple for q in quads), key=str)
        return ox.serialize(triples, format=FORMATS[fmt]) or b""


class GraphStore(StoreReads):
    """A pyoxigraph store whose default graph, when querying, is the union of named graphs."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path else None
        self.read_only = read_only
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(
                    f"the store at {self.path} is in use by another process (a running `vnkg "
                    f"serve` or `vnkg ingest`?): stop it first; `vnkg query`, `export` and "
                    f"`stats` can read it meanwhile") from err
            raise StoreError(f"cannot open the store at {self.path}: {err}") from err

    @property
    def location(self) -> str | None:
        return str(self.path) if self.path is not None else None

    # -- writing -------------------------------------------------------------------------
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """Replace the named graph `graph` with `quads` (their graph name is forced), atomically."""
        name = ox.NamedNode(graph)
        lines = []
        for quad in quads:
            lines.append(f"{quad.subject} {quad.predicate} {quad.object} .")
        update = f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n" + \
            "\n".join(lines) + "\n} }"
        try:
            self._store.update(update)
        except (OSError, SyntaxError) as err:
            raise StoreError(f"could not write graph {graph}: {err}") from err
        return len(lines)

    def absent(self, quads: list[ox.Quad]) -> list[ox.Quad]:
        """The quads among `quads` that the store does not hold, in order. Oxigraph writes
        every quad it is given, held or not, to six indexes, and each write is compacted
        again later: a lookup (some 6 µs) costs less than writing a quad again."""
        return [quad for quad in quads if quad not in self._store]

    def extend(self, quads: list[ox.Quad]) -> None:
        """Add quads in one transaction (Oxigraph's `extend`: all of them or none)."""
        try:
            self._store.extend(quads)
        except OSError as err:
            raise StoreError(f"could not write {len(quads)} quads: {err}") from err

    def update(self, text: str) -> None:
        """Run a SPARQL update (Oxigraph runs it as one transaction)."""
        try:
            self._store.update(text)
        except (OSError, SyntaxError) as err:
            raise StoreError(f"update failed: {err}") from err

    def delete_graph(self, graph: str) -> bool:
        name = ox.NamedNode(graph)
        if not self._store.contains_named_graph(name):
            return False
        self._store.remove_graph(name)
        return True

    def has_graph(self, graph: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def bulk_load(self, path: Path, fmt: str = "nquads") -> None:
        """Load a dump fast (not transactional: use for rebuilds only)."""
        self._store.bulk_load(path=str(path), format=FORMATS[fmt])

    def clear(self) -> None:
        self._store.clear()

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()

    def optimize(self) -> None:
        """Compact the on-disk store (merge RocksDB's files): reads get faster after a bulk of
        writes. Minutes on a store of gigabytes; nothing to do in memory or read-only."""
        if self.path is not None and not self.read_only:
            self._store.optimize()

    # -- reading -------------------------------------------------------------------------
    def query(self, text: str, substitutions: Mapping[str, Any] | None = None, *,
              union: bool = True, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None) -> Any:
        """Run SPARQL; `substitutions` bind variables to RDF terms (see `bind_values`)."""
        text = bind_values(text, substitutions or {})
        kwargs: dict[str, Any] = {}
        if default_graph is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        elif named_graphs is not None:  # the protocol's dataset: no default graph was named
            kwargs["default_graph"] = []
        else:  # the query's own FROM / FROM NAMED, when it has them, else the union
            kwargs["use_default_graph_as_union"] = union and not declares_dataset(text)
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._store.query(text, **kwargs)
        except SyntaxError as err:
            raise BadQuery(str(err)) from err
        except OSError as err:
            raise StoreError(f"query failed: {err}") from err

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None,
                                             ox.NamedNode(graph) if graph else None)

    def dump_to(self, out: Path, fmt: str = "nquads") -> Path:
        """As `StoreReads.dump_to`; a dataset format (N-Quads, TriG) by Oxigraph's own dump,
        which streams from the indexes without a Python object per quad."""
        if fmt in ("nquads", "trig"):
            self._store.dump(str(out), FORMATS[fmt])
            return out
        return super().dump_to(out, fmt)

    def quads_for(self, subject: ox.NamedNode | None = None,
                  predicate: ox.NamedNode | None = None, obj: Any = None, *,
                  graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Quads matching a pattern, straight from the store's indexes (no SPARQL)."""
        return self._store.quads_for_pattern(subject, predicate, obj, graph)

    def supported(self, predicate: ox.NamedNode, obj: Any, *, excluding: str) -> bool:
        """Whether some named graph but `excluding` holds a `?s predicate obj` triple: one
        (predicate, object) index lookup, stopping at the first other graph."""
        for quad in self._store.quads_for_pattern(None, predicate, obj, None):
            graph = quad.graph_name
            if isinstance(graph, ox.NamedNode) and graph.value != excluding:
                return True
        return False

    def __len__(self) -> int:
        return len(self._store)
