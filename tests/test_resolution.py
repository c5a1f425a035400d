"""Cross-article entity resolution: one node per real-world entity, homonyms kept apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.resolution import canonical_body_name, resolve
from graph.service import KnowledgeGraph
from ingest.articles import Article
from ingest.facts import ArticleFacts, Entity, Fact

OWL_DIFFERENT_FROM = "http://www.w3.org/2002/07/owl#differentFrom"
ROOT = Path(__file__).resolve().parent.parent


def article(aid: str, entities: list[tuple[str, str]], facts: list[tuple] = (),
            published: str = "2024-05-02") -> tuple[Article, ArticleFacts]:
    """An article and its facts: entities as (TYPE, name), facts as (relation, i, j, role)."""
    ents = [Entity(id=f"e{i}", type=t, name=n) for i, (t, n) in enumerate(entities)]
    fs = [Fact(relation=r, subject=f"e{i}", object=f"e{j}", role=role) for r, i, j, role in facts]
    art = Article(id=aid, title=aid, body="Tin.", published=date.fromisoformat(published))
    return art, ArticleFacts(article=aid, published=published, entities=ents, facts=fs)


@pytest.fixture
def kg():
    return KnowledgeGraph.in_memory()


def iri_of(kg, aid, facts, name):
    res = resolve(facts, kg.store, kg.base)
    return res.iris[next(e.id for e in facts.entities if e.name == name)]


def ingest(kg, pair):
    kg.ingest_article(*pair)
    return pair[1]


def test_case_variants_of_a_ministry_are_one_node(kg):
    a = ingest(kg, article("a1", [("ORGANIZATION", "Bộ Công thương")]))
    b = ingest(kg, article("a2", [("ORGANIZATION", "Bộ Công Thương")]))
    assert iri_of(kg, "a1", a, "Bộ Công thương") == iri_of(kg, "a2", b, "Bộ Công Thương") \
        == f"{kg.base}/org/bo-cong-thuong"


def test_long_and_short_forms_of_a_provincial_body_are_one_node(kg):
    a = ingest(kg, article("a1", [("ORGANIZATION", "Ủy ban nhân dân tỉnh Lào Cai")]))
    b = ingest(kg, article("a2", [("ORGANIZATION", "UBND tỉnh Lào Cai")]))
    assert iri_of(kg, "a1", a, "Ủy ban nhân dân tỉnh Lào Cai") == \
        iri_of(kg, "a2", b, "UBND tỉnh Lào Cai")


def test_abbreviated_ministry_found_in_the_gazetteer(kg):
    a = ingest(kg, article("a1", [("ORGANIZATION", "Bộ TN&MT")]))
    b = ingest(kg, article("a2", [("ORGANIZATION", "Bộ Tài nguyên và Môi trường")]))
    assert iri_of(kg, "a1", a, "Bộ TN&MT") == iri_of(kg, "a2", b, "Bộ Tài nguyên và Môi trường")


def test_tone_placement_variants_of_a_person_are_one_node(kg):
    a = ingest(kg, article("a1", [("PERSON", "Lê Văn Hoà")]))
    b = ingest(kg, article("a2", [("PERSON", "Lê Văn Hòa")]))
    assert iri_of(kg, "a1", a, "Lê Văn Hoà") == iri_of(kg, "a2", b, "Lê Văn Hòa")


SECRETARY = [("PERSON", "Nguyễn Văn Minh"), ("ORGANIZATION", "Tỉnh ủy Hà Giang")]
DIRECTOR = [("PERSON", "Nguyễn Văn Minh"), ("ORGANIZATION", "Sở Tài chính tỉnh Cà Mau")]


def test_same_person_in_two_articles_of_one_province_is_one_node(kg):
    ingest(kg, article("a1", SECRETARY, [("holds_position", 0, 1, "Bí thư")]))
    b = ingest(kg, article("a2", [*SECRETARY, ("ORGANIZATION", "UBND tỉnh Hà Giang")],
                           [("holds_position", 0, 2, "Chủ tịch")]))
    assert iri_of(kg, "a2", b, "Nguyễn Văn Minh") == f"{kg.base}/person/nguyen-van-minh"


def test_homonyms_whose_positions_disagree_stay_apart_and_the_decision_is_recorded(kg):
    ingest(kg, article("a1", SECRETARY, [("holds_position", 0, 1, "Bí thư")]))
    ingest(kg, article("a2", DIRECTOR, [("holds_position", 0, 1, "Giám đốc")]))
    # the decision is written once, on the new node, in the shared entity graph
    rows = kg.sparql(f"""SELECT ?a ?b ?note WHERE {{ GRAPH <{kg.base}/graph/entities> {{
        ?a <{OWL_DIFFERENT_FROM}> ?b ; <https://vnkg.org/ontology#resolutionNote> ?note }} }}""")
    (row,) = list(rows)
    assert row["a"].value == f"{kg.base}/person/nguyen-van-minh-2"
    assert row["b"].value == f"{kg.base}/person/nguyen-van-minh"
    assert "Cà Mau" in row["note"].value and "Hà Giang" in row["note"].value
    # a third article about the director finds the second node, the secretary the first
    c = ingest(kg, article("a3", DIRECTOR, [("holds_position", 0, 1, "Giám đốc")]))
    d = ingest(kg, article("a4", SECRETARY, [("holds_position", 0, 1, "Bí thư")]))
    assert iri_of(kg, "a3", c, "Nguyễn Văn Minh").endswith("/nguyen-van-minh-2")
    assert iri_of(kg, "a4", d, "Nguyễn Văn Minh").endswith("/nguyen-van-minh")


def test_a_central_post_does_not_split_a_person(kg):
    ingest(kg, article("a1", SECRETARY, [("holds_position", 0, 1, "Bí thư")]))
    b = ingest(kg, article("a2", [("PERSON", "Nguyễn Văn Minh"), ("ORGANIZATION", "Bộ Nội vụ")],
                           [("holds_position", 0, 1, "Bộ trưởng")]))
    assert iri_of(kg, "a2", b, "Nguyễn Văn Minh").endswith("/nguyen-van-minh")


def test_reingesting_a_homonym_article_keeps_its_iris_and_quads(kg):
    ingest(kg, article("a1", SECRETARY, [("holds_position", 0, 1, "Bí thư")]))
    pair = article("a2", DIRECTOR, [("holds_position", 0, 1, "Giám đốc")])
    kg.ingest_article(*pair)
    first = kg.store.dump("nquads")
    kg.ingest_article(*pair)
    assert kg.store.dump("nquads") == first


def test_a_corrected_article_is_not_told_apart_from_its_own_earlier_version(kg):
    """Re-ingested with the post corrected, the article's person stays one node: the position
    only its earlier version stated does not make a namesake of them."""
    kg.ingest_article(*article("a1", SECRETARY, [("holds_position", 0, 1, "Bí thư")]))
    kg.ingest_article(*article("a1", DIRECTOR, [("holds_position", 0, 1, "Giám đốc")]))
    rows = kg.sparql(f"""SELECT ?person ?body WHERE {{ GRAPH <{kg.base}/graph/entities> {{
        ?person <https://vnkg.org/ontology#holdsPosition> ?body }} }}""")
    assert [(r["person"].value, r["body"].value) for r in rows] == [
        (f"{kg.base}/person/nguyen-van-minh", f"{kg.base}/org/so-tai-chinh-tinh-ca-mau")]


@pytest.mark.parametrize(("name", "expected"), [
    ("Ủy ban nhân dân tỉnh Bắc Giang", "UBND tỉnh Bắc Giang"),
    ("Hội đồng nhân dân tỉnh Bắc Giang", "HĐND tỉnh Bắc Giang"),
    ("Đoàn ĐBQH tỉnh Bắc Giang", "Đoàn Đại biểu Quốc hội tỉnh Bắc Giang"),
    ("BCH Đảng bộ tỉnh Bắc Giang", "Ban Chấp hành Đảng bộ tỉnh Bắc Giang"),
])
def test_canonical_body_name(name, expected):
    assert canonical_body_name(name) == expected


# -- the 2025 merger: provinces by the article's date (ontology/MODEL.md, "Provinces") ----------

def _worked_with_province(kg, aid: str) -> set[str]:
    rows = kg.sparql(f"""SELECT ?p WHERE {{ GRAPH <{kg.article_iri(aid)}> {{
        ?st <https://vnkg.org/ontology#relation> "worked_with" ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?p }} }}""")
    return {row["p"].value for row in rows}


MERGED = [("PERSON", "Trần Quốc Hưng"), ("PROVINCE", "Thái Nguyên"), ("PROVINCE", "Bắc Kạn")]
MERGED_FACTS = [("worked_with", 0, 1, None), ("worked_with", 0, 2, None)]


@pytest.mark.parametrize(("published", "expected"), [
    ("2025-09-18", {"province/2025/thai-nguyen", "province/bac-kan"}),
    ("2024-09-18", {"province/thai-nguyen", "province/bac-kan"}),
], ids=["after-the-merger", "before-the-merger"])
def test_a_province_is_the_unit_of_the_article_date(kg, published, expected):
    """In September 2025 "Thái Nguyên" is the province that absorbed Bắc Kạn; "Bắc Kạn", which
    no 2025 unit is called, stays the legacy unit."""
    pair = article("m1", MERGED, MERGED_FACTS, published=published)
    kg.ingest_article(*pair)
    assert _worked_with_province(kg, "m1") == {f"{kg.base}/{x}" for x in expected}


def test_facts_without_a_date_take_the_article_published_date(kg):
    art, facts = article("m2", MERGED, MERGED_FACTS, published="2025-09-18")
    undated = facts.model_copy(update={"published": None})
    assert resolve(undated, kg.store, kg.base).iris["e1"] == f"{kg.base}/province/thai-nguyen"
    assert resolve(undated, kg.store, kg.base, published="2025-09-18").iris["e1"] == \
        f"{kg.base}/province/2025/thai-nguyen"
    kg.ingest_article(art, undated)
    assert f"{kg.base}/province/2025/thai-nguyen" in _worked_with_province(kg, "m2")


def test_the_decision_terms_are_declared_in_the_ontology(kg):
    import rdflib

    from graph.vocab import OWL, VNKG

    ingest(kg, article("a1", SECRETARY, [("holds_position", 0, 1, "Bí thư")]))
    _, facts = article("a2", DIRECTOR, [("holds_position", 0, 1, "Giám đốc")])
    quads = resolve(facts, kg.store, kg.base).quads(kg.article_iri("a2"))
    assert {q.predicate for q in quads} == {OWL.differentFrom, VNKG.resolutionNote}
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "vnkg.ttl")
    declared = {str(s) for s in ontology.subjects()}
    assert {q.predicate.value for q in quads} <= declared


# -- one node per gate, one label per node ---------------------------------------------------------

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"


def labels(kg, iri: str, prop: str = RDFS_LABEL) -> set[str]:
    """Every value of `prop` the union graph gives the node, whatever the named graph."""
    rows = kg.sparql(f"SELECT DISTINCT ?l WHERE {{ GRAPH ?g {{ <{iri}> <{prop}> ?l }} }}")
    return {row["l"].value for row in rows}


def nodes_of_type(kg, segment: str) -> set[str]:
    rows = kg.sparql("SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e "
                     "<https://vnkg.org/ontology#entityType> ?t } }")
    return {row["e"].value for row in rows if f"/{segment}/" in row["e"].value}


GATE_NEWS = [
    ("g1", "Cao Bằng đẩy mạnh thông quan hàng hóa\n"
           "Sáng 12/3, Sở Công Thương tỉnh Cao Bằng đã khảo sát cặp cửa khẩu Tà Lùng - "
           "Thủy Khẩu (Quảng Tây)."),
    ("g2", "Kiểm tra hạ tầng cửa khẩu\n"
           "Ngày 20/3, đoàn công tác của Bộ Tài chính đã kiểm tra cửa khẩu Tà Lùng II."),
    ("g3", "Mở rộng lối thông quan\n"
           "Chiều 25/3, UBND tỉnh Cao Bằng đã khảo sát cặp cửa khẩu Tà Lùng - Shuikou."),
    ("g4", "Hải quan Cao Bằng tạo thuận lợi thông quan\n"
           "Ngày 27/3, Cục Hải quan tỉnh Cao Bằng đã kiểm tra Cửa khẩu quốc tế đường bộ số II"
           " - Tà Lùng."),
]


def test_every_way_of_writing_a_gazetteer_gate_is_one_node_with_its_gazetteer_label(kg):
    for aid, text in GATE_NEWS:
        title, body = text.split("\n", 1)
        facts, _ = kg.ingest_article(Article(id=aid, title=title, body=body,
                                             published=date(2024, 3, 28)))
        gates = [e for e in facts.entities if e.type == "BORDER_GATE"]
        assert [e.key for e in gates] == ["border_gate:ta-lung"], aid
    gate = f"{kg.base}/border-gate/ta-lung"
    assert nodes_of_type(kg, "border-gate") == {gate}
    assert labels(kg, gate) == {"Tà Lùng"}
    assert {"Tà Lùng - Thủy Khẩu", "Tà Lùng II", "Tà Lùng - Shuikou"} <= labels(kg, gate, SKOS_ALT)


def _gate_article(aid: str, name: str) -> tuple[Article, ArticleFacts]:
    art, facts = article(aid, [("PROVINCE", "Lạng Sơn")])
    gate = Entity(id="g", type="BORDER_GATE", name=name, key="border_gate:huu-nghi")
    return art, facts.model_copy(update={"entities": [*facts.entities, gate]})


@pytest.mark.parametrize("order", [("pair", "short"), ("short", "pair")])
def test_a_gate_pair_and_its_short_form_have_the_gazetteer_label(kg, order):
    names = {"pair": "Hữu Nghị - Hữu Nghị Quan", "short": "Hữu Nghị"}
    for aid in order:
        kg.ingest_article(*_gate_article(aid, names[aid]))
    gate = f"{kg.base}/border-gate/huu-nghi"
    assert labels(kg, gate) == {"Hữu Nghị"}
    assert labels(kg, gate, SKOS_ALT) == {"Hữu Nghị - Hữu Nghị Quan"}


@pytest.mark.parametrize(("first", "second", "label"), [
    ("Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và đào tạo", "Bộ Giáo dục và Đào tạo"),
    ("Ủy ban nhân dân tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh"),
    ("HĐND tỉnh Hà Tĩnh", "Hội đồng nhân dân tỉnh Hà Tĩnh", "HĐND tỉnh Hà Tĩnh"),
], ids=["gazetteer-body", "long-form", "abbreviation"])
def test_a_body_has_one_label_whatever_the_ingest_order(first, second, label):
    for names in ((first, second), (second, first)):
        kg = KnowledgeGraph.in_memory()
        a = ingest(kg, article("a1", [("ORGANIZATION", names[0])]))
        ingest(kg, article("a2", [("ORGANIZATION", names[1])]))
        assert labels(kg, iri_of(kg, "a1", a, names[0])) == {label}, names


def test_case_variants_keep_the_label_the_graph_already_has(kg):
    earlier = "Ban quản lý Khu Kinh tế tỉnh Hà Tĩnh"
    later = "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh"
    pair_a = article("a1", [("ORGANIZATION", earlier)])
    pair_b = article("a2", [("ORGANIZATION", later)])
    kg.ingest_article(*pair_a)
    kg.ingest_article(*pair_b)
    node = iri_of(kg, "a2", pair_b[1], later)
    assert labels(kg, node) == {earlier}
    assert labels(kg, node, SKOS_ALT) == {later}
    dump = kg.store.dump("nquads")
    kg.ingest_article(*pair_a)  # re-ingest in either order: the same quads
    kg.ingest_article(*pair_b)
    assert kg.store.dump("nquads") == dump
    hits = [r for r in kg.query("search", {"q": "ban quan ly khu kinh te"})
            if r["entity"] == node]
    assert [(h["label"], h["type"]) for h in hits] == [(earlier, "ORGANIZATION")]


def test_a_province_takes_the_reference_label(kg):
    ingest(kg, article("a1", [("PROVINCE", "thành phố Cần Thơ")]))
    assert labels(kg, f"{kg.base}/province/can-tho") == {"Cần Thơ"}


def test_a_person_is_labelled_once_across_tone_placements(kg):
    ingest(kg, article("a1", [("PERSON", "Lê Văn Hoà")]))
    ingest(kg, article("a2", [("PERSON", "Lê Văn Hòa")]))
    assert labels(kg, f"{kg.base}/person/le-van-hoa") == {"Lê Văn Hòa"}
