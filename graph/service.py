"""`KnowledgeGraph`: the one service the CLI and the HTTP API both call.

It owns the store, runs the extractor, writes one named graph per article, answers named
queries and exports. Nothing outside graph/ touches pyoxigraph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.errors import BadQuery, NotFound, VnkgError
from graph.queries import load_query
from graph.settings import Settings, get_settings
from graph.store import FORMATS, GraphStore
from ingest.articles import Article, ArticleError, read_articles
from ingest.facts import ArticleFacts
from ingest.pipeline import EXTRACTOR_VERSION, extract

__all__ = ["IngestReport", "KnowledgeGraph"]

RDF_EXPORTS = (*FORMATS, "jsonld")


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
        from graph.iris import article_iri

        return article_iri(article_id, self.base)

    def _ensure_reference(self) -> None:
        """Load the province reference data once (its own named graph)."""
        try:
            from graph.reference import REFERENCE_GRAPH, reference_quads
        except ImportError:  # reference data not built yet
            return
        graph = REFERENCE_GRAPH.format(base=self.base)
        if not self.store.has_graph(graph):
            self.store.replace_graph(graph, reference_quads(self.base))

    # -- extraction and ingest ---------------------------------------------------------------
    def extract(self, inputs: Iterable[str | Path]) -> Iterator[ArticleFacts | ArticleError]:
        """Facts for every readable article; unreadable ones come out as errors, in order."""
        pending: list[Article] = []
        for item in read_articles(inputs):
            if isinstance(item, ArticleError):
                yield from extract(pending)
                pending = []
                yield item
            else:
                pending.append(item)
        yield from extract(pending)

    def ingest_article(self, article: Article, facts: ArticleFacts | None = None
                       ) -> tuple[ArticleFacts, bool]:
        """Write one article's named graph (replacing any earlier one); returns (facts, changed)."""
        from graph.rdf import article_quads
        from graph.resolution import resolve

        facts = facts or next(extract([article]))
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
        for article, facts in zip(articles, extract(articles), strict=True):
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
        from graph.store import bind_values

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
        try:
            from graph import export as graph_export
        except ImportError:
            raise BadQuery(f"unknown export format {fmt!r}; known: {', '.join(RDF_EXPORTS)}"
                           ) from None
        return graph_export.write(self, fmt, out, **filters)

    def stats(self, top: int = 10, **filters: Any) -> dict[str, Any]:
        """Store counts, then the analytics of the (filtered) projection (graph.analytics)."""
        from graph.analytics import summarize

        articles = self.query("articles")
        return {
            "articles": len(articles),
            "quads": len(self.store),
            "entities": {r["type"]: int(r["count"]) for r in self.query("counts_by_type")},
            **summarize(self, top=top, **filters),
        }

    def close(self) -> None:
        self.store.flush()


def _as_term(value: Any, kind: str) -> Any:
    """A query parameter as an RDF term of its declared kind."""
    import pyoxigraph as ox

    text = str(value)
    if kind == "iri":
        return ox.NamedNode(text)
    if kind == "date":
        return ox.Literal(text, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    if kind == "integer":
        return ox.Literal(str(int(text)),
                          datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(text)
