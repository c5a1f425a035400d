"""Extraction in worker processes while this process writes: the ingest's two stages overlap.

Extraction (spaCy, pyvi, our rules) is the costly, independent part of ingest; writing is done by
one writer, in order. `extracted` reads the articles lazily in chunks and hands each chunk to a
pool of processes (each builds the pipeline once), keeping only a few chunks in flight so memory
stays flat, and yields the results in input order: the store comes out the same whatever the
number of workers. The same chunks can run as tasks of a Dask cluster (`dask`), streamed back
to the writer in order as they complete.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from typing import Any

from graph.errors import BadArticle, StoreError
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


def _extract_all(articles: list[Article]) -> list[ArticleFacts | BadArticle]:
    """Each article's facts, in order: only the facts travel back from a worker (the writer
    holds the articles already)."""
    return [facts for _, facts in extract_each(articles)]


def _extract_all_sent(articles: list[Article]) -> list[str | BadArticle]:
    """What a worker sends back: each article's facts as JSON, a `BadArticle` as it is. The
    writer reads JSON back into the models in 0.30 ms an article, where unpickling them took
    0.54 ms, and the writer's time is what two workers wait on."""
    return [facts.model_dump_json() if isinstance(facts, ArticleFacts) else facts
            for facts in _extract_all(articles)]


def _received(result: str | ArticleFacts | BadArticle) -> ArticleFacts | BadArticle:
    return ArticleFacts.model_validate_json(result) if isinstance(result, str) else result


def _in_order(chunk: list[Article | ArticleError],
              results: list[str | ArticleFacts | BadArticle]) -> list[Extracted]:
    """A chunk's results in its order: its unreadable items (which stay in this process) as they
    are, the others with their facts (read from a worker's JSON)."""
    facts = iter(results)
    return [item if isinstance(item, ArticleError) else (item, _received(next(facts)))
            for item in chunk]


WORKER_NICENESS = 5  # how much lower than the writer's an extraction worker's CPU priority is


def _warm() -> None:
    """Build the pipeline when a worker starts, not inside its first chunk; and yield the CPU
    to the writer: every article passes through its one thread, so when the cores are all
    busy it must not wait behind the workers that feed it (they fill the window meanwhile)."""
    import os

    from ingest.pipeline import default_nlp

    os.nice(WORKER_NICENESS)
    default_nlp()


def extracted(items: Iterable[Article | ArticleError], size: int, workers: int = 0,
              dask: str | None = None) -> Iterator[list[Extracted]]:
    """Each chunk's results, in order; `workers` processes extract (0: this process does), or
    the workers of a Dask cluster (`dask`: a scheduler address, or "local")."""
    if dask:
        with dask_client(dask, workers) as (client, count):
            yield from _pipelined(client.submit, items, size, IN_FLIGHT * count)
        return
    if workers <= 0:
        for chunk in chunks(items, size):
            yield _in_order(chunk, _extract_all(_articles(chunk)))
        return
    context = get_context("spawn")  # a clean interpreter: no server or store state carried over
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm) as pool:
        yield from _pipelined(pool.submit, items, size, IN_FLIGHT * workers)


def _pipelined(submit: Callable[..., Any], items: Iterable[Article | ArticleError], size: int,
               window: int) -> Iterator[list[Extracted]]:
    """Chunks submitted as tasks (`submit(fn, arg)` gives a future with `.result()`), at most
    `window` in flight, their results yielded in input order as they complete."""
    pending: deque[tuple[list, Any]] = deque()
    for chunk in chunks(items, size):
        pending.append((chunk, submit(_extract_all_sent, _articles(chunk))))
        if len(pending) >= window:
            chunk, future = pending.popleft()
            yield _in_order(chunk, future.result())
    while pending:
        chunk, future = pending.popleft()
        yield _in_order(chunk, future.result())


@contextmanager
def dask_client(address: str, workers: int = 0) -> Iterator[tuple[Any, int]]:
    """A Dask client and its number of workers: on the scheduler at `address`, or on a
    LocalCluster of `workers` processes (2 when 0) for "local". Each Dask worker builds the
    pipeline once, at its first task (`default_nlp` is cached per process)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise StoreError("--dask needs Dask: pip install 'vnkg[dask]'") from None
    if address == "local":
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        with cluster, Client(cluster) as client:
            yield _Submitting(client), workers or 2
        return
    with Client(address) as client:
        yield _Submitting(client), max(1, len(client.scheduler_info()["workers"]))


class _Submitting:
    """A Dask client whose tasks are never merged: two chunks with equal articles are still two
    tasks (Dask would otherwise key them by their arguments)."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)
