"""The shared entity graph: what the graph knows about a node, written once.

An article's named graph holds what that article states: its node and provenance, its fact
statements, memberships, sessions and visits, and one `vnkg:Mention` per entity it names (its
surface forms). Everything several articles would otherwise repeat lives once in the named graph
`{base}/graph/entities` (ontology/MODEL.md, "The shared entity graph"):

- an entity's description: its classes, `vnkg:entityType`, its one `rdfs:label`, the decisions of
  resolution (`owl:differentFrom`, `vnkg:resolutionNote`), its name index (graph/names.py), and
  `skos:altLabel` for each other name an article gives it;
- the shortcut edges (`vnkg:workedWith`, ...) that statements assert;
- time nodes and roles.

So no triple is in two graphs: the union of the graphs (the query default graph) is a set, and
`COUNT(*)` equals `COUNT(DISTINCT *)` without the store deduplicating anything.

A shared triple stays while some article supports it, and every support is found in one index
lookup of the article graphs: an entity by `?m vnkg:mentionOf <e>`, an alternative name by the
mentions' `vnkg:nameKey`, an edge by the statements' `vnkg:edgeKey`, a time node or role by the
article's `vnkg:uses`. Replacing or deleting an article removes what only it supported, in the
same update that replaces its graph (one transaction); new articles are written in batches, one
`Store.extend` (also one transaction) per batch.

A writer fed by other processes (extraction workers, a Dask cluster, facts files) commits each
batch in a thread while it resolves the next (`background`): Oxigraph writes without holding
the GIL, and the writer was the ingest's bottleneck, a third of its time in `extend`. One batch
at most is in flight, batches are committed in order, and until a batch is stored its labels,
positions and article graphs answer from memory, as the pending batch's do.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad

from graph.iris import edge_key, name_key
from graph.names import name_triples
from graph.periods import MONTH_OF
from graph.reference import REFERENCE_GRAPH, reference_quads
from graph.store import Store
from graph.vocab import ORG, OWL, RDF, RDFS, SKOS, VNKG

__all__ = ["ENTITY_GRAPH", "ArticleWrite", "SharedGraph"]

ENTITY_GRAPH = "{base}/graph/entities"
# What describes an entity once and for all: written when the node is new, never again.
_DESCRIPTION = frozenset(p.value for p in (RDF.type, VNKG.entityType, RDFS.label,
                                           OWL.differentFrom, VNKG.resolutionNote,
                                           VNKG.jurisdiction, ORG.postIn, ORG.role))
_NAME_INDEX = (VNKG.searchKey, VNKG.searchWord, VNKG.searchPrefix)
Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]
# Batches between flushes of the store's write-ahead log into its tables: without them the log
# and the memory tables grow with every article, and so do memory and the cost of each read.
FLUSH_EVERY = 8
WRITTEN_CACHE = 1_000_000  # shared triples remembered as stored (about 60 MB), then forgotten
STORED_CACHE = 200_000  # stored nodes' labels (and nodes known to exist) remembered, likewise


@dataclass
class ArticleWrite:
    """One article's graph and the shared triples it supports, ready to write."""

    graph: str
    local: list[Triple]
    shared: list[Triple]

    def quads(self) -> list[Quad]:
        g = NamedNode(self.graph)
        return [Quad(s, p, o, g) for s, p, o in self.local]


@dataclass
class _Supports:
    """What an article graph leans on in the shared graph."""

    entities: set[str] = field(default_factory=set)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # name key → (entity, form)
    edges: dict[str, Triple] = field(default_factory=dict)  # edge key → the edge
    nodes: set[str] = field(default_factory=set)
    # (key predicate, period key) → the entity's month triple (graph/periods.py)
    periods: dict[tuple[str, str], Triple] = field(default_factory=dict)


@dataclass
class _InFlight:
    """A batch handed to the store: what resolution must see of it until it is stored."""

    labels: dict[str, str] = field(default_factory=dict)
    edges: dict[str, set[str]] = field(default_factory=dict)
    graphs: set[str] = field(default_factory=set)
    thread: threading.Thread | None = None
    error: BaseException | None = None


@cache
def _reference_triples(base: str) -> tuple[frozenset[tuple[str, str, str]], frozenset[str]]:
    """The reference graph's triples (as N-Triples terms) and the IRIs it describes."""
    quads = reference_quads(base)
    return (frozenset((str(q.subject), str(q.predicate), str(q.object)) for q in quads),
            frozenset(q.subject.value for q in quads))


def _key(triple: Triple) -> tuple[str, str, str]:
    return str(triple[0]), str(triple[1]), str(triple[2])


