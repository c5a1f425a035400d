"""`GET /sparql?query=` runs on the event loop without a thread (`QueryPool.run_async`): the
client that goes away still stops its query within a second, a query past the limit still gets
503, and when every worker is busy the request waits for one instead of failing."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import quote

import pytest

from api.sparql import _formats
from graph.errors import QueryTimeout
from graph.workers import QueryPool, QueryRequest
from tests.test_limits import HOSTS, ROOT, RUNAWAY, WORKED, _disk_graph, _wait_for, leave_mid_query


def _request(text: str) -> QueryRequest:
    results, graphs = _formats("application/sparql-results+json", [])
    return QueryRequest(text=text, default_graph=None, named_graphs=None,
                        results_format=results, graph_format=graphs, row_limit=1000)


def _hosts(outcome) -> list[str]:
    import json

    rows = json.loads(outcome.body)["results"]["bindings"]
    return [row["host"]["value"] for row in rows]


@pytest.fixture
def store(tmp_path):
    kg = _disk_graph(tmp_path)
    kg.close()
    del kg
    gc.collect()
    return tmp_path / "store"


def test_a_query_runs_on_the_loop_and_a_runaway_one_stops_at_its_limit(store):
    pool = QueryPool(store, size=1)
    try:
        assert _hosts(asyncio.run(pool.run_async(_request(WORKED), 10))) == HOSTS
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="past the time limit of 1 s"):
            asyncio.run(pool.run_async(_request(RUNAWAY), 1))
        assert time.monotonic() - started < 2 and pool.killed == 1
        assert _hosts(asyncio.run(pool.run_async(_request(WORKED), 30))) == HOSTS  # replaced
    finally:
        pool.close()


def test_with_every_worker_busy_the_query_waits_for_one(store):
    pool = QueryPool(store, size=1)
    try:
        pool.start()
        errors: list[Exception] = []

        def runaway() -> None:
            try:
                pool.run(_request(RUNAWAY), 1.5)
            except QueryTimeout as err:
                errors.append(err)

        busy = threading.Thread(target=runaway)
        busy.start()
        time.sleep(0.3)  # the one worker is running the runaway query
        outcome = asyncio.run(pool.run_async(_request(WORKED), 30))
        busy.join()
        assert _hosts(outcome) == HOSTS and pool.killed == 1 and len(errors) == 1
    finally:
        pool.close()


def test_a_sparql_client_that_goes_away_stops_its_query(store):
    """On a real `vnkg serve`: the worker running a disconnected client's GET /sparql query
    is killed within a second."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "VNKG_QUERY_TIMEOUT": "60"}
    server = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--store", str(store),
                               "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(f"http://127.0.0.1:{port}", server)
        leave_mid_query(server, port, f"GET /sparql?query={quote(RUNAWAY)} HTTP/1.1\r\n"
                        "Host: x\r\n\r\n".encode())
    finally:
        server.terminate()
        server.wait(10)


ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def test_a_large_answer_arrives_whole_on_the_servers_event_loop(store):
    """`vnkg serve` runs on uvloop, whose readers leave the worker's socket non-blocking: an
    answer larger than the socket's buffer then arrived in pieces and its reader met EAGAIN
    (a 503 "needed more memory" on a loaded machine). Read on uvloop, it arrives whole, and
    the worker serves the next query."""
    uvloop = pytest.importorskip("uvloop")
    pool = QueryPool(store, size=1)
    expected = json.loads(pool.run(_request(ALL_QUADS), 30).body)
    try:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            for _ in range(3):
                outcome = runner.run(pool.run_async(_request(ALL_QUADS), 30))
                assert json.loads(outcome.body) == expected
            assert _hosts(runner.run(pool.run_async(_request(WORKED), 30))) == HOSTS
        assert len(outcome.body) > 200_000 and pool.killed == 0  # past the buffer
    finally:
        pool.close()
