"""Cross-article entity resolution: which IRI each extracted entity gets.

The foundation mints IRIs from canonical keys (graph.iris); issue 4 deepens this with name
variants and homonyms kept apart by their positions.
"""

from __future__ import annotations

from graph.store import GraphStore
from ingest.facts import ArticleFacts

__all__ = ["resolve_iris"]


def resolve_iris(facts: ArticleFacts, store: GraphStore, base: str) -> dict[str, str]:
    """Entity id (e1, e2, ...) → IRI for every entity of one article."""
    from graph.iris import entity_iri

    return {ent.id: entity_iri(ent.type, ent.key or ent.name, base) for ent in facts.entities}
