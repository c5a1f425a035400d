"""Every request's work is bounded: REST lookups, exports and stats run in the query workers
under the time limit (503 past it, while other requests are answered), a worker over its memory
cap fails cleanly, and lists page in the query itself (exact slices, `next`).

The runaway named queries come in through the `query_dir` setting: a copy of queries/ in which
one file is replaced by a query that never ends in time."""

from __future__ import annotations

import gc
import json
import os
import pickle
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.errors import BadQuery, QueryTimeout
from graph.queries import QUERY_DIR
from tests.api_graph import ingest_api_articles

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://vnkg.org/id"
# Counting a cross product of every quad with itself three times: in constant memory, it
# never ends in time on a graph of this size.
RUNAWAY = """PREFIX vnkg: <https://vnkg.org/ontology#>
SELECT ?official ?label ?articles WHERE {
  { SELECT (COUNT(*) AS ?articles) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } }
}
"""
# GROUP_CONCAT over a cross product: a string that grows until the memory cap stops it.
GREEDY = ("SELECT (GROUP_CONCAT(?t) AS ?x) WHERE { ?s ?p ?t . "
          "FILTER(isLiteral(?t) && STRLEN(?t) > 40) ?d ?e ?f . ?g ?h ?i }")
WORKED = ("PREFIX vnkg: <https://vnkg.org/ontology#>\n"
          "SELECT DISTINCT ?host WHERE { ?who vnkg:workedWith ?host } ORDER BY ?host")
HOSTS = [f"{BASE}/province/cao-bang", f"{BASE}/province/ha-giang", f"{BASE}/province/lang-son"]


def _disk_graph(tmp_path: Path, runaway: tuple[str, ...] = (), **settings_overrides):
    """A graph in an on-disk store of the API test articles, whose named queries are a copy
    of queries/ with the `runaway` ones replaced by RUNAWAY."""
    from graph.service import KnowledgeGraph
    from graph.settings import Settings

    queries = tmp_path / "queries"
    shutil.copytree(QUERY_DIR, queries)
    settings = Settings(store=tmp_path / "store", query_dir=queries, **settings_overrides)
    kg = ingest_api_articles(KnowledgeGraph(settings))  # ingests with the real queries
    for name in runaway:  # the same header (title, parameters), a runaway body
        path = queries / f"{name}.rq"
        header = [line for line in path.read_text(encoding="utf-8").splitlines()
                  if line.startswith("#")]
        path.write_text("\n".join(header) + "\n" + RUNAWAY, encoding="utf-8")
    return kg


def _disk_app(tmp_path: Path, runaway: tuple[str, ...] = (), **settings_overrides):
    """An app over `_disk_graph`."""
    kg = _disk_graph(tmp_path, runaway, **settings_overrides)
    return TestClient(create_app(kg.settings, kg=kg))


def _hosts(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["host"]["id"] for item in response.json()["items"]]


def test_a_rest_route_past_the_time_limit_gets_503_while_others_are_answered(tmp_path):
    with _disk_app(tmp_path, ("officials",), query_timeout=3.0) as client:
        # Warm one worker: the runaway request takes the other, this one answers meanwhile.
        assert _hosts(client.get("/api/officials/le-thanh-trung/worked-with")) == [
            "cao-bang", "lang-son", "ha-giang"]
        outcome = {}
        runaway = threading.Thread(target=lambda: outcome.update(
            response=client.get("/api/officials")))
        runaway.start()
        time.sleep(0.5)  # let the runaway query reach its worker
        meanwhile = client.get("/api/officials/le-thanh-trung/worked-with")
        sparql = client.get("/sparql", params={"query": WORKED})
        still_running = runaway.is_alive()
        runaway.join(60)
        assert still_running, "the runaway query should still be running"
        assert _hosts(meanwhile) == ["cao-bang", "lang-son", "ha-giang"]
        assert [b["host"]["value"] for b in sparql.json()["results"]["bindings"]] == HOSTS
        response = outcome["response"]
        assert response.status_code == 503
        assert response.json() == {
            "error": "query_timeout",
            "message": "the query ran past the time limit of 3 s and was stopped; narrow it "
                       "or add a LIMIT"}
        assert client.app.state.query_runner.killed == 1
        assert [a["id"] for a in client.get("/api/articles").json()["items"]] == [
            "api-001", "api-002"]


