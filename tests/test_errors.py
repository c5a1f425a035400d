"""One error body for every error: `{"error", "message"}` (and `fields` on a 422), whatever
raised it: a validation error, our own errors (400, 404, 503), an unknown route, a method a
route does not take, a body over the limit. What a client sees, exactly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.service import KnowledgeGraph
from tests.api_graph import ingest_api_articles


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return ingest_api_articles(KnowledgeGraph.in_memory())


def _client(kg: KnowledgeGraph, **settings) -> TestClient:
    return TestClient(create_app(kg.settings.model_copy(update=settings), kg=kg))


@pytest.fixture(scope="module")
def client(kg) -> Iterator[TestClient]:
    with _client(kg) as client:
        yield client


@pytest.mark.parametrize(("method", "url", "status", "body"), [
    ("GET", "/api/officials?limit=0", 422, {
        "error": "invalid_request",
        "message": "query.limit: Input should be greater than or equal to 1",
        "fields": [{"where": "query.limit",
                    "problem": "Input should be greater than or equal to 1"}]}),
    ("GET", "/api/officials/nobody", 404, {
        "error": "not_found", "message": "no official 'nobody' in the graph"}),
    ("GET", "/api/no-such-route", 404, {
        "error": "not_found",
        "message": "nothing at /api/no-such-route (no such route or file)"}),
    ("DELETE", "/api/officials", 405, {
        "error": "method_not_allowed", "message": "DELETE is not a method of /api/officials"}),
    ("GET", "/api/officials/le-thanh-trung/worked-with?from=2024-04-01&to=2024-03-01", 400, {
        "error": "bad_query", "message": "'from' is after 'to'"}),
    ("GET", "/api/queries/nothing/results", 404, {
        "error": "unknown_query",
        "message": "no query named 'nothing'; known: agencies, "}),
], ids=["422-validation", "404-not-found", "404-unknown-route", "405", "400", "404-query"])
def test_every_error_has_the_one_body(client, method, url, status, body):
    response = client.request(method, url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    answer = response.json()
    if url.endswith("/nothing/results"):  # the message goes on with every known name
        assert answer["message"].startswith(body.pop("message"))
        answer.pop("message")
    assert answer == body


def test_a_body_over_the_limit_has_the_one_body(kg):
    with _client(kg, max_body_mb=0.001) as client:
        response = client.post("/sparql", data={"query": "ASK {}" + " " * 2000})
    assert response.status_code == 413
    assert response.json() == {
        "error": "body_too_large",
        "message": "the request body is larger than the limit of 0.001 MB (the max_body_mb "
                   "setting)"}


def test_the_time_limit_has_the_one_body(kg):
    with _client(kg, query_timeout=1e-9) as client:
        response = client.get("/api/officials")
    assert response.status_code == 503
    assert response.json() == {
        "error": "query_timeout",
        "message": "the request ran past the time limit of 1e-09 s and was stopped; narrow it"}


def test_the_fast_sparql_path_has_the_one_body(client):
    """GET /sparql?query= is answered before the app's routing (api/app.py VnkgApp and
    api/sparql.py answer_fast)."""
    response = client.get("/sparql", params={"query": "SELEC nothing"})
    assert response.status_code == 400
    assert set(response.json()) == {"error", "message"}
    assert response.json()["error"] == "bad_query"


def test_openapi_declares_the_error_body(client):
    spec = client.get("/openapi.json").json()
    error = spec["paths"]["/api/officials/{official_id}"]["get"]["responses"]["404"]
    assert error["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"}
    assert set(spec["components"]["schemas"]["ErrorBody"]["properties"]) == {
        "error", "message", "fields"}


# -- the console's files (Starlette's StaticFiles) -----------------------------------------------
@pytest.mark.parametrize(("name", "media"), [
    ("console.js", "text/javascript; charset=utf-8"), ("style.css", "text/css; charset=utf-8"),
    ("index.html", "text/html; charset=utf-8")])
def test_static_files_are_served_with_their_media_type(client, name, media):
    response = client.get(f"/static/{name}")
    assert response.status_code == 200 and response.headers["content-type"] == media
    assert response.headers["etag"]
    again = client.get(f"/static/{name}", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("path", ["/static/nothing.js", "/static/../app.py",
                                  "/static/%2e%2e/app.py"])
def test_a_missing_or_outside_static_file_is_404_with_the_one_body(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


# -- the write token (FastAPI's HTTPBearer) ------------------------------------------------------
NEW = {"id": "tok-1", "title": "Tin thử", "text": "Một câu không có ai.", "published": "2024-06-05"}


@pytest.fixture(scope="module")
def token_client() -> Iterator[TestClient]:
    kg = KnowledgeGraph.in_memory()
    with _client(kg, api_token="s3cret") as client:
        yield client


@pytest.mark.parametrize(("headers", "status", "body"), [
    ({}, 401, {"error": "unauthorized",
               "message": "this route needs the API token (Authorization: Bearer <token>)"}),
    ({"Authorization": "Basic czNjcmV0"}, 401, {
        "error": "unauthorized",
        "message": "this route needs the API token (Authorization: Bearer <token>)"}),
    ({"Authorization": "Bearer nope"}, 403, {"error": "forbidden",
                                             "message": "wrong API token"}),
    ({"X-API-Token": "nope"}, 403, {"error": "forbidden", "message": "wrong API token"}),
], ids=["none", "basic", "wrong-bearer", "wrong-header"])
def test_the_write_token_is_checked_before_the_body(token_client, headers, status, body):
    response = token_client.post("/api/articles", json={"id": "../x"}, headers=headers)
    assert (response.status_code, response.json()) == (status, body)
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_published_is_a_date(token_client):
    response = token_client.post("/api/articles", json={**NEW, "published": "5/6/2024"},
                                 headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 422
    assert response.json()["fields"] == [{
        "where": "body.published",
        "problem": "Input should be a valid date or datetime, input is too short"}]


def test_openapi_declares_the_bearer_scheme(token_client):
    spec = token_client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["api_token"] == {
        "type": "http", "scheme": "bearer", "description": "the server's api_token setting"}
    assert {"api_token": []} in spec["paths"]["/api/articles"]["post"]["security"]
    assert spec["components"]["schemas"]["NewArticle"]["properties"]["published"]["anyOf"][0] \
        == {"type": "string", "format": "date"}
