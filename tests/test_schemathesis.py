"""schemathesis over `/openapi.json`: every operation the app describes, called with generated
valid and invalid requests, answers without a server error and as its description says (status
codes, media types, response bodies against their schemas).

Bounded: a fixed number of examples per operation and a fixed seed (`derandomize`), over the
small API test graph in memory, so that the run is the same every time and takes well under a
minute. Marked `schemathesis` (pyproject.toml); `make test` runs it with the rest.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from graph.service import KnowledgeGraph
from tests.api_graph import ingest_api_articles

pytestmark = pytest.mark.schemathesis

EXAMPLES = 30  # per operation and per generation mode (valid, then invalid, requests)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


TOKEN = "schemathesis-token"


def _app():
    kg = ingest_api_articles(KnowledgeGraph.in_memory())
    kg.settings = kg.settings.model_copy(update={"api_token": TOKEN})  # POST /api/articles on
    app = create_app(kg=kg)
    TestClient(app).__enter__()  # run the lifespan once: the graph and its query runner
    return app


@schemathesis.serializer("application/sparql-query")
def _sparql_text(ctx, value) -> bytes:
    """A direct POST body is the query text itself (a generated string, or any value as one)."""
    return (value if isinstance(value, str) else str(value)).encode("utf-8")


APP = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_described(case):
    case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Bearer {TOKEN}"})
