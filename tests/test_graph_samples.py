"""Graph-level checks across the five bundled sample articles (the session sample graph)."""

from __future__ import annotations

from collections import defaultdict

VNKG = "https://vnkg.org/ontology#"


def test_mission_query_returns_the_six_provinces_with_dates_and_sources(either_sample_kg):
    """The mission lookup, on the embedded store and on a remote one (oxigraph serve)."""
    rows = either_sample_kg.query("official_worked_with", {
        "official": f"{either_sample_kg.base}/person/nguyen-hong-dien",
        "from": "2024-08-01", "to": "2024-08-31"})
    by_province = defaultdict(set)
    for row in rows:
        assert row["hostType"] == "PROVINCE"
        assert row["article"].startswith(f"{either_sample_kg.base}/article/")
        by_province[row["hostLabel"]].add(row["dateText"])
    assert dict(by_province) == {
        "Lào Cai": {"2024-08-30"},
        "Thái Nguyên": {"2024-08-15"}, "Bắc Kạn": {"2024-08-15"},
        "Kon Tum": {"2024-08-07/2024-08-09"}, "Quảng Ngãi": {"2024-08-07/2024-08-09"},
        "Bình Định": {"2024-08-07/2024-08-09"},
    }
    lao_cai = [r for r in rows if r["hostLabel"] == "Lào Cai"]
    assert {r["article"].rsplit("/", 1)[1] for r in lao_cai} == {"000_f580f7af15c600dc"}
    assert all(r["url"].startswith("https://congthuong.vn/") for r in lao_cai)


def test_the_window_excludes_sessions_outside_it(either_sample_kg):
    rows = either_sample_kg.query("official_worked_with", {
        "official": f"{either_sample_kg.base}/person/nguyen-hong-dien",
        "from": "2024-08-10", "to": "2024-08-20"})
    assert {r["hostLabel"] for r in rows} == {"Thái Nguyên", "Bắc Kạn"}


def _nodes(kg, key: str) -> set[str]:
    rows = kg.sparql(f'SELECT DISTINCT ?e WHERE {{ ?e <{VNKG}searchKey> "{key}" }}')
    return {r["e"].value for r in rows}


def test_the_same_person_in_two_lao_cai_articles_is_one_node(sample_kg):
    (node,) = _nodes(sample_kg, "dang xuan phong")
    rows = sample_kg.sparql(f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{
        ?m <http://www.w3.org/ns/org#member> <{node}> }} }}""")
    assert {r["g"].value.rsplit("/", 1)[1] for r in rows} >= {
        "000_f580f7af15c600dc", "003_cea35ca578ff3637"}


def test_both_spellings_of_the_ministry_are_one_node(sample_kg):
    assert _nodes(sample_kg, "bo cong thuong") == {f"{sample_kg.base}/org/bo-cong-thuong"}
    rows = sample_kg.sparql(f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{
        ?s ?p <{sample_kg.base}/org/bo-cong-thuong> }} }}""")
    assert len({r["g"].value for r in rows}) >= 4  # named in four of the five articles


def test_the_minister_is_one_node_across_three_articles(sample_kg):
    (node,) = _nodes(sample_kg, "nguyen hong dien")
    rows = sample_kg.sparql(f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{
        ?s <{VNKG}participant> <{node}> }} }}""")
    assert {r["g"].value.rsplit("/", 1)[1] for r in rows} == {
        "000_f580f7af15c600dc", "001_13c4237007baa4d9", "002_d1b7fc9568cbba03"}


def test_no_homonym_split_among_the_samples(sample_kg):
    rows = sample_kg.sparql(
        "SELECT ?a WHERE { ?a <http://www.w3.org/2002/07/owl#differentFrom> ?b }")
    assert list(rows) == []


def _labels_by_node(kg) -> dict[str, set[str]]:
    rows = kg.sparql(f"""SELECT DISTINCT ?e ?l WHERE {{ GRAPH ?g {{
        ?e <{VNKG}entityType> ?t ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}""")
    out: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        out[row["e"].value].add(row["l"].value)
    return out


def test_every_node_has_one_label_across_the_samples(sample_kg):
    several = {e: ls for e, ls in _labels_by_node(sample_kg).items() if len(ls) > 1}
    assert several == {}


def test_each_border_gate_of_the_samples_is_one_node_under_its_gazetteer_name(sample_kg):
    """The samples write one gate as a pair with two spellings of the Chinese side, as the
    bare name, as "II" or "số II - ...": every form is the gazetteer gate's one node. The
    international railway station, a crossing point of the Lào Cai gate, is a node of its own
    (the gazetteer's station), never a second node of the road gate."""
    gates = {e.rsplit("/", 1)[1]: ls for e, ls in _labels_by_node(sample_kg).items()
             if "/border-gate/" in e}
    assert gates == {"lao-cai": {"Lào Cai"}, "kim-thanh": {"Kim Thành"},
                     "ban-vuoc": {"Bản Vược"}, "muong-khuong": {"Mường Khương"},
                     "ga-lao-cai": {"Ga đường sắt quốc tế Lào Cai"}}
    places = sample_kg.query("province_places", {"province": f"{sample_kg.base}/province/lao-cai"})
    assert f"{sample_kg.base}/border-gate/ga-lao-cai" in {r["place"] for r in places}
    rows = sample_kg.sparql(f"""SELECT DISTINCT ?alt WHERE {{
        <{sample_kg.base}/border-gate/lao-cai> <http://www.w3.org/2004/02/skos/core#altLabel>
        ?alt }}""")
    assert "Lào Cai - Hà Khẩu" in {r["alt"].value for r in rows}


def test_search_returns_each_entity_once(sample_kg):
    rows = sample_kg.query("search", {"q": "lao cai"})
    entities = [r["entity"] for r in rows]
    assert len(entities) == len(set(entities))
    assert f"{sample_kg.base}/border-gate/lao-cai" in entities
