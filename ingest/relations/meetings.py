"""worked_with and visited: receptions ("A tiếp B", the frame of frames.json), working
sessions ("A làm việc với/tại B"), "buổi làm việc giữa A và B" and visits ("A khảo sát P").
"""

from __future__ import annotations

import re

from ingest.coref import ArticleContext, Delegation, fold
from ingest.frames import (
    FrameSite,
    after_reception_pattern,
    between_pattern,
    fronted_agents,
    late_hosts,
    reception_sides,
    session_pattern,
    visit_pattern,
)
from ingest.relations.dating import _date_for, _note_lead_date, _note_visitors
from ingest.relations.lookups import _province_named_in
from ingest.relations.patterns import _ATTEND, AGENT, HOST, PLACE
from ingest.relations.sentences import Sentence, _Clause, _Facts
from ingest.relations.sides import (
    _add_leaders,
    _agents,
    _objects,
    _other_side,
    _titled_host,
    _track_delegation,
    _without_containers,
)

_WORKED = session_pattern()  # "(có buổi) làm việc với/tại": frames.json verbs.session
_RECEIVE_LEAD = after_reception_pattern()  # "tiếp và": frames.json verbs.session
_BETWEEN = between_pattern()  # "buổi làm việc giữa": frames.json verbs.between
_VISIT = visit_pattern()  # "khảo sát/thị sát/kiểm tra/thăm": frames.json verbs.visit

# "cuộc kiểm tra", "công tác khảo sát", "Đoàn kiểm tra" name the activity, not a visit.
# What may stand between a unit visited and the place that follows it: the place it lies in
# ("Nhà máy Thủy điện X tại huyện Y") or the next item of the list ("Công ty A và KCN B").
_AT_THE_UNIT = re.compile(r"[\s,]*(?:và|cùng|tại|ở|thuộc|trên địa bàn)?[\s,]*")

# "thăm mốc giới ... biên giới Việt Nam - Lào": a country after "biên giới" names the border
_BORDER_OF = re.compile(r"\bbiên giới(?:\s+(?:đất liền|quốc gia))?\s*$|\bcao tốc\s*$",
                        re.IGNORECASE)  # also "cao tốc X - Y": an expressway named by its ends
_VISIT_NOUN = re.compile(r"(?:\bcuộc|(?<![Đđ]oàn )\bcông tác|^[Đđ]oàn|[^,]\s[Đđ]oàn)\s*$")
_HOST_GAP = re.compile(
    r"^(?:[\s,:]|và|cùng|với|lãnh đạo|chủ chốt|đại diện|của|các|hai|ba|bốn|năm|sáu|bảy|\d+|"
    r"tỉnh|thành phố|TP\.?|Thủ đô|huyện|thị xã|địa phương)*$", re.IGNORECASE)


def _receptions(c: _Clause) -> None:
    """worked_with: "A tiếp B" (the reception frame of ingest/data/frames.json)."""
    r = c.r
    for site in r.sent.sites:
        if c.lo <= site.start < c.hi and site.frame.relation == "worked_with":
            c.found = _received(r.sent, site, c.lo, c.hi, r.ctx, r.facts, r.doc_ends,
                                c.used) or c.found


def _sessions(c: _Clause) -> None:
    """worked_with: "A làm việc với/tại B" (visited where B is a place)."""
    r, sent, clause = c.r, c.r.sent, c.clause
    for match in _WORKED.finditer(clause):
        t0, t1 = c.lo + match.start(), c.lo + match.end()
        with_person = _titled_host(sent, t1, c.hi, r.ctx, r.facts) \
            if fold(match.group("prep")) == "voi" else None
        if _RECEIVE_LEAD.search(clause[: match.start()]) and (
                with_person is None or not _province_named_in(with_person.name)):
            continue  # "tiếp và làm việc với đoàn ...": the host speaks, see _received
        hosts = _without_containers(sent, _objects(
            sent, t1, c.hi, (*HOST, "LOCATION", "ZONE", "BORDER_GATE") if
            fold(match.group("prep")) == "tai" else HOST, _HOST_GAP))
        if not hosts and with_person is not None:
            hosts = [with_person]
        hosts = hosts or late_hosts(sent, t1, c.hi)
        agents, delegation = _agents(sent, c.lo, t0, r.ctx, c.used, r.title_bodies)
        agents = agents or [a for a in r.carried if a.label in AGENT] or fronted_agents(
            sent, c.lo, t0, max((h.end for h in hosts), default=t1), c.hi)
        if hosts and hosts[0] is with_person:
            agents = _other_side(agents, with_person, sent, r.ctx)
        c.found = True
        if not hosts or not agents:
            continue
        date = _date_for(sent, t0, r.ctx, r.doc_ends)
        _note_lead_date(r.ctx, date)
        _note_visitors(r.ctx, sent, agents)
        for host in hosts:
            c.used.add(host.start)
            relation = "worked_with" if host.label in HOST else "visited"
            for agent in agents:
                if agent.label in AGENT:
                    fact = r.facts.add(relation, agent, host, c.evidence, date=date)
                    _track_delegation(r.ctx, delegation, agent, fact)
        _add_leaders(r.ctx, delegation, r.leaders)


