"""Running SPARQL from the HTTP endpoint with a hard time limit and a row limit.

pyoxigraph has no query timeout and no cancel (DESIGN.md, known hazards): a runaway query runs
until it ends, and a thread cannot be stopped. So a query that comes over HTTP runs in a worker
*process* (`QueryPool`); past its deadline the worker is killed and replaced, the caller gets
`QueryTimeout` (503), and the other workers keep answering. Each worker opens the on-disk store
with `Store.read_only`, which works while the server process holds it read-write; a read-only
handle is a snapshot, so a worker reopens it whenever the store's files changed (an ingest).
On a remote store (graph/remote.py) the workers send the same queries over HTTP instead, under
the same deadline: the server answers from its live data, so there is nothing to reopen.

The REST lookups, exports and stats run there too, as a `ServiceCall` (a `KnowledgeGraph`
method and its arguments): a stuck request cannot hold a core of the server or block its
shutdown. Each worker caps its own address space (`RLIMIT_AS`, the `worker_memory_mb` setting),
so a query that would grow without bound fails in its worker (`QueryTooLarge`, 503) and the
server process stays small.

The in-memory store (tests, `KnowledgeGraph.in_memory()`) cannot be shared with another process:
`InProcessRunner` runs the same `execute` and `call` in the caller's thread, with the row limit
but only a soft time limit and no memory cap.

>>> from graph.store import GraphStore
>>> out = execute(GraphStore(None), QueryRequest("ASK { ?s ?p ?o }"))
>>> out.kind, out.body
('boolean', b'{"head":{},"boolean":false}')
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import pickle
import queue
import resource
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from graph.budget import MemoryWatch, address_space_mb, rss_mb
from graph.errors import BadQuery, QueryTimeout, StoreError, VnkgError
from graph.settings import Settings
from graph.store import Store, is_remote, open_store

__all__ = [
    "GRAPH_FORMATS",
    "RESULTS_FORMATS",
    "ClientGone",
    "InProcessRunner",
    "NotAcceptable",
    "QueryOutcome",
    "QueryPool",
    "QueryRequest",
    "QueryRunner",
    "QueryTooLarge",
    "ServiceCall",
    "call",
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


class ClientGone(VnkgError):
    """The client closed its connection: its query was stopped (no one reads this answer)."""

    status = 499
    code = "client_gone"


class QueryTooLarge(VnkgError):
    """A query or request needed more memory than a worker may have (or its worker died)."""

    status = 503
    code = "query_too_large"


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


# The KnowledgeGraph methods a ServiceCall may name: reads only (workers hold read-only stores).
SERVICE_METHODS = frozenset({"query", "entity", "stats", "export", "timeline", "worked_with",
                             "worked_with_hosts", "positions", "leaders", "sources", "profile",
                             "official_detail", "province_detail", "agency_detail",
                             "article_detail", "entity_detail", "events_page",
                             "answer_question", "counts"})


@dataclass(frozen=True)
class ServiceCall:
    """`KnowledgeGraph(settings).<method>(*args, **kwargs)`, run where the runner runs queries
    (a REST lookup, an export, the stats), so it has the same limits as a SPARQL query."""

    method: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    settings: Settings | None = None  # the caller's (base IRI, query folder); None: defaults


Job = QueryRequest | ServiceCall


class QueryRunner(Protocol):
    def run(self, request: QueryRequest, timeout: float, *, limit: float | None = None,
            gone: threading.Event | None = None) -> QueryOutcome: ...

    async def run_async(self, request: QueryRequest, timeout: float, *,
                        gone: threading.Event | None = None) -> QueryOutcome: ...

    def call(self, request: ServiceCall, timeout: float, *, limit: float | None = None,
             gone: threading.Event | None = None) -> Any: ...

    def start(self) -> None: ...

    def close(self) -> None: ...


# -- one query, wherever it runs ------------------------------------------------------------
def execute(store: Store, request: QueryRequest) -> QueryOutcome:
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


def call(store: Store, request: ServiceCall) -> Any:
    """Run a `ServiceCall` on a read-only `KnowledgeGraph` over `store`."""
    if request.method not in SERVICE_METHODS:
        raise BadQuery(f"{request.method!r} cannot run in a query worker; "
                       f"known: {', '.join(sorted(SERVICE_METHODS))}")
    from graph.service import KnowledgeGraph  # late: it brings spaCy (workers load it at start)

    kg = KnowledgeGraph(request.settings, store=store, read_only=True)
    return getattr(kg, request.method)(*request.args, **request.kwargs)


def perform(store: Store, job: Job) -> Any:
    """A job's answer: a `QueryOutcome` for a SPARQL request, the method's value for a call."""
    if isinstance(job, ServiceCall):
        return call(store, job)
    return execute(store, job)


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

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, request: QueryRequest, timeout: float, *, limit: float | None = None,
            gone: threading.Event | None = None) -> QueryOutcome:
        return execute(self.store, request)

    async def run_async(self, request: QueryRequest, timeout: float, *,
                        gone: threading.Event | None = None) -> QueryOutcome:
        return await asyncio.to_thread(execute, self.store, request)

    def call(self, request: ServiceCall, timeout: float, *, limit: float | None = None,
             gone: threading.Event | None = None) -> Any:
        return call(self.store, request)

    def start(self) -> None:
        pass

    def close(self) -> None:
        pass


# -- in worker processes (the on-disk store) ------------------------------------------------
class _StoreWatch:
    """Tells whether the store's files changed (new data written, a flush, a compaction) at
    the cost of a few `stat` calls per job, not one per file: the folder's mtime changes when
    files come or go, and then the write-ahead logs and manifests (the files RocksDB appends
    to in place) are listed again."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder: int | None = None
        self.appended: list[str] = []

    def signature(self) -> tuple[int, ...]:
        folder = os.stat(self.path).st_mtime_ns
        if folder != self.folder:
            self.folder = folder
            self.appended = sorted(e.path for e in os.scandir(self.path)
                                   if e.name.endswith(".log") or e.name.startswith("MANIFEST"))
        stamps = [folder]
        for name in self.appended:
            try:
                stamps.append(os.stat(name).st_mtime_ns)
            except FileNotFoundError:  # removed meanwhile: the folder's mtime says so next time
                stamps.append(-1)
        return tuple(stamps)