class SharedGraph:
    """Reads and writes the shared entity graph of one store; collects new articles in a batch.

    Resolution asks it whether a node exists, its label and a person's positions (`exists`,
    `label`, `positions`): the store answers by index, and the batch not yet written answers for
    the articles before in the same batch.
    """

    def __init__(self, store: Store, base: str, *, background: bool = False) -> None:
        self.store = store
        self.background = background
        self.base = base.rstrip("/")
        self.graph = NamedNode(ENTITY_GRAPH.format(base=self.base))
        self.reference = NamedNode(REFERENCE_GRAPH.format(base=self.base))
        self._pending: list[ArticleWrite] = []
        self._labels: dict[str, str] = {}  # nodes described by the pending batch → label
        self._edges: dict[str, set[str]] = {}  # pending holdsPosition edges: person → bodies
        self._pending_graphs: set[str] = set()
        self._inflight = _InFlight()  # the batch handed to the store, until it is stored
        self._batches = 0
        # hashes of the shared triples this writer has stored (most articles repeat their
        # entities' names, index keys and months): not sent to the store again while no
        # removal has happened (`replace` clears it)
        self._written: set[int] = set()
        self._stored_article: tuple[str, bool] | None = None  # see `_is_stored`
        # what the store answered about nodes it holds: a stored node's label and existence
        # change only when something is removed (`replace` forgets them), and resolution asks
        # for the same few thousand bodies and people over and over
        self._stored_labels: dict[str, str] = {}
        self._stored_nodes: set[str] = set()

    # -- lookups for resolution ---------------------------------------------------------------
    def label(self, iri: str) -> str | None:
        """The node's one label: the pending batch's, else the shared or reference graph's."""
        if iri in self._labels:
            return self._labels[iri]
        if iri in self._inflight.labels:
            return self._inflight.labels[iri]
        if iri in self._stored_labels:
            return self._stored_labels[iri]
        for quad in self.store.quads_for(NamedNode(iri), RDFS.label):
            if quad.graph_name in (self.graph, self.reference):
                self._remember(self._stored_labels, iri, quad.object.value)
                return quad.object.value
        return None

    def exists(self, iri: str) -> bool:
        if iri in self._labels or iri in self._inflight.labels or iri in self._stored_nodes:
            return True
        if any(self.store.quads_for(NamedNode(iri), VNKG.entityType)):
            if len(self._stored_nodes) >= STORED_CACHE:
                self._stored_nodes.clear()
            self._stored_nodes.add(iri)
            return True
        return False

    @staticmethod
    def _remember(cache: dict[str, str], key: str, value: str) -> None:
        if len(cache) >= STORED_CACHE:
            cache.clear()
        cache[key] = value

    def positions(self, person: str, own_article: str) -> list[str]:
        """Labels of the bodies `person` holds a position in, by some article but `own_article`
        (re-ingesting an article must not be swayed by its own earlier version)."""
        bodies = set(self._edges.get(person, ())) | self._inflight.edges.get(person, set())
        held = {edge_key(person, VNKG.holdsPosition.value, q.object.value): q.object.value
                for q in self.store.quads_for(NamedNode(person), VNKG.holdsPosition,
                                              graph=self.graph)}
        if held and self._is_stored(own_article):
            bodies |= {held[key] for key in self.store.supported_values(
                VNKG.edgeKey, [Literal(key) for key in held], excluding=own_article)}
        else:  # a stored edge lasts only while some article supports it: not this new one
            bodies |= set(held.values())
        return sorted(label for body in bodies if (label := self.label(body)))

    def _is_stored(self, article_graph: str) -> bool:
        """Whether the store holds the article (asked once per article between two batches:
        resolution asks it for each namesake of each person it names)."""
        if self._stored_article is None or self._stored_article[0] != article_graph:
            self._stored_article = (article_graph, self.store.has_graph(article_graph))
        return self._stored_article[1]

    # -- writing ----------------------------------------------------------------------------------
    def batch_size(self) -> int:
        return len(self._pending)

    def pending(self, article_graph: str) -> bool:
        """Whether the article is in a batch not yet stored (`flush` before reading it)."""
        return article_graph in self._pending_graphs or article_graph in self._inflight.graphs

    def add_new(self, write: ArticleWrite) -> None:
        """Queue an article that is not in the store yet (written at the next `flush`)."""
        additions = self._additions(write)
        write = ArticleWrite(write.graph, write.local, additions)
        for s, p, o in additions:
            if p.value == RDFS.label.value:
                self._labels[s.value] = o.value
            elif p == VNKG.holdsPosition:
                self._edges.setdefault(s.value, set()).add(o.value)
        self._pending.append(write)
        self._pending_graphs.add(write.graph)

    def flush(self) -> int:
        """Write the pending batch and wait until every batch is stored; returns the number
        of articles of the pending batch."""
        count = self.send()
        self.settle()
        return count

    def send(self) -> int:
        """Hand the pending batch to the store in one transaction: at once, or (`background`)
        in a thread, once the batch before it is stored. Returns the number of articles."""
        if not self._pending:
            return 0
        quads, fresh = self._batch_quads()
        self.settle()
        if len(self._written) + len(fresh) > WRITTEN_CACHE:
            self._written.clear()
        self._written |= fresh
        self._batches += 1
        flush_log = self._batches % FLUSH_EVERY == 0
        count = len(self._pending)
        self._inflight = _InFlight(self._labels, self._edges, self._pending_graphs)
        self._pending, self._labels, self._edges, self._pending_graphs = [], {}, {}, set()
        if self.background:
            self._inflight.thread = threading.Thread(
                target=self._commit, args=(self._inflight, quads, flush_log), name="vnkg-commit")
            self._inflight.thread.start()
        else:
            self._commit(self._inflight, quads, flush_log)
            self.settle()
        return count

    def settle(self) -> None:
        """Wait until the batch in flight is stored; its error, if it failed, is raised here
        (and what this writer remembers as stored is forgotten)."""
        inflight, self._inflight = self._inflight, _InFlight()
        self._stored_article = None  # the batch may have stored it
        if inflight.thread is not None:
            inflight.thread.join()
        if inflight.error is not None:
            self._written.clear()
            raise inflight.error

    def _commit(self, inflight: _InFlight, quads: list[Quad], flush_log: bool) -> None:
        try:
            self.store.extend(quads)
            if flush_log:
                self.store.flush()
        except BaseException as err:  # raised by `settle`, in the writer's thread
            inflight.error = err

    def _batch_quads(self) -> tuple[list[Quad], set[int]]:
        """The pending batch's quads, and the hashes of the shared triples it stores. A shared
        triple this writer has not stored may still be in the store (an earlier ingest wrote
        it: an entity's name keys, its months): the store is asked, and only what it lacks
        is written."""
        quads: list[Quad] = []
        shared: dict[int, Quad] = {}
        for write in self._pending:
            quads += write.quads()
            for s, p, o in write.shared:
                key = hash(_key((s, p, o)))
                if key not in self._written and key not in shared:
                    shared[key] = Quad(s, p, o, self.graph)
        quads += self.store.absent(list(shared.values()))
        return quads, set(shared)

    def replace(self, write: ArticleWrite | None, article_graph: str) -> None:
        """Replace (or, with `write` None, delete) an article already in the store, removing
        what only its old version supported, in one update."""
        self.flush()
        # what it removes may be in the caches
        self._written.clear()
        self._stored_labels.clear()
        self._stored_nodes.clear()
        new = _supports_of(write.local) if write else _Supports()
        old = self._stored_supports(article_graph)
        removals = self._removals(old, new, article_graph)
        additions = self._additions(write) if write else []
        g = NamedNode(article_graph)
        update = [f"DROP SILENT GRAPH {g}", *removals]
        body = [f"{s} {p} {o} ." for s, p, o in write.local] if write else []
        shared = [f"{s} {p} {o} ." for s, p, o in additions]
        inserts = (f"GRAPH {g} {{\n" + "\n".join(body) + "\n}" if body else "") + \
            (f" GRAPH {self.graph} {{\n" + "\n".join(shared) + "\n}" if shared else "")
        if inserts:
            update.append(f"INSERT DATA {{ {inserts} }}")
        self.store.update(" ;\n".join(update))
        self._stored_article = None

    def _additions(self, write: ArticleWrite) -> list[Triple]:
        """The shared triples to insert: an existing node's description is not rewritten, and
        nothing the reference graph already holds is repeated."""
        reference, in_reference = _reference_triples(self.base)
        new_nodes: dict[str, bool] = {}
        out = []
        for triple in write.shared:
            subject = triple[0].value
            if triple[1].value in _DESCRIPTION:
                if subject not in new_nodes:
                    new_nodes[subject] = not self._described(subject)
                if not new_nodes[subject]:
                    continue
            if subject not in in_reference or _key(triple) not in reference:
                out.append(triple)
        return out

    def _described(self, iri: str) -> bool:
        """The node already has its description (an entity, a time node, a role)."""
        return iri in self._labels or iri in self._inflight.labels or \
            any(self.store.quads_for(NamedNode(iri), RDF.type))

    # -- removing what an old version alone supported -----------------------------------------
    def _stored_supports(self, article_graph: str) -> _Supports:
        return _supports_of((q.subject, q.predicate, q.object)
                            for q in self.store.quads(article_graph))

    def _removals(self, old: _Supports, new: _Supports, article_graph: str) -> list[str]:
        """SPARQL update operations removing the shared triples no other article supports."""
        ops: list[str] = []
        supported = self.store.supported
        gone = {e for e in old.entities - new.entities
                if not supported(VNKG.mentionOf, NamedNode(e), excluding=article_graph)}
        for entity in sorted(gone):
            ops.append(f"DELETE WHERE {{ GRAPH {self.graph} {{ {NamedNode(entity)} ?p ?o }} }}")
        for node in sorted(old.nodes - new.nodes):
            if not supported(VNKG.uses, NamedNode(node), excluding=article_graph):
                ops.append(f"DELETE WHERE {{ GRAPH {self.graph} {{ {NamedNode(node)} ?p ?o }} }}")
        for key, (s, p, o) in sorted(old.edges.items(), key=lambda kv: kv[0]):
            # a gone subject takes its edges along; a gone object does not (the edge is its
            # subject's triple): a corrected article's old post must go here
            if key not in new.edges and s.value not in gone and \
                    not supported(VNKG.edgeKey, Literal(key), excluding=article_graph):
                ops.append(f"DELETE DATA {{ GRAPH {self.graph} {{ {s} {p} {o} }} }}")
        for (pred, key), (s, p, o) in sorted(old.periods.items()):
            if (pred, key) not in new.periods and s.value not in gone and \
                    not supported(NamedNode(pred), Literal(key), excluding=article_graph):
                ops.append(f"DELETE DATA {{ GRAPH {self.graph} {{ {s} {p} {o} }} }}")
        renamed: dict[str, set[str]] = {}
        for key, (entity, form) in old.names.items():
            if key in new.names or entity in gone:
                continue
            if not supported(VNKG.nameKey, Literal(key), excluding=article_graph):
                renamed.setdefault(entity, set()).add(form)
        for entity, forms in sorted(renamed.items()):
            ops += self._name_removals(NamedNode(entity), forms)
        return ops

    def _name_removals(self, node: NamedNode, forms: set[str]) -> list[str]:
        """Drop names no article gives the node any more, and the index keys only they gave."""
        stored = [(q.predicate, q.object) for q in self.store.quads_for(node, graph=self.graph)]
        names = [o.value for p, o in stored if p == SKOS.altLabel and o.value not in forms]
        names += [q.object.value for q in self.store.quads_for(node, RDFS.label)]
        keep = {_key(t) for t in name_triples(node, names)}
        drop = [(p, o) for p, o in stored
                if (p == SKOS.altLabel and o.value in forms)
                or (p in _NAME_INDEX and _key((node, p, o)) not in keep)]
        if not drop:
            return []
        lines = " ".join(f"{node} {p} {o} ." for p, o in drop)
        return [f"DELETE DATA {{ GRAPH {self.graph} {{ {lines} }} }}"]


