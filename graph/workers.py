"""Running SPARQL from the HTTP endpoint with a hard time limit and a row limit.

pyoxigraph has no query timeout and no cancel (DESIGN.md, known hazards): a runaway query runs
until it ends, and a thread cannot be stopped. So a query that comes over HTTP runs in a worker
*process* (`QueryPool`); past its deadline the worker is killed and replaced, the caller gets
`QueryTimeout` (503), and the other workers keep answering. Each worker opens the on-disk store
with `Store.read_only`, which works while the server process holds it read-write; a read-only
handle is a snapshot, so a worker reopens it whenever the store's files changed (an ingest).

The in-memory store (tests, `KnowledgeGraph.in_memory()`) cannot be shared with another process:
`InProcessRunner` runs the same `execute` in the caller's thread, with the row limit but only a
soft time limit.

>>> from graph.store import GraphStore
>>> out = execute(GraphStore(None), QueryRequest("ASK { ?s ?p ?o }"))
>>> out.kind, out.body
('boolean', b'{"head":{},"boolean":false}')
"""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from graph.errors import QueryTimeout, StoreError, VnkgError
from graph.store import GraphStore

__all__ = [
    "GRAPH_FORMATS",
    "RESULTS_FORMATS",
    "InProcessRunner",
    "NotAcceptable",
    "QueryOutcome",
    "QueryPool",
    "QueryRequest",
    "QueryRunner",
    "execute",
    "query_runner",
]

# format key -> (pyoxigraph format, media type of the response)
RESULTS_FORMATS: dict[str, tuple[ox.QueryResultsFormat, str]] = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPH_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Prefixes for Turtle and JSON-LD output (the namespaces of ontology/MODEL.md).
PREFIXES = {
    "vnkg": "https://vnkg.org/ontology#", "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#", "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/", "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#", "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class NotAcceptable(VnkgError):
    status = 406
    code = "not_acceptable"


@dataclass(frozen=True)
class QueryRequest:
    """One SPARQL query as the protocol asks for it. A format of None means "not acceptable"."""

    text: str
    default_graph: tuple[str, ...] | None = None  # None: the union of the named graphs
    named_graphs: tuple[str, ...] | None = None
    results_format: str | None = "json"
    graph_format: str | None = "turtle"
    row_limit: int = 10_000


@dataclass(frozen=True)
class QueryOutcome:
    kind: str  # "solutions", "boolean" or "graph"
    body: bytes
    media_type: str
    rows: int
    truncated: bool


class QueryRunner(Protocol):
    def run(self, request: QueryRequest, timeout: float) -> QueryOutcome: ...

    def close(self) -> None: ...


# -- one query, wherever it runs ------------------------------------------------------------
def execute(store: GraphStore, request: QueryRequest) -> QueryOutcome:
    """Run `request` on `store` and serialise at most `row_limit` rows (or triples)."""
    result = store.query(request.text, default_graph=_list(request.default_graph),
                         named_graphs=_list(request.named_graphs))
    try:
        return _serialise(result, request)
    except VnkgError as err:
        error: VnkgError = err.with_traceback(None)
    except OSError as err:  # evaluation errors surface while iterating
        error = StoreError(f"query failed: {err}")
    # pyoxigraph results may only be dropped on the thread that made them: let go of it here,
    # not in a traceback that another thread frees.
    del result
    raise error


def _serialise(result: Any, request: QueryRequest) -> QueryOutcome:
    if isinstance(result, ox.QueryBoolean):
        fmt = _pick(RESULTS_FORMATS, request.results_format, "an ASK result")
        return QueryOutcome("boolean", result.serialize(format=fmt[0]), fmt[1], 1, False)
    if isinstance(result, ox.QuerySolutions):
        fmt = _pick(RESULTS_FORMATS, request.results_format, "SELECT results")
        return _solutions(result, fmt, request.row_limit)
    fmt = _pick(GRAPH_FORMATS, request.graph_format, "a graph (CONSTRUCT or DESCRIBE)")
    triples = []
    for triple in result:
        if len(triples) == request.row_limit:
            return QueryOutcome("graph", _graph(triples, fmt[0]), fmt[1], len(triples), True)
        triples.append(triple)
    return QueryOutcome("graph", _graph(triples, fmt[0]), fmt[1], len(triples), False)


def _list(values: tuple[str, ...] | None) -> list[str] | None:
    return list(values) if values is not None else None


def _pick(table: dict[str, Any], key: str | None, what: str) -> Any:
    if key is None or key not in table:
        kinds = ", ".join(v[1].split(";")[0] for v in table.values())
        raise NotAcceptable(f"{what} can be sent as {kinds}; the request accepts none of them")
    return table[key]


def _solutions(result: ox.QuerySolutions, fmt: tuple[ox.QueryResultsFormat, str],
               limit: int) -> QueryOutcome:
    """Rows up to the limit, as SPARQL JSON; other formats go through pyoxigraph's serialiser."""
    names = [v.value for v in result.variables]
    rows: list[dict[str, Any]] = []
    truncated = False
    for solution in result:
        if len(rows) == limit:
            truncated = True
            break
        rows.append({n: _term_json(solution[n]) for n in names if solution[n] is not None})
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt[0] != ox.QueryResultsFormat.JSON:
        body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(
            format=fmt[0])
    return QueryOutcome("solutions", body, fmt[1], len(rows), truncated)


def _term_json(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                        "predicate": _term_json(term.predicate),
                                        "object": _term_json(term.object)}}


