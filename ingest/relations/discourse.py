"""Discourse passes, each switched by a setting: attendance lists and speakers at an
event, delegation leaders sharing their delegation's facts, the lead's date given to headline
facts and to later sentences of one session, and undated copies of dated facts dropped.
"""

from __future__ import annotations

import re

from ingest.coref import ArticleContext, explicit_province, fold
from ingest.frames import attendance_pattern, side_list_pattern, speech_pattern, trip_time_pattern
from ingest.relations.patterns import _CEREMONY, _EVENT_HEADS, _NAMED_NEXT, PLACE
from ingest.relations.sentences import Sentence, _fact_key, _Facts
from ingest.relations.sides import _event_before, _events_after

# "Cùng dự có ...", "Tham dự Hội nghị có các đồng chí: ...": the sentence lists who attended,
# across ";", after "có" (frames.json discourse.attendance); "Về phía tỉnh X có ...": an
# attendance list of the event named just before (frames.json discourse.side_list).
_ATTENDANCE = attendance_pattern()
_SIDE_LIST = side_list_pattern()

# "Dự tại điểm cầu tỉnh X có ...": the place an online event is followed from, not its object
_AT_LINK = re.compile(r"\btại\s+(?:điểm|đầu)\s+cầu\s*$", re.IGNORECASE)

# "... có lãnh đạo Sở X": the body whose leaders attend
_LEADERS_OF = re.compile(r"\s*(?:đại diện\s+)?lãnh đạo\s+", re.IGNORECASE)
_SESSION_WORDS = re.compile(r"\b(?:buổi|cuộc)\s+(?:làm việc|họp|gặp|tiếp)|\bbuổi\b(?!\s+lễ)",
                            re.IGNORECASE)

# "Tại buổi lễ, ông A, Chủ tịch ..., đánh giá cao ...", "Tại Hội nghị X, Bộ trưởng B nhấn mạnh":
# whoever speaks at the event the sentence opens with attended it.
_AT_EVENT_OPENING = re.compile(r"^\s*(?:[Pp]hát biểu\s+)?[Tt]ại\s+(?:buổi\s+)?")
_TRIP_TIME = trip_time_pattern()  # frames.json dating.trip_time
_SPEECH = speech_pattern()  # "nhấn mạnh", "cho biết": frames.json verbs.speak


def _speaker_at(sent: Sentence, ctx: ArticleContext, facts: _Facts) -> None:
    """The first person named after "Tại <event>," attended it when they speak there."""
    opening = _AT_EVENT_OPENING.match(sent.text)
    if opening is None:
        return
    t1 = sent.start + opening.end()
    events = _events_after(sent, t1, sent.end, ctx)
    if not events:
        return
    comma = sent.text.find(",", events[-1].end - sent.start)
    if comma < 0 or sent.text[events[-1].end - sent.start:comma].strip():
        return  # "Tại Hội nghị X tổ chức ..." is not a scene-setting opening
    after = sent.start + comma
    person = next((m for m in sent.mentions if m.label == "PERSON" and after < m.start
                   < after + 60), None)
    if person is None or not _SPEECH.search(sent.text, person.end - sent.start):
        return
    for event in events:
        facts.add("attended", person, event, (sent.start, sent.end))


def _attendance_list(sent: Sentence, ctx: ArticleContext, facts: _Facts,
                     recent: list[str]) -> None:
    """Everyone an attendance sentence lists attended the event it names (or a bare
    "Hội nghị" means), else, when it names nothing ("Cùng dự có ..."), the event of the
    sentences just before it or the lead's; a working session is not an event."""
    match = _ATTENDANCE.match(sent.text)
    if match is None:
        side = _SIDE_LIST.match(sent.text)  # "Về phía tỉnh X có ...": the list goes on
        for person in (m for m in sent.mentions if side and recent and m.label == "PERSON"
                       and m.start >= sent.start + side.end()):
            for event in recent:
                facts.add("attended", person, ("EVENT", event), (sent.start, sent.end))
        return
    what_lo, what_hi = sent.start + match.start("what"), sent.start + match.end("what")
    what = match.group("what")
    ceremony = _CEREMONY.match(what)
    events = [m.name for m in sent.mentions if m.label == "EVENT" and what_lo <= m.start < what_hi]
    if not events and ceremony:
        what = what[ceremony.end():]
        bare = re.search(rf"\b(?:{'|'.join(_EVENT_HEADS)})\b", what, re.IGNORECASE)
        event = ctx.event_with_head(bare.group(0), what_lo) if bare else None
        before = _event_before(ctx, what_lo)
        events = [event] if event else [] if bare or _NAMED_NEXT.match(what) else \
            recent or ([before] if before else [])
    if not events and not ceremony:
        bare = re.search(rf"\b(?:{'|'.join(_EVENT_HEADS)})\b", what, re.IGNORECASE)
        event = ctx.event_with_head(bare.group(0), sent.start + bare.start()) if bare else None
        if event:
            events = [event]
        elif bare is None and not _SESSION_WORDS.search(what) and not any(
                m.label in PLACE or m.label == "ORGANIZATION" for m in sent.mentions
                if what_lo <= m.start < what_hi and not _AT_LINK.search(
                    sent.text, 0, m.start - sent.start)):
            events = recent
    people = [m for m in sent.mentions if m.label == "PERSON" and m.start >= sent.start +
              match.end()]
    people += [m for m in sent.mentions if m.label == "ORGANIZATION" and _LEADERS_OF.fullmatch(
        sent.text, match.end(), m.start - sent.start) and not people]
    for person in people:
        for event in events:
            facts.add("attended", person, ("EVENT", event), (sent.start, sent.end))


