"""The facts contract of ../shared/FACTS.md as pydantic models.

`ArticleFacts.model_dump_json()` is what `vnkg extract` writes; graph/ reads the same model.
Keys beyond the contract (mentions, evidence, canonical keys) are allowed and ignored by the
scorer.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ENTITY_TYPES",
    "RELATIONS",
    "ArticleFacts",
    "Entity",
    "Fact",
    "Mention",
    "Span",
]

EntityType = Literal[
    "PERSON", "ORGANIZATION", "PROVINCE", "LOCATION", "BORDER_GATE", "ZONE", "DOCUMENT", "EVENT"
]
Relation = Literal[
    "holds_position", "worked_with", "visited", "attended", "organized", "held_in",
    "border_gate_of", "located_in", "part_of", "issued",
]
ENTITY_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]
RELATIONS: tuple[str, ...] = Relation.__args__  # type: ignore[attr-defined]


class Span(BaseModel):
    """Character offsets into the article text (title, blank line, body: see ingest.articles)."""

    start: int
    end: int
    text: str


class Mention(Span):
    """One place the entity is named."""


class Entity(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    type: EntityType
    name: str
    key: str | None = Field(default=None, description="canonical key, e.g. 'province:lao-cai'")
    aliases: list[str] = Field(default_factory=list, description="other surface names seen")
    mentions: list[Mention] = Field(default_factory=list)


class Fact(BaseModel):
    model_config = ConfigDict(extra="allow")

    relation: Relation
    subject: str
    object: str
    role: str | None = None
    date: str | None = None
    evidence: Span | None = None
    confidence: float | None = None


def text_hash(text: str) -> str:
    """The content hash of an article text, as the graph stores it.

    >>> text_hash("Tin")[:15]
    'sha256:6377a611'
    """
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


class ArticleFacts(BaseModel):
    model_config = ConfigDict(extra="allow")

    article: str
    title: str = ""
    url: str | None = None
    published: str | None = None
    year: int | None = Field(default=None, description="the year dates were anchored to")
    extractor_version: str = ""
    content_hash: str | None = Field(
        default=None, description="'sha256:<hex>' of the article text (title, blank line, body) "
        "the facts come from: `vnkg load` writes the article node from it, as ingest does")
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)

    def entity(self, entity_id: str) -> Entity:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)
