"""Verb frames declared as data (ingest/data/frames.json), applied by one engine.

A frame names its relation, its trigger words and how its slots are filled. Triggers are
matched on the text but only where pyvi's segmentation puts word boundaries: "tiếp" is never
read inside "tiếp tục", "trực tiếp" or "tiếp nhận", which pyvi joins into one word (the same
guard spaCy's token `Matcher` would give, without a per-token loop).

Frames so far:
- reception ("A tiếp/đón B"): the visiting side is after the trigger (a delegation with the body
  that sent it and the person leading it, or a person named with a form of address or title),
  the host is the receiving side's province and the body its speaker is titled in (none for a
  central leader); the receiving side never visits.
- reception_of_delegation ("A làm việc với đoàn công tác của B do C làm trưởng đoàn"): the same,
  only where a delegation follows the trigger.
- session: its triggers are frames.json verbs.session (families.session reads them); the
  policies its named finders apply (late hosts after "tại", a subject after a fronted
  participle) are data here.
The trigger words of every verb family (frames.json "verbs": session, visit, attend, organize,
between, happen, issue, and the speech verbs of the speakers pass) are compiled here too, each
by one small function (`verb_pattern(family)`); frames.json "families" declares each family's
slots and policies, which ingest/relations/family.py compiles and ingest/relations/engine.py
applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from ingest import resources
from ingest.coref import ArticleContext, explicit_province
from ingest.positions import Mention, Position

__all__ = [
    "Frame",
    "FrameSite",
    "after_reception_pattern",
    "attend_pattern",
    "attendance_pattern",
    "between_pattern",
    "delegation_head_pattern",
    "delegation_word",
    "frames",
    "fronted_agents",
    "greets_delegation_pattern",
    "happen_pattern",
    "invitation_pattern",
    "issue_pattern",
    "late_hosts",
    "leader_markers",
    "led_by_pattern",
    "not_a_verb",
    "organize_pattern",
    "partner_pattern",
    "reception_sides",
    "same_day_pattern",
    "session_pattern",
    "session_time_pattern",
    "side_list_pattern",
    "speech_pattern",
    "spoke_at_pattern",
    "trigger_sites",
    "trip_time_pattern",
    "verb_pattern",
    "visit_pattern",
    "words_alternation",
]


@dataclass(frozen=True)
class Frame:
    """One verb frame: its relation, trigger regex and slot settings, as the data says."""

    name: str
    relation: str
    triggers: re.Pattern[str]
    visitor_gap: re.Pattern[str]


@dataclass(frozen=True)
class FrameSite:
    """Where a frame's trigger occurs: the frame and the trigger's offsets in the doc text."""

    frame: Frame
    start: int
    end: int


def words_alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


def _data() -> dict:
    return resources.frames_data()


@cache
def frames() -> tuple[Frame, ...]:
    """The frames of ingest/data/frames.json, compiled once."""
    out = []
    for rec in _data()["frames"]:
        if not rec["triggers"]:
            continue  # a frame whose triggers ingest/relations still finds (its policies below)
        triggers = words_alternation([t["words"] for t in rec["triggers"]])
        gap = words_alternation(rec["visitor_gap"]["words"])
        out.append(Frame(rec["name"], rec["relation"],
                         re.compile(rf"(?<!\w)(?:{triggers})(?!\w)", re.IGNORECASE),
                         re.compile(rf"\s*(?:(?:{gap})\s+)*", re.IGNORECASE)))
    return tuple(out)


@cache
def _delegation() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rec = _data()["delegation"]
    head = words_alternation([h["words"] for h in rec["heads"]])
    led = words_alternation([m["words"] for m in rec["leader_markers"]])
    return (re.compile(rf"\s*(?:các\s+)?(?:{head})(?!\w)", re.IGNORECASE),
            re.compile(rf"(?<!\w)do\s+(?P<who>[^;]{{3,300}}?)\s+(?i:{led})(?!\w)"))


def trigger_sites(text: str, offset: int, compounds: set[int]) -> list[FrameSite]:
    """Every frame trigger in `text` (which starts at `offset` in the doc) that begins and
    ends on a pyvi word boundary, longest first where two overlap."""
    sites: list[FrameSite] = []
    for frame in frames():
        for m in frame.triggers.finditer(text):
            start, end = offset + m.start(), offset + m.end()
            nxt = re.match(r"\s+", text[m.end():])
            after = end + (nxt.end() if nxt else 0)
            if start in compounds or after in compounds:
                continue  # inside one segmented word: "tiếp tục", "trực tiếp"
            sites.append(FrameSite(frame, start, end))
    return sites


class _Sentence(Protocol):
    start: int
    text: str
    mentions: list[Mention]
    positions: list[Position]


# what may stand between "Đoàn" and the body that sent it
_SENDER = re.compile(r"(?:\s+(?:công tác|liên ngành|cán bộ|cấp cao|đại biểu|Trung ương|của))*\s*",
                     re.IGNORECASE)


def _visitors(sent: _Sentence, site: FrameSite, hi: int,
              ctx: ArticleContext) -> tuple[list[Mention], list[Mention]]:
    """The visiting side after a reception trigger: (bodies that sent a delegation, people)."""
    head, led = _delegation()
    rel = site.end - sent.start
    after = [m for m in sent.mentions if site.end <= m.start and m.end <= hi]
    delegation = head.match(sent.text, rel)
    if delegation is None and site.frame.name == "reception_of_delegation":
        return [], []  # "A làm việc với ông B": B hosts (the session family's)
    if delegation is None:
        gap = site.frame.visitor_gap
        first = next((m for m in after if m.label == "PERSON"), None)
        if first is None:
            return [], []
        between = sent.text[rel:first.start - sent.start]
        # the words between are a form of address or titles, with a country or body inside
        covered = re.sub(r"\S+", lambda w: w.group(0) if not any(
            m.start - sent.start <= rel + w.start() < m.end - sent.start for m in after)
            else "", between)
        if ";" in between or not gap.fullmatch(covered.replace(",", " ")):
            return [], []  # titles (with what they name), maybe stacked with commas, only
        return [], [first]
    lead = led.search(sent.text, rel, hi - sent.start)
    leaders = [m for m in after if m.label == "PERSON" and lead is not None
               and sent.start + lead.start("who") <= m.start < sent.start + lead.end("who")]
    # the body that sent it follows the head noun: "Đoàn công tác (của) Bộ X", not a body
    # named later among its members ("Đoàn gồm đại diện ... tổ chức Y")
    sender = _SENDER.match(sent.text, delegation.end())
    bodies = [m for m in after if m.label == "ORGANIZATION"
              and m.start == sent.start + sender.end()][:1]
    if not bodies:
        bodies = [Mention(p.start, p.end, "ORGANIZATION", body) for p in leaders[:1]
                  if (body := ctx.body_of(p.name))]
    return bodies[:1], leaders[:1]


_VENUE = re.compile(r"(?<!\w)(?:tại|ở)\s+[^,;]{0,30}?(?:,\s*)?(?:(?:tỉnh|thành phố)\s+)?$",
                    re.IGNORECASE)


def _hosts(sent: _Sentence, site: FrameSite, lo: int,
           ctx: ArticleContext) -> list[Mention | tuple[str, str]]:
    """The receiving side: its province, and the body its speaker is titled in."""
    before = [m for m in sent.mentions if lo <= m.start and m.end <= site.start]
    people = {m.name for m in before if m.label == "PERSON"}
    held = [p.body for p in sent.positions if p.person in people and p.body]
    held += [body for name in people for _role, body in ctx.person_bodies.get(name, [])]
    governing = [b for b in held if explicit_province(b)]
    # the province receiving ("tỉnh X tiếp"), not the place of the reception ("tại Hà Nội")
    province = next((m for m in reversed(before) if m.label == "PROVINCE" and not _VENUE.search(
        sent.text, max(0, m.start - sent.start - 40), m.start - sent.start)), None)
    if people and held and not governing and province is None:
        return []  # a central leader receives: no province is the host
    out: list[Mention | tuple[str, str]] = []
    name = province.name if province else (
        explicit_province(governing[0]) if governing else ctx.province)
    if name:
        out.append(("PROVINCE", name))
    bodies = [m for m in before if m.label == "ORGANIZATION" and not m.implicit]
    if governing:
        body = next((b for b in governing if b.startswith(("UBND", "Ủy ban nhân dân"))),
                    governing[0])
        out.append(("ORGANIZATION", body))
    elif bodies and not people:
        out.append(bodies[-1])
    return out


def _delegation_before(sent: _Sentence, lo: int, hi: int) -> bool:
    """Is a delegation ("đoàn") the subject between lo and hi, not a word of a body's name or
    title ("Trưởng Đoàn đại biểu Quốc hội tỉnh")?"""
    pattern = re.compile(r"(?<!\w)đoàn(?!\w)", re.IGNORECASE)
    named = [(m.start, m.end) for m in sent.mentions] + \
        [(u.start, u.end) for u in getattr(sent, "units", [])]
    for m in pattern.finditer(sent.text, lo - sent.start, hi - sent.start):
        at = sent.start + m.start()
        if not any(a <= at < b for a, b in named):
            return True
    return False


def reception_sides(sent: _Sentence, site: FrameSite, lo: int, hi: int, ctx: ArticleContext
                    ) -> tuple[list[Mention], list[Mention], list[Mention | tuple[str, str]]]:
    """(bodies that sent the visitors, visiting people, hosts) of a reception trigger; empty
    visitors where the words after the trigger name nobody visiting."""
    if _delegation_before(sent, lo, site.start):
        return [], [], []  # "Đoàn công tác ... tiếp và làm việc với ông B": the delegation visits
    bodies, people = _visitors(sent, site, hi, ctx)
    if not bodies and not people:
        return [], [], []
    hosts = _hosts(sent, site, lo, ctx)
    own = {h[1] if isinstance(h, tuple) else h.name for h in hosts}
    bodies = [b for b in bodies if explicit_province(b.name) not in own]
    return bodies, people, hosts


def _session() -> dict:
    return next(f for f in _data()["frames"] if f["name"] == "session")


@cache
def _late_host_lead() -> re.Pattern[str]:
    rec = _session()["late_hosts"]
    leads = words_alternation(rec["leads"])
    kinds = words_alternation(rec["kinds"])
    return re.compile(rf"(?<!\w)(?:{leads})\s+(?:(?:{kinds})\s*:?\s*)?$", re.IGNORECASE)


@cache
def _late_host_opener() -> re.Pattern[str]:
    openers = words_alternation(_session()["late_hosts"]["openers"])
    return re.compile(rf"\s*(?:{openers})(?!\w)", re.IGNORECASE)


def late_hosts(sent: _Sentence, start: int, hi: int) -> list[Mention]:
    """The provinces named after "tại (các tỉnh)" between start and hi, as a list: the hosts of
    a session whose words right after the trigger name no side ("lãnh đạo các bộ, ngành")."""
    if not _late_host_opener().match(sent.text, start - sent.start):
        return []
    lead = _late_host_lead()
    out: list[Mention] = []
    for m in sent.mentions:
        if not (start <= m.start and m.end <= hi) or m.label != "PROVINCE":
            continue
        if out:
            gap = sent.text[out[-1].end - sent.start:m.start - sent.start]
            if re.fullmatch(r"\s*(?:,|và)\s*(?:(?:tỉnh|thành phố)\s+)?", gap):
                out.append(m)
                continue
            break
        if lead.search(sent.text, max(0, m.start - sent.start - 40), m.start - sent.start):
            out.append(m)
    return out


def fronted_agents(sent: _Sentence, lo: int, t0: int, after: int, hi: int) -> list[Mention]:
    """"(Sáng 22/5,) làm việc với B về ..., <titles> A ghi nhận": where nobody is named before
    the trigger, the first person after `after` whose titles follow a comma is the subject."""
    if any(lo <= m.start < t0 and m.label in ("PERSON", "ORGANIZATION", "PROVINCE")
           for m in sent.mentions) or t0 - lo > 40:
        return []
    for m in sent.mentions:
        if m.label != "PERSON" or not (after <= m.start and m.end <= hi):
            continue
        opening = min([m.start, *(p.start for p in sent.positions
                                   if p.person == m.name and p.start <= m.start)])
        if sent.text[:opening - sent.start].rstrip().endswith(","):
            return [m]
        return []
    return []


def _verb_words(family: str, key: str) -> str:
    return words_alternation([w["words"] for w in _data()["verbs"][family][key]])


@cache
def session_pattern() -> re.Pattern[str]:
    """'(có buổi) làm việc (trực tiếp) với/tại' from frames.json 'verbs.session'; group
    "prep" is the preposition."""
    return re.compile(rf"(?:(?:{_verb_words('session', 'leads')})\s+)?"
                      rf"(?:{_verb_words('session', 'words')})(?:\s+trực tiếp)?"
                      rf"\s+(?P<prep>{_verb_words('session', 'preps')})\b", re.IGNORECASE)


@cache
def visit_pattern() -> re.Pattern[str]:
    """The visit verbs of frames.json 'verbs.visit', not before the words that make them
    another verb ("thăm hỏi")."""
    return re.compile(rf"\b(?:{_verb_words('visit', 'words')})"
                      rf"(?!\s+(?:{_verb_words('visit', 'not_before')}))\b", re.IGNORECASE)


@cache
def not_a_verb() -> str:
    """The syllables after "dự" that make it another word ("dự án", "dự kiến")."""
    return _verb_words("attend", "not_before")


@cache
def attend_pattern() -> re.Pattern[str]:
    """The attendance verbs of frames.json 'verbs.attend' (group "verb")."""
    speech = _verb_words("attend", "speech")
    return re.compile(rf"\b(?P<verb>{_verb_words('attend', 'words')}|phát biểu"
                      rf"(?:\s+(?:{speech}))?(?:\s+tại)?)\b(?!\s+(?:{not_a_verb()})\b)",
                      re.IGNORECASE)


@cache
def organize_pattern() -> re.Pattern[str]:
    """The organising verbs of frames.json 'verbs.organize'."""
    return re.compile(rf"\b(?:{_verb_words('organize', 'words')})\b", re.IGNORECASE)


@cache
def after_reception_pattern() -> re.Pattern[str]:
    """"tiếp và" right before a session trigger (frames.json 'verbs.session.after_reception'):
    the reception frame reads that clause, not the session family."""
    return re.compile(rf"\b(?:{_verb_words('session', 'after_reception')})\s+và\s*$",
                      re.IGNORECASE)


@cache
def partner_pattern() -> re.Pattern[str]:
    """"phối hợp với" before an organising verb (frames.json 'verbs.organize.partner_leads')."""
    return re.compile(rf"\b(?:{_verb_words('organize', 'partner_leads')})\b", re.IGNORECASE)


@cache
def between_pattern() -> re.Pattern[str]:
    """"buổi làm việc giữa" (frames.json 'verbs.between'); the two sides follow."""
    return re.compile(rf"(?:{_verb_words('between', 'leads')})\s+"
                      rf"(?:{_verb_words('between', 'words')})\s+"
                      rf"(?:{_verb_words('between', 'links')})\b", re.IGNORECASE)


@cache
def happen_pattern() -> re.Pattern[str]:
    """The held_in verbs of frames.json 'verbs.happen', with attend's not_before guard."""
    return re.compile(rf"\b(?:{_verb_words('happen', 'words')})\b(?!\s+(?:{not_a_verb()})\b)",
                      re.IGNORECASE)


