"""`KnowledgeGraph`: the one service the CLI and the HTTP API both call.

It owns the store, runs the extractor, writes one named graph per article, answers named
queries and exports. Nothing outside graph/ touches pyoxigraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import details, pages, profiles
from graph import export as graph_export
from graph.analytics import counts, summarize
from graph.ask import answer as answer_question
from graph.ask import ask as ask_question
from graph.bounds import UPPER_PARAMS, date_bound
from graph.entities import PARAM_TYPES, is_iri, resolve_entity
from graph.errors import BadArticle, BadQuery, NotFound, StoreError, VnkgError
from graph.iris import article_iri
from graph.parallel import EXTRACT_BATCH, extract_each, extracted
from graph.queries import NamedQuery, load_query
from graph.rdf import article_triples
from graph.reference import MODEL_VERSION, REFERENCE_GRAPH, reference_quads
from graph.resolution import resolve
from graph.settings import Settings, get_settings
from graph.shared import ArticleWrite, SharedGraph
from graph.store import FORMATS, GraphStore, Store, bind_values, open_store
from ingest.articles import Article, ArticleError, id_problem, read_articles, read_facts
from ingest.facts import ArticleFacts, text_hash
from ingest.pipeline import EXTRACTOR_VERSION
from ingest.question import Reading

__all__ = ["IngestReport", "KnowledgeGraph"]

XSD = "http://www.w3.org/2001/XMLSchema#"
VNKG_MODEL_VERSION = ox.NamedNode("https://vnkg.org/ontology#modelVersion")
_PROVENANCE = {"https://vnkg.org/ontology#contentHash": "hash",
               "http://www.w3.org/ns/prov#generatedAtTime": "ingested",
               "https://vnkg.org/ontology#extractorVersion": "version"}
_OWN_SLICE = re.compile(r"\b(LIMIT|OFFSET)\b", re.IGNORECASE)
BATCH = 64  # new articles per write transaction (graph.shared.SharedGraph.flush)


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def content_hash(article: Article, facts: ArticleFacts | None = None) -> str:
    """The article's content hash: the one its facts carry (`vnkg load` has no text), else
    its text's."""
    return (facts.content_hash if facts and facts.content_hash else None) or \
        text_hash(article.text)


