"""holds_position: the titles of ingest/positions.py with their bodies, a bare title's body
from the same person's title elsewhere, and a nameless title resolved to its holder.
"""

from __future__ import annotations

from collections import Counter

from ingest.coref import ArticleContext, fold
from ingest.positions import Mention, Position
from ingest.relations.lookups import _attaches_to, _implied_only_if_written
from ingest.relations.sentences import Sentence, _Facts
from ingest.relations.sides import _delegation_bodies


def _article_ministry(sentences: list[Sentence]) -> str | None:
    counts = Counter(m.name for s in sentences for m in s.mentions
                     if m.label == "ORGANIZATION" and m.name.startswith("Bộ ")
                     and not m.name.startswith(("Bộ Chỉ huy", "Bộ Tư lệnh", "Bộ Chính trị")))
    return next(iter(counts)) if len(counts) == 1 else None  # a guess only when unambiguous


def _positions(sentences: list[Sentence], ctx: ArticleContext, facts: _Facts,
               text: str = "") -> None:
    ministry = _article_ministry(sentences)
    written = fold(text)
    for sent in sentences:
        for pos in sent.positions:
            body = pos.body
            if body is None:
                body = _body_from_context(pos, sent, ctx, ministry)
            if body is None:
                continue
            if (fold(pos.role), fold(body)) in _implied_only_if_written() and \
                    fold(body) not in written:
                continue  # "Thủ tướng A" in an article that never writes "Chính phủ"
            facts.add("holds_position", ("PERSON", pos.person), ("ORGANIZATION", body),
                      (sent.start, sent.end), role=pos.role)


def _body_from_context(pos: Position, sent: Sentence, ctx: ArticleContext,
                       ministry: str | None) -> str | None:
    """The body of a title given alone ("Bộ trưởng Nguyễn Hồng Diên"): the same person's
    title with a body elsewhere in the article, else for a minister the ministry of the
    delegation in the sentence or the one ministry the article names."""
    for role, body in ctx.person_bodies.get(pos.person, []):
        if fold(role) == fold(pos.role):
            return body
    # "Đoàn công tác của Đại sứ quán X do Đại sứ A dẫn đầu": the delegation's sender, when it
    # is a body the title governs (titles.json attaches_to)
    heads = _attaches_to().get(fold(pos.role), ())
    for body in _delegation_bodies(sent, sent.start, sent.end) if heads else []:
        if body.name.startswith(heads):
            return body.name
    if fold(pos.role).endswith(("bo truong", "thu truong")):
        return ministry
    return None


def _resolve_bare_titles(sent: Sentence, ctx: ArticleContext) -> None:
    """A title with no name ("Bộ trưởng", "đồng chí Bí thư Tỉnh ủy") is the person named with
    it: it becomes an implicit PERSON mention of that person."""
    for unit in sent.units:
        if unit.person:
            continue
        person = ctx.person_with_title(unit.role, unit.body, unit.start)
        if person:
            sent.mentions.append(Mention(unit.start, unit.end, "PERSON", person,
                                         sent.text[unit.start - sent.start:unit.end - sent.start],
                                         implicit=True))
    sent.mentions.sort(key=lambda m: m.start)
