"""The networkx projection: which entities become nodes, which facts become edges, and the
filters every export shares, asserted exactly on tests/data/projection_fixture.trig and on the
sample graph."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import BadQuery, NotFound
from graph.projection import projection

ID = "https://vnkg.org/id/"
MINH, HOA = ID + "person/tran-van-minh", ID + "person/le-thi-hoa"
HA_GIANG, CAO_BANG = ID + "province/ha-giang", ID + "province/cao-bang"



def labels(graph: nx.MultiDiGraph) -> set[str]:
    return {d["label"] for _, d in graph.nodes(data=True)}


def facts(graph: nx.MultiDiGraph) -> set[tuple[str, str, str, str]]:
    """(subject label, relation, object label, date) of every edge."""
    return {(graph.nodes[u]["label"], d["relation"], graph.nodes[v]["label"], d.get("date", ""))
            for u, v, d in graph.edges(data=True)}


@pytest.fixture(scope="module")
def full(fixture_kg) -> nx.MultiDiGraph:
    return projection(fixture_kg)


def test_entities_named_or_linked_become_nodes(full):
    assert labels(full) == {
        "Trần Văn Minh", "Lê Thị Hoa", "Bộ Xây dựng", "Cục Quản lý nhà", "UBND tỉnh Cao Bằng",
        "Hà Giang", "Cao Bằng", "Thanh Thủy", "Hội nghị xúc tiến đầu tư", "123/QĐ-UBND",
    }  # not Tuyên Quang (reference data only), not sessions, memberships or statements


def test_nodes_carry_type_label_coordinates_and_kind(full):
    assert full.nodes[HA_GIANG] == {"id": HA_GIANG, "type": "PROVINCE", "label": "Hà Giang",
                                    "lat": 22.8233, "lon": 104.9836, "code": "02",
                                    "era": "legacy"}
    ministry = full.nodes[ID + "org/bo-xay-dung"]
    assert (ministry["type"], ministry["kind"], ministry["aliases"]) == (
        "ORGANIZATION", "Ministry", "BXD")
    assert full.nodes[MINH] == {"id": MINH, "type": "PERSON", "label": "Trần Văn Minh"}


def test_every_fact_is_an_edge_and_parallel_facts_stay_apart(full):
    assert full.number_of_edges() == 12
    trips = full.get_edge_data(MINH, HA_GIANG)
    assert {k: (d["date"], d["article"]) for k, d in trips.items()} == {
        ID + "statement/a2": ("2024-08-14", "a-ha-giang"),
        ID + "statement/b2": ("2024-09-05/2024-09-06", "b-cao-bang"),
    }
    span = trips[ID + "statement/b2"]
    assert (span["start"], span["end"], span["source_article"]) == (
        "2024-09-05", "2024-09-06", ID + "article/b-cao-bang")


def test_edges_carry_role_evidence_and_source(full):
    position = full.edges[MINH, ID + "org/bo-xay-dung", ID + "statement/a1"]
    assert position["role"] == "Bộ trưởng"
    assert position["title"] == "Bộ trưởng Bộ Xây dựng làm việc tại Hà Giang"
    assert position["url"] == "https://example.vn/tin/a-ha-giang"
    trip = full.edges[MINH, HA_GIANG, ID + "statement/a2"]
    assert trip["evidence"].startswith("Ngày 14/8, Bộ trưởng Trần Văn Minh")
    assert trip["confidence"] == 0.9


def test_an_undated_fact_is_an_edge_keyed_by_its_statement(full):
    (key, data), = full.get_edge_data(ID + "org/cuc-quan-ly-nha", ID + "org/bo-xay-dung").items()
    assert data["relation"] == "part_of"
    assert data["article"] == "c-undated"
    assert key == ID + "statement/c1"


def test_attribute_values_are_only_strings_and_numbers(full):
    values = [v for _, d in full.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in full.edges(data=True) for v in d.values()]
    assert values and all(type(v) in (str, float) for v in values)


# -- filters -------------------------------------------------------------------------------
FILTERED = [
    pytest.param({"relations": ["worked_with"]},
                 {"Trần Văn Minh", "Hà Giang", "Cao Bằng"}, 3, id="relation"),
    pytest.param({"relation": "worked_with,visited"},
                 {"Trần Văn Minh", "Hà Giang", "Cao Bằng", "Thanh Thủy"}, 4, id="relations-csv"),
    # September: three dated facts, plus the undated ones of the article published on 2 Sept.
    pytest.param({"date_from": "2024-09-01", "date_to": "2024-09-30"},
                 {"Trần Văn Minh", "Hà Giang", "Cao Bằng", "Hội nghị xúc tiến đầu tư",
                  "Lê Thị Hoa", "UBND tỉnh Cao Bằng"}, 6, id="window-september"),
    # A month as a bound means the whole month; the span 5-6 Sept overlaps from the 6th.
    pytest.param({"from": "2024-09-06", "to": "2024-09"},
                 {"Trần Văn Minh", "Hà Giang"}, 1, id="window-overlap"),
    pytest.param({"types": ["PERSON", "PROVINCE"]},
                 {"Trần Văn Minh", "Lê Thị Hoa", "Hà Giang", "Cao Bằng"}, 3, id="types"),
    pytest.param({"around": "Cao Bằng"},
                 {"Cao Bằng", "Trần Văn Minh", "Hội nghị xúc tiến đầu tư"}, 2, id="around-1"),
    pytest.param({"around": "cao bang", "hops": 2},
                 {"Cao Bằng", "Trần Văn Minh", "Hội nghị xúc tiến đầu tư", "Bộ Xây dựng",
                  "Hà Giang", "Thanh Thủy", "Lê Thị Hoa", "UBND tỉnh Cao Bằng"}, 10,
                 id="around-2-accentless"),
    pytest.param({"around": [HOA], "hops": 0}, {"Lê Thị Hoa"}, 0, id="around-iri-0-hops"),
    pytest.param({"around": "BXD"}, {"Bộ Xây dựng", "Trần Văn Minh", "Cục Quản lý nhà"}, 2,
                 id="around-alias"),
    pytest.param({"around": "Trần Văn Minh", "relations": ["worked_with"], "from": "2024-09"},
                 {"Trần Văn Minh", "Hà Giang", "Cao Bằng"}, 2, id="around+relation+from"),
    pytest.param({"to": "2024-08-31", "types": ["PERSON", "BORDER_GATE", "PROVINCE"]},
                 {"Trần Văn Minh", "Hà Giang", "Thanh Thủy"}, 3, id="to+types"),
]


@pytest.mark.parametrize(("filters", "expected_labels", "edge_count"), FILTERED)
def test_filters_give_exact_results(fixture_kg, filters, expected_labels, edge_count):
    graph = projection(fixture_kg, **filters)
    assert labels(graph) == expected_labels
    assert graph.number_of_edges() == edge_count


def test_window_keeps_the_facts_dated_in_it(fixture_kg):
    graph = projection(fixture_kg, date_from="2024-08", date_to="2024-08")
    assert facts(graph) == {
        ("Trần Văn Minh", "holds_position", "Bộ Xây dựng", ""),
        ("Trần Văn Minh", "worked_with", "Hà Giang", "2024-08-14"),
        ("Trần Văn Minh", "visited", "Thanh Thủy", "2024-08-14"),
        ("Thanh Thủy", "border_gate_of", "Hà Giang", ""),
        ("UBND tỉnh Cao Bằng", "issued", "123/QĐ-UBND", "2024-08"),
    }  # the undated part_of of an undated article is in no window


@pytest.mark.parametrize(("filters", "error"), [
    pytest.param({"around": "Nguyễn Không Có"}, NotFound, id="unknown-entity"),
    pytest.param({"relations": ["met_with"]}, BadQuery, id="unknown-relation"),
    pytest.param({"types": ["CITY"]}, BadQuery, id="unknown-type"),
    pytest.param({"date_from": "30/8/2024"}, BadQuery, id="bad-date"),
    pytest.param({"date_from": "2024-09", "date_to": "2024-08"}, BadQuery, id="empty-window"),
    pytest.param({"hops": "two"}, BadQuery, id="bad-hops"),
    pytest.param({"colour": "red"}, BadQuery, id="unknown-filter"),
])
def test_bad_filters_are_errors_that_say_why(fixture_kg, filters, error):
    with pytest.raises(error):
        projection(fixture_kg, **filters)


# -- the sample graph ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample(sample_kg) -> nx.MultiDiGraph:
    return projection(sample_kg)


def has_fact(graph: nx.MultiDiGraph, subject: str, relation: str, obj: str) -> bool:
    return any(s == subject and r == relation and o == obj for s, r, o, _ in facts(graph))


def test_sample_projection_is_well_formed(sample):
    assert all(d["type"] and d["label"] for _, d in sample.nodes(data=True))
    assert all(d["relation"] and d["source_article"] for _, _, d in sample.edges(data=True))


def test_sample_minister_worked_with_lao_cai(sample):
    assert has_fact(sample, "Nguyễn Hồng Diên", "worked_with", "Lào Cai")


def test_sample_kim_thanh_is_a_gate_of_lao_cai(sample):
    assert has_fact(sample, "Kim Thành", "border_gate_of", "Lào Cai")


def test_sample_filter_around_lao_cai_in_august_2024(sample_kg):
    graph = projection(sample_kg, around="Lào Cai", relations=["worked_with"],
                       date_from="2024-08-01", date_to="2024-08-31")
    assert "Nguyễn Hồng Diên" in labels(graph)
    assert {r for _, _, r in graph.edges(data="relation")} == {"worked_with"}
    assert all(d["start"] <= "2024-08-31" and d["end"] >= "2024-08-01"
               for _, _, d in graph.edges(data=True) if "start" in d)


def test_sample_relation_filter_keeps_exactly_those_edges(sample, sample_kg):
    graph = projection(sample_kg, relations=["worked_with", "visited"])
    expected = {k for _, _, k, r in sample.edges(keys=True, data="relation")
                if r in ("worked_with", "visited")}
    assert expected and set(k for _, _, k in graph.edges(keys=True)) == expected
    assert set(graph) == {n for u, v, k in sample.edges(keys=True) if k in expected
                          for n in (u, v)}


def test_sample_window_keeps_exactly_the_facts_of_august_2024(sample, sample_kg):
    graph = projection(sample_kg, date_from="2024-08", date_to="2024-08")

    def in_august(d: dict) -> bool:
        start, end = d.get("start") or d.get("published"), d.get("end") or d.get("published")
        return bool(start) and start <= "2024-08-31" and end >= "2024-08-01"

    expected = {k for _, _, k, d in sample.edges(keys=True, data=True) if in_august(d)}
    assert set(k for _, _, k in graph.edges(keys=True)) == expected
    assert ("Nguyễn Hồng Diên", "worked_with", "Lào Cai", "2024-08-30") in facts(graph)


def test_sample_around_the_minister_is_his_neighbourhood(sample, sample_kg):
    (minister,) = [n for n, d in sample.nodes(data=True) if d["label"] == "Nguyễn Hồng Diên"]
    graph = projection(sample_kg, around="nguyen hong dien", hops=1)
    assert set(graph) == {minister} | set(sample.successors(minister)) | set(
        sample.predecessors(minister))
    assert graph.number_of_edges() == sample.subgraph(graph).number_of_edges()
    assert "Lào Cai" in labels(graph)
