"""The two sides of a verb: the acting side before it (people, bodies, a delegation and the
body that sent it) and the objects after it (hosts, places, events), with the events a bare
"hội nghị" or a ceremony stands for.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ingest.coref import ArticleContext, Delegation
from ingest.frames import (
    delegation_head_pattern,
    delegation_word,
    greets_delegation_pattern,
    invitation_pattern,
)
from ingest.positions import Mention
from ingest.relations.lookups import _province_named_in, _unit_level
from ingest.relations.patterns import (
    _CEREMONY,
    _EVENT_GAP,
    _EVENT_HEADS,
    _NAMED_NEXT,
    _VENUE_LEAD,
    HOST,
)
from ingest.relations.sentences import Sentence, _Facts

# a delegation or a working group ("Tổ công tác số 1, số 3 của Bộ X") acts for its body:
# frames.json delegation.heads, qualifiers, working_groups
_DELEGATION = delegation_head_pattern()
_DELEGATION_WORD = delegation_word()
_BARE_EVENT = re.compile(rf"^\s*(?:{'|'.join(_EVENT_HEADS)})\b", re.IGNORECASE)

# "tại buổi lễ", "buổi lễ", "tại hội nghị": the words before a bare event noun.
_AT_THE = re.compile(rf"\s*(?:tại\s+)?(?:buổi\s+)?(?=(?:{'|'.join(_EVENT_HEADS)})\b)",
                     re.IGNORECASE)


def _delegation_bodies(sent: Sentence, lo: int, hi: int) -> list[Mention]:
    """Bodies named as the senders of a delegation between offsets lo and hi."""
    out: list[Mention] = []
    text = sent.text
    for match in _DELEGATION.finditer(text[lo - sent.start:hi - sent.start]):
        cursor = lo + match.end()
        for m in sent.mentions:
            if m.start < cursor or m.label != "ORGANIZATION":
                continue
            gap = text[cursor - sent.start:m.start - sent.start]
            if not re.fullmatch(r"\s*(?:,|và|của)?\s*", gap):
                break
            out.append(m)
            cursor = m.end
    return out


_INVITED_BY = invitation_pattern()  # "nhận lời mời của": frames.json delegation.invitation

# the host greeting or thanking a delegation that is the verb's subject
_GREETS_DELEGATION = greets_delegation_pattern()  # frames.json delegation.greetings


def _agents(sent: Sentence, lo: int, hi: int, ctx: ArticleContext, used: set[int],
            title_bodies: set[int]) -> tuple[list[Mention], Delegation | None]:
    """The acting side between lo and hi: people, bodies not inside a title, delegations."""
    agents: list[Mention] = []
    text = sent.text
    greet = _GREETS_DELEGATION.search(text, lo - sent.start, hi - sent.start)
    if greet is not None:  # "A chào mừng đoàn X đã đến làm việc": the delegation acts, not A
        lo = sent.start + greet.start("who")
    invited = _INVITED_BY.search(text, lo - sent.start, hi - sent.start)
    if invited is not None:  # "Nhận lời mời của A, B dẫn đầu ...": A only invited
        inviter = next((m for m in sent.mentions if m.label == "PERSON"
                        and m.start >= sent.start + invited.end()), None)
        used = used | ({inviter.start} if inviter is not None else set())
    for m in sent.mentions:
        if not (lo <= m.start and m.end <= hi) or m.start in used:
            continue
        if m.label == "PERSON":
            agents.append(m)
        elif m.label == "ORGANIZATION" and m.start not in title_bodies:
            if _VENUE_LEAD.search(text[max(lo, m.start - 40) - sent.start:m.start - sent.start]):
                continue  # "tại trụ sở Tỉnh ủy" is where, not who
            if re.search(r"\b(?:với|cho|của)\s*$", text[max(lo, m.start - 8) - sent.start:
                                                        m.start - sent.start]) and \
                    not _DELEGATION.search(text[max(lo, m.start - 45) - sent.start:
                                                m.start - sent.start]):
                continue
            agents.append(m)
    delegation = None
    span = text[lo - sent.start:hi - sent.start]
    if _DELEGATION.search(span) and _DELEGATION_WORD.search(span):
        bodies = _delegation_bodies(sent, lo, hi)
        if not bodies:
            persons = [a for a in agents if a.label == "PERSON"]
            for person in persons:
                body = ctx.body_of(person.name)
                if body:
                    bodies.append(Mention(person.start, person.end, "ORGANIZATION", body))
                    break
        if not bodies and ctx.delegation is not None:
            bodies = [Mention(lo, lo, *b) for b in ctx.delegation.bodies]
        if not bodies and not agents and ctx.visitors:
            # a bare "đoàn" and no delegation named: the visiting side of the article
            return [Mention(lo, lo, *v) for v in ctx.visitors], None
        if not bodies and not agents and ctx.delegation_heads:
            # "Đoàn công tác tỉnh X khảo sát P. ... A làm trưởng đoàn": no body sent it (a
            # province is none), the leader the article names acts for it
            return [Mention(lo, lo, *ctx.delegation_heads[0])], None
        if bodies:
            delegation = Delegation(bodies=[(b.label, b.name) for b in bodies],
                                    leaders=[(a.label, a.name) for a in agents
                                             if a.label == "PERSON"])
            known = {(a.label, a.name) for a in agents}
            agents.extend(b for b in bodies if (b.label, b.name) not in known)
    return agents, delegation


def _objects(sent: Sentence, start: int, hi: int, labels: tuple[str, ...], gap: re.Pattern,
             first_gap: re.Pattern | None = None) -> list[Mention]:
    """Mentions of the given types right after `start`, as a list joined by connectors."""
    out: list[Mention] = []
    cursor = start
    for m in sent.mentions:
        if m.start < cursor or m.end > hi:
            continue
        between = sent.text[cursor - sent.start:m.start - sent.start]
        if re.fullmatch(r"\s*\(", between):
            # "Cửa khẩu X (thị xã X) và Khu kinh tế Y": a bracket says where the last item
            # lies; the list goes on after it
            close = sent.text.find(")", m.start - sent.start)
            if close >= 0 and sent.start + close < hi:
                cursor = sent.start + close + 1
                continue
        if m.start < cursor:
            continue
        pattern = first_gap if (first_gap is not None and not out) else gap
        if not pattern.fullmatch(between):
            break
        if m.label in labels:
            out.append(m)
        elif m.label != "PROVINCE" or not m.implicit:
            break
        cursor = m.end
    return out


_BEFORE_HOST_PERSON = re.compile(r"^\s*(?:(?:ông|bà|đồng chí|đ/c)\s+)?$", re.IGNORECASE)

# A people's committee is the body a provincial leader hosts a working session as.
_GOVERNING = re.compile(r"^(?:UBND|Ủy ban nhân dân)\b")
_CONTAINER_GAP = re.compile(r"\s*,\s*(?:tỉnh\s+|thành phố\s+)?")


def _without_containers(sent: Sentence, places: list[Mention]) -> list[Mention]:
    """"thăm cửa khẩu X, tỉnh Y", "làm việc tại UBND xã X, huyện Y": the unit after a place or
    body says where it lies (a higher unit after a comma, not joined by "và")."""
    out = places[:1]
    for prev, place in pairwise(places):
        gap = sent.text[prev.end - sent.start:place.start - sent.start]
        if _CONTAINER_GAP.fullmatch(gap) and _level(prev) < _level(place):
            continue
        out.append(place)
    return out


def _level(m: Mention) -> int:
    """How high a place stands (a body or site lies in places; a province is the highest)."""
    if m.label == "PROVINCE":
        return 3
    if m.label == "LOCATION":
        level = _unit_level(m)
        return level if level is not None else 2
    return -1


def _titled_host(sent: Sentence, t1: int, hi: int, ctx: ArticleContext,
                 facts: _Facts) -> Mention | None:
    """"làm việc với Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh X B", "... với ông B, Chủ tịch UBND
    tỉnh X": the side worked with is the body the person holds a position in (a people's
    committee first), or its province where the article already names the province as the host
    ("làm việc với lãnh đạo tỉnh X"), as for a host named by its leaders."""
    person = next((m for m in sent.mentions if t1 <= m.start < hi and m.label == "PERSON"),
                  None)
    if person is None:
        return None
    held = [p for p in sent.positions if p.person == person.name and p.body]
    if not held:
        return None
    opening = min([person.start, *(p.start for p in held)])
    if not _BEFORE_HOST_PERSON.fullmatch(sent.text[t1 - sent.start:opening - sent.start]):
        return None
    body = next((p.body for p in held if _GOVERNING.match(p.body)), held[0].body)
    province = _province_named_in(body)
    if province and any(f["relation"] == "worked_with" and f["object"] == ("PROVINCE", province)
                        for f in facts.items):
        return Mention(person.start, person.end, "PROVINCE", province)
    return Mention(person.start, person.end, "ORGANIZATION", body)


def _other_side(agents: list[Mention], host: Mention, sent: Sentence,
                ctx: ArticleContext) -> list[Mention]:
    """The agents that are not of the host's own province: "Chủ tịch UBND tỉnh X A làm việc
    với Phó Chủ tịch UBND tỉnh X B" is a meeting inside one side."""
    province = host.name if host.label == "PROVINCE" else _province_named_in(host.name)
    if not province:
        return agents

    def bodies(agent: Mention) -> list[str]:
        if agent.label != "PERSON":
            return [agent.name]
        return [p.body for p in sent.positions if p.person == agent.name and p.body] + [
            body for _role, body in ctx.person_bodies.get(agent.name, [])]
    return [a for a in agents if not any(_province_named_in(b) == province for b in bodies(a))]


