"""The shared entity graph (graph/shared.py): each triple in one graph, entities written once,
articles replaceable on their own, nothing left behind by the last article naming a thing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from graph.iris import post_iri
from graph.service import KnowledgeGraph
from graph.settings import Settings
from ingest.articles import Article
from ingest.facts import ArticleFacts, Entity, Fact, Mention

VNKG = "https://vnkg.org/ontology#"


def _article(aid: str, text: str, entities: list[tuple[str, str, list[str]]],
             facts: list[tuple[str, int, int, str | None, str | None]]
             ) -> tuple[Article, ArticleFacts]:
    """An article and its facts: entities as (TYPE, name, other names), facts as
    (relation, i, j, role, date)."""
    ents = [Entity(id=f"e{i}", type=t, name=n, mentions=[
        Mention(text=alias, start=0, end=len(alias)) for alias in aliases])
        for i, (t, n, aliases) in enumerate(entities)]
    fs = [Fact(relation=r, subject=f"e{i}", object=f"e{j}", role=role, date=when)
          for r, i, j, role, when in facts]
    art = Article(id=aid, title=aid, body=text, published=date(2024, 8, 31))
    return art, ArticleFacts(article=aid, published="2024-08-31", entities=ents, facts=fs)


MINISTER = ("PERSON", "Đỗ Văn Khoa", [])
MINISTRY = ("ORGANIZATION", "Bộ Công Thương", [])
LAI_CHAU = ("PROVINCE", "Lai Châu", ["tỉnh Lai Châu"])
FIRST = _article("x1", "Bộ trưởng Đỗ Văn Khoa làm việc với tỉnh Lai Châu.",
                 [MINISTER, MINISTRY, LAI_CHAU, ("PERSON", "Lò Thị Mai", ["bà Mai"])],
                 [("holds_position", 0, 1, "Bộ trưởng", None),
                  ("worked_with", 0, 2, None, "2024-08-30")])
SECOND = _article("x2", "Bộ trưởng Đỗ Văn Khoa thăm tỉnh Lai Châu.",
                  [("PERSON", "Đỗ Văn Khoa", ["ông Khoa"]), MINISTRY, LAI_CHAU],
                  [("holds_position", 0, 1, "Bộ trưởng", None),
                   ("worked_with", 0, 2, None, "2024-08-30")])


@pytest.fixture(params=["embedded", "remote"])
def kg(request: pytest.FixtureRequest) -> KnowledgeGraph:
    """The two articles above, on the in-memory store and on a real `oxigraph serve`."""
    if request.param == "remote":
        kg = KnowledgeGraph(Settings(store=request.getfixturevalue("oxigraph_url")))
    else:
        kg = KnowledgeGraph.in_memory()
    for pair in (FIRST, SECOND):
        kg.ingest_article(*pair)
    return kg


def _count(kg: KnowledgeGraph, query: str, **kwargs) -> int:
    return int(next(iter(kg.sparql(query, **kwargs)))["n"].value)


def _shared(kg: KnowledgeGraph, subject: str) -> set[tuple[str, str]]:
    rows = kg.sparql(f"SELECT ?p ?o WHERE {{ GRAPH <{kg.base}/graph/entities> {{ "
                     f"<{kg.base}/{subject}> ?p ?o }} }}")
    return {(r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], r["o"].value) for r in rows}


def test_the_union_is_a_set_on_the_samples(either_sample_kg):
    kg = either_sample_kg
    everything = _count(kg, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    distinct = _count(kg, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                          "WHERE { ?s ?p ?o } }")
    assert everything == distinct == len(kg.store)


def test_from_an_article_graph_counts_that_graph_alone(either_sample_kg):
    kg = either_sample_kg
    graph = kg.article_iri("001_13c4237007baa4d9")
    alone = sum(1 for _ in kg.store.quads(graph))
    assert _count(kg, f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}") == alone
    assert _count(kg, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                  default_graph=[graph]) == alone
    assert _count(kg, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{graph}> "
                      f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == alone


def test_an_entity_is_described_once_with_every_name_articles_give_it(kg):
    assert _shared(kg, "person/do-van-khoa") == {
        ("type", f"{VNKG}Person"), ("entityType", "PERSON"), ("label", "Đỗ Văn Khoa"),
        ("altLabel", "ông Khoa"), ("holdsPosition", f"{kg.base}/org/bo-cong-thuong"),
        ("workedWith", f"{kg.base}/province/lai-chau"),
        ("holds", post_iri(f"{kg.base}/org/bo-cong-thuong", "Bộ trưởng", kg.base)),
        ("eventMonth", "2024-08"), ("positionMonth", "2024-08"), ("sourceMonth", "2024-08"),
        ("searchKey", "do van khoa"), ("searchKey", "ong khoa"),
        ("searchWord", "do"), ("searchWord", "van"), ("searchWord", "khoa"),
        ("searchWord", "ong"), ("searchPrefix", "do"), ("searchPrefix", "va"),
        ("searchPrefix", "van"), ("searchPrefix", "kh"), ("searchPrefix", "kho"),
        ("searchPrefix", "on"), ("searchPrefix", "ong")}
    mentions = kg.sparql(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?m <{VNKG}mentionOf> "
                         f"<{kg.base}/person/do-van-khoa> }} }} ORDER BY ?g")
    assert [r["g"].value for r in mentions] == [kg.article_iri("x1"), kg.article_iri("x2")]


def test_a_reference_province_gets_only_the_names_the_reference_lacks(kg):
    assert _shared(kg, "province/lai-chau") == {
        ("altLabel", "tỉnh Lai Châu"), ("eventMonth", "2024-08"), ("sourceMonth", "2024-08")}


def test_replacing_an_article_drops_what_only_its_old_version_said(kg):
    art, facts = SECOND
    unnamed = facts.entities[0].model_copy(update={"mentions": []})
    kg.ingest_article(replace(art, body="Bộ trưởng Đỗ Văn Khoa."),
                      facts.model_copy(update={"entities": [unnamed, facts.entities[1]],
                                               "facts": facts.facts[:1]}))
    names = {(p, o) for p, o in _shared(kg, "person/do-van-khoa")
             if p in ("label", "altLabel", "searchKey", "searchWord")}
    # "ông Khoa" was only the second article's name for him: it goes, with its index keys
    assert names == {("label", "Đỗ Văn Khoa"), ("searchKey", "do van khoa"),
                     ("searchWord", "do"), ("searchWord", "van"), ("searchWord", "khoa")}
    # the first article still works with Lai Châu: the edge stays
    assert ("workedWith", f"{kg.base}/province/lai-chau") in _shared(kg, "person/do-van-khoa")


def test_deleting_the_last_article_naming_an_entity_leaves_no_orphan(kg):
    kg.delete_article("x1")
    assert _shared(kg, "person/lo-thi-mai") == set()
    assert ("label", "Đỗ Văn Khoa") in _shared(kg, "person/do-van-khoa")
    kg.delete_article("x2")
    rest = kg.sparql(f"SELECT ?s WHERE {{ GRAPH <{kg.base}/graph/entities> {{ ?s ?p ?o }} }}")
    assert list(rest) == []
    reference = f"{kg.base}/graph/reference"
    assert len(kg.store) == sum(1 for _ in kg.store.quads(reference))


def _lines(kg: KnowledgeGraph) -> list[str]:
    """The store's N-Quads, sorted, ingest times aside."""
    return sorted(line for line in kg.store.dump("nquads").decode().splitlines()
                  if "generatedAtTime" not in line)