def _limit_memory(megabytes: int) -> None:
    """Cap this process's address space: past it an allocation fails (MemoryError in Python,
    an abort in Oxigraph's Rust), so a runaway query ends in its worker, not in the server."""
    if megabytes > 0:
        cap = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _too_large(megabytes: int) -> QueryTooLarge:
    return QueryTooLarge(f"the request needed more memory than a query worker may use "
                         f"({megabytes} MB, the worker_memory_mb setting) and was stopped; "
                         "narrow it (filters, a LIMIT, a smaller page)")


def _answer(store: Store, job: Job, megabytes: int) -> bytes:
    """The pickled reply to `job`: ("ok", value) or ("error", a VnkgError)."""
    try:
        # Pickled here, inside the try: pickling a large answer may run out of memory too.
        return pickle.dumps(("ok", perform(store, job)), protocol=pickle.HIGHEST_PROTOCOL)
    except VnkgError as err:
        reply: tuple[str, Any] = ("error", err.with_traceback(None))
    except MemoryError:
        reply = ("error", _too_large(megabytes))
    except Exception as err:  # never let a worker die on a bad query
        reply = ("error", StoreError(f"query failed: {type(err).__name__}: {err}"))
    return pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)


def _worker_main(conn: Any, path: str, megabytes: int = 0) -> None:
    """A worker's loop: say "ready", then answer jobs on `conn` from a read-only handle kept
    fresh (`path`: the store's folder, or a remote store's URL)."""
    _limit_memory(megabytes)
    # What a ServiceCall needs (the service brings spaCy: about a second) is imported before
    # the worker says it is ready, so no request's time limit pays for it.
    import graph.service  # noqa: F401

    gc.collect()
    gc.freeze()  # the imports' objects stay out of the collector's full passes (see api/app.py)
    conn.send(READY)
    store: Store | None = None
    signature = None
    watch = None if is_remote(path) else _StoreWatch(Path(path))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            current = None if watch is None else watch.signature()
            if store is None or current != signature:
                store, signature = None, None  # let the old handle go before the new opens
                store, signature = open_store(path, read_only=True), current
        except VnkgError as err:
            conn.send(("error", err))
            continue
        conn.send_bytes(_answer(store, job, megabytes))