def _track_delegation(ctx: ArticleContext, delegation: Delegation | None, agent: Mention,
                      fact: dict | None) -> None:
    if delegation is None or fact is None:
        return
    # "Đoàn công tác Bộ X" after "Đoàn công tác của Ban Y và Bộ X" is (part of) the same one
    if ctx.delegation is None or not set(delegation.bodies) <= set(ctx.delegation.bodies):
        ctx.delegation = delegation
    if (agent.label, agent.name) in ctx.delegation.bodies:
        ctx.delegation.facts.append(fact)


def _add_leaders(ctx: ArticleContext, delegation: Delegation | None,
                 leaders: list[Mention]) -> None:
    """People named as leading ("do ... dẫn đầu") or going with ("A cùng đoàn công tác")
    the delegation take part in everything it did."""
    target = ctx.delegation if delegation is not None else None
    if target is None:
        return
    found = [(m.label, m.name) for m in leaders]
    if delegation is not None and delegation is not target:
        found += delegation.leaders
    for leader in found:
        if leader not in target.leaders:
            target.leaders.append(leader)


# Verbs coordinated with an attendance verb before its object: "dự và chỉ đạo", "dự, phát
# biểu chỉ đạo", "tham dự và chủ trì".
_MORE_VERBS = re.compile(
    r"\s*(?:,|và)\s*(?:(?:phát biểu\s+)?(?:chỉ đạo|kết luận|khai mạc|bế mạc)|phát biểu|"
    r"đồng chủ trì|chủ trì|điều hành|trao\s+(?:quyết định|giải|thưởng))(?=\s)", re.IGNORECASE)


