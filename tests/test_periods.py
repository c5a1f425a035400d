"""The period index (graph/periods.py, graph/pages.py): an entity's events, posts, leaders and
sources read month by month, newest first, with the same answers as the whole-history queries,
and its months kept only while an article supports them."""

from __future__ import annotations

from datetime import date

import pytest

from graph.service import KnowledgeGraph
from ingest.articles import Article
from ingest.facts import ArticleFacts, Entity, Fact

VNKG = "https://vnkg.org/ontology#"
MINISTER = ("PERSON", "Đỗ Văn Khoa")
DEPUTY = ("PERSON", "Lò Thị Mai")
MINISTRY = ("ORGANIZATION", "Bộ Công Thương")
PARTY = ("ORGANIZATION", "Tỉnh ủy Lai Châu")
LAI_CHAU = ("PROVINCE", "Lai Châu")
SON_LA = ("PROVINCE", "Sơn La")


def _article(aid: str, published: date, entities: list[tuple[str, str]],
             facts: list[tuple[str, int, int, str | None, str | None]]
             ) -> tuple[Article, ArticleFacts]:
    """An article and its facts: facts as (relation, i, j, role, date) over the entities."""
    ents = [Entity(id=f"e{i}", type=t, name=n) for i, (t, n) in enumerate(entities)]
    fs = [Fact(relation=r, subject=f"e{i}", object=f"e{j}", role=role, date=when)
          for r, i, j, role, when in facts]
    art = Article(id=aid, title=aid, body=aid, published=published)
    return art, ArticleFacts(article=aid, published=published.isoformat(), entities=ents,
                             facts=fs)


# The minister: Thứ trưởng in 2023, Bộ trưởng from 2024; sessions over four months, one of them
# across a month's end; the deputy leads Lai Châu's party committee.
ARTICLES = [
    _article("a1", date(2023, 11, 5), [MINISTER, MINISTRY, SON_LA],
             [("holds_position", 0, 1, "Thứ trưởng", None),
              ("worked_with", 0, 2, None, "2023-11-04")]),
    _article("a2", date(2024, 7, 31), [MINISTER, MINISTRY, LAI_CHAU],
             [("holds_position", 0, 1, "Bộ trưởng", None),
              ("worked_with", 0, 2, None, "2024-07-30/2024-08-01")]),
    _article("a3", date(2024, 8, 20), [MINISTER, MINISTRY, SON_LA, DEPUTY, PARTY],
             [("holds_position", 0, 1, "Bộ trưởng", None),
              ("holds_position", 3, 4, "Bí thư", None),
              ("worked_with", 0, 2, None, "2024-08-19")]),
    _article("a4", date(2024, 9, 2), [MINISTER, LAI_CHAU, DEPUTY, PARTY],
             [("worked_with", 0, 1, None, "2024-09-01"),
              ("holds_position", 2, 3, "Bí thư", None)]),
]


@pytest.fixture
def kg() -> KnowledgeGraph:
    kg = KnowledgeGraph.in_memory()
    for pair in ARTICLES:
        kg.ingest_article(*pair)
    return kg


def _iri(kg: KnowledgeGraph, path: str) -> str:
    return f"{kg.base}/{path}"


def _events(rows: list[dict]) -> list[tuple[str, str]]:
    seen: dict[str, tuple[str, str]] = {}
    for row in rows:
        seen.setdefault(row["event"], (row["dateText"], row["article"].rsplit("/", 1)[-1]))
    return list(seen.values())


ALL = [("2024-09-01", "a4"), ("2024-08-19", "a3"), ("2024-07-30/2024-08-01", "a2"),
       ("2023-11-04", "a1")]


@pytest.mark.parametrize(("limit", "offset"), [(10, 0), (1, 0), (2, 1), (1, 3), (5, 4)])
def test_a_timeline_page_is_the_slice_of_the_whole_history(kg, limit, offset):
    minister = _iri(kg, "person/do-van-khoa")
    assert _events(kg.timeline(minister, limit=limit, offset=offset)) == \
        ALL[offset:offset + limit]
    whole = kg.query("events_of_official", {"official": minister})
    assert kg.timeline(minister, limit=10) == whole


def test_a_window_reads_its_months_and_keeps_a_session_begun_before_it(kg):
    minister = _iri(kg, "person/do-van-khoa")
    august = kg.timeline(minister, limit=10, start=date(2024, 8, 1), end=date(2024, 8, 31))
    assert _events(august) == [("2024-08-19", "a3"), ("2024-07-30/2024-08-01", "a2")]


