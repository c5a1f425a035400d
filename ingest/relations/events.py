"""attended, organized and held_in: "A dự/chủ trì E", "A tổ chức E", "E do A tổ chức",
"E diễn ra tại P".
"""

from __future__ import annotations

import re

from ingest.coref import fold
from ingest.frames import happen_pattern, organize_pattern, partner_pattern, spoke_at_pattern
from ingest.positions import Mention
from ingest.relations.dating import _date_for
from ingest.relations.family import Family, Site
from ingest.relations.lookups import _district_provinces
from ingest.relations.patterns import _EVENT_GAP, _VENUE_LEAD, HOST, VENUE
from ingest.relations.sentences import Sentence, _Clause, _Facts
from ingest.relations.sides import (
    _AT_LINK_AFTER,
    _ENDS_CLAUSE,
    _event_before,
    _events_after,
    _objects,
    _organizers,
    _without_qualifiers,
)

_SPOKE_AT = spoke_at_pattern()  # "phát biểu tại" before an event: frames.json verbs.happen
_PASSIVE_BY = re.compile(r"\bdo\s+(?!đó\b|vậy\b)[^,;]{0,120}$")
_ORGANIZE = organize_pattern()  # "tổ chức/đăng cai": frames.json verbs.organize
_PARTNER_LEAD = partner_pattern()  # "phối hợp với": frames.json verbs.organize
_HAPPEN = happen_pattern()  # "diễn ra/được tổ chức": frames.json verbs.happen
_OPENING_SPEECH = re.compile(r"(?:khai|bế) mạc$", re.IGNORECASE)
_NO_OBJECT = re.compile(r"\s*(?:[,.;]|$)")
_PLACE_IN_NAME = re.compile(r"\b(?:huyện|thị xã|quận|thành phố|tỉnh)\s+(?P<name>(?:[A-ZĐ][\w]*"
                            r"(?:\s+|$)){1,3})")


def attended_events(c: _Clause, fam: Family, site: Site) -> list[Mention] | None:
    """The events an attendance verb governs; where the verb ends its clause or is an opening
    speech with no object, the event named before. None where it governs no event."""
    r, text = c.r, c.r.text
    t0, t1, verb = site.t0, site.t1, site.match.group("verb") if site.match else ""
    events = _events_after(r.sent, t1, c.hi, r.ctx)
    if not events and ((_OPENING_SPEECH.search(verb) and _NO_OBJECT.match(text[t1:c.hi]))
                       or (site.verb in ("du", "tham du")
                           and _ENDS_CLAUSE.fullmatch(text[t1:c.hi]))
                       or _AT_LINK_AFTER.match(text, t1)):
        # "Phát biểu khai mạc, ông A ...": the opening speech of the event named before;
        # "A đã tham dự và chỉ đạo.": the verb ends its clause, its object is that event
        event = _event_before(r.ctx, t0)
        events = [Mention(t0, t1, "EVENT", event, verb, implicit=True)] if event else []
    return events or None


def attendees(c: _Clause, fam: Family, site: Site,
              objects: list[Mention]) -> tuple[list[Mention], None]:
    """Who attended: the people (and, for the verbs the data names, the bodies) before the
    verb in the clause, with a verbless list before it in the sentence; else the person
    after the comma that ends a fronted phrase."""
    r, sent, text = c.r, c.r.sent, c.r.text
    types = fam.subject.by_verb.get(site.verb, fam.subject.types)
    agents = [m for m in sent.mentions if c.lo <= m.start and m.end <= site.t0
              and m.start not in c.used and (m.label == "PERSON" or (
                  m.label in types and m.start not in r.title_bodies))]
    if agents and r.quiet and c.lo > sent.start:
        agents = [m for m in sent.mentions if sent.start <= m.start < c.lo
                  and m.label == "PERSON"] + agents
    if not agents and not text[c.lo:site.t0].strip(" ,“\""):
        comma = text.find(",", objects[-1].end, c.hi)
        if comma >= 0:
            agents = [m for m in sent.mentions if comma < m.start < min(c.hi, comma + 120)
                      and m.label == "PERSON"][:1]
    return agents, None