@cache
def spoke_at_pattern() -> re.Pattern[str]:
    """"phát biểu (khai mạc) tại" right before an event (frames.json 'verbs.happen.spoke_at'):
    the event after "tại" is the object, not a venue."""
    return re.compile(rf"\b(?:{_verb_words('happen', 'spoke_at')})(?:\s+\S+)?\s+tại\s*$",
                      re.IGNORECASE)


@cache
def issue_pattern() -> re.Pattern[str]:
    """The issuing verbs of frames.json 'verbs.issue', ending right before the document."""
    return re.compile(rf"\b(?:(?:{_verb_words('issue', 'leads')})\s+)?"
                      rf"(?:{_verb_words('issue', 'words')})\s*$", re.IGNORECASE)


@cache
def speech_pattern() -> re.Pattern[str]:
    """The speech verbs of frames.json 'verbs.speak' (the speakers pass)."""
    return re.compile(rf"\b(?:{_verb_words('speak', 'words')})\b", re.IGNORECASE)


def leader_markers() -> str:
    """The alternation of frames.json 'delegation.leader_markers' ("làm trưởng đoàn")."""
    return words_alternation([m["words"] for m in _data()["delegation"]["leader_markers"]])


@cache
def led_by_pattern() -> re.Pattern[str]:
    """"do ... dẫn đầu" anywhere in a sentence (frames.json 'delegation.leader_markers'): group
    "who" holds the people who lead the delegation."""
    led = words_alternation([m["words"] for m in _data()["delegation"]["leader_markers"]])
    return re.compile(rf"\bdo\b(?P<who>.{{3,400}}?)\b(?i:{led})", re.DOTALL)