def _supports_of(triples: Iterable[Triple]) -> _Supports:
    """What a set of article-graph triples leans on in the shared graph."""
    out = _Supports()
    forms: dict[str, list[str]] = {}
    mention_of: dict[str, str] = {}
    parts: dict[str, dict[str, NamedNode]] = {}
    keys: dict[str, str] = {}
    name_keys: dict[str, set[str]] = {}
    for s, p, o in triples:
        if p == VNKG.nameKey:
            name_keys.setdefault(s.value, set()).add(o.value)
        elif p == VNKG.mentionOf:
            out.entities.add(o.value)
            mention_of[s.value] = o.value
        elif p == VNKG.surfaceForm:
            forms.setdefault(s.value, []).append(o.value)
        elif p == VNKG.uses:
            out.nodes.add(o.value)
        elif p == VNKG.edgeKey:
            keys[s.value] = o.value
        elif p in (RDF.subject, RDF.predicate, RDF.object):
            parts.setdefault(s.value, {})[p.value] = o  # type: ignore[assignment]
        elif p == ORG.member:  # a membership supports its person's org:holds edge to its post
            parts.setdefault(s.value, {}).update({RDF.subject.value: o,
                                                  RDF.predicate.value: ORG.holds})
        elif p == VNKG.post:
            parts.setdefault(s.value, {})[RDF.object.value] = o  # type: ignore[assignment]
        elif p.value in MONTH_OF:
            entity, month = o.value.rsplit(" ", 1)
            out.periods[(p.value, o.value)] = (NamedNode(entity), NamedNode(MONTH_OF[p.value]),
                                               Literal(month))
    for mention, entity in mention_of.items():
        for form in forms.get(mention, ()):
            if (key := name_key(entity, form)) in name_keys.get(mention, ()):
                out.names[key] = (entity, form)
    for statement, key in keys.items():
        edge = parts.get(statement, {})
        if len(edge) == 3:
            out.edges[key] = (edge[RDF.subject.value], edge[RDF.predicate.value],
                              edge[RDF.object.value])
    return out
