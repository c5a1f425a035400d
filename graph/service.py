"""`KnowledgeGraph`: the one service the CLI and the HTTP API both call.

It owns the store, runs the extractor, writes one named graph per article, answers named
queries and exports. Nothing outside graph/ touches pyoxigraph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import export as graph_export
from graph.analytics import summarize
from graph.errors import BadArticle, BadQuery, NotFound, VnkgError
from graph.iris import article_iri
from graph.queries import load_query
from graph.rdf import article_quads
from graph.reference import REFERENCE_GRAPH, reference_quads
from graph.resolution import resolve
from graph.settings import Settings, get_settings
from graph.store import FORMATS, GraphStore, bind_values
from ingest.articles import Article, ArticleError, read_articles
from ingest.facts import ArticleFacts
from ingest.pipeline import EXTRACTOR_VERSION, extract

__all__ = ["IngestReport", "KnowledgeGraph"]

XSD = "http://www.w3.org/2001/XMLSchema#"
CHUNK = 16  # articles per nlp.pipe batch; a failing batch is redone one article at a time


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def content_hash(article: Article) -> str:
    return "sha256:" + hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def extract_each(articles: list[Article]) -> Iterator[tuple[Article, ArticleFacts | BadArticle]]:
    """Facts for each article, in order; an article the extractor fails on becomes a
    `BadArticle` naming it, and the others still get their facts."""
    for start in range(0, len(articles), CHUNK):
        chunk = articles[start:start + CHUNK]
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


class KnowledgeGraph:
    """The knowledge graph over one store.

    >>> kg = KnowledgeGraph.in_memory()
    >>> kg.stats()["articles"]
    0
    """

    def __init__(self, settings: Settings | None = None, *, store: GraphStore | None = None,
                 read_only: bool = False) -> None:
        self.settings = settings or get_settings()
        self.store = store if store is not None else GraphStore(self.settings.store,
                                                                  read_only=read_only)
        self.base = self.settings.base_iri.rstrip("/")
        if not read_only:
            self._ensure_reference()

    @classmethod
    def in_memory(cls, settings: Settings | None = None) -> KnowledgeGraph:
        settings = (settings or get_settings()).model_copy(update={"store": None})
        return cls(settings, store=GraphStore(None))

    # -- IRIs ------------------------------------------------------------------------------
    def article_iri(self, article_id: str) -> str:
        return article_iri(article_id, self.base)

    def _ensure_reference(self) -> None:
        """Load the province reference data once (its own named graph)."""
        graph = REFERENCE_GRAPH.format(base=self.base)
        if not self.store.has_graph(graph):
            self.store.replace_graph(graph, reference_quads(self.base))

    # -- extraction and ingest ---------------------------------------------------------------
    def extract(self, inputs: Iterable[str | Path]
                ) -> Iterator[ArticleFacts | ArticleError | BadArticle]:
        """Facts for every readable article; unreadable ones come out as errors, in order."""
        pending: list[Article] = []
        for item in read_articles(inputs):
            if isinstance(item, ArticleError):
                yield from (facts for _, facts in extract_each(pending))
                pending = []
                yield item
            else:
                pending.append(item)
        yield from (facts for _, facts in extract_each(pending))

    def ingest_article(self, article: Article, facts: ArticleFacts | None = None
                       ) -> tuple[ArticleFacts, bool]:
        """Write one article's named graph (replacing any earlier one); returns (facts, changed)."""
        if facts is None:
            [(_, facts)] = extract_each([article])
            if isinstance(facts, BadArticle):
                raise facts
        graph = self.article_iri(article.id)
        digest = content_hash(article)
        previous = self.query("article_provenance", {"article": graph})
        ingested_at = datetime.now(UTC).replace(microsecond=0)
        if previous and previous[0]["hash"] == digest:
            ingested_at = datetime.fromisoformat(previous[0]["ingested"])
        resolution = resolve(facts, self.store, self.base, published=article.published)
        quads = resolution.quads(graph) + article_quads(
            resolution.labelled(facts), article, base=self.base, iris=resolution.iris,
            ingested_at=ingested_at, extractor_version=EXTRACTOR_VERSION,
        )
        self.store.replace_graph(graph, quads)
        return facts, not (previous and previous[0]["hash"] == digest)

    def ingest(self, inputs: Iterable[str | Path],
               progress: Callable[[str], None] | None = None) -> IngestReport:
        """Ingest every article under the inputs; bad ones are reported, the rest go on."""
        report = IngestReport()
        articles: list[Article] = []
        for item in read_articles(inputs):
            if isinstance(item, ArticleError):
                report.errors.append(str(item))
            else:
                articles.append(item)
        for article, facts in extract_each(articles):
            if isinstance(facts, BadArticle):
                report.errors.append(facts.message)
                continue
            try:
                _, changed = self.ingest_article(article, facts)
            except VnkgError as err:
                report.errors.append(f"{article.path or article.id}: {err.message}")
                continue
            (report.ingested if changed else report.unchanged).append(article.id)
            if progress:
                progress(article.id)
        self.store.flush()
        return report

    def delete_article(self, article_id: str) -> None:
        if not self.store.delete_graph(self.article_iri(article_id)):
            raise NotFound(f"no article {article_id!r} in the store")

    # -- queries ---------------------------------------------------------------------------
    def query(self, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of the named query `queries/<name>.rq`, its parameters bound as terms."""
        return self.store.select(load_query(name).text, self._bindings(name, params))

    def bound_query(self, name: str, params: dict[str, Any] | None = None) -> str:
        """The named query's text with its parameters bound as terms in a VALUES block (for the
        endpoint's worker processes, which take query text)."""
        return bind_values(load_query(name).text, self._bindings(name, params))

    def _bindings(self, name: str, params: dict[str, Any] | None) -> dict[str, Any]:
        """The parameters of a named query as RDF terms; unknown or missing ones are errors."""
        named = load_query(name)
        known = {p.name: p for p in named.params}
        unknown = set(params or {}) - set(known)
        if unknown:
            raise BadQuery(f"query {name!r} takes no parameter(s) {sorted(unknown)}; "
                           f"it takes {sorted(known)}")
        substitutions = {}
        for pname, param in known.items():
            value = (params or {}).get(pname, param.default)
            if value is None:
                if param.required:
                    raise BadQuery(f"query {name!r} needs the parameter {pname!r}")
                continue
            substitutions[pname] = _as_term(value, param.kind)
        return substitutions

    def sparql(self, text: str, **kwargs: Any) -> Any:
        """Run raw SPARQL text (the endpoint's guards live in api/sparql.py)."""
        return self.store.query(text, **kwargs)

    # -- exports and stats --------------------------------------------------------------------
    def export(self, fmt: str, out: Path, **filters: Any) -> Path:
        """Write the graph as `fmt` to `out` (RDF formats, or graph formats via graph.export)."""
        if fmt in FORMATS and not any(v not in (None, (), []) for v in filters.values()):
            out.write_bytes(self.store.dump(fmt))
            return out
        return graph_export.write(self, fmt, out, **filters)

    def stats(self, top: int = 10, **filters: Any) -> dict[str, Any]:
        """Store counts, then the analytics of the (filtered) projection (graph.analytics)."""
        articles = self.query("articles")
        return {
            "articles": len(articles),
            "quads": len(self.store),
            "entities": {r["type"]: int(r["count"]) for r in self.query("counts_by_type")},
            **summarize(self, top=top, **filters),
        }

    def close(self) -> None:
        self.store.flush()


def _as_term(value: Any, kind: str) -> ox.NamedNode | ox.Literal:
    """A query parameter as an RDF term of its declared kind; a malformed value is a BadQuery.

    >>> _as_term("2024-08-01", "date").value, _as_term("7", "integer").value
    ('2024-08-01', '7')
    """
    text = str(value).strip()
    try:
        if kind == "iri":
            if not text.startswith(("http://", "https://", "urn:")):
                raise ValueError("not an absolute IRI")
            return ox.NamedNode(text)
        if kind == "date":
            return ox.Literal(date.fromisoformat(text).isoformat(),
                              datatype=ox.NamedNode(XSD + "date"))
        if kind == "integer":
            return ox.Literal(str(int(text)), datatype=ox.NamedNode(XSD + "integer"))
    except ValueError as err:
        raise BadQuery(f"{text!r} is not a valid {kind}: {err}") from None
    return ox.Literal(text)