@cache
def greets_delegation_pattern() -> re.Pattern[str]:
    """The host greeting or thanking a delegation (frames.json 'delegation.greetings'): group
    "who" is the delegation, the acting side of the verb that follows."""
    greet = words_alternation([m["words"] for m in _data()["delegation"]["greetings"]])
    return re.compile(rf"\b(?:{greet})\s+(?P<who>(?:các\s+)?đoàn)\b", re.IGNORECASE)



def verb_pattern(family: str) -> re.Pattern[str]:
    """The compiled trigger words of frames.json 'verbs.<family>'."""
    return {"session": session_pattern, "visit": visit_pattern, "attend": attend_pattern,
            "organize": organize_pattern, "between": between_pattern,
            "happen": happen_pattern, "issue": issue_pattern,
            "speak": speech_pattern}[family]()


def _listed(*keys: str) -> str:
    """The alternation of the words at one path of frames.json ("dating", "trip_time", ...)."""
    node = _data()
    for key in keys:
        node = node[key]
    return words_alternation([w["words"] for w in node])


def _either_case(words: list[str]) -> str:
    """Words that may open a sentence: the first letter in either case, the rest as written."""
    alts = []
    for w in sorted(set(words), key=len, reverse=True):
        first = re.escape(w[0].lower()) if w[0].lower() == w[0].upper() else \
            f"[{w[0].upper()}{w[0].lower()}]"
        alts.append(first + re.escape(w[1:]).replace(r"\ ", r"\s+"))
    return "|".join(alts)


