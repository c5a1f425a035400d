"""The extraction pipeline: `build_nlp()` is the one entry point, `extract()` runs it.

The pipeline is the spaCy config ingest/config.cfg: `spacy.blank("vi")` with pyvi word
segmentation, then our components, registered as spaCy factories (ingest/components.py,
ingest/relations/), which add context, entities and relations, each setting commented there.
The article travels with its doc (`doc._.article`) so components can use its published date
and title.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from ingest.articles import Article
from ingest.context import set_extensions
from ingest.facts import ArticleFacts, Entity, Fact, Mention, Span, text_hash
from ingest.spans import doc_text
from ingest.text import name_key

__all__ = ["CONFIG_PATH", "EXTRACTOR_VERSION", "build_nlp", "doc_to_facts", "extract",
           "load_config"]

EXTRACTOR_VERSION = "vnkg-extract/0.1"
CONFIG_PATH = Path(__file__).resolve().with_name("config.cfg")

set_extensions()


def load_config(path: str | Path = CONFIG_PATH,
                overrides: Mapping[str, Any] | None = None) -> Config:
    """The pipeline config, with dotted overrides ("components.vnkg_relations.visit_window");
    an override of a setting the file does not have is an error.

    >>> load_config()["nlp"]["lang"]
    'vi'
    """
    return util.load_config(path, overrides=dict(overrides or {}))


PIPE_NAMES: tuple[str, ...] = tuple(load_config()["nlp"]["pipeline"])


def build_nlp(pipes: Iterable[str] | None = None, *, config: str | Path | Config | None = None,
              overrides: Mapping[str, Any] | None = None) -> Language:
    """The pipeline of a config (ingest/config.cfg unless told), built as `spacy.blank` builds
    one: `Language.from_config` of the config's language class. `pipes` keeps only those
    components, in the config's order (the bench times the entity stages alone this way).

    >>> build_nlp().pipe_names[0], build_nlp().pipe_names[-1]
    ('vnkg_context', 'vnkg_relations')
    >>> build_nlp(overrides={"components.vnkg_relations.visit_window": 80}).get_pipe(
    ...     "vnkg_relations").settings.visit_window
    80
    """
    _register_factories()
    if isinstance(config, Config):
        cfg = util.load_config_from_str(config.to_str(), overrides=dict(overrides or {})) \
            if overrides else config
    else:
        cfg = load_config(config or CONFIG_PATH, overrides)
    if pipes is not None:
        cfg = _only(cfg, list(pipes))
    return util.get_lang_class(cfg["nlp"]["lang"]).from_config(cfg)


def _only(cfg: Config, keep: list[str]) -> Config:
    known = cfg["nlp"]["pipeline"]
    unknown = [name for name in keep if name not in known]
    if unknown:
        raise ValueError(f"unknown pipeline component(s) {unknown}; the config has {known}")
    cfg = Config(cfg).copy()
    cfg["nlp"]["pipeline"] = [name for name in known if name in keep]
    cfg["components"] = {name: cfg["components"][name] for name in cfg["nlp"]["pipeline"]}
    return cfg


def _register_factories() -> None:
    """Import the modules whose decorators register the config's factories and tokenizer."""
    import ingest.components
    import ingest.relations
    import ingest.tokenizer  # noqa: F401


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
    text = doc_text(doc)  # once per doc: `Doc.text` joins every token again on each call
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
        # the span's own id: a nested span's `ent_id_` is read from its tokens, i.e. from the
        # doc.ents entity around it (the event's key for a place named inside an event)
        found = entity(ent.label_, ent.kb_id_ or surface, ent.id_ or None)
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
        content_hash=text_hash(article.text),
        entities=list(entities.values()),
        facts=facts,
    )


def extract(articles: Iterable[Article], nlp: Language | None = None,
            batch_size: int | None = None) -> Iterator[ArticleFacts]:
    """Run the pipeline over articles with `nlp.pipe`, yielding one `ArticleFacts` each
    (batches of the config's `nlp.batch_size` unless told)."""
    nlp = nlp or default_nlp()
    for doc, article in nlp.pipe(_docs(nlp, articles), as_tuples=True,
                                 batch_size=batch_size or nlp.batch_size):
        yield doc_to_facts(doc, article)


def _docs(nlp: Language, articles: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
    """Segment each article and attach it, so components see `doc._.article` (published date,
    url) while they run."""
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.article = article
        yield doc, article
