"""A store of N synthetic articles, written straight through the graph writer (no NLP), for the
tests that need a store larger than the samples: thousands of articles in seconds.

Each article states a position, two working sessions, a visit and an event in a province, with
people, bodies, provinces and dates drawn deterministically from small lists (made-up names,
never real article text), so that entities recur across articles as in real news.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Minh", "Hồng", "Quốc", "Thanh", "Đức", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khoa", "Lâm", "Nam", "Phong",
         "Quang", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân"]
BODIES = ["Bộ Công Thương", "Bộ Tài chính", "Bộ Y tế", "Bộ Xây dựng", "Bộ Nội vụ",
          "Bộ Giáo dục và Đào tạo", "Bộ Giao thông vận tải", "Bộ Tư pháp"]
ROLES = ["Bộ trưởng", "Thứ trưởng", "Vụ trưởng"]
PROVINCES = ["Lào Cai", "Cao Bằng", "Lạng Sơn", "Hà Giang", "Yên Bái", "Sơn La", "Điện Biên",
             "Lai Châu", "Quảng Ninh", "Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Quảng Bình",
             "Đắk Lắk", "Gia Lai", "Kon Tum", "Cà Mau", "Bạc Liêu", "An Giang", "Kiên Giang"]
EVENTS = ["Hội nghị xúc tiến đầu tư", "Diễn đàn hợp tác vùng", "Hội chợ thương mại biên giới"]
FIRST_DAY = date(2022, 1, 1)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def synthetic(n: int, seed: int = 0) -> Iterator[tuple]:
    """(Article, ArticleFacts) pairs of `n` made-up articles, the same for the same seed."""
    from ingest.articles import Article
    from ingest.facts import ArticleFacts

    rng = random.Random(seed)
    for i in range(n):
        person, other = _person(rng), _person(rng)
        body, role = rng.choice(BODIES), rng.choice(ROLES)
        first, second, host = rng.sample(PROVINCES, 3)
        day = FIRST_DAY + timedelta(days=rng.randrange(1000))
        event = rng.choice(EVENTS)
        text = (f"Ngày {day.day}/{day.month}, {role} {body} {person} làm việc với tỉnh "
                f"{first} và tỉnh {second}; {other} dự {event} tại {host}.")
        article = Article(id=f"syn-{i:05d}", title=f"Tin tổng hợp số {i}", body=text,
                          url=f"https://example.org/syn/{i}",
                          published=day + timedelta(days=1))
        entities = [("e1", "PERSON", person), ("e2", "ORGANIZATION", body),
                    ("e3", "PROVINCE", first), ("e4", "PROVINCE", second),
                    ("e5", "PERSON", other), ("e6", "EVENT", event), ("e7", "PROVINCE", host)]
        stamp = day.isoformat()
        facts = [("holds_position", "e1", "e2", {"role": role}),
                 ("worked_with", "e1", "e3", {"date": stamp}),
                 ("worked_with", "e1", "e4", {"date": stamp}),
                 ("visited", "e5", "e7", {"date": stamp}),
                 ("attended", "e5", "e6", {"date": stamp}),
                 ("held_in", "e6", "e7", {"date": stamp})]
        yield article, ArticleFacts.model_validate({
            "article": article.id,
            "entities": [{"id": e, "type": t, "name": name} for e, t, name in entities],
            "facts": [{"relation": r, "subject": s, "object": o, **extra}
                      for r, s, o, extra in facts]})


def build_store(folder: Path, n: int, seed: int = 0) -> Path:
    """Write `n` synthetic articles into a new on-disk store at `folder` and close it."""
    import gc

    from graph.service import KnowledgeGraph
    from graph.settings import Settings

    kg = KnowledgeGraph(Settings(store=str(folder)))
    report = kg._write_all(synthetic(n, seed), None)
    assert report.ok and len(report.ingested) == n, report.errors
    kg.close()
    del kg
    gc.collect()  # the store's lock goes with its last reference: a server can then open it
    return folder