def _date_title_facts(facts: _Facts, sentences: list[Sentence], ctx: ArticleContext,
                      text: str, drop: bool = True) -> None:
    """A headline states the lead's event without its date ("Thứ trưởng X kiểm tra ... tại
    tỉnh Y" over "Ngày 14/6, Thứ trưởng X kiểm tra ..."): a headline fact whose subject or
    object the lead names takes the lead's date instead of staying undated."""
    if not ctx.lead_date or not ctx.title_end:
        return
    lead = next((s for s in sentences if s.start >= ctx.title_end and any(
        d[2] == ctx.lead_date for d in s.dates)), None)
    if lead is None:
        return
    start = text.rfind("\n", 0, lead.start) + 1
    end = text.find("\n", lead.end)
    end = len(text) if end < 0 else end
    named: set[str] = set()
    for sent in sentences:
        if start <= sent.start < end:
            for m in sent.mentions:
                named.add(fold(m.name))
                if m.label == "ORGANIZATION" and (prov := explicit_province(m.name)):
                    named.add(fold(prov))
    existing = {_fact_key(f) for f in facts.items}
    # "Bộ X làm việc với tỉnh Y" over "... làm việc với UBND tỉnh Y": the same session
    with_committee = {(f["relation"], f["subject"], fold(prov)) for f in facts.items
                      if f.get("date") and f["object"][0] == "ORGANIZATION"
                      and (prov := explicit_province(f["object"][1]))}
    kept = []
    for fact in facts.items:
        if fact["relation"] in ("worked_with", "visited", "held_in") and not fact.get("date") \
                and fact["evidence"][0] < ctx.title_end and (
                    fold(fact["subject"][1]) in named or fold(fact["object"][1]) in named):
            dated = {**fact, "date": ctx.lead_date}
            if _fact_key(dated) in existing or (fact["object"][0] == "PROVINCE" and (
                    fact["relation"], fact["subject"], fold(fact["object"][1])) in with_committee):
                if drop:
                    continue  # the lead tells the same fact
                dated = fact  # kept as told: the undated copy the setting asks to keep
            fact = dated
        kept.append(fact)
    facts.items[:] = kept


def _delegation_leaders(ctx: ArticleContext, facts: _Facts) -> None:
    """Those who lead a delegation take part in what it did."""
    delegation = ctx.delegation
    if delegation is None:
        return
    for fact in list(delegation.facts):
        for leader in delegation.leaders:
            facts.add(fact["relation"], leader, fact["object"], fact["evidence"],
                      date=fact.get("date"))


_DATED = ("worked_with", "visited", "held_in", "issued")

# An earlier or another occasion told in passing keeps its own (missing) date.
_OTHER_OCCASION = re.compile(r"\b(?:trước đó|trước đây|thời gian qua|những năm qua|"
                             r"năm\s+(?:19|20)\d{2}|tháng\s+\d{1,2})\b", re.IGNORECASE)


def _carry_session_date(facts: _Facts, sentences: list[Sentence], ctx: ArticleContext) -> None:
    """A one-day visit's later sentences and photo captions tell the same session: an undated
    worked_with or visited of the lead's visiting side, in a sentence that names no date and
    no other occasion, takes the lead's date."""
    if not ctx.lead_date or len(ctx.lead_date) != 10 or not ctx.visitors:
        return
    visitors = set(ctx.visitors)
    if ctx.delegation is not None:
        visitors |= set(ctx.delegation.leaders) | set(ctx.delegation.bodies)
    by_start = {s.start: s for s in sentences}
    for fact in facts.items:
        sent = by_start.get(fact["evidence"][0])
        if fact["relation"] not in ("worked_with", "visited") or fact.get("date") or \
                sent is None or sent.start < ctx.title_end or sent.dates or \
                fact["subject"] not in visitors or _OTHER_OCCASION.search(sent.text):
            continue
        if not ctx.lead_is_trip and (fact["relation"] == "visited" or
                                     _TRIP_TIME.search(sent.text)):
            continue  # a lead telling one session: the trip around it may span other days
        fact["date"] = ctx.lead_date


def _drop_undated_duplicates(items: list[dict]) -> list[dict]:
    """A fact told once with its date and once without (a headline, a caption) is one fact."""
    dated = {(f["relation"], f["subject"], f["object"]) for f in items
             if f["relation"] in _DATED and f.get("date")}
    # "Bộ X làm việc với tỉnh Y" (headline) is the dated session with "UBND tỉnh Y" (lead)
    dated |= {(r, s, ("PROVINCE", explicit_province(o[1]))) for r, s, o in dated
              if o[0] == "ORGANIZATION" and explicit_province(o[1])}
    # "cảm ơn đoàn đã đến thăm tỉnh X" in the host's words: the visit is the dated session
    # with the province told as worked_with ("thăm và làm việc tại tỉnh X" is worked_with)
    dated |= {("visited", s, o) for r, s, o in dated if r == "worked_with" and o[0] == "PROVINCE"}
    return [f for f in items if f["relation"] not in _DATED or f.get("date")
            or (f["relation"], f["subject"], f["object"]) not in dated]
