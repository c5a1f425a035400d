"""The named slot finders of the worked_with and visited families (frames.json "families"
names them; ingest/relations/engine.py runs them): receptions ("A tiếp B"), working sessions
("A làm việc với/tại B"), "buổi làm việc giữa A và B" and visits ("A khảo sát P").
"""

from __future__ import annotations

import re
from functools import cache

from ingest.coref import Delegation
from ingest.frames import (
    after_reception_pattern,
    attend_pattern,
    fronted_agents,
    late_hosts,
    leader_markers,
    reception_sides,
    session_pattern,
    words_alternation,
)
from ingest.positions import Mention
from ingest.relations.family import Family, Site
from ingest.relations.lookups import _province_named_in
from ingest.relations.sentences import _Clause
from ingest.relations.sides import _objects, _other_side, _titled_host, _without_containers
from ingest.relations.slots import Objects

_RECEIVE_LEAD = after_reception_pattern()  # "tiếp và": frames.json verbs.session

# What may stand between a unit visited and the place that follows it: the place it lies in
# ("Nhà máy Thủy điện X tại huyện Y") or the next item of the list ("Công ty A và KCN B").
_AT_THE_UNIT = re.compile(r"[\s,]*(?:và|cùng|tại|ở|thuộc|trên địa bàn)?[\s,]*")

# "cuộc kiểm tra", "công tác khảo sát", "Đoàn kiểm tra" name the activity, not a visit (but
# "Đoàn công tác kiểm tra" and ", đoàn kiểm tra" are its subject).
_LEADER_END = re.compile(rf"(?:{leader_markers()})\s*$", re.IGNORECASE)
_VISIT_NOUN = re.compile(r"(?:\bcuộc|(?<![Đđ]oàn )\bcông tác|^[Đđ]oàn|[^,]\s[Đđ]oàn)\s*$")


# reception: the frame's visitors and hosts


def reception_direction(c: _Clause, fam: Family, site: Site) -> Objects | None:
    """The hosts of "A tiếp B" (A's province, A's body); None where nobody visiting follows.
    The clause's mentions before the trigger are never visitors, and where hosts are found
    the whole clause is spoken for, so "B đến thăm và làm việc tại tỉnh" later in it adds
    nothing the wrong way round."""
    r = c.r
    assert site.frame_site is not None
    bodies, people, hosts = reception_sides(r.sent, site.frame_site, c.lo, c.hi, r.ctx)
    if not bodies and not people:
        return None
    c.used.update(m.start for m in r.sent.mentions if c.lo <= m.start < site.t0)
    site.state["visitors"] = [*bodies, *people]
    site.state["delegation"] = Delegation(
        bodies=[(b.label, b.name) for b in bodies],
        leaders=[(p.label, p.name) for p in people]) if bodies else None
    if hosts:
        c.used.update(m.start for m in r.sent.mentions if c.lo <= m.start < c.hi)
    return hosts


def reception_visitors(c: _Clause, fam: Family, site: Site,
                       objects: Objects) -> tuple[list[Mention], Delegation | None]:
    """The visitors reception_direction found: a delegation's body and leader, or a person."""
    return site.state["visitors"], site.state["delegation"]


# session


def _with_person(c: _Clause, site: Site) -> Mention | None:
    """"làm việc với <titles> B": the body (or province) the titled person B stands for."""
    if site.prep != "voi":
        return None
    if "with_person" not in site.state:
        r = c.r
        site.state["with_person"] = _titled_host(r.sent, site.t1, c.hi, r.ctx, r.facts)
    return site.state["with_person"]


def titled_host(c: _Clause, fam: Family, site: Site) -> list[Mention]:
    """No side named right after "làm việc với": a titled person there stands for their body."""
    person = _with_person(c, site)
    return [person] if person is not None else []


def late_session_hosts(c: _Clause, fam: Family, site: Site) -> list[Mention]:
    """The provinces after a late "tại (các tỉnh)" (frames.json frames.session.late_hosts)."""
    return late_hosts(c.r.sent, site.t1, c.hi)


def after_reception(c: _Clause, fam: Family, site: Site) -> bool:
    """"tiếp và làm việc với đoàn ...": the host speaks, the reception family reads it (not
    where a titled person of a province follows)."""
    if not _RECEIVE_LEAD.search(c.clause[: site.t0 - c.lo]):
        return False
    person = _with_person(c, site)
    return person is None or not _province_named_in(person.name)


