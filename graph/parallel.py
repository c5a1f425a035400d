"""Extraction in worker processes while this process writes: the ingest's two stages overlap.

Extraction (spaCy, pyvi, our rules) is the costly, independent part of ingest; writing is done by
one writer, in order. `extracted` reads the articles lazily in chunks and hands each chunk to a
pool of processes (each builds the pipeline once), keeping only a few chunks in flight so memory
stays flat, and yields the results in input order: the store comes out the same whatever the
number of workers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from graph.errors import BadArticle
from ingest.articles import Article, ArticleError
from ingest.facts import ArticleFacts
from ingest.pipeline import extract

__all__ = ["EXTRACT_BATCH", "Extracted", "chunks", "extract_each", "extracted"]

Extracted = ArticleError | tuple[Article, ArticleFacts | BadArticle]
IN_FLIGHT = 3  # chunks queued per worker: enough to keep it busy, few enough to bound memory


def chunks(items: Iterable[Article | ArticleError], size: int
           ) -> Iterator[list[Article | ArticleError]]:
    """The reader's items in lists of `size`, read lazily (a month of news is never held whole)."""
    chunk: list[Article | ArticleError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


EXTRACT_BATCH = 16  # articles per nlp.pipe call; a failing batch is redone one at a time


def extract_each(articles: list[Article]) -> Iterator[tuple[Article, ArticleFacts | BadArticle]]:
    """Facts for each article, in order; an article the extractor fails on becomes a
    `BadArticle` naming it, and the others still get their facts."""
    for start in range(0, len(articles), EXTRACT_BATCH):
        chunk = articles[start:start + EXTRACT_BATCH]
        try:
            results: list[ArticleFacts] | None = list(extract(chunk))
        except Exception:  # a bug on one article must not lose the batch: redo one by one
            results = None
        if results is not None:
            yield from zip(chunk, results, strict=True)
            continue
        for article in chunk:
            try:
                yield article, next(extract([article]))
            except Exception as err:
                where = article.path or article.id
                yield article, BadArticle(f"{where}: extraction failed: "
                                          f"{type(err).__name__}: {err}")


def _articles(chunk: list[Article | ArticleError]) -> list[Article]:
    return [item for item in chunk if not isinstance(item, ArticleError)]


def _extract_all(articles: list[Article]) -> list[tuple[Article, ArticleFacts | BadArticle]]:
    return list(extract_each(articles))


def _in_order(chunk: list[Article | ArticleError],
              results: list[tuple[Article, ArticleFacts | BadArticle]]) -> list[Extracted]:
    """A chunk's results in its order: its unreadable items (which stay in this process) as they
    are, the others' facts."""
    facts = iter(results)
    return [item if isinstance(item, ArticleError) else next(facts) for item in chunk]


def _warm() -> None:
    """Build the pipeline when a worker starts, not inside its first chunk."""
    from ingest.pipeline import default_nlp

    default_nlp()


def extracted(items: Iterable[Article | ArticleError], size: int, workers: int = 0
              ) -> Iterator[list[Extracted]]:
    """Each chunk's results, in order; `workers` processes extract (0: this process does)."""
    if workers <= 0:
        for chunk in chunks(items, size):
            yield _in_order(chunk, _extract_all(_articles(chunk)))
        return
    context = get_context("spawn")  # a clean interpreter: no server or store state carried over
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm) as pool:
        pending: deque[tuple[list, Future]] = deque()
        for chunk in chunks(items, size):
            pending.append((chunk, pool.submit(_extract_all, _articles(chunk))))
            if len(pending) >= IN_FLIGHT * workers:
                chunk, future = pending.popleft()
                yield _in_order(chunk, future.result())
        while pending:
            chunk, future = pending.popleft()
            yield _in_order(chunk, future.result())