HEADROOM = 0.75  # a worker past this share of its address-space cap after a job is replaced
READY = "ready"  # a worker's first message, once its imports are done
QUICK_JOB = 0.02  # seconds: a job this short is not followed by a look at its worker's memory
MEMORY_LOOK_EVERY = 32  # ... unless it is its worker's 32nd since the last look
GONE_POLL = 0.1  # seconds between looks at whether a job's client is still there
READY_WAIT = 60.0  # seconds a new worker may take to get ready


@dataclass(eq=False)  # compared and hashed as itself (the pool keeps a set of busy ones)
class _Worker:
    process: subprocess.Popen
    conn: Any
    over_budget: bool = False  # stopped by the pool's memory watch
    sent_at: float = 0.0  # when its current job was sent (time.monotonic)
    jobs: int = 0  # jobs answered

    def send(self, job: Any) -> None:
        self.sent_at = time.monotonic()
        self.conn.send(job)

    def worth_a_look(self) -> bool:
        """Whether to read its memory after this job: after a long one, which may have grown
        it, and after every MEMORY_LOOK_EVERY-th (two /proc reads cost a tenth of a small
        query; a short job cannot grow a process by much, many can)."""
        self.jobs += 1
        return (time.monotonic() - self.sent_at > QUICK_JOB
                or self.jobs % MEMORY_LOOK_EVERY == 0)


def _exit_code(process: subprocess.Popen, err: BaseException) -> int | None:
    """The exit code of a worker whose socket failed with `err`: a closed socket (EOF, a broken
    pipe) means it is going, so wait for it; any other fault leaves it running (None)."""
    if not isinstance(err, EOFError | ConnectionError):
        return process.poll()
    try:
        return process.wait(5)
    except subprocess.TimeoutExpired:
        return None


def _ready(worker: _Worker, wait: float = READY_WAIT) -> bool:
    """Wait for `worker`'s "ready"; False when it died (or said something else) first."""
    try:
        return bool(worker.conn.poll(wait)) and worker.conn.recv() == READY
    except (EOFError, OSError):
        return False


