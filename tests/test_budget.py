"""The query workers' memory budget (graph/budget.py): the watch stops the largest busy worker
once all of them hold more than `workers_memory_mb`, and its request gets a 503 that says so.
(tests/test_scale_limits.py shows the budget keeping a real server under 1 GB.)"""

from __future__ import annotations

import os
import time
from types import SimpleNamespace

from graph.budget import MemoryWatch, rss_mb
from tests.test_limits import _disk_app


def _worker(pid: int) -> SimpleNamespace:
    return SimpleNamespace(process=SimpleNamespace(pid=pid))


def test_the_watch_stops_the_largest_busy_worker_past_the_budget():
    me, gone, idle = _worker(os.getpid()), _worker(2**22 + 1), _worker(os.getpid())
    stopped: list = []
    watch = MemoryWatch(1, lambda: [me, gone, idle], lambda: [gone, me], stopped.append)
    assert watch.check() is me and stopped == [me]  # the idle one is never stopped
    roomy = MemoryWatch(int(3 * rss_mb(os.getpid())) + 100, lambda: [me, idle],
                        lambda: [me], stopped.append)
    assert roomy.check() is None and stopped == [me]


def test_a_busy_worker_within_its_share_is_left_alone():
    """Over the budget because of the idle ones (a worker starting, one grown idle): the
    request at hand did not cause it, and is not stopped."""
    me, small = _worker(os.getpid()), _worker(2**22 + 1)  # the second holds nothing
    stopped: list = []
    budget = int(1.5 * rss_mb(os.getpid()))  # two of me are over it; its share is 0.5 of me
    watch = MemoryWatch(budget, lambda: [me, me, small], lambda: [small], stopped.append)
    assert watch.check() is None and stopped == []


def test_a_request_over_the_budget_gets_503_and_the_server_goes_on(tmp_path):
    """A budget below what two idle workers hold: a long job is stopped within a look of the
    watch (0.1 s), long before its time limit."""
    with _disk_app(tmp_path, ("officials",), workers_memory_mb=100, query_timeout=30.0
                   ) as client:
        started = time.monotonic()
        response = client.get("/api/officials")
        assert time.monotonic() - started < 5
        assert response.status_code == 503
        assert response.json() == {
            "error": "query_too_large",
            "message": "the query workers together needed more than 100 MB (the "
                       "workers_memory_mb setting) and this request was stopped; narrow it"}
        assert client.app.state.query_runner.killed == 1
        pool = client.app.state.query_runner
        pool.budget_mb = pool._watch.budget_mb = 0  # no budget now: the next request is answered
        response = client.get("/api/articles")
        assert response.status_code == 200, response.text


def _near_cap_pool(tmp_path, monkeypatch, quick_job: float):
    """A one-worker pool in which any worker counts as near its address-space cap and a job
    shorter than `quick_job` seconds counts as quick."""
    import gc

    import graph.workers
    from tests.test_limits import _disk_graph

    monkeypatch.setattr(graph.workers, "HEADROOM", 0.0)
    monkeypatch.setattr(graph.workers, "QUICK_JOB", quick_job)
    kg = _disk_graph(tmp_path)
    kg.close()
    del kg
    gc.collect()
    pool = graph.workers.QueryPool(tmp_path / "store", size=1, memory_mb=2048)
    pool.start()
    return pool


def test_a_worker_left_near_its_address_space_cap_is_replaced_after_its_job(tmp_path,
                                                                          monkeypatch):
    """So that the next job does not meet the cap (every job counts as long here)."""
    from tests.test_limits import HOSTS, WORKED
    from tests.test_sparql_fast_path import _hosts, _request

    pool = _near_cap_pool(tmp_path, monkeypatch, quick_job=0.0)
    try:
        first = pool._workers[0].process.pid
        assert _hosts(pool.run(_request(WORKED), 30)) == HOSTS
        assert [w.process.pid for w in pool._workers] != [first]  # replaced
        assert _hosts(pool.run(_request(WORKED), 30)) == HOSTS  # and the next job is answered
    finally:
        pool.close()


def test_quick_jobs_are_followed_by_a_memory_look_every_32nd_job(tmp_path, monkeypatch):
    """A quick job is not followed by the /proc reads, except its worker's 32nd."""
    from graph.workers import MEMORY_LOOK_EVERY
    from tests.test_limits import HOSTS, WORKED
    from tests.test_sparql_fast_path import _hosts, _request

    pool = _near_cap_pool(tmp_path, monkeypatch, quick_job=60.0)
    try:
        first = pool._workers[0].process.pid
        for _ in range(MEMORY_LOOK_EVERY - 1):
            assert _hosts(pool.run(_request(WORKED), 30)) == HOSTS
        assert [w.process.pid for w in pool._workers] == [first]  # not looked at
        assert _hosts(pool.run(_request(WORKED), 30)) == HOSTS
        assert MEMORY_LOOK_EVERY == 32
        assert [w.process.pid for w in pool._workers] != [first]  # the 32nd: replaced
    finally:
        pool.close()