@cache
def same_day_pattern() -> re.Pattern[str]:
    """"cùng ngày" (frames.json 'dating.same_day')."""
    return re.compile(rf"\b(?:{_listed('dating', 'same_day')})\b", re.IGNORECASE)


@cache
def session_time_pattern() -> re.Pattern[str]:
    """Times told relative to the reported session (frames.json 'dating.session_time'):
    "(ngay) trước/sau (khi) (kết thúc) buổi làm việc", "kết thúc buổi tiếp", "nhân dịp này"."""
    def words(key: str) -> str:
        return _listed("dating", "session_time", key)
    nouns = words("session_nouns")
    return re.compile(
        rf"\b(?:(?:ngay\s+)?(?:{words('relative')})(?:\s+khi)?(?:\s+kết thúc)?\s+"
        rf"(?:(?:{nouns})\s+(?:{words('sessions')})|{words('activities')})"
        rf"|kết thúc\s+(?:{nouns})\s+(?:{words('ended')})|{words('occasions')})\b",
        re.IGNORECASE)


@cache
def trip_time_pattern() -> re.Pattern[str]:
    """"(cũng) trong (khuôn khổ) chuyến công tác (này)" (frames.json 'dating.trip_time'), not
    before "tới/đến/sang" (a trip told ahead or elsewhere)."""
    def words(key: str) -> str:
        return _listed("dating", "trip_time", key)
    return re.compile(
        rf"\b(?:cũng\s+)?trong\s+(?:khuôn khổ\s+)?(?:{words('trips')})\s+"
        rf"(?:{words('purposes')})(?:\s+này)?\b(?!\s+(?:{words('not_before')})\b)",
        re.IGNORECASE)


