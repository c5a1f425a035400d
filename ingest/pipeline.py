"""The extraction pipeline: `build_nlp()` is the one entry point, `extract()` runs it.

`spacy.blank("vi")` segments words with pyvi (its default Vietnamese tokenizer); our components,
registered as spaCy factories in ingest/components.py, add entities, dates, context and
relations. The article travels with its doc (`doc._.article`) so components can use its
published date and title.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ingest.articles import Article
from ingest.context import set_extensions
from ingest.facts import ArticleFacts, Entity, Fact, Mention, Span
from ingest.text import name_key

__all__ = ["EXTRACTOR_VERSION", "build_nlp", "doc_to_facts", "extract"]

EXTRACTOR_VERSION = "vnkg-extract/0.1"
PIPE_NAMES: tuple[str, ...] = (
    "vnkg_context", "vnkg_places", "vnkg_bodies", "vnkg_persons", "vnkg_events",
    "vnkg_documents", "vnkg_entities", "vnkg_relations",
)

# spaCy's pyvi tokenizer, same words, without its per-word Python rebuild (ingest/tokenizer.py)
_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "vnkg.VietnameseTokenizer"}}}


set_extensions()


def build_nlp(pipes: Iterable[str] = PIPE_NAMES) -> Language:
    """A blank Vietnamese pipeline (pyvi segmentation) with our components.

    >>> build_nlp().pipe_names[0]
    'vnkg_context'
    """
    import ingest.components
    import ingest.relations  # (registers vnkg_relations)
    import ingest.tokenizer  # noqa: F401  (registers the tokenizer: pyvi's words, cheaper)

    nlp = spacy.blank("vi", config=_TOKENIZER)
    for name in pipes:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    return build_nlp()


def doc_to_facts(doc: Doc, article: Article) -> ArticleFacts:
    """The FACTS.md record of one processed doc: its entities (one per name) and facts.

    Entities come from `doc.ents` and `doc.spans["vnkg_nested"]` (places named inside an
    event's name) (label = FACTS.md type, `kb_id_` = canonical name,
    `ent_id_` = canonical key such as "province:lao-cai"). Facts come from `doc._.facts`: dicts
    with `relation`, `subject` and `object` as (type, canonical name) pairs, optional `role`,
    `date`, `evidence` (start, end) character offsets; an entity a fact names that is not among
    `doc.ents` (an implicit body such as "Tỉnh ủy Lào Cai") is added without a mention.
    """
    text = doc.text  # once: `Doc.text` joins every token again on each call
    entities: dict[tuple[str, str], Entity] = {}

    def entity(label: str, name: str, key: str | None = None) -> Entity:
        ref = (label, name_key(name))
        if ref not in entities:
            entities[ref] = Entity(id=f"e{len(entities) + 1}", type=label, name=name,
                                   key=key or None)
        return entities[ref]

    nested = list(doc.spans["vnkg_nested"]) if "vnkg_nested" in doc.spans else []
    for ent in [*doc.ents, *nested]:
        surface = text[ent.start_char:ent.end_char]
        found = entity(ent.label_, ent.kb_id_ or surface, ent.ent_id_ or None)
        found.mentions.append(Mention(start=ent.start_char, end=ent.end_char, text=surface))
        if surface != found.name and surface not in found.aliases:
            found.aliases.append(surface)
    facts: list[Fact] = []
    seen: set[tuple] = set()
    for raw in (doc._.facts or []) if Doc.has_extension("facts") else []:
        subj = entity(*raw["subject"])
        obj = entity(*raw["object"])
        key = (raw["relation"], subj.id, obj.id, raw.get("role"), raw.get("date"))
        if key in seen or subj.id == obj.id:
            continue
        seen.add(key)
        evidence = None
        if raw.get("evidence"):
            start, end = raw["evidence"]
            evidence = Span(start=start, end=end, text=text[start:end])
        facts.append(Fact(relation=raw["relation"], subject=subj.id, object=obj.id,
                          role=raw.get("role"), date=raw.get("date"), evidence=evidence,
                          confidence=raw.get("confidence")))
    year = doc._.year if Doc.has_extension("year") else None
    return ArticleFacts(
        article=article.id,
        title=article.title,
        url=article.url,
        published=article.published.isoformat() if article.published else None,
        year=year,
        extractor_version=EXTRACTOR_VERSION,
        entities=list(entities.values()),
        facts=facts,
    )


def extract(articles: Iterable[Article], nlp: Language | None = None,
            batch_size: int = 8) -> Iterator[ArticleFacts]:
    """Run the pipeline over articles with `nlp.pipe`, yielding one `ArticleFacts` each."""
    nlp = nlp or default_nlp()
    for doc, article in nlp.pipe(_docs(nlp, articles), as_tuples=True, batch_size=batch_size):
        yield doc_to_facts(doc, article)


def _docs(nlp: Language, articles: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
    """Segment each article and attach it, so components see `doc._.article` (published date,
    url) while they run."""
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.article = article
        yield doc, article
