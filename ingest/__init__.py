"""ingest: articles in, facts out (../shared/FACTS.md)."""

from ingest.articles import Article, ArticleError, read_articles
from ingest.facts import ArticleFacts
from ingest.pipeline import EXTRACTOR_VERSION, build_nlp, extract

__all__ = [
    "EXTRACTOR_VERSION",
    "Article",
    "ArticleError",
    "ArticleFacts",
    "build_nlp",
    "extract",
    "read_articles",
]