class KnowledgeGraph:
    """The knowledge graph over one store.

    >>> kg = KnowledgeGraph.in_memory()
    >>> kg.stats()["articles"]
    0
    """

    def __init__(self, settings: Settings | None = None, *, store: Store | None = None,
                 read_only: bool = False) -> None:
        self.settings = settings or get_settings()
        self.store = store if store is not None else open_store(self.settings.store,
                                                                read_only=read_only)
        self.base = self.settings.base_iri.rstrip("/")
        if not read_only:
            self._ensure_reference()
        self._check_model()

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

    def _check_model(self) -> None:
        """A store written with another RDF model cannot be read right: say so, plainly."""
        graph = ox.NamedNode(REFERENCE_GRAPH.format(base=self.base))
        if not self.store.has_graph(graph.value):
            return
        versions = [q.object.value for q in self.store.quads_for(graph, VNKG_MODEL_VERSION)]
        if versions != [MODEL_VERSION]:
            raise StoreError(
                f"the store at {self.store.location} was written by an older vnkg (RDF model "
                f"{versions[0] if versions else 1}, this one reads {MODEL_VERSION}); rebuild it: "
                f"remove the folder (or clear the server) and ingest the articles again")

    # -- extraction and ingest ---------------------------------------------------------------
    def extract(self, inputs: Iterable[str | Path]
                ) -> Iterator[ArticleFacts | ArticleError | BadArticle]:
        """Facts for every readable article; unreadable ones come out as errors, in order
        (read and extracted a chunk at a time, as `ingest` does)."""
        for results in extracted(read_articles(inputs), EXTRACT_BATCH):
            for result in results:
                yield result if isinstance(result, ArticleError) else result[1]

    def ingest_article(self, article: Article, facts: ArticleFacts | None = None
                       ) -> tuple[ArticleFacts, bool]:
        """Write one article's named graph (replacing any earlier one); returns (facts, changed).
        An article whose id breaks the readers' rule (ingest/articles.py) is refused: 422."""
        problem = id_problem(article.id)
        if problem:
            raise BadArticle(problem)
        if facts is None:
            [(_, facts)] = extract_each([article])
            if isinstance(facts, BadArticle):
                raise facts
        shared = SharedGraph(self.store, self.base)
        changed = self._write(shared, article, facts, skip_unchanged=False)
        shared.flush()
        return facts, changed

    def _write(self, shared: SharedGraph, article: Article, facts: ArticleFacts, *,
               skip_unchanged: bool = True) -> bool:
        """Queue a new article in `shared`'s batch, or replace a stored one at once. With
        `skip_unchanged`, an article stored from the same text by the same extractor is left as
        it is (its facts would be the same). Returns whether the article's text changed."""
        graph = self.article_iri(article.id)
        if shared.pending(graph):  # the same id twice in one batch: the later one wins
            shared.flush()
        digest = content_hash(article, facts)
        previous = self._provenance(graph)
        same_text = previous is not None and previous.get("hash") == digest
        if skip_unchanged and same_text and previous.get("version") == EXTRACTOR_VERSION:
            return False
        ingested_at = datetime.fromisoformat(previous["ingested"]) if same_text \
            else datetime.now(UTC).replace(microsecond=0)
        resolution = resolve(facts, shared, self.base, published=article.published)
        own, common = article_triples(
            resolution.labelled(facts), article, base=self.base, iris=resolution.iris,
            ingested_at=ingested_at, extractor_version=EXTRACTOR_VERSION)
        decisions = [(q.subject, q.predicate, q.object) for q in resolution.quads(graph)]
        write = ArticleWrite(graph, own, common + decisions)
        if previous is not None:
            shared.replace(write, graph)
        else:
            shared.add_new(write)
        return not same_text

    def _provenance(self, graph: str) -> dict[str, str] | None:
        """The stored article's content hash, ingest time and extractor version, read from its
        node by index (None when the store does not hold it)."""
        node = ox.NamedNode(graph)
        found = {_PROVENANCE[q.predicate.value]: q.object.value
                 for q in self.store.quads_for(node, graph=node)
                 if q.subject == node and q.predicate.value in _PROVENANCE}
        return found or None

    def ingest(self, inputs: Iterable[str | Path],
               progress: Callable[[str], None] | None = None, *, workers: int = 0,
               dask: str | None = None) -> IngestReport:
        """Ingest every article under the inputs, streaming: read lazily, extracted in chunks
        (in `workers` processes while this one writes, or here with 0), new articles written in
        batches of `BATCH` (one transaction each); bad ones are reported, the rest go on.
        `progress` is called with each article id (or error). With 0 workers, ingest keeps to
        one core; with workers or Dask, the writer commits in the background (graph/shared.py)."""
        results = (r for chunk in extracted(read_articles(inputs), EXTRACT_BATCH, workers, dask)
                   for r in chunk)
        return self._write_all(results, progress, background=bool(workers or dask))

    def load(self, inputs: Iterable[str | Path],
             progress: Callable[[str], None] | None = None) -> IngestReport:
        """Write the facts files of `vnkg extract` (run anywhere) into the store, with the same
        resolution, provenance and batching as `ingest`: extract then load gives the store
        that ingest gives. Unreadable files are reported, the rest go on. The writer commits
        in the background, as with extraction workers (graph/shared.py)."""
        return self._write_all(read_facts(inputs), progress, background=True)

    def _write_all(self, results: Iterable[ArticleError | tuple[Article, Any]],
                   progress: Callable[[str], None] | None, *,
                   background: bool = False) -> IngestReport:
        """What `ingest` and `load` share: write each (article, facts) in batches of `BATCH`,
        report the unreadable ones, call `progress` with each id (or error), then finish."""
        report = IngestReport()
        shared = SharedGraph(self.store, self.base, background=background)
        try:
            for result in results:
                if isinstance(result, ArticleError):
                    report.errors.append(str(result))
                else:
                    self._ingest_one(shared, *result, report)
                if progress:
                    progress(str(result) if isinstance(result, ArticleError) else result[0].id)
                if shared.batch_size() >= BATCH:
                    shared.send()
        except BaseException:
            with suppress(Exception):  # the batch in flight ends stored or not, never half
                shared.settle()
            raise
        self._finish(shared, report)
        return report

    def _finish(self, shared: SharedGraph, report: IngestReport) -> None:
        """Write the last batch; after many new articles, compact the store: RocksDB leaves a
        long ingest's writes in many overlapping files, and until they are merged every lookup
        reads several of them (pages three to five times slower at 100,000 articles)."""
        shared.flush()
        self.store.flush()
        if len(report.ingested) >= OPTIMIZE_AFTER:
            self.store.optimize()

    def _ingest_one(self, shared: SharedGraph, article: Article,
                    facts: ArticleFacts | BadArticle, report: IngestReport) -> None:
        if isinstance(facts, BadArticle):
            report.errors.append(facts.message)
            return
        try:
            changed = self._write(shared, article, facts)
        except VnkgError as err:
            report.errors.append(f"{article.path or article.id}: {err.message}")
            return
        (report.ingested if changed else report.unchanged).append(article.id)

    def delete_article(self, article_id: str) -> None:
        """Remove an article's graph and whatever only it supported in the shared graph."""
        problem = id_problem(article_id)
        if problem:
            raise BadArticle(problem)
        graph = self.article_iri(article_id)
        if not self.store.has_graph(graph):
            raise NotFound(f"no article {article_id!r} in the store")
        SharedGraph(self.store, self.base).replace(None, graph)

    # -- queries ---------------------------------------------------------------------------
    def named(self, name: str) -> NamedQuery:
        """The named query `name` of the `query_dir` setting (queries/ by default)."""
        return load_query(name, self.settings.query_dir)

    def query(self, name: str, params: dict[str, Any] | None = None, *,
              limit: int | None = None, offset: int | None = None) -> list[dict[str, Any]]:
        """Rows of the named query `queries/<name>.rq`, its parameters bound as terms; `limit`
        and `offset` page it in the query itself (SPARQL `LIMIT`/`OFFSET`).

        >>> kg = KnowledgeGraph.in_memory()
        >>> [r["code"] for r in kg.query("provinces", {"era": "2025"}, limit=2, offset=1)]
        ['24', '04']
        """
        text = self.named(name).text
        return self.store.select(_paged(name, text, limit, offset),
                                 self._bindings(name, params))

    def bound_query(self, name: str, params: dict[str, Any] | None = None, *,
                    limit: int | None = None, offset: int | None = None) -> str:
        """The named query's text with its parameters bound as terms in a VALUES block (for the
        endpoint's worker processes, which take query text), paged like `query`."""
        text = self.named(name).text
        return bind_values(_paged(name, text, limit, offset),
                           self._bindings(name, params))

    def _bindings(self, name: str, params: dict[str, Any] | None) -> dict[str, Any]:
        """The parameters of a named query as RDF terms; unknown or missing ones are errors."""
        named = self.named(name)
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
            if param.kind == "iri":  # an entity may be given by its slug or its name
                etype = PARAM_TYPES.get(pname)
                value = ([v if v is None else self._iri_value(v, etype) for v in value]
                         if isinstance(value, list) else self._iri_value(value, etype))
            substitutions[pname] = ([None if v is None else _as_term(v, param.kind, pname)
                                     for v in value] if isinstance(value, list)
                                    else _as_term(value, param.kind, pname))
        return substitutions

    def entity(self, text: str, etype: str | None = None) -> str:
        """The IRI of the entity (of type `etype` if given) that `text` names: an IRI, a slug
        (`nguyen-hong-dien`, `province/2025/lao-cai`) or a name (`Nguyễn Hồng Diên`); see
        graph/entities.py."""
        return resolve_entity(self.query, self.base, text, etype)

    def _iri_value(self, value: Any, etype: str | None) -> Any:
        """An IRI parameter's value: IRIs as they are, slugs and names resolved."""
        text = str(value).strip()
        return value if not text or is_iri(text) or ":" in text else self.entity(text, etype)

    def sparql(self, text: str, **kwargs: Any) -> Any:
        """Run raw SPARQL text (the endpoint's guards live in api/sparql.py)."""
        return self.store.query(text, **kwargs)

    # -- pages: an entity's items through the period index (graph/pages.py) -----------------
    def timeline(self, entity: str, *, limit: int, offset: int = 0, start: date | None = None,
                 end: date | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        """An entity's events, newest first: rows of `queries/timeline.rq` (one per member)
        for events `offset` to `offset + limit`, in the window [start, end] if given."""
        return pages.timeline(self.query, entity, limit=limit, offset=offset, start=start,
                              end=end, kind=kind)

    def worked_with(self, official: str, start: date | None = None, end: date | None = None
                    ) -> list[dict[str, Any]]:
        """The worked-with lookup: one row per session and host in the window, in date order."""
        return pages.worked_with(self.query, official, start, end)

    def worked_with_hosts(self, official: str, start: date | None = None,
                          end: date | None = None, *, limit: int | None = None, offset: int = 0,
                          host: str | None = None) -> dict[str, Any]:
        """The worked-with lookup by host: each province or body the official worked with in
        the window once (label, type, dates, first and last day, article ids, sessions), in
        date order, `offset` to `offset + limit`, and whether more follow (`more`); only
        `host` if given. What the REST route, `vnkg worked-with` and ask answer from."""
        return pages.worked_with_hosts(self.query, official, start, end, limit=limit,
                                       offset=offset, host=host)

    def positions(self, official: str) -> list[dict[str, Any]]:
        """An official's posts: title, body, first and last days attested, articles."""
        return pages.positions(self.query, official)

    def leaders(self, province: str, *, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        """The people holding posts in a province's bodies, latest attested first."""
        return pages.leaders(self.query, province, limit=limit, offset=offset)

    def sources(self, entity: str, *, limit: int, offset: int = 0
                ) -> tuple[list[dict[str, Any]], int]:
        """The newest articles naming an entity, and how many name it."""
        return pages.sources(self.query, entity, limit=limit, offset=offset)

    def profile(self, entity: str) -> dict[str, Any]:
        """An official's, a province's or a body's profile (graph/profiles.py): what its page
        shows, read through the period index and by key. `entity` is an IRI, a slug or a name
        (`entity`)."""
        return profiles.profile(self.query, self.entity(entity))

    # -- one item's page: what a REST lookup answers (graph/details.py) --------------------
    def official_detail(self, official: str) -> dict[str, Any] | None:
        """An official's posts, newest events and sources; None if `official` is no person."""
        return details.official(self.query, official)

    def province_detail(self, province: str) -> dict[str, Any] | None:
        """A province's head, leaders, places by kind, newest events and 2025 merger; None if
        the graph has no such province."""
        return details.province(self.query, province)

    def agency_detail(self, agency: str) -> dict[str, Any] | None:
        """An agency's parents, units and people; None if `agency` is no organization."""
        return details.agency(self.query, agency)

    def article_detail(self, article: str) -> dict[str, Any] | None:
        """An article (by IRI) and its facts; None if the store does not hold it."""
        return details.article(self.query, article)

    def entity_detail(self, entity_id: str) -> dict[str, Any]:
        """Every statement about the entity an id names (`person/x`, or a bare slug when one
        type has it), split into outgoing and incoming, with its name and type."""
        return details.entity(self.query, self.base, entity_id)

    def events_page(self, *, province: str | None = None, official: str | None = None,
                    start: date | None = None, end: date | None = None,
                    kind: str | None = None, limit: int, offset: int = 0) -> dict[str, Any]:
        """Events (sessions, visits, named events) newest first, filtered, `offset` to
        `offset + limit`, each with its members and article ids, and whether more follow."""
        return details.events(self.query, province=province, official=official, start=start,
                              end=end, kind=kind, limit=limit, offset=offset)

    # -- questions in Vietnamese (graph/ask.py) -------------------------------------------
    def ask(self, question: str) -> dict[str, Any]:
        """The answer to a question in Vietnamese, with or without tone marks ("ai là Bí thư
        Tỉnh ủy Lào Cai?"): the kind and slots understood, the named query run and its rows
        with evidence, or (`understood: false`) what was missing."""
        return ask_question(self, question)

    def answer_question(self, reading: Reading) -> dict[str, Any]:
        """`ask` for a question already read (`graph.ask.read`): what a query worker runs for
        /api/ask, the server having read the question."""
        return answer_question(self, reading)

    # -- exports and stats --------------------------------------------------------------------
    def export(self, fmt: str, out: Path, **filters: Any) -> Path:
        """Write the graph as `fmt` to `out` (RDF formats, or graph formats via graph.export)."""
        if fmt in FORMATS and not any(v not in (None, (), []) for v in filters.values()):
            return self.store.dump_to(out, fmt)  # streamed: a large store never whole in memory
        return graph_export.write(self, fmt, out, **filters)

    def stats(self, top: int = 10, **filters: Any) -> dict[str, Any]:
        """Store counts (index lookups), then the analytics of the (filtered) projection
        (graph.analytics)."""
        return {**self.counts(), **summarize(self, top=top, **filters)}

    def counts(self) -> dict[str, Any]:
        """What the whole store holds, from index lookups: cheap at any size."""
        return counts(self)

    def close(self) -> None:
        self.store.flush()


OPTIMIZE_AFTER = 1000  # new or changed articles in one ingest or load that call for a compaction
PAGE_MARK = "# page"  # a line of a named query where its LIMIT/OFFSET go (else: at its end)


def _paged(name: str, text: str, limit: int | None, offset: int | None) -> str:
    """The named query's text paged: at its `# page` line when it has one (a query whose
    items span several rows pages the sub-query that picks the items), else at its end.

    >>> query = ["SELECT * { { SELECT ?e { ?e ?p ?o } ORDER BY ?e", PAGE_MARK, "} }"]
    >>> _paged("q", chr(10).join(query), 2, 4).splitlines()
    ['SELECT * { { SELECT ?e { ?e ?p ?o } ORDER BY ?e', 'LIMIT 2 OFFSET 4', '} }']
    """
    lines = text.splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip() == PAGE_MARK]
    if not marks:
        return text + _slice(name, text, limit, offset)
    clause = _slice(name, "", limit, offset).strip()
    return "\n".join(lines[:marks[0]] + ([clause] if clause else []) + lines[marks[0] + 1:])


def _slice(name: str, text: str, limit: int | None, offset: int | None) -> str:
    """`LIMIT`/`OFFSET` clauses that page the named query `name`: validated integers, never
    user text. A query with its own LIMIT or OFFSET cannot be paged.

    >>> _slice("q", "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s", 21, 40)
    '\\nLIMIT 21 OFFSET 40'
    >>> _slice("q", "SELECT * WHERE { ?s ?p ?o }", None, None)
    ''
    """
    if limit is None and offset is None:
        return ""
    for what, value in (("limit", limit), ("offset", offset)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 0):
            raise BadQuery(f"{what} must be a whole number >= 0, not {value!r}")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    if _OWN_SLICE.search(code[code.rfind("}") + 1:]):
        raise BadQuery(f"query {name!r} has its own LIMIT or OFFSET: it cannot be paged")
    clauses = ([f"LIMIT {limit}"] if limit is not None else []) + (
        [f"OFFSET {offset}"] if offset is not None else [])
    return "\n" + " ".join(clauses)


def _as_term(value: Any, kind: str, name: str = "") -> ox.NamedNode | ox.Literal:
    """A query parameter as an RDF term of its declared kind; a malformed value is a BadQuery.
    A date may be `YYYY-MM` or `YYYY` (graph/bounds.py): the first day it names, or the last
    for a parameter that ends a window (`to`).

    >>> _as_term("2024-08-01", "date").value, _as_term("7", "integer").value
    ('2024-08-01', '7')
    >>> _as_term("2024-08", "date", "from").value, _as_term("2024", "date", "to").value
    ('2024-08-01', '2024-12-31')
    """
    text = str(value).strip()
    try:
        if kind == "iri":
            if not text.startswith(("http://", "https://", "urn:")):
                raise ValueError("not an absolute IRI")
            return ox.NamedNode(text)
        if kind == "date":
            day = date_bound(text, upper=name in UPPER_PARAMS)
            return ox.Literal(day.isoformat(), datatype=ox.NamedNode(XSD + "date"))
        if kind == "integer":
            return ox.Literal(str(int(text)), datatype=ox.NamedNode(XSD + "integer"))
    except BadQuery:
        raise
    except ValueError as err:
        raise BadQuery(f"{text!r} is not a valid {kind}: {err}") from None
    return ox.Literal(text)
