"""part_of: a unit named with the body it belongs to ("Cục X (Bộ Y)", "Vụ X, Bộ Y", "Ủy
ban X của Quốc hội", "các đơn vị thuộc Bộ Y: ...").
"""

from __future__ import annotations

import re

from ingest import resources
from ingest.coref import ArticleContext, fold, nfc_vi
from ingest.lexicon import lexicon
from ingest.positions import Mention
from ingest.relations.patterns import _COMMA_ONLY
from ingest.relations.sentences import Sentence, _Facts

# A ministry's unit named with its ministry in brackets or after a comma or dash: "Cục Xúc tiến
# thương mại (Bộ Công Thương)", "Vụ Pháp chế, Bộ Tài chính", "Cục Quản lý giá - Bộ Tài chính";
# or listed after "các đơn vị thuộc Bộ X:".
_HEADS = resources.body_heads()
_PART_OF_LIST = re.compile(
    r"(?:đơn vị|Cục|Vụ|cơ quan|Tổng cục)[^:;.]{0,40}?\b(?:thuộc|trong|của|trực thuộc)\s+"
    r"(?P<parent>Bộ|Sở|UBND|Ủy ban)\b[^:;.]{0,60}?:", re.IGNORECASE)
_PART_OF_ADJ = re.compile(r"^\s*(?:trực\s+)?thuộc\s*$", re.IGNORECASE)
_UNIT_HEAD = re.compile(r"^(?:" + "|".join(map(re.escape, _HEADS.unit)) + r")\s", re.IGNORECASE)
_MINISTRY_HEAD = re.compile(r"^(?:" + "|".join(map(re.escape, _HEADS.parent)) + r")(?:\s|$)")
_OF_PARENT = re.compile(r"^\s*của\s*$")
_WRITTEN_PARENT = re.compile(r"\scủa\s+(.+)$")  # "Ủy ban Quốc phòng và An ninh của Quốc hội"
_OF_UNIT_HEAD = re.compile(r"^(?:" + "|".join(map(re.escape, _HEADS.of_unit)) + r")\s",
                           re.IGNORECASE)
_OF_PARENT_HEAD = re.compile(r"^(?:" + "|".join(map(re.escape, _HEADS.of_parent))
                             + r")(?:\s|$)")
_BRACKET_OPEN = re.compile(r"^\s*\(\s*$")
_BRACKET_CLOSE = re.compile(r"^\s*\)")
_LIST_GO_ON = re.compile(r"^\s*(?:,\s*(?:và|cùng)?|và|cùng)\s*$")


def _part_of(sent: Sentence, lo: int, hi: int, ctx: ArticleContext, facts: _Facts,
             evidence: tuple[int, int]) -> None:
    text = sent.text
    clause = text[lo - sent.start:hi - sent.start]
    match = _PART_OF_LIST.search(clause)
    if match:
        parent_at = lo + match.start("parent")
        parent = next((m for m in sent.mentions if m.start == parent_at and
                       m.label == "ORGANIZATION"), None)
        if parent is None:
            head = match.group("parent")
            parent = next((m for m in reversed(sent.mentions) if m.start < parent_at and
                           m.label == "ORGANIZATION" and m.name.startswith(head)), None)
        list_start = lo + match.end()
        if parent is not None:
            end = sent.end  # the list runs to the end of the sentence, across ";"
            for m in sent.mentions:
                if list_start <= m.start < end and m.label == "ORGANIZATION" and \
                        m.name != parent.name:
                    facts.add("part_of", m, parent, evidence)
    for i, m in enumerate(sent.mentions):
        if m.label != "ORGANIZATION" or not (lo <= m.start < hi):
            continue
        own = _WRITTEN_PARENT.search(m.text)  # a known name written with its parent
        if own and (rec := lexicon().bodies.get(nfc_vi(own.group(1)))) is not None:
            facts.add("part_of", m, ("ORGANIZATION", rec["name"]), evidence)
        nxt = next((n for n in sent.mentions[i + 1:] if n.start >= m.end), None)
        if nxt is None:
            continue
        gap = text[m.end - sent.start:nxt.start - sent.start]
        if (nxt.label == "ORGANIZATION" and _PART_OF_ADJ.fullmatch(gap)) or \
                _ministry_unit(sent, i, m, nxt) or (_OF_PARENT.fullmatch(gap) and
                                                    _OF_UNIT_HEAD.match(m.name) and
                                                    _OF_PARENT_HEAD.match(nxt.name)):
            facts.add("part_of", m, nxt, evidence)


def _ministry_unit(sent: Sentence, i: int, unit: Mention, parent: Mention) -> bool:
    """`parent` is the ministry `unit` belongs to: written in brackets after it, or after a
    comma or dash where the two are not items of a longer list of bodies."""
    if parent.label != "ORGANIZATION" or not _UNIT_HEAD.match(unit.name) or \
            not _MINISTRY_HEAD.match(parent.name) or \
            fold(parent.name.split()[0]) == fold(unit.name.split()[0]):
        return False
    text, at = sent.text, sent.start
    gap = text[unit.end - at:parent.start - at]
    if _BRACKET_OPEN.fullmatch(gap):
        return bool(_BRACKET_CLOSE.match(text[parent.end - at:]))
    if not _COMMA_ONLY.fullmatch(gap):
        return False
    before = next((n for n in reversed(sent.mentions[:i]) if n.end <= unit.start), None)
    after = next((n for n in sent.mentions if n.start >= parent.end), None)
    return not (before is not None and before.label == "ORGANIZATION" and
                _LIST_GO_ON.fullmatch(text[before.end - at:unit.start - at])) and \
        not (after is not None and after.label == "ORGANIZATION" and
             _LIST_GO_ON.fullmatch(text[parent.end - at:after.start - at]))
