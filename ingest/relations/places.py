"""border_gate_of and located_in: a gate's province, and a place chain ("xã A, huyện B,
tỉnh C") or a place in brackets after a gate or zone.
"""

from __future__ import annotations

import re

from ingest.coref import ArticleContext, fold, nfc_vi
from ingest.lexicon import lexicon
from ingest.positions import Mention
from ingest.relations.lookups import (
    _AT_GAP,
    _BRACKET_GAP,
    _COMMA_GAP,
    _STARTS_WITH_UNIT,
    _UNIT_LEVELS,
    _UNIT_ONLY_GAP,
    _UNIT_WORD,
    _district_provinces,
    _exact,
    _foreign_parents,
    _gate_province,
    _province_named_in,
    _unit_level,
)
from ingest.relations.patterns import _COMMA_ONLY, VENUE
from ingest.relations.sentences import Sentence, _Facts


def _place_facts(sentences: list[Sentence], ctx: ArticleContext, facts: _Facts) -> None:
    districts = _district_provinces()
    foreign = _foreign_parents()
    done: set[tuple[str, str]] = set()
    # zones whose place the text states ("KCN X tại huyện Y"): the article's province is only
    # the fallback for a zone told without one
    placed = {(m.label, fold(m.name)) for sent in sentences
              for i, m in enumerate(sent.mentions)
              if m.label == "ZONE" and not m.implicit and _adjacent_place(sent, i) is not None}
    for sent in sentences:
        evidence = (sent.start, sent.end)
        provinces = [m for m in sent.mentions if m.label == "PROVINCE" and not m.implicit]
        for i, m in enumerate(sent.mentions):
            if m.implicit:
                continue
            adjacent = _adjacent_place(sent, i)
            if adjacent is not None and m.label in ("LOCATION", "ZONE", "BORDER_GATE") and \
                    not (m.label == "BORDER_GATE" and adjacent.label == "PROVINCE"):
                facts.add("located_in", m, adjacent, evidence)
            if m.label == "BORDER_GATE":
                for inner in _places_inside(m.text, districts, foreign):
                    facts.add("located_in", m, inner, evidence)
            key = (m.label, fold(m.name))
            if key in done:
                continue
            if m.label == "BORDER_GATE" and " - " not in m.name and (
                    (adjacent is not None and _is_foreign(adjacent)) or _foreign_bracket(m.text)):
                # "cửa khẩu X tỉnh Quảng Tây", "X (Trung Quốc)": the other country's gate (a
                # pair "A - B (Vân Nam)" is ours: the bracket names its other side's place)
                done.add(key)
                continue
            if m.label == "BORDER_GATE":
                prov = adjacent.name if adjacent is not None and adjacent.label == "PROVINCE" \
                    else _gate_province(m, ctx) or (provinces[0].name if len(
                        {p.name for p in provinces}) == 1 else ctx.province)
                if prov:
                    facts.add("border_gate_of", m, ("PROVINCE", prov), evidence)
                    done.add(key)
            elif m.label == "ZONE":
                named = _province_named_in(m.name)
                prov = named or (None if key in placed else provinces[0].name if len(
                    {p.name for p in provinces}) == 1 else ctx.province)
                if prov:
                    facts.add("located_in", m, ("PROVINCE", prov), evidence)
                    done.add(key)
            elif m.label == "LOCATION":
                prov = districts.get(_ent_key(m)) or districts.get("name:" + fold(m.name)) \
                    or districts.get("exact:" + _exact(m.name))
                parent = foreign.get(fold(m.name))
                if prov and (prov == ctx.province or prov in {p.name for p in provinces}):
                    facts.add("located_in", m, ("PROVINCE", prov), evidence)
                    done.add(key)
                elif parent:
                    facts.add("located_in", m, parent, evidence)
                    done.add(key)


def _is_foreign(m: Mention) -> bool:
    """Is this a place of another country (a country, or a foreign province or city)?"""
    if m.label != "LOCATION":
        return False
    rec = lexicon().places.get(m.name)
    return rec is not None and rec.get("country") not in (None, "VN") and \
        rec.get("kind") != "world_region"


def _foreign_bracket(text: str) -> bool:
    """Does a bracket in a mention's text name another country or a place of one?"""
    return any(_is_foreign(Mention(0, 0, "LOCATION", nfc_vi(inner.strip())))
               for inner in re.findall(r"\(([^()]{2,40})\)", text))


def _ent_key(m: Mention) -> str:
    return m.key or ""


def _adjacent_place(sent: Sentence, i: int) -> Mention | None:
    """"X (Y)", "X (huyện Y)", "X, tỉnh Y", "X tại/ở/thuộc huyện Y": the place that says
    where X is."""
    m = sent.mentions[i]
    nxt = next((n for n in sent.mentions[i + 1:] if n.start >= m.end and not n.implicit), None)
    if nxt is None or nxt.label not in VENUE:
        return None
    gap = sent.text[m.end - sent.start:nxt.start - sent.start]
    tail = sent.text[nxt.end - sent.start:nxt.end - sent.start + 2]
    if _BRACKET_GAP.fullmatch(gap) and (tail.startswith(")") or (
            m.label != "PROVINCE" and tail.startswith(",") and _unit_level(m) is not None)):
        return nxt  # "X (Y)", "thị trấn X (Y, Z)": the first bracketed place holds X
    if m.label == "LOCATION" and _COMMA_GAP.fullmatch(gap) and _chain_step(m, nxt, gap):
        return nxt
    if m.label == "BORDER_GATE" and re.fullmatch(r"\s*,\s*(?:tỉnh\s+)?", gap) and \
            nxt.label == "PROVINCE":
        return nxt
    if m.label in ("ZONE", "BORDER_GATE"):
        if _AT_GAP.fullmatch(gap) or (m.label == "BORDER_GATE" and _is_foreign(nxt) and (
                _UNIT_ONLY_GAP.fullmatch(gap) or _COMMA_ONLY.fullmatch(gap))):
            return nxt
        place_text = sent.text[nxt.start - sent.start:nxt.end - sent.start]
        if _COMMA_GAP.fullmatch(gap) and (re.search(_UNIT_WORD + r"\s*$", gap, re.IGNORECASE)
                                          or _STARTS_WITH_UNIT.match(place_text)):
            return nxt
    return None


def _chain_step(m: Mention, nxt: Mention, gap: str) -> bool:
    """"bản X, xã Y", "phường X, thị xã Y", "xã X, tỉnh Y": a unit written with its word,
    then a higher unit after a comma, is located in it."""
    low = _unit_level(m)
    if low is None:
        return False
    word = re.search(rf"({_UNIT_WORD})\s*$", gap, re.IGNORECASE)
    high = _UNIT_LEVELS.get(fold(word.group(1)).rstrip(".")) if word else _unit_level(nxt)
    if high is None and nxt.label == "PROVINCE":
        high = 3
    return high is not None and high > low


def _places_inside(text: str, districts: dict[str, str],
                   foreign: dict[str, tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for inner in re.findall(r"\(([^()]{2,40})\)", text):
        name = re.sub(rf"^{_UNIT_WORD}\s+", "", inner.strip(), flags=re.IGNORECASE)
        if "name:" + fold(name) in districts or fold(name) in foreign:
            out.append(("LOCATION", name))
    return out