def _between(c: _Clause) -> None:
    """worked_with: "buổi làm việc giữa A và B"."""
    r = c.r
    for match in _BETWEEN.finditer(c.clause):
        c.found = True
        t1 = c.lo + match.end()
        split = re.search(r"\svà\s", r.text[t1:c.hi])
        if not split:
            continue
        mid = t1 + split.start()
        agents = [m for m in r.sent.mentions if t1 <= m.start < mid and m.label in AGENT]
        hosts = _objects(r.sent, t1 + split.end(), c.hi, HOST, _HOST_GAP)
        date = _date_for(r.sent, t1, r.ctx, r.doc_ends)
        for agent in agents:
            for host in hosts:
                r.facts.add("worked_with", agent, host, c.evidence, date=date)


def _visits(c: _Clause) -> None:
    """visited: "A khảo sát/thị sát/kiểm tra/thăm P"."""
    r, sent, text = c.r, c.r.sent, c.r.text
    for match in _VISIT.finditer(c.clause):
        t0, t1 = c.lo + match.start(), c.lo + match.end()
        if _VISIT_NOUN.search(c.clause[: match.start()]):
            continue
        window = min(c.hi, t1 + r.visit_window)
        first = next((m for m in sent.mentions if t1 <= m.start and m.end <= window
                      and m.label in PLACE and not m.implicit), None)
        c.found = True
        if first is None:
            continue
        between = text[t1:first.start]
        if _WORKED.search(between) or _ATTEND.search(between) or _BORDER_OF.search(between):
            continue
        unit = next((m for m in reversed(sent.mentions) if m.label == "ORGANIZATION"
                     and t1 <= m.start and m.end <= first.start
                     and m.start not in r.title_bodies), None)
        if unit is not None and not _AT_THE_UNIT.fullmatch(text[unit.end:first.start]):
            continue  # "kiểm tra Nhà máy X, ... tỉnh Y": the visit was to the unit
        places = _without_containers(
            sent, [first, *_objects(sent, first.end, c.hi, PLACE, _HOST_GAP)])
        agents, delegation = _agents(sent, c.lo, t0, r.ctx, c.used, r.title_bodies)
        agents = agents or [a for a in r.carried if a.label in AGENT]
        if not agents:
            continue
        date = _date_for(sent, t0, r.ctx, r.doc_ends)
        _note_lead_date(r.ctx, date)
        _note_visitors(r.ctx, sent, agents)
        for place in places:
            c.used.add(place.start)
            for agent in agents:
                if agent.label in AGENT:
                    fact = r.facts.add("visited", agent, place, c.evidence, date=date)
                    _track_delegation(r.ctx, delegation, agent, fact)
        _add_leaders(r.ctx, delegation, r.leaders)


def _received(sent: Sentence, site: FrameSite, lo: int, hi: int, ctx: ArticleContext,
              facts: _Facts, doc_ends: list[int], used: set[int]) -> bool:
    """"A tiếp B": the reception frame's visitors (a delegation's body and leader, or a person)
    worked with its hosts (A's province, A's body); the clause's mentions are then spoken for,
    so "B đến thăm và làm việc tại tỉnh" later in it adds nothing the wrong way round."""
    bodies, people, hosts = reception_sides(sent, site, lo, hi, ctx)
    if not bodies and not people:
        return False
    used.update(m.start for m in sent.mentions if lo <= m.start < site.start)  # never visitors
    if not hosts:
        return True
    date = _date_for(sent, site.start, ctx, doc_ends, hi)
    _note_lead_date(ctx, date)
    delegation = Delegation(bodies=[(b.label, b.name) for b in bodies],
                            leaders=[(p.label, p.name) for p in people]) if bodies else None
    for visitor in [*bodies, *people]:
        for host in hosts:
            fact = facts.add("worked_with", visitor, host, (sent.start, sent.end), date=date)
            _track_delegation(ctx, delegation, visitor, fact)
    _note_visitors(ctx, sent, [*bodies, *people])
    used.update(m.start for m in sent.mentions if lo <= m.start < hi)
    return True