@pytest.mark.parametrize("url", ["/api/export?format=graphml", "/api/stats/activity.png"],
                         ids=["export", "chart"])
def test_exports_and_the_chart_past_the_time_limit_get_503(tmp_path, url):
    with _disk_app(tmp_path, ("projection_edges", "stats_edges"), query_timeout=2.0) as client:
        response = client.get(url)
        assert response.status_code == 503
        assert response.json()["error"] == "query_timeout"
        assert "time limit of 2 s" in response.json()["message"]
        assert client.app.state.query_runner.killed == 1
        assert _hosts(client.get("/api/officials/le-thanh-trung/worked-with")) == [
            "cao-bang", "lang-son", "ha-giang"]


def test_stats_past_the_time_limit_answer_their_counts_and_say_why(tmp_path):
    """The counts are index lookups; the analytics that run away are stopped at the limit."""
    with _disk_app(tmp_path, ("stats_edges",), query_timeout=2.0) as client:
        response = client.get("/api/stats")
        assert response.status_code == 200
        assert response.json() == {
            "articles": 2,
            "entities": {"PROVINCE": 97, "ORGANIZATION": 4, "PERSON": 2, "BORDER_GATE": 1,
                         "DOCUMENT": 1, "EVENT": 1, "ZONE": 1},
            "analytics_stopped": "the rankings, centrality and activity did not finish within "
                                 "the time limit of 2 s; narrow them with from, to, relation, "
                                 "type or around"}
        assert client.app.state.query_runner.killed == 1


def test_a_page_whose_later_query_runs_away_gets_503(tmp_path):
    """An official's page runs `label`, then `official_posts` (the runaway here)."""
    with _disk_app(tmp_path, ("official_posts",), query_timeout=2.0) as client:
        started = time.monotonic()
        response = client.get("/api/officials/le-thanh-trung")
        assert response.status_code == 503
        assert time.monotonic() - started < 2.0 + 1.5  # the limit, plus the kill and a margin
        assert "time limit of 2 s" in response.json()["message"]


def _request(limit: float, used: float | None) -> SimpleNamespace:
    state = SimpleNamespace() if used is None else SimpleNamespace(
        vnkg_started=time.monotonic() - used)
    return SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(
        settings=SimpleNamespace(query_timeout=limit))), state=state)


def test_the_time_limit_is_the_requests_not_each_querys():
    """A page that runs several queries gets the limit once: each query gets what is left."""
    from api.limits import _time_left

    fresh = _request(2.0, None)
    left, limit = _time_left(fresh)
    assert limit == 2.0 and 1.9 < left <= 2.0
    assert fresh.state.vnkg_started  # the clock started with the first query
    left, _ = _time_left(_request(2.0, 1.5))
    assert 0.3 < left <= 0.5
    with pytest.raises(QueryTimeout, match="the request ran past the time limit of 2 s"):
        _time_left(_request(2.0, 2.1))


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (the server's query workers)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def test_a_client_that_goes_away_stops_its_query(tmp_path):
    """On a real `vnkg serve`: the client of a runaway REST request disconnects, and within a
    second the worker running its query is killed (and replaced); the server answers on."""
    kg = _disk_graph(tmp_path, ("officials",))
    kg.close()
    del kg
    gc.collect()  # the store must be free before the server opens it
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "VNKG_QUERY_DIR": str(tmp_path / "queries"),
           "VNKG_QUERY_TIMEOUT": "60"}
    server = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--store",
                               str(tmp_path / "store"), "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, server)
        workers = _children(server.pid)
        assert len(workers) == 2
        leave_mid_query(server, port, b"GET /api/officials HTTP/1.1\r\nHost: localhost\r\n\r\n")
        with urllib.request.urlopen(f"{url}/api/articles", timeout=10) as answer:
            assert [a["id"] for a in json.load(answer)["items"]] == ["api-001", "api-002"]
    finally:
        server.terminate()
        server.wait(10)