def _events_after(sent: Sentence, t1: int, hi: int, ctx: ArticleContext) -> list[Mention]:
    """The named events a verb governs: written out, or a bare "hội nghị" meaning the one
    named earlier."""
    rest = sent.text[t1 - sent.start:hi - sent.start]
    more = _MORE_VERBS.match(rest)
    if more:  # "dự và chỉ đạo Hội nghị": the event is the object of both verbs
        t1, rest = t1 + more.end(), rest[more.end():]
    at_the = _AT_THE.match(rest)
    if at_the:  # "dự và phát biểu tại buổi lễ": the event named before
        t1, rest = t1 + at_the.end(), rest[at_the.end():]
    ceremony = _CEREMONY.match(rest)
    if ceremony:  # "dự lễ khai mạc (Hội chợ)": the ceremony's event
        at, t1, rest = t1, t1 + ceremony.end(), rest[ceremony.end():]
    named = [m for m in sent.mentions if m.label == "EVENT" and t1 <= m.start < hi
             and _EVENT_GAP.fullmatch(sent.text[t1 - sent.start:m.start - sent.start])]
    if named:
        return named[:1] + _objects(sent, named[0].end, hi, ("EVENT",), _EVENT_GAP)
    bare = _BARE_EVENT.match(rest)
    if bare:
        event = ctx.event_with_head(bare.group(0).strip(), t1)
        if event:
            return [Mention(t1, t1 + bare.end(), "EVENT", event, bare.group(0), implicit=True)]
    elif ceremony and not _NAMED_NEXT.match(rest):  # the ceremony alone: the event before it
        event = _event_before(ctx, at)
        if event:
            return [Mention(at, t1, "EVENT", event, ceremony.group(0).strip(), implicit=True)]
    return []