def test_the_worked_with_lookup_agrees_with_the_whole_history_query(kg):
    minister = _iri(kg, "person/do-van-khoa")
    for start, end in [(date(2024, 8, 1), date(2024, 8, 31)), (None, None),
                       (date(2024, 9, 1), None), (None, date(2023, 12, 31))]:
        expected = kg.query("official_worked_with", {
            "official": minister, "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None})
        assert kg.worked_with(minister, start, end) == expected


def test_positions_are_one_row_per_post_with_first_and_last_days_and_articles(kg):
    rows = kg.positions(_iri(kg, "person/do-van-khoa"))
    ministry = _iri(kg, "org/bo-cong-thuong")
    assert [(r["role"], r["organization"], r["first"], r["date"], r["articles"],
             r["article"].rsplit("/", 1)[-1]) for r in rows] == [
        ("Bộ trưởng", ministry, "2024-07-31", "2024-08-20", 2, "a3"),
        ("Thứ trưởng", ministry, "2023-11-05", "2023-11-05", 1, "a1")]


def test_a_provinces_leaders_come_latest_first_once_per_person_and_post(kg):
    rows = kg.leaders(_iri(kg, "province/lai-chau"), limit=10)
    assert [(r["personLabel"], r["role"], r["organizationLabel"], r["date"]) for r in rows] == [
        ("Lò Thị Mai", "Bí thư", "Tỉnh ủy Lai Châu", "2024-09-02")]


def test_sources_are_the_newest_articles_and_their_count(kg):
    rows, count = kg.sources(_iri(kg, "person/do-van-khoa"), limit=2)
    assert ([r["id"] for r in rows], count) == (["a4", "a3"], 4)


def _months(kg: KnowledgeGraph, path: str, index: str) -> list[str]:
    rows = kg.query("entity_months", {"entity": _iri(kg, path), "index": VNKG + index})
    return [r["month"] for r in rows]


def test_a_month_goes_with_the_last_article_that_keys_it(kg):
    assert _months(kg, "person/do-van-khoa", "eventMonth") == [
        "2024-09", "2024-08", "2024-07", "2023-11"]
    kg.delete_article("a3")  # August is still covered by a2's session across the month's end
    assert _months(kg, "person/do-van-khoa", "eventMonth") == [
        "2024-09", "2024-08", "2024-07", "2023-11"]
    kg.delete_article("a2")
    assert _months(kg, "person/do-van-khoa", "eventMonth") == ["2024-09", "2023-11"]
    assert _months(kg, "person/do-van-khoa", "positionMonth") == ["2023-11"]
    assert _months(kg, "province/lai-chau", "positionMonth") == ["2024-09"]


# -- a named event whose links carry no date of their own ------------------------------------
# My own article: a fair held in Hạ Long on a stated day; the province that organized it and the
# official who came are linked to it by statements without a date (FACTS.md gives `attended`
# and `organized` none). They are keyed in the month of the event's own date: not `undated` (an
# article without a date), nor the month the article came out in (a year-end review).
FAIR_TITLE = "Hội chợ hàng Việt vùng Đông Bắc khai mạc tại Hạ Long"
FAIR_BODY = ("Tối 15/9/2023, Hội chợ hàng Việt vùng Đông Bắc năm 2023 khai mạc tại thành phố "
             "Hạ Long. Hội chợ do tỉnh Quảng Ninh tổ chức. Thứ trưởng Bộ Công Thương Trần "
             "Minh Hải dự lễ khai mạc và thăm các gian hàng.")
FAIR = ("EVENT", "Hội chợ hàng Việt vùng Đông Bắc năm 2023")
QUANG_NINH = ("PROVINCE", "Quảng Ninh")
HA_LONG = ("LOCATION", "Hạ Long")
VISITOR = ("PERSON", "Trần Minh Hải")


def _fair(published: date | None) -> tuple[Article, ArticleFacts]:
    ents = [Entity(id=f"e{i}", type=t, name=n)
            for i, (t, n) in enumerate([FAIR, QUANG_NINH, HA_LONG, VISITOR])]
    facts = [Fact(relation="held_in", subject="e0", object="e2", date="2023-09-15"),
             Fact(relation="organized", subject="e1", object="e0"),
             Fact(relation="attended", subject="e3", object="e0")]
    art = Article(id="hoi-cho-ha-long", title=FAIR_TITLE, body=FAIR_BODY, published=published)
    return art, ArticleFacts(article=art.id, published=published.isoformat() if published
                             else None, entities=ents, facts=facts)


@pytest.fixture(params=[None, date(2024, 1, 3)], ids=["undated-article", "published-next-year"])
def fair_kg(request: pytest.FixtureRequest) -> KnowledgeGraph:
    kg = KnowledgeGraph.in_memory()
    kg.ingest_article(*_fair(request.param))
    return kg


FAIR_IRI = "event/hoi-cho-hang-viet-vung-dong-bac-nam-2023"


@pytest.mark.parametrize("path", ["province/quang-ninh", "person/tran-minh-hai", FAIR_IRI,
                                  "location/ha-long"])
def test_an_undated_link_to_a_dated_event_is_keyed_in_the_events_month(fair_kg, path):
    assert _months(fair_kg, path, "eventMonth") == ["2023-09"]


def test_the_provinces_timeline_of_the_events_year_shows_it(fair_kg):
    province = _iri(fair_kg, "province/quang-ninh")
    rows = fair_kg.timeline(province, limit=10, start=date(2023, 1, 1), end=date(2023, 12, 31))
    assert [(r["kind"], r["label"], r["dateText"], r["role"], r["memberLabel"]) for r in rows] == [
        ("Event", "Hội chợ hàng Việt vùng Đông Bắc năm 2023", "2023-09-15", "organizer",
         "Quảng Ninh"),
        ("Event", "Hội chợ hàng Việt vùng Đông Bắc năm 2023", "2023-09-15", "participant",
         "Trần Minh Hải"),
        ("Event", "Hội chợ hàng Việt vùng Đông Bắc năm 2023", "2023-09-15", "place", "Hạ Long")]


def test_asking_for_the_provinces_events_that_year_finds_it(fair_kg):
    answer = fair_kg.ask("Tỉnh Quảng Ninh có những sự kiện gì năm 2023?")
    assert (answer["understood"], answer["kind"]) == (True, "events")
    assert [(r["entity"]["label"], r["kind"], r["date"], r["article"],
             [(m["role"], m["label"]) for m in r["members"]]) for r in answer["rows"]] == [
        ("Hội chợ hàng Việt vùng Đông Bắc năm 2023", "Event", "2023-09-15", "hoi-cho-ha-long",
         [("participant", "Trần Minh Hải"), ("place", "Hạ Long")])]