def _attendance_words(key: str) -> list[str]:
    return [w["words"] for w in _data()["discourse"]["attendance"][key]]


@cache
def attendance_pattern() -> re.Pattern[str]:
    """An attendance list's opener (frames.json 'discourse.attendance'): "Cùng dự có ...",
    "(Tại X,) Tới dự buổi lễ còn có ..."; group "what" is what was attended."""
    lists = words_alternation(_attendance_words("lists"))
    still = words_alternation(_attendance_words("still"))
    return re.compile(
        r"^(?:[Tt]ại\s+[^,;.]{2,60},\s*)?"
        rf"(?:(?:{_either_case(_attendance_words('leads'))})\s+)?"
        rf"(?:(?:{_either_case(_attendance_words('motions'))})\s+)?"
        rf"(?:{_either_case(_attendance_words('verbs'))})\b"
        rf"(?!\s+(?:{not_a_verb()})\b)(?P<what>[^;:.]{{0,160}}?)"
        rf"\s(?:(?:{still})\s+)?(?:{lists})\b")


@cache
def side_list_pattern() -> re.Pattern[str]:
    """A side's attendance list (frames.json 'discourse.side_list'): "Về phía tỉnh X có ...",
    "(Tại điểm cầu X,) có sự tham dự của ..."."""
    rec = _data()["discourse"]["side_list"]
    lists = words_alternation(_attendance_words("lists"))
    still = words_alternation(_attendance_words("still"))
    sides = _either_case([w["words"] for w in rec["sides"]])
    presence = words_alternation([w["words"] for w in rec["presence"]])
    return re.compile(rf"^(?:(?:{sides})\s+[^,;:.]{{2,60}}?\s(?:(?:{still})\s+)?(?:{lists})\b"
                      rf"|(?:[Tt]ại\s+[^,;:.]{{2,60}}?\s*,?\s+)?(?:(?:{still})\s+)?"
                      rf"(?:{presence})\b)")


