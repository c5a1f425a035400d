"""The relation component: extract_facts reads an article's sentences, then runs the
clause-level verb families and the discourse passes its settings switch on, and the
`vnkg_relations` factory wraps it for the pipeline."""

from __future__ import annotations

import re
from dataclasses import fields

from spacy.language import Language
from spacy.tokens import Doc

from ingest.coref import ArticleContext, article_province
from ingest.frames import leader_markers, trigger_sites
from ingest.positions import Mention, find_positions
from ingest.relations.clauses import _sentence_facts
from ingest.relations.dating import _lead_date
from ingest.relations.discourse import (
    _attendance_list,
    _carry_session_date,
    _date_title_facts,
    _delegation_leaders,
    _drop_undated_duplicates,
    _speaker_at,
)
from ingest.relations.places import _place_facts
from ingest.relations.sentences import (
    Sentence,
    _date_span,
    _dates,
    _entity_mentions,
    _Facts,
    _mention_span,
    _mentions,
    _within,
    split_sentences,
)
from ingest.relations.settings import DEFAULT_SETTINGS, RelationSettings
from ingest.relations.titles import _positions, _resolve_bare_titles
from ingest.spans import compound_starts, doc_text

for _name, _default in (("facts", None), ("dates", None), ("province", None), ("year", None),
                        ("article", None), ("after_merger", False)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
_SESSION_NOUN = re.compile(r"\b(?:buổi|cuộc)\s+(?:làm việc|hội đàm|họp)\b", re.IGNORECASE)


def extract_facts(doc: Doc, settings: RelationSettings = DEFAULT_SETTINGS) -> list[dict]:
    """Every fact of one document (see the module docstring for the rules).

    The doc's text, entities and dates are read once: everything below works on the text
    string and character offsets (`ingest.spans.doc_text`: `Doc.text` rebuilds the string from
    the tokens on each call).
    """
    text = doc_text(doc)
    article = doc._.article
    title = getattr(article, "title", "") or text.split("\n", 1)[0]
    ents = _entity_mentions(doc, text)
    province = article_province([(m.label, m.name) for m in ents], title, doc._.province)
    ctx = ArticleContext(province=province, after_merger=bool(doc._.after_merger))
    mentions = _mentions(text, ents, province)
    sentences = _sentences(doc, text, mentions, ctx)
    facts = _Facts()
    _positions(sentences, ctx, facts, text)
    _note_lead(ctx, sentences, mentions, len(title) if text.startswith(title) else 0)
    _sentence_passes(sentences, text, ctx, facts, settings)
    _place_facts(sentences, ctx, facts)
    return _article_passes(facts, sentences, ctx, text, settings)


def _sentences(doc: Doc, text: str, mentions: list[Mention],
               ctx: ArticleContext) -> list[Sentence]:
    """The doc's sentences with their mentions, dates, frame triggers and titles; every
    title with a body is remembered for the bare titles of later sentences."""
    mention_starts = [m.start for m in mentions]
    dates = _dates(doc)
    date_starts = [d[0] for d in dates]
    compounds = compound_starts(doc)
    sentences = []
    for start, end in split_sentences(text):
        sent = Sentence(start, end, text[start:end],
                        _within(mentions, mention_starts, start, end, _mention_span),
                        _within(dates, date_starts, start, end, _date_span))
        sent.sites = trigger_sites(sent.text, start, compounds)
        sent.positions, sent.units = find_positions(sent.text, start, sent.mentions,
                                                    ctx.province)
        for pos in sent.positions:
            ctx.remember_title(pos.person, pos.role, pos.body, pos.start)
        sentences.append(sent)
    return sentences


def _note_lead(ctx: ArticleContext, sentences: list[Sentence], mentions: list[Mention],
               title_end: int) -> None:
    """What the headline and the lead tell every later sentence: where the headline ends,
    the events named (a bare "hội nghị" means the one the body names, which the headline
    often shortens), the lead's date, whether the lead reports a trip or one session, and who
    the article says leads a delegation ("Đồng chí A, ..., làm trưởng đoàn")."""
    ctx.title_end = title_end
    ctx.events = sorted(((m.name, m.start) for m in mentions if m.label == "EVENT"),
                        key=lambda e: (e[1] < title_end, e[1]))
    ctx.lead_date = _lead_date(sentences, title_end)
    lead = _lead(sentences, ctx)
    ctx.lead_is_trip = lead is not None and not _SESSION_NOUN.search(lead.text)
    ctx.delegation_heads = _delegation_heads(sentences)


_LEADER_MARK = re.compile(rf"(?<!\w)(?:{leader_markers()})(?!\w)", re.IGNORECASE)


def _delegation_heads(sentences: list[Sentence]) -> list[tuple[str, str]]:
    """The people the article names as leading a delegation: the person right before a leader
    marker of frames.json ("Đồng chí A, Phó Chủ tịch UBND tỉnh, làm trưởng đoàn"), only their
    titles (and the bodies in them) between."""
    out: list[tuple[str, str]] = []
    for sent in sentences:
        for mark in _LEADER_MARK.finditer(sent.text):
            at = sent.start + mark.start()
            person = next((m for m in reversed(sent.mentions) if m.label == "PERSON"
                           and m.end <= at), None)
            if person is None:
                continue
            gap = list(sent.text[person.end - sent.start:mark.start()])
            for a, b in [(u.start, u.end) for u in sent.units] + \
                    [(m.start, m.end) for m in sent.mentions]:
                for i in range(max(a, person.end), min(b, at)):
                    gap[i - person.end] = " "
            if re.fullmatch(r"[\s,]*", "".join(gap)) and ("PERSON", person.name) not in out:
                out.append(("PERSON", person.name))
    return out


def _lead(sentences: list[Sentence], ctx: ArticleContext) -> Sentence | None:
    """The first dated sentence after the headline."""
    return next((s for s in sentences if s.start >= ctx.title_end and s.dates), None)


def _sentence_passes(sentences: list[Sentence], text: str, ctx: ArticleContext, facts: _Facts,
                     settings: RelationSettings) -> None:
    """Sentence by sentence: bare titles resolved, the clause facts, then the attendance
    lists and speakers that refer to an event named in this or a recent sentence."""
    lead = _lead(sentences, ctx)
    lead_event = next((m.name for m in lead.mentions if m.label == "EVENT"), None) \
        if lead else None
    recent: list[tuple[int, list[str]]] = []  # (sentence index, events it named)
    for index, sent in enumerate(sentences):
        if settings.bare_titles:
            _resolve_bare_titles(sent, ctx)
        _sentence_facts(sent, text, ctx, facts, settings.visit_window)
        if settings.attendance_lists:
            earlier = [names for at, names in recent if index - at <= 2]
            _attendance_list(sent, ctx, facts, earlier[-1] if earlier else (
                [lead_event] if lead_event else []))
        if settings.speakers:
            _speaker_at(sent, ctx, facts)
        named = [m.name for m in sent.mentions if m.label == "EVENT" and not m.implicit]
        if named:
            recent.append((index, named))


def _article_passes(facts: _Facts, sentences: list[Sentence], ctx: ArticleContext, text: str,
                    settings: RelationSettings) -> list[dict]:
    """The passes over the whole article's facts, each switched by its setting: delegation
    leaders share their delegation's facts, headline facts take the lead's date, later
    sentences carry the session's date, and undated copies of dated facts go."""
    if settings.delegation_leaders:
        _delegation_leaders(ctx, facts)
    if settings.headline_dates:
        _date_title_facts(facts, sentences, ctx, text, settings.drop_undated_duplicates)
    if settings.carry_session_date:
        _carry_session_date(facts, sentences, ctx)
    if settings.drop_undated_duplicates:
        return _drop_undated_duplicates(facts.items)
    return facts.items


class RelationExtractor:
    """The pipeline component: sets `doc._.facts`."""

    def __init__(self, settings: RelationSettings = DEFAULT_SETTINGS) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.facts = extract_facts(doc, self.settings)
        return doc


@Language.factory("vnkg_relations", default_config={
    f.name: getattr(DEFAULT_SETTINGS, f.name) for f in fields(RelationSettings)})
def make_relations(nlp: Language, name: str, visit_window: int, delegation_leaders: bool,
                   drop_undated_duplicates: bool, carry_session_date: bool,
                   headline_dates: bool, attendance_lists: bool, speakers: bool,
                   bare_titles: bool) -> RelationExtractor:
    """Facts from entities (after entity recognition, dates and context)."""
    return RelationExtractor(RelationSettings(
        visit_window, delegation_leaders, drop_undated_duplicates, carry_session_date,
        headline_dates, attendance_lists, speakers, bare_titles))
