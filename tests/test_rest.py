"""The REST lookups under /api, each with the exact answer a user gets.

Two graphs: one built from facts written for these tests (tests/data/api_articles.json: my own
sentences and facts, ingested through `KnowledgeGraph.ingest_article`), where every route has an
exact expected answer whatever the extractor does; and the sample graph (data/samples through
the extractor) for the mission's lookup.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api_graph import ingest_api_articles

BASE = "https://vnkg.org/id"
TRUNG = f"{BASE}/person/le-thanh-trung"
BO_NN = f"{BASE}/org/bo-nong-nghiep-va-phat-trien-nong-thon"


@pytest.fixture(scope="session")
def api_kg():
    """An in-memory graph of the two test articles, ingested with their given facts."""
    from graph.service import KnowledgeGraph

    return ingest_api_articles(KnowledgeGraph.in_memory())


@pytest.fixture(scope="module")
def client(api_kg):
    with TestClient(create_app(kg=api_kg)) as test_client:
        yield test_client


def ids(items, key="id"):
    return [item[key] for item in items]


# -- search ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("q", "expected"), [
    ("cao bang", ["2025/cao-bang", "cao-bang", "ubnd-tinh-cao-bang",
                  "khu-kinh-te-cua-khau-cao-bang"]),
    ("CAO BẰNG", ["2025/cao-bang", "cao-bang", "ubnd-tinh-cao-bang",
                  "khu-kinh-te-cua-khau-cao-bang"]),
    ("le thanh trung", ["le-thanh-trung"]),
    ("Lê Thành", ["le-thanh-trung"]),
    ("ta lung", ["ta-lung"]),
    ("125/qđ-bnn", ["125-qd-bnn"]),
    ("no such name anywhere", []),
], ids=["folded", "accents-and-case", "person-folded", "person-prefix", "border-gate",
        "document", "nothing"])
def test_search_is_accent_and_case_insensitive(client, q, expected):
    answer = client.get("/api/search", params={"q": q}).json()
    assert ids(answer["items"]) == expected
    assert (answer["offset"], answer["next"]) == (0, None)


def test_search_returns_id_type_and_label(client):
    hit = client.get("/api/search", params={"q": "lạng sơn", "type": "PROVINCE"}).json()
    assert hit["items"][1] == {"id": "lang-son", "iri": f"{BASE}/province/lang-son",
                               "type": "PROVINCE", "label": "Lạng Sơn", "era": "legacy",
                               "rank": 0}


def test_search_pages(client):
    first = client.get("/api/search", params={"q": "cao bang", "limit": 2}).json()
    rest = client.get("/api/search", params={"q": "cao bang", "limit": 2, "offset": 2}).json()
    assert (first["limit"], first["offset"], first["next"]) == (2, 0, 2)
    assert (rest["limit"], rest["offset"], rest["next"]) == (2, 2, None)
    assert ids(first["items"]) == ["2025/cao-bang", "cao-bang"]
    assert ids(rest["items"]) == ["ubnd-tinh-cao-bang", "khu-kinh-te-cua-khau-cao-bang"]


def test_search_needs_text(client):
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "  "}).status_code == 400


# -- officials ------------------------------------------------------------------------------------
def test_officials(client):
    answer = client.get("/api/officials").json()
    assert [(o["id"], o["label"], o["articles"]) for o in answer["items"]] == [
        ("hoang-minh-tu", "Hoàng Minh Tú", 1), ("le-thanh-trung", "Lê Thành Trung", 2)]


def test_official_positions_events_and_sources(client):
    answer = client.get("/api/officials/le-thanh-trung").json()
    assert answer["label"] == "Lê Thành Trung"
    assert [(p["role"], p["organization"]["id"], p["date"], p["article"]["id"])
            for p in answer["positions"]] == [
        ("Thứ trưởng", "bo-nong-nghiep-va-phat-trien-nong-thon", "2024-03-12", "api-001")]
    assert [(e["kind"], e["date"], e.get("label")) for e in answer["events"]] == [  # newest first
        ("Event", "2024-04-20", "Hội nghị xúc tiến đầu tư nông nghiệp vùng núi phía Bắc"),
        ("WorkingSession", "2024-04-18/2024-04-19", None),
        ("WorkingSession", "2024-03-12", None),
        ("WorkingSession", "2024-03-11", None),
        ("Visit", "2024-03-11", None),
        ("WorkingSession", "2024-03", None),
    ]
    visit = answer["events"][4]
    assert sorted((m["role"], m["id"]) for m in visit["members"]) == [
        ("participant", "le-thanh-trung"), ("place", "ta-lung")]
    assert (answer["sources"], answer["source_count"]) == (["api-002", "api-001"], 2)


def test_worked_with_in_a_month(client):
    answer = client.get("/api/officials/le-thanh-trung/worked-with",
                        params={"from": "2024-03-01", "to": "2024-03-31"}).json()
    assert answer["official"]["label"] == "Lê Thành Trung"
    assert (answer["from"], answer["to"], answer["next"]) == ("2024-03-01", "2024-03-31", None)
    assert [(w["host"]["id"], w["host"]["type"], w["dates"], w["articles"])
            for w in answer["items"]] == [
        ("cao-bang", "PROVINCE", ["2024-03", "2024-03-11"], ["api-002", "api-001"]),
        ("lang-son", "PROVINCE", ["2024-03-12"], ["api-001"]),
    ]


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ["cao-bang", "lang-son", "ha-giang"]),
    ({"from": "2024-04-19"}, ["ha-giang"]),
    ({"to": "2024-03-11"}, ["cao-bang"]),
    ({"from": "2024-05-01", "to": "2024-05-31"}, []),
], ids=["no-window", "from-only", "to-only", "empty-window"])
def test_worked_with_windows(client, params, expected):
    answer = client.get("/api/officials/le-thanh-trung/worked-with", params=params).json()
    assert [w["host"]["id"] for w in answer["items"]] == expected


@pytest.mark.parametrize(("url", "status"), [
    ("/api/officials/nobody", 404),
    ("/api/officials/nobody/worked-with", 404),
    ("/api/officials/cao-bang", 404),  # a province is not an official
    ("/api/officials/le-thanh-trung/worked-with?from=2024-13-01", 422),
    ("/api/officials/le-thanh-trung/worked-with?from=2024-04-01&to=2024-03-01", 400),
])
def test_official_errors(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) <= {"error", "message", "fields"} and body["message"]


# -- provinces ------------------------------------------------------------------------------------
def test_provinces_of_each_era(client):
    legacy = client.get("/api/provinces", params={"era": "legacy", "limit": 1000}).json()
    new = client.get("/api/provinces", params={"era": "2025", "limit": 1000}).json()
    assert (len(legacy["items"]), len(new["items"])) == (63, 34)
    assert (legacy["next"], new["next"]) == (None, None)
    bac_kan = next(p for p in legacy["items"] if p["id"] == "bac-kan")
    assert bac_kan["merged_into"]["id"] == "2025/thai-nguyen"


def test_province_detail(client):
    answer = client.get("/api/provinces/cao-bang").json()
    assert (answer["label"], answer["era"]) == ("Cao Bằng", "legacy")
    assert [(x["person"]["id"], x["role"], x["organization"]["id"]) for x in answer["leaders"]
            ] == [("hoang-minh-tu", "Chủ tịch", "ubnd-tinh-cao-bang")]
    assert ids(answer["border_gates"]) == ["ta-lung"]
    assert ids(answer["zones"]) == ["khu-kinh-te-cua-khau-cao-bang"]
    assert [(e["kind"], e["date"]) for e in answer["events"]] == [
        ("WorkingSession", "2024-03-11"), ("WorkingSession", "2024-03")]  # newest first
    assert answer["successor"]["id"] == "2025/cao-bang"
    assert answer["predecessors"] == []


def test_province_after_the_merger_lists_its_predecessors(client):
    answer = client.get("/api/provinces/2025/thai-nguyen").json()
    assert answer["successor"] is None
    assert sorted(ids(answer["predecessors"])) == ["bac-kan", "thai-nguyen"]
    assert answer["merged_on"] == "2025-07-01"


def test_unknown_province(client):
    assert client.get("/api/provinces/atlantis").status_code == 404


# -- agencies -------------------------------------------------------------------------------------
def test_agencies(client):
    answer = client.get("/api/agencies").json()
    assert [(a["id"], (a["parent"] or {}).get("id")) for a in answer["items"]] == [
        ("bo-nong-nghiep-va-phat-trien-nong-thon", None),
        ("cuc-thu-y", "bo-nong-nghiep-va-phat-trien-nong-thon"),
        ("ubnd-tinh-cao-bang", None),
        ("ubnd-tinh-ha-giang", None),
    ]


def test_agency_detail(client):
    answer = client.get("/api/agencies/bo-nong-nghiep-va-phat-trien-nong-thon").json()
    assert answer["label"] == "Bộ Nông nghiệp và Phát triển nông thôn"
    assert ids(answer["units"]) == ["cuc-thu-y"]
    assert answer["parents"] == []
    assert [(p["person"]["id"], p["role"]) for p in answer["people"]] == [
        ("le-thanh-trung", "Thứ trưởng")]
    assert ids(client.get("/api/agencies/cuc-thu-y").json()["parents"]) == [
        "bo-nong-nghiep-va-phat-trien-nong-thon"]


# -- events ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("params", "expected"), [
    ({"province": "ha-giang"}, [("Event", "2024-04-20"),  # newest first
                                ("WorkingSession", "2024-04-18/2024-04-19")]),
    ({"type": "Visit"}, [("Visit", "2024-03-11")]),
    ({"official": "hoang-minh-tu"}, []),
    ({"from": "2024-04-20", "to": "2024-04-30"}, [("Event", "2024-04-20")]),
    ({"official": "le-thanh-trung", "type": "Event"}, [("Event", "2024-04-20")]),
], ids=["province", "type", "official-without-events", "window", "official-and-type"])
def test_events_filters(client, params, expected):
    answer = client.get("/api/events", params=params).json()
    assert [(e["kind"], e["date"]) for e in answer["items"]] == expected


def test_event_members(client):
    [event] = client.get("/api/events", params={"type": "Event"}).json()["items"]
    assert sorted((m["role"], m["id"]) for m in event["members"]) == [
        ("organizer", "ubnd-tinh-ha-giang"), ("participant", "le-thanh-trung"),
        ("place", "ha-giang")]
    assert event["articles"] == ["api-002"]


# -- entities -------------------------------------------------------------------------------------
def test_entity_as_json(client):
    answer = client.get("/api/entities/person/le-thanh-trung").json()
    assert (answer["id"], answer["type"], answer["label"]) == (
        "le-thanh-trung", "PERSON", "Lê Thành Trung")
    worked = {s["value"] for s in answer["outgoing"]
              if s["property"] == "https://vnkg.org/ontology#workedWith"}
    assert worked == {f"{BASE}/province/cao-bang", f"{BASE}/province/lang-son",
                      f"{BASE}/province/ha-giang"}
    assert any(s["property"] == "http://www.w3.org/ns/org#member" for s in answer["incoming"])


def test_entity_by_bare_slug_and_ambiguity(client):
    assert client.get("/api/entities/le-thanh-trung").json()["iri"] == TRUNG
    assert client.get("/api/entities/nobody").status_code == 404


def test_entity_as_jsonld(client):
    import rdflib

    response = client.get("/api/entities/org/cuc-thu-y",
                          headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")
    graph = rdflib.Graph().parse(data=response.text, format="json-ld")
    cuc = rdflib.URIRef(f"{BASE}/org/cuc-thu-y")
    assert (cuc, rdflib.URIRef("https://vnkg.org/ontology#partOf"),
            rdflib.URIRef(BO_NN)) in graph
    assert str(graph.value(cuc, rdflib.RDFS.label)) == "Cục Thú y"


# -- articles -------------------------------------------------------------------------------------
def test_articles(client):
    answer = client.get("/api/articles").json()
    assert [(a["id"], a["published"], a["url"]) for a in answer["items"]] == [
        ("api-001", "2024-03-12", "https://example.org/tin/api-001"),
        ("api-002", "2024-04-20", None)]


def test_article_facts(client):
    answer = client.get("/api/articles/api-001").json()
    assert answer["title"] == "Thứ trưởng Lê Thành Trung làm việc với Cao Bằng và Lạng Sơn"
    facts = {(f["relation"], f["subject"]["id"], f["object"]["id"], f["role"], f["date"])
             for f in answer["facts"]}
    assert facts == {
        ("holds_position", "le-thanh-trung", "bo-nong-nghiep-va-phat-trien-nong-thon",
         "Thứ trưởng", None),
        ("holds_position", "hoang-minh-tu", "ubnd-tinh-cao-bang", "Chủ tịch", None),
        ("worked_with", "le-thanh-trung", "cao-bang", None, "2024-03-11"),
        ("worked_with", "le-thanh-trung", "lang-son", None, "2024-03-12"),
        ("visited", "le-thanh-trung", "ta-lung", None, "2024-03-11"),
        ("border_gate_of", "ta-lung", "cao-bang", None, None),
        ("located_in", "khu-kinh-te-cua-khau-cao-bang", "cao-bang", None, None),
        ("part_of", "cuc-thu-y", "bo-nong-nghiep-va-phat-trien-nong-thon", None, None),
    }
    assert client.get("/api/articles/no-such-article").status_code == 404


# -- named queries --------------------------------------------------------------------------------
def test_named_queries_list_their_params_and_examples(client):
    menu = {q["name"]: q for q in client.get("/api/queries").json()}
    mission = menu["official_worked_with"]
    assert [(p["name"], p["kind"], p["required"], p["example"]) for p in mission["params"]] == [
        ("official", "iri", True, f"{BASE}/person/nguyen-hong-dien"),
        ("from", "date", False, "2024-08-01"), ("to", "date", False, "2024-08-31")]
    assert all(q["title"] and q["description"] for q in menu.values())


INTERNAL = {"article_titles", "body_posts", "count_index", "count_key", "entity_months",
            "event_evidence", "event_members", "evidence", "label", "labels",
            "membership_evidence", "memberships_in_month", "names_exact", "official_posts",
            "projection_edges", "projection_nodes", "province", "province_points",
            "sources_in_month", "stats_edges", "timeline", "worked_with_in_month"}


def test_named_queries_flag_the_internal_ones(client):
    menu = client.get("/api/queries").json()
    assert {q["name"] for q in menu if q["internal"]} == INTERNAL
    assert "official_worked_with" in {q["name"] for q in menu if not q["internal"]}
    label = client.get("/api/queries/label/results", params={"entity": TRUNG}).json()
    assert label["results"]["bindings"][0]["label"]["value"] == "Lê Thành Trung"  # still runs


def test_entity_parameters_say_which_type_they_take(client):
    menu = {q["name"]: q for q in client.get("/api/queries").json()}
    assert [(p["name"], p["entity_type"]) for p in menu["events"]["params"]] == [
        ("from", None), ("to", None), ("province", "PROVINCE"), ("official", "PERSON"),
        ("type", None)]


def test_named_query_results_bind_params_as_terms(client):
    response = client.get("/api/queries/official_worked_with/results",
                          params={"official": TRUNG, "from": "2024-04-19", "to": "2024-04-19"})
    assert response.headers["content-type"] == "application/sparql-results+json"
    rows = response.json()["results"]["bindings"]
    assert [r["hostLabel"]["value"] for r in rows] == ["Hà Giang"]
    injected = client.get("/api/queries/search/results", params={"q": '" } } DROP ALL #'})
    assert injected.status_code == 200
    assert injected.json()["results"]["bindings"] == []


@pytest.mark.parametrize(("url", "status"), [
    ("/api/queries/no_such_query/results", 404),
    ("/api/queries/official_worked_with/results", 400),  # the official is required
    ("/api/queries/official_worked_with/results?official=x&colour=red", 400),
    ("/api/queries/official_worked_with/results?official=mailto:x%20y", 400),
    # not an IRI: a name (or a slug), and no entity has it
    ("/api/queries/official_worked_with/results?official=not%20an%20iri", 404),
])
def test_named_query_errors(client, url, status):
    assert client.get(url).status_code == status


# -- ingest over HTTP -----------------------------------------------------------------------------
NEW = {"id": "api-new", "title": "Phó Thủ tướng làm việc với tỉnh Điện Biên",
       "text": "Sáng 5/6, Phó Thủ tướng Trần Quang Huy làm việc với tỉnh Điện Biên về "
               "phát triển du lịch.", "published": "2024-06-05"}


@pytest.fixture()
def token_client():
    from graph.service import KnowledgeGraph
    from graph.settings import Settings

    settings = Settings(store=None, api_token="s3cret")
    with TestClient(create_app(settings, kg=KnowledgeGraph.in_memory(settings))) as c:
        yield c


def test_post_article_needs_the_token(token_client, client):
    assert token_client.post("/api/articles", json=NEW).status_code == 401
    assert token_client.post("/api/articles", json=NEW,
                             headers={"Authorization": "Bearer nope"}).status_code == 403
    assert client.post("/api/articles", json=NEW, headers={  # no token setting: off
        "Authorization": "Bearer s3cret"}).status_code == 403


def test_post_article_ingests_and_returns_its_facts(token_client):
    response = token_client.post("/api/articles", json=NEW,
                                 headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 201
    answer = response.json()
    assert answer["changed"] is True
    assert answer["article"]["id"] == "api-new"
    assert answer["facts"]["article"] == "api-new"
    assert ids(token_client.get("/api/articles").json()["items"]) == ["api-new"]
    again = token_client.post("/api/articles", json=NEW, headers={"X-API-Token": "s3cret"})
    assert (again.status_code, again.json()["changed"]) == (200, False)
    assert token_client.post("/api/articles", json={**NEW, "id": "bad id!"},
                             headers={"X-API-Token": "s3cret"}).status_code == 422


def test_openapi_documents_every_route_with_examples(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/search", "/api/officials", "/api/officials/{official_id}",
                 "/api/officials/{official_id}/worked-with", "/api/provinces",
                 "/api/provinces/{province_id}", "/api/agencies", "/api/agencies/{agency_id}",
                 "/api/events", "/api/entities/{entity_id}", "/api/articles",
                 "/api/articles/{article_id}", "/sparql"]:
        assert path in spec["paths"], path
    schema = spec["components"]["schemas"]["WorkedWithAnswer"]
    assert schema["examples"][0]["items"][0]["host"]["id"] == "lao-cai"


# -- the mission, on the sample graph -------------------------------------------------------------
MISSION_PROVINCES = ["bac-kan", "binh-dinh", "kon-tum", "lao-cai", "quang-ngai", "thai-nguyen"]


@pytest.fixture(scope="module")
def sample_client(sample_kg):
    with TestClient(create_app(kg=sample_kg)) as test_client:
        yield test_client


def test_mission_provinces_minister_worked_with_in_august_2024(sample_client):
    answer = sample_client.get("/api/officials/nguyen-hong-dien/worked-with",
                               params={"from": "2024-08-01", "to": "2024-08-31"}).json()
    provinces = sorted(w["host"]["id"] for w in answer["items"]
                       if w["host"]["type"] == "PROVINCE")
    assert provinces == MISSION_PROVINCES
    by_id = {w["host"]["id"]: w for w in answer["items"]}
    assert by_id["lao-cai"]["dates"] == ["2024-08-30"]
    assert by_id["kon-tum"]["dates"] == ["2024-08-07/2024-08-09"]
    assert sorted(by_id["thai-nguyen"]["articles"]) == ["000_f580f7af15c600dc",
                                                        "002_d1b7fc9568cbba03"]