@cache
def invitation_pattern() -> re.Pattern[str]:
    """"nhận/theo lời mời của" (frames.json 'delegation.invitation'): who follows invited."""
    return re.compile(rf"\b(?:{_listed('delegation', 'invitation')})\s+", re.IGNORECASE)


@cache
def delegation_head_pattern() -> re.Pattern[str]:
    """A delegation or numbered working group and its qualifiers (frames.json 'delegation':
    heads, qualifiers, working_groups), up to the body that sent it: "Đoàn công tác liên ngành
    của", "Tổ công tác số 1, số 3 của"."""
    rec = _data()["delegation"]
    qualifiers = "".join(rf"(?:\s+(?:{words_alternation([q['words']])}))?"
                         for q in rec["qualifiers"])
    return re.compile(
        rf"\b(?:(?:{_listed('delegation', 'heads')}){qualifiers}|"
        rf"(?:{_listed('delegation', 'working_groups')})"
        r"(?:\s+số\s+\d+(?:\s*(?:,|và)\s*số\s+\d+)*)?)(?:\s+của)?\s*", re.IGNORECASE)


@cache
def delegation_word() -> re.Pattern[str]:
    """The delegation head noun alone ("đoàn"), as a whole word."""
    return re.compile(rf"\b(?:{_listed('delegation', 'heads')})\b", re.IGNORECASE)