def _graph(triples: list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    prefixes = PREFIXES if fmt != ox.RdfFormat.N_TRIPLES else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""


# -- in process (the in-memory store) ---------------------------------------------------------
class InProcessRunner:
    """Runs queries in the caller's thread: row limit yes, hard time limit no (memory store)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def run(self, request: QueryRequest, timeout: float) -> QueryOutcome:
        return execute(self.store, request)

    def close(self) -> None:
        pass


# -- in worker processes (the on-disk store) ------------------------------------------------
def _store_signature(path: Path) -> tuple[int, int]:
    """Changes whenever the store's files change (new data written, compaction)."""
    newest = count = 0
    for entry in os.scandir(path):
        count += 1
        try:
            newest = max(newest, entry.stat().st_mtime_ns)
        except FileNotFoundError:  # removed by a compaction meanwhile
            continue
    return newest, count


def _worker_main(conn: Any, path: str) -> None:
    """A worker's loop: answer requests on `conn` from a read-only handle kept fresh."""
    store: GraphStore | None = None
    signature = None
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        try:
            current = _store_signature(Path(path))
            if store is None or current != signature:
                store, signature = GraphStore(path, read_only=True), current
            reply: tuple[str, Any] = ("ok", execute(store, request))
        except VnkgError as err:
            reply = ("error", err)
        except Exception as err:  # never let a worker die on a bad query
            reply = ("error", StoreError(f"query failed: {err}"))
        conn.send(reply)


@dataclass
class _Worker:
    process: subprocess.Popen
    conn: Any


class QueryPool:
    """A few worker processes over the on-disk store; a query past its deadline kills its worker.

    Workers start on first use; a killed worker is replaced at once, so the pool keeps its size.
    """

    def __init__(self, path: Path | str, size: int = 2) -> None:
        self.path = str(path)
        self.size = max(1, size)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self.killed = 0  # workers stopped past their deadline (for logs and tests)

    def _spawn(self) -> _Worker:
        # A fresh interpreter (`python -m graph.workers`) rather than multiprocessing: nothing of
        # the server's state or its __main__ module is carried over; a socket carries the pickles.
        parent, child = socket.socketpair()
        process = subprocess.Popen(
            [sys.executable, "-m", "graph.workers", str(child.fileno()), self.path],
            pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL,
        )
        child.close()
        worker = _Worker(process, Connection(parent.detach()))
        self._workers.append(worker)
        return worker

    def _start(self) -> None:
        with self._lock:
            if self._closed:
                raise StoreError("the query pool is closed")
            if not self._started:
                for _ in range(self.size):
                    self._idle.put(self._spawn())
                self._started = True

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.wait(5)
        worker.conn.close()
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)
            if not self._closed:
                self._idle.put(self._spawn())

    def run(self, request: QueryRequest, timeout: float) -> QueryOutcome:
        """The outcome of `request`, or QueryTimeout once `timeout` seconds have passed."""
        self._start()
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"every query worker stayed busy for {timeout:g} s; "
                               "try again later") from None
        try:
            worker.conn.send(request)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self.killed += 1
                self._replace(worker)
                raise QueryTimeout(f"the query ran past the time limit of {timeout:g} s "
                                   "and was stopped; narrow it or add a LIMIT")
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            raise StoreError("the query worker stopped unexpectedly") from None
        self._idle.put(worker)
        if status == "error":
            raise payload
        return payload

    def close(self) -> None:
        """Stop every worker, idle or busy."""
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.process.kill()
            worker.process.wait(2)
            worker.conn.close()


def query_runner(store: GraphStore, workers: int = 2) -> QueryRunner:
    """Worker processes for an on-disk store, the caller's thread for an in-memory one."""
    if store.path is None:
        return InProcessRunner(store)
    return QueryPool(store.path, workers)


if __name__ == "__main__":  # a worker: `python -m graph.workers <socket fd> <store path>`
    from graph import workers  # the module by its own name, so pickles name graph.workers.*

    workers._worker_main(Connection(int(sys.argv[1])), sys.argv[2])