class QueryPool:
    """A few worker processes over the on-disk store; a job past its deadline kills its worker.

    Workers start on first use; a killed worker is replaced at once, so the pool keeps its size.
    """

    def __init__(self, path: Path | str, size: int = 2, memory_mb: int = 0,
                 budget_mb: int = 0) -> None:
        self.path = str(path)
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self.budget_mb = budget_mb  # all workers' resident memory together (0: unwatched)
        self._idle: queue.Queue[_Worker] = queue.LifoQueue()
        self._workers: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._watch = MemoryWatch(budget_mb, lambda: list(self._workers),
                                  lambda: list(self._busy), self._over_budget)
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self.killed = 0  # workers stopped past their deadline (for logs and tests)

    def _spawn(self) -> _Worker:
        # A fresh interpreter (`python -m graph.workers`) rather than multiprocessing: nothing of
        # the server's state or its __main__ module is carried over; a socket carries the pickles.
        parent, child = socket.socketpair()
        process = subprocess.Popen(
            [sys.executable, "-m", "graph.workers", str(child.fileno()), self.path,
             str(self.memory_mb)],
            pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL,
            # Few malloc arenas and one BLAS thread: each thread arena or BLAS buffer reserves
            # address space that counts against the worker's RLIMIT_AS without being used.
            env={**os.environ, "MALLOC_ARENA_MAX": "2", "OPENBLAS_NUM_THREADS": "1",
                 "OMP_NUM_THREADS": "1"},
        )
        child.close()
        worker = _Worker(process, Connection(parent.detach()))
        self._workers.append(worker)
        return worker

    def start(self) -> None:
        """Start the workers now (the app does at startup), not at the first job."""
        self._start()

    def _start(self) -> None:
        with self._lock:
            if self._closed:
                raise StoreError("the query pool is closed")
            if self._started:
                return
            workers = [self._spawn() for _ in range(self.size)]
            for worker in workers:
                if not _ready(worker):
                    worker.process.kill()
                    raise StoreError(
                        f"a query worker did not start (exit {worker.process.wait(5)}); with "
                        f"worker_memory_mb={self.memory_mb}, is the cap too small? (512 or more)")
                self._idle.put(worker)
            self._started = True
            self._watch.start()

    def _welcome(self, worker: _Worker) -> None:
        """Make a replacement worker available once it is ready (or dead: the job that takes
        it then gets an error and replaces it in turn)."""
        _ready(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> int | None:
        """Kill `worker` (if still running), start another; returns the dead one's exit code."""
        worker.process.kill()
        code = worker.process.wait(5)
        worker.conn.close()
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)
            if not self._closed:
                threading.Thread(target=self._welcome, args=(self._spawn(),), daemon=True
                                 ).start()
        return code

    def run(self, request: QueryRequest, timeout: float, *, limit: float | None = None,
            gone: threading.Event | None = None) -> QueryOutcome:
        """The outcome of `request`, or QueryTimeout once `timeout` seconds have passed (`limit`,
        the request's whole time limit, is what the message names; `timeout` by default). Once
        `gone` is set (the client went away), the job's worker is killed: ClientGone."""
        return self._submit(request, timeout, limit, gone)

    def call(self, request: ServiceCall, timeout: float, *, limit: float | None = None,
             gone: threading.Event | None = None) -> Any:
        """What the `KnowledgeGraph` method returns, under the same limits as `run`."""
        return self._submit(request, timeout, limit, gone)

    def _wait(self, worker: _Worker, deadline: float, gone: threading.Event | None) -> str:
        """"answered", "late" (past the deadline) or "gone" (the client went away)."""
        while True:
            verdict, left = _overdue(deadline, gone)
            if verdict:
                return verdict
            if worker.conn.poll(min(left, GONE_POLL) if gone is not None else left):
                return "answered"

    def _submit(self, job: Job, timeout: float, limit: float | None,
                gone: threading.Event | None = None) -> Any:
        self._start()
        limit = timeout if limit is None else limit
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=max(0.0, timeout))
        except queue.Empty:
            raise QueryTimeout(f"every query worker stayed busy for {limit:g} s; "
                               "try again later") from None
        self._busy.add(worker)
        try:
            worker.send(job)
            waited = self._wait(worker, deadline, gone)
        except (EOFError, OSError):
            waited = "dead"
        return self._reply(worker, waited, limit)

    async def run_async(self, request: QueryRequest, timeout: float, *,
                        gone: threading.Event | None = None) -> QueryOutcome:
        """`run` from the event loop without a thread: the job goes to an idle worker and the
        loop waits for the worker's socket to turn readable (when every worker is busy, the
        wait for one runs in a thread, as `run` does). Same limits, same errors."""
        self._start()
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            return await asyncio.to_thread(self._submit, request, timeout, None, gone)
        deadline = time.monotonic() + timeout
        self._busy.add(worker)
        try:
            worker.send(request)
            waited = await _readable(worker.conn, deadline, gone)
        except (EOFError, OSError):
            waited = "dead"
        return self._reply(worker, waited, timeout)

    def _reply(self, worker: _Worker, waited: str, limit: float) -> Any:
        """What the worker answered ("answered"), or the error for a late, abandoned or dead
        job, whose worker is replaced."""
        self._busy.discard(worker)
        if worker.over_budget:
            self._replace(worker)
            raise QueryTooLarge(
                f"the query workers together needed more than {self.budget_mb} MB (the "
                "workers_memory_mb setting) and this request was stopped; narrow it")
        if waited in ("late", "gone"):
            self.killed += 1
            self._replace(worker)
            if waited == "gone":
                raise ClientGone("the client went away; its query was stopped")
            raise QueryTimeout(f"the query ran past the time limit of {limit:g} s "
                               "and was stopped; narrow it or add a LIMIT")
        try:
            if waited != "answered":
                raise EOFError
            status, payload = worker.conn.recv()
        except (EOFError, OSError) as err:
            died = _exit_code(worker.process, err)  # None: alive, the fault is in the reading
            self._replace(worker)
            if self.memory_mb and died is not None and died < 0:  # killed by a signal (abort)
                raise _too_large(self.memory_mb) from None
            raise StoreError("the query worker stopped unexpectedly "
                             f"({f'exit {died}' if died is not None else err!r})") from None
        self._rest(worker)
        if status == "error":
            raise payload
        return payload

    def _rest(self, worker: _Worker) -> None:
        """Back to the idle ones; or replaced, when it kept more than its share of the budget
        (CPython does not give a large job's memory back to the system), or when a large job
        left it so much address space that the next one could meet its cap (a profile page
        failed so on a long-used server)."""
        pid = worker.process.pid
        if not worker.worth_a_look():
            self._idle.put(worker)
        elif (self.budget_mb and rss_mb(pid) > self.budget_mb / self.size) or \
                (self.memory_mb and address_space_mb(pid) > HEADROOM * self.memory_mb):
            self._replace(worker)
        else:
            self._idle.put(worker)

    def _over_budget(self, worker: _Worker) -> None:
        """The memory watch's verdict: stop this busy worker now (its request gets 503)."""
        if worker not in self._busy:  # it finished meanwhile
            return
        worker.over_budget = True
        self.killed += 1
        worker.process.kill()

    def close(self) -> None:
        """Stop every worker, idle or busy."""
        self._watch.stop()
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.process.kill()
            worker.process.wait(2)
            worker.conn.close()


