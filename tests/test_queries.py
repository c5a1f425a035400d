"""Every named query in queries/ parses, documents itself and runs with its parameters bound."""

from __future__ import annotations

import re

import pytest

from graph.errors import BadQuery, UnknownQuery
from graph.queries import list_queries, load_query
from graph.service import KnowledgeGraph

SAMPLE_VALUES = {"iri": "https://vnkg.org/id/person/nguyen-hong-dien", "date": "2024-08-01",
                 "integer": "1", "string": "lao cai"}


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return KnowledgeGraph.in_memory()


def test_there_are_named_queries() -> None:
    assert {"official_worked_with", "search", "articles"} <= set(list_queries())


@pytest.mark.parametrize("name", list_queries())
def test_query_has_a_header_and_runs(kg: KnowledgeGraph, name: str) -> None:
    query = load_query(name)
    assert query.title and query.title != name, "header needs '# title:'"
    assert query.description, "header needs '# description:'"
    used = set(re.findall(r"[?$](\w+)", query.text))
    for param in query.params:
        assert param.name in used, f"parameter {param.name} is not used in the query"
        assert param.kind in SAMPLE_VALUES, f"unknown parameter kind {param.kind}"
    params = {p.name: SAMPLE_VALUES[p.kind] for p in query.params}
    assert isinstance(kg.query(name, params), list)


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(UnknownQuery, match=r"known: .*official_worked_with"):
        load_query("official_worked")


def test_names_cannot_escape_the_folder() -> None:
    with pytest.raises(UnknownQuery):
        load_query("../pyproject")


def test_missing_required_and_unknown_parameters_are_bad_queries(kg: KnowledgeGraph) -> None:
    with pytest.raises(BadQuery, match="needs the parameter 'official'"):
        kg.query("official_worked_with", {})
    with pytest.raises(BadQuery, match="takes no parameter"):
        kg.query("articles", {"nope": "1"})