def test_a_remote_store_holds_what_the_embedded_one_holds(sample_kg, remote_sample_kg):
    """Ingest of the samples into `oxigraph serve` writes the quads it writes into the
    embedded store (ingest times aside)."""
    assert _lines(remote_sample_kg) == _lines(sample_kg)
    assert len(_lines(sample_kg)) > 1000


def test_a_later_ingest_writes_only_the_shared_triples_the_store_lacks():
    """A second ingest (a new writer, remembering nothing) that names the same minister,
    ministry and province writes the shared triples they lack (the new alias's keys), not the
    names, keys, months and edges the first one stored: Oxigraph would write them all again."""
    kg = KnowledgeGraph.in_memory()
    kg.ingest_article(*FIRST)
    entities = f"{kg.base}/graph/entities"
    before = set(kg.store.quads(entities))
    written: list = []
    extend = kg.store.extend

    def recording(quads):
        written.extend(q for q in quads if q.graph_name.value == entities)
        extend(quads)

    kg.store.extend = recording
    kg.ingest_article(*SECOND)
    after = set(kg.store.quads(entities))
    assert sorted(map(str, written)) == sorted(map(str, after - before))
    minister = f"{kg.base}/person/do-van-khoa"
    assert sorted((q.subject.value, q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1],
                   q.object.value) for q in written) == [
        (minister, "altLabel", "ông Khoa"), (minister, "searchKey", "ong khoa"),
        (minister, "searchPrefix", "on"), (minister, "searchPrefix", "ong"),
        (minister, "searchWord", "ong")]