def leave_mid_query(server: subprocess.Popen, port: int, request: bytes) -> None:
    """Send `request` (a runaway query), leave once it runs, and check that within a second
    the worker running it is killed (and one of the server's two workers stays)."""
    workers = _children(server.pid)
    client = socket.create_connection(("127.0.0.1", port))
    client.sendall(request)
    time.sleep(1.0)
    assert _children(server.pid) == workers  # the runaway query is running
    client.close()
    gone = time.monotonic()
    while _children(server.pid) & workers == workers and time.monotonic() - gone < 5:
        time.sleep(0.05)
    assert time.monotonic() - gone < 1.0, "the query should stop within a second"
    assert len(_children(server.pid) & workers) == 1


def _wait_for(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/meta", timeout=2).read()
            return
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "no server"
            time.sleep(0.2)


def test_a_worker_over_its_memory_cap_fails_cleanly(tmp_path):
    # 700: an idle worker maps 250 to 470 MB of address space; under a cap much closer to
    # that, a small query can fail to start a thread in the other worker
    with _disk_app(tmp_path, worker_memory_mb=700, query_timeout=60.0) as client:
        response = client.get("/sparql", params={"query": GREEDY})
        assert response.status_code == 503
        assert response.json() == {
            "error": "query_too_large",
            "message": "the request needed more memory than a query worker may use (700 MB, "
                       "the worker_memory_mb setting) and was stopped; narrow it (filters, a "
                       "LIMIT, a smaller page)"}
        # The worker is replaced; the server and the other requests go on.
        response = client.get("/sparql", params={"query": WORKED})
        assert response.status_code == 200, response.text
        answer = response.json()
        assert [b["host"]["value"] for b in answer["results"]["bindings"]] == HOSTS
        assert _hosts(client.get("/api/officials/le-thanh-trung/worked-with")) == [
            "cao-bang", "lang-son", "ha-giang"]


def test_a_memory_error_in_python_is_answered_not_fatal(monkeypatch):
    """Python code (the projection, the analytics) past the cap raises MemoryError: the worker
    answers with the same error and lives on."""
    from graph import workers

    def greedy(store, job):
        raise MemoryError

    monkeypatch.setattr(workers, "perform", greedy)
    status, error = pickle.loads(workers._answer(None, workers.ServiceCall("stats"), 512))
    assert (status, type(error), error.status) == ("error", workers.QueryTooLarge, 503)
    assert "(512 MB, the worker_memory_mb setting)" in error.message


# -- paging in the query ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def api_client():
    from graph.service import KnowledgeGraph

    kg = ingest_api_articles(KnowledgeGraph.in_memory())
    with TestClient(create_app(kg=kg)) as client:
        yield client


# The first legacy provinces in the order of provinces.rq (by label, code point order).
LEGACY = ["an-giang", "ba-ria-vung-tau", "binh-duong", "binh-phuoc", "binh-thuan", "binh-dinh",
          "bac-lieu", "bac-giang"]


@pytest.mark.parametrize(("params", "items", "following"), [
    ({"limit": 3}, LEGACY[:3], 3),
    ({"limit": 3, "offset": 3}, LEGACY[3:6], 6),
    ({"limit": 2, "offset": 6}, LEGACY[6:8], 8),
    ({"limit": 5, "offset": 60}, ["dak-nong", "dong-nai", "dong-thap"], None),
    ({"limit": 3, "offset": 63}, [], None),
    ({"limit": 63}, None, None),
], ids=["first", "second", "third", "last", "past-the-end", "exactly-all"])
def test_provinces_page_in_the_query(api_client, params, items, following):
    answer = api_client.get("/api/provinces", params={"era": "legacy", **params}).json()
    if items is not None:
        assert [p["id"] for p in answer["items"]] == items
    else:
        assert len(answer["items"]) == 63
    assert (answer["limit"], answer["offset"], answer["next"]) == (
        params["limit"], params.get("offset", 0), following)


def test_following_next_walks_the_whole_list_once(api_client):
    seen, offset = [], 0
    while offset is not None:
        answer = api_client.get("/api/provinces", params={"era": "2025", "limit": 10,
                                                          "offset": offset}).json()
        seen += [p["id"] for p in answer["items"]]
        offset = answer["next"]
    everything = api_client.get("/api/provinces", params={"era": "2025", "limit": 1000}).json()
    assert seen == [p["id"] for p in everything["items"]]
    assert len(seen) == len(set(seen)) == 34


@pytest.mark.parametrize(("url", "params", "pages"), [
    ("/api/articles", {}, [["api-001"], ["api-002"], []]),
    ("/api/agencies", {}, [["bo-nong-nghiep-va-phat-trien-nong-thon"], ["cuc-thu-y"],
                           ["ubnd-tinh-cao-bang"], ["ubnd-tinh-ha-giang"], []]),
    ("/api/search", {"q": "cao bang"}, [["2025/cao-bang"], ["cao-bang"],
                                        ["ubnd-tinh-cao-bang"],
                                        ["khu-kinh-te-cua-khau-cao-bang"], []]),
    ("/api/search", {"q": "cao bang", "type": "PROVINCE"}, [["2025/cao-bang"], ["cao-bang"],
                                                            []]),
    ("/api/officials/le-thanh-trung/worked-with", {}, [["cao-bang"], ["lang-son"],
                                                       ["ha-giang"], []]),
], ids=["articles", "agencies", "search", "search-by-type", "worked-with"])
def test_every_list_pages_one_item_at_a_time(api_client, url, params, pages):
    for offset, expected in enumerate(pages):
        answer = api_client.get(url, params={**params, "limit": 1, "offset": offset}).json()
        got = [item["host"]["id"] if "host" in item else item["id"] for item in answer["items"]]
        assert got == expected
        assert answer["next"] == (offset + 1 if offset + 1 < len(pages) - 1 else None)


def test_events_page_whole_events(api_client):
    """An event gathers several rows (one per member): pages hold whole events."""
    pages = [api_client.get("/api/events", params={"limit": 4, "offset": offset}).json()
             for offset in (0, 4)]
    assert [[(e["kind"], e["date"], len(e["members"])) for e in page["items"]]
            for page in pages] == [
        [("Event", "2024-04-20", 3), ("WorkingSession", "2024-04-18/2024-04-19", 3),
         ("WorkingSession", "2024-03-12", 3), ("WorkingSession", "2024-03-11", 3)],
        [("Visit", "2024-03-11", 2), ("WorkingSession", "2024-03", 3)]]  # newest first
    assert [page["next"] for page in pages] == [4, None]


def test_named_query_paging_is_in_the_query_text():
    from graph.service import KnowledgeGraph

    kg = KnowledgeGraph.in_memory()
    text = kg.bound_query("provinces", {"era": "2025"}, limit=11, offset=20)
    assert text == kg.bound_query("provinces", {"era": "2025"}) + "\nLIMIT 11 OFFSET 20"
    everything = kg.query("provinces", {"era": "2025"})
    assert kg.query("provinces", {"era": "2025"}, limit=11, offset=20) == everything[20:31]
    assert kg.query("provinces", {"era": "2025"}, offset=30) == everything[30:]


@pytest.mark.parametrize(("limit", "offset"), [
    (-1, None), (None, -5), ("10", None), (1.5, None), (True, None),
    ("1; DROP ALL", None)], ids=["negative-limit", "negative-offset", "text", "float", "bool",
                                 "injection"])
def test_paging_takes_whole_numbers_only(limit, offset):
    from graph.service import KnowledgeGraph

    with pytest.raises(BadQuery, match="must be a whole number"):
        KnowledgeGraph.in_memory().query("articles", limit=limit, offset=offset)


def test_a_query_with_its_own_limit_cannot_be_paged():
    from graph.service import KnowledgeGraph

    with pytest.raises(BadQuery, match="'label' has its own LIMIT"):
        KnowledgeGraph.in_memory().query("label", {"entity": f"{BASE}/person/x"}, limit=5)