# "đồng chủ trì tại điểm cầu chính ...": the online event named before, followed from a link
_AT_LINK_AFTER = re.compile(r"\s*(?:,\s*)?tại\s+(?:các\s+)?(?:điểm|đầu)\s+cầu\b", re.IGNORECASE)

# an attendance verb (and its coordinated verbs) ending the clause: "đã tham dự và chỉ đạo."
_ENDS_CLAUSE = re.compile(r"(?:\s*(?:,|và)\s*(?:phát biểu\s+)?(?:chỉ đạo|kết luận|phát biểu|"
                          r"chủ trì|khai mạc|bế mạc))*\s*[.;!]?\s*", re.IGNORECASE)


def _event_before(ctx: ArticleContext, at: int) -> str | None:
    """The event named last before `at` (the title's when the body names none before it)."""
    before = [(start, name) for name, start in ctx.events if start < at]
    return max(before)[1] if before else None


def _organizers(sent: Sentence, lo: int, t0: int, events_end: int, hi: int,
                title_bodies: set[int]) -> list[Mention]:
    text = sent.text
    cho = re.search(r"^[^.;]*?\bcho\s+(?:(?:thành phố|tỉnh|TP\.?)\s+)?",
                    text[events_end - sent.start:hi - sent.start])
    if cho and re.search(r"đăng cai", text[lo - sent.start:t0 - sent.start + 10]):
        lo_at, at = events_end + cho.start(), events_end + cho.end()
        found = [m for m in sent.mentions if lo_at <= m.start <= at and m.label in HOST][:1]
        if found:
            return found
    out = []
    for m in sent.mentions:
        if not (lo <= m.start and m.end <= t0) or m.label not in HOST:
            continue
        if m.start in title_bodies:
            continue
        lead = text[max(lo, m.start - 40) - sent.start:m.start - sent.start]
        if _VENUE_LEAD.search(lead) or re.search(r"\(\s*(?:tỉnh|thành phố)?\s*$", lead):
            continue
        out.append(m)
    return _without_qualifiers(sent, out)


def _without_qualifiers(sent: Sentence, mentions: list[Mention]) -> list[Mention]:
    """Drop a province written right after a body ("UBND" + "TP. Hồ Chí Minh"): it only
    says whose body it is."""
    orgs = [m for m in sent.mentions if m.label == "ORGANIZATION"]
    return [m for m in mentions if not (m.label == "PROVINCE" and any(
        o.end <= m.start and re.fullmatch(r"\s*(?:tỉnh|thành phố)?\s*",
                                          sent.text[o.end - sent.start:m.start - sent.start])
        for o in orgs))]
