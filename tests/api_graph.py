"""The small graph the API tests share: tests/data/api_articles.json (articles and facts written
for these tests), ingested through `KnowledgeGraph.ingest_article` so it follows the RDF model."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "api_articles.json"


def ingest_api_articles(kg):
    """Ingest the test articles with their given facts into `kg`; returns it."""
    from ingest.articles import Article
    from ingest.facts import ArticleFacts

    for item in json.loads(DATA.read_text(encoding="utf-8")):
        a = item["article"]
        article = Article(id=a["id"], title=a["title"], body=a["body"], url=a["url"],
                          published=date.fromisoformat(a["published"]))
        kg.ingest_article(article, ArticleFacts.model_validate(item["facts"]))
    kg.store.flush()
    return kg