def fronted_subject(c: _Clause, fam: Family, site: Site, objects: Objects) -> list[Mention]:
    """"Sáng 22/5, làm việc với B về ..., Thủ tướng A ghi nhận": the subject after the comma
    (frames.json frames.session.fronted_subject)."""
    end = max((h.end for h in objects if isinstance(h, Mention)), default=site.t1)
    return fronted_agents(c.r.sent, c.lo, site.t0, end, c.hi)


def host_own_side(c: _Clause, fam: Family, site: Site, objects: Objects,
                  subjects: list[Mention]) -> list[Mention]:
    """A titled host stands for a province: its own people are no visitors."""
    host = objects[0]
    if isinstance(host, Mention) and host is site.state.get("with_person"):
        return _other_side(subjects, host, c.r.sent, c.r.ctx)
    return subjects


# between


def between_second(c: _Clause, fam: Family, site: Site) -> list[Mention]:
    """"giữa A và B": the hosts after the "và" that ends the first side."""
    split = re.search(r"\svà\s", c.r.text[site.t1:c.hi])
    if not split:
        return []
    site.state["mid"] = site.t1 + split.start()
    return _objects(c.r.sent, site.t1 + split.end(), c.hi, fam.object.types,
                    fam.object.connectives)


def between_first(c: _Clause, fam: Family, site: Site,
                  objects: Objects) -> tuple[list[Mention], Delegation | None]:
    """"giữa A và B": the people and bodies of A."""
    mid = site.state["mid"]
    return [m for m in c.r.sent.mentions if site.t1 <= m.start < mid
            and m.label in fam.subject.types], None


# visit


def activity_noun(c: _Clause, fam: Family, site: Site) -> bool:
    """"cuộc kiểm tra", "Đoàn kiểm tra" name the activity, not a visit; but "do A làm trưởng
    đoàn đến thăm" ends a leader marker (frames.json delegation.leader_markers): the
    delegation visits."""
    before = c.clause[: site.t0 - c.lo]
    return bool(_VISIT_NOUN.search(before)) and not _LEADER_END.search(before)


@cache
def _blockers(fam: Family) -> tuple[re.Pattern[str], ...]:
    """The visit object's blockers (frames.json): other families' verbs, and words that
    make the place after them part of a name ("biên giới Việt Nam - Lào")."""
    words = [b["words"] for b in fam.object.words.get("blockers", [])]
    verbs = {"<session>": session_pattern(), "<attend>": attend_pattern()}
    ends = words_alternation([w for w in words if w not in verbs])
    return (*(verbs[w] for w in words if w in verbs),
            re.compile(rf"\b(?:{ends})\s*$", re.IGNORECASE))


@cache
def _lead_words(fam: Family, key: str) -> re.Pattern[str]:
    """One word list of the object slot (frames.json) as whole words."""
    words = words_alternation([w["words"] for w in fam.object.words.get(key, [])])
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _after_partner(c: _Clause, fam: Family, partner: Mention, window: int) -> Mention | None:
    """The first place after a topic lead ("về") that follows the partner's place."""
    topic = _lead_words(fam, "topic_leads").search(c.r.text, partner.end, window)
    if topic is None:
        return None
    return next((m for m in c.r.sent.mentions if topic.end() <= m.start and m.end <= window
                 and m.label in fam.object.types and not m.implicit), None)


def visit_places(c: _Clause, fam: Family, site: Site) -> list[Mention]:
    """The first explicit place in the visit window, then the places listed after it; none
    where a blocker stands between or a unit not lying in the place comes first."""
    r, sent, text = c.r, c.r.sent, c.r.text
    window = min(c.hi, site.t1 + r.visit_window)
    first = next((m for m in sent.mentions if site.t1 <= m.start and m.end <= window
                  and m.label in fam.object.types and not m.implicit), None)
    if first is None:
        return []
    if _lead_words(fam, "partner_leads").search(text, site.t1, first.start):
        first = _after_partner(c, fam, first, window)  # "khảo sát với đoàn X về địa điểm P"
        if first is None:
            return []
    between = text[site.t1:first.start]
    if any(b.search(between) for b in _blockers(fam)):
        return []
    unit = next((m for m in reversed(sent.mentions) if m.label == "ORGANIZATION"
                 and site.t1 <= m.start and m.end <= first.start
                 and m.start not in r.title_bodies), None)
    if unit is not None and not _AT_THE_UNIT.fullmatch(text[unit.end:first.start]):
        # "kiểm tra Nhà máy X, ... tỉnh Y": the visit was to the unit, which is then spoken
        # for ("khảo sát Trung tâm X và thăm ...": no subject of the verbs after it)
        c.used.add(unit.start)
        return []
    return _without_containers(sent, [first, *_objects(sent, first.end, c.hi, fam.object.types,
                                                       fam.object.connectives)])