def organizes(c: _Clause, fam: Family) -> None:
    """organized: "A (phối hợp với B) tổ chức E"; "E do A tổ chức"."""
    r, sent, text = c.r, c.r.sent, c.r.text
    for match in _ORGANIZE.finditer(c.clause):
        t0, t1 = c.lo + match.start(), c.lo + match.end()
        events = [m for m in sent.mentions if m.label == "EVENT" and t1 <= m.start < c.hi
                  and _EVENT_GAP.fullmatch(text[t1:m.start])]
        events = events[:1] + _objects(sent, events[0].end, c.hi, ("EVENT",), _EVENT_GAP) \
            if events else []
        by = None if events else _PASSIVE_BY.search(text[c.lo:t0])
        if by is not None:
            _organized_by(c, c.lo + by.start(), t0)
            continue
        if not events:
            continue
        c.found = True
        r.previous_relation = "organized"
        organizers = _organizers(sent, c.lo, t0, events[-1].end, c.hi, r.title_bodies)
        partner = _PARTNER_LEAD.search(text[c.lo:t0])
        if not organizers or (partner and all(o.start > c.lo + partner.start()
                                              for o in organizers)):
            organizers = [m for m in r.carried if m.label in HOST] + organizers
        date = _date_for(sent, t0, r.ctx, r.doc_ends)
        for organizer in organizers:
            for event in events:
                r.facts.add("organized", organizer, event, c.evidence)
        r.carried = r.carried or organizers
        _held_in(sent, c.lo, c.hi, events, date, r.facts, c.evidence)


def _organized_by(c: _Clause, by_at: int, t0: int) -> None:
    """"E do A (phối hợp với B) tổ chức": the bodies after "do" organised the event before."""
    r, sent = c.r, c.r.sent
    events = [m for m in sent.mentions if m.label == "EVENT" and c.lo <= m.start
              and m.end <= by_at][-1:]
    agents = _without_qualifiers(sent, [
        m for m in sent.mentions if by_at < m.start and m.end <= t0
        and m.label in HOST and m.start not in r.title_bodies])
    for organizer in agents:
        for event in events:
            r.facts.add("organized", organizer, event, c.evidence)
    c.found = c.found or bool(events)


def happens(c: _Clause, fam: Family) -> None:
    """held_in: "E diễn ra / được tổ chức tại P"; "tham gia E1, E2 ... tại P"."""
    r, text, clause = c.r, c.r.text, c.clause
    happen = _HAPPEN.search(clause)
    if not happen:
        return
    events = [m for m in r.sent.mentions if m.label == "EVENT" and c.lo <= m.start < c.hi
              and (not _VENUE_LEAD.search(text[max(c.lo, m.start - 12):m.start])
                   or _SPOKE_AT.search(text[max(c.lo, m.start - 40):m.start]))]
    if not events:
        return
    c.found = True
    date = _date_for(r.sent, c.lo + happen.start(), r.ctx, r.doc_ends) \
        if re.search(r"diễn ra|tổ chức|khai mạc", clause, re.IGNORECASE) else None
    _held_in(r.sent, c.lo, c.hi, events, date, r.facts, c.evidence,
             name_places=bool(re.search(r"diễn ra", clause, re.IGNORECASE)))


def _held_in(sent: Sentence, lo: int, hi: int, events: list[Mention], date: str | None,
             facts: _Facts, evidence: tuple[int, int], name_places: bool = False) -> None:
    text = sent.text
    venue = None
    for m in sent.mentions:
        if lo <= m.start < hi and m.label in VENUE and not m.implicit and \
                _VENUE_LEAD.search(text[max(lo, m.start - 30) - sent.start:m.start - sent.start]):
            venue = m
            break
    for event in events:
        if event.implicit:
            continue
        place: Mention | tuple[str, str] | None = venue
        if place is None and name_places:
            place = _place_in_name(event.name)
        if place is not None:
            facts.add("held_in", event, place, evidence, date=date)


def _place_in_name(name: str) -> tuple[str, str] | None:
    """A district or province written into an event's name ("... huyện Bắc Hà ...")."""
    from ingest.positions import is_province_name

    for match in _PLACE_IN_NAME.finditer(name):
        words = match.group("name").split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            if match.group(0).lower().startswith("tỉnh") and is_province_name(candidate):
                return ("PROVINCE", candidate)
            if "name:" + fold(candidate) in _district_provinces():
                return ("LOCATION", candidate)
    return None