def _overdue(deadline: float, gone: threading.Event | None) -> tuple[str | None, float]:
    """"gone" (the client went away) or "late" (past the deadline), else None; and the
    seconds left: what both waits for a worker's answer check between looks."""
    left = deadline - time.monotonic()
    if gone is not None and gone.is_set():
        return "gone", left
    return ("late" if left <= 0 else None), left


async def _readable(conn: Connection, deadline: float, gone: threading.Event | None) -> str:
    """`QueryPool._wait` on the event loop: "answered", "late" or "gone"."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    loop.add_reader(conn.fileno(), lambda: ready.done() or ready.set_result(None))
    try:
        while True:
            verdict, left = _overdue(deadline, gone)
            if verdict:
                return verdict
            done, _ = await asyncio.wait([ready], timeout=min(left, GONE_POLL))
            if done:
                return "answered"
    finally:
        loop.remove_reader(conn.fileno())
        # uvloop's readers leave the socket non-blocking, and `recv` of an answer larger than
        # the socket's buffer would then meet EAGAIN halfway through.
        os.set_blocking(conn.fileno(), True)


def query_runner(store: Store, workers: int = 2, memory_mb: int = 0,
                 budget_mb: int = 0) -> QueryRunner:
    """Worker processes for an on-disk or a remote store (each capped at `memory_mb`, all
    together watched against `budget_mb`; 0 for neither), the caller's thread for an
    in-memory one."""
    if store.location is None:
        return InProcessRunner(store)
    return QueryPool(store.location, workers, memory_mb, budget_mb)


if __name__ == "__main__":  # a worker: `python -m graph.workers <socket fd> <store path> [MB]`
    from graph import workers  # the module by its own name, so pickles name graph.workers.*

    workers._worker_main(Connection(int(sys.argv[1])), sys.argv[2],
                         int(sys.argv[3]) if len(sys.argv) > 3 else 0)