def test_one_batch_writes_what_one_article_at_a_time_writes(samples_dir):
    batch = KnowledgeGraph.in_memory()
    batch.ingest([samples_dir])
    single = KnowledgeGraph.in_memory()
    for path in sorted(samples_dir.glob("*.txt")):
        single.ingest([path])
    assert _lines(batch) == _lines(single)


def test_extraction_in_worker_processes_writes_the_same_store(samples_dir, tmp_path):
    here = KnowledgeGraph.in_memory()
    here.ingest([samples_dir])
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not text")
    apart = KnowledgeGraph.in_memory()
    report = apart.ingest([samples_dir, bad], workers=2)
    assert _lines(apart) == _lines(here)
    assert len(report.ingested) == 5
    assert report.errors == [f"{bad}: not UTF-8 text (byte 0)"]


# Every entity of the samples with the words "Lào Cai": exact names first, then by type and label.
LAO_CAI = [
    ("BORDER_GATE", "Lào Cai"), ("PROVINCE", "Lào Cai"), ("PROVINCE", "Lào Cai"),
    ("BORDER_GATE", "Ga đường sắt quốc tế Lào Cai"),
    ("ORGANIZATION", "Ban Cán sự Đảng UBND tỉnh Lào Cai"),
    ("ORGANIZATION", "Ban Quản lý Khu kinh tế tỉnh Lào Cai"),
    ("ORGANIZATION", "Ban Thường vụ Tỉnh ủy Lào Cai"),
    ("ORGANIZATION", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lào Cai"),
    ("ORGANIZATION", "HĐND tỉnh Lào Cai"), ("ORGANIZATION", "Sở Công Thương tỉnh Lào Cai"),
    ("ORGANIZATION", "Sở Du lịch tỉnh Lào Cai"),
    ("ORGANIZATION", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai"),
    ("ORGANIZATION", "Thường trực Tỉnh ủy Lào Cai"),
    ("ORGANIZATION", "Thường trực UBND tỉnh Lào Cai"), ("ORGANIZATION", "Tỉnh ủy Lào Cai"),
    ("ORGANIZATION", "UBND tỉnh Lào Cai"),
    ("ORGANIZATION", "Đoàn Đại biểu Quốc hội tỉnh Lào Cai"),
    ("ZONE", "Khu kinh tế cửa khẩu Lào Cai")]


@pytest.mark.parametrize(("text", "expected"), [
    ("lao cai", LAO_CAI),
    ("Lào Ca", LAO_CAI),
    ("hong dien", [("PERSON", "Nguyễn Hồng Diên")]),
    ("nguyen hong d", [("PERSON", "Nguyễn Hồng Diên")]),
], ids=["folded", "prefix-with-tones", "later-words", "typing"])
def test_search_matches_words_and_the_prefix_being_typed(sample_kg, text, expected):
    from graph.names import query_terms

    key, word, prefix = query_terms(text)
    rows = sample_kg.query("search", {"q": key, "word": word, "prefix": prefix})
    assert [(r["type"], r["label"]) for r in rows] == expected


def test_extraction_on_a_dask_local_cluster_writes_the_same_store(samples_dir, tmp_path):
    pytest.importorskip("distributed")
    here = KnowledgeGraph.in_memory()
    here.ingest([samples_dir])
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not text")
    on_dask = KnowledgeGraph.in_memory()
    report = on_dask.ingest([samples_dir, bad], workers=2, dask="local")
    assert _lines(on_dask) == _lines(here)
    assert len(report.ingested) == 5
    assert report.errors == [f"{bad}: not UTF-8 text (byte 0)"]
