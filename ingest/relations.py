"""Relations: the facts of ../shared/FACTS.md from a doc's entities, with evidence.

Registered as the spaCy factory `vnkg_relations`; it runs after entity recognition and sets
`doc._.facts`, a list of dicts {relation, subject: (TYPE, name), object: (TYPE, name), role?,
date?, evidence: (start, end) of the sentence} (the contract of `ingest.pipeline.doc_to_facts`).

The rules follow the language of Vietnamese government news, sentence by sentence and clause
by clause (clauses split at ";"), one function per verb family (`_receptions`, `_sessions`,
`_between`, `_visits`, `_attends`, `_organizes`, `_happens`, then `_issued` and `_part_of`).
Receptions are a verb frame declared as data (ingest/data/frames.json, applied by
ingest/frames.py on pyvi's word boundaries), as are the session frame's slot policies (hosts
named late after "tại", a subject after a fronted "làm việc với B, ..."); the trigger words of
the session, visit, attendance and organising families are data too (frames.json "verbs"),
while their slot logic is still code here:
- a trigger verb splits a clause into the acting side (left) and its objects (right):
  "làm việc với/tại" → worked_with, "khảo sát/thị sát/kiểm tra/thăm" → visited,
  "chủ trì/dự/phát biểu tại" → attended, "tổ chức/đăng cai" → organized,
  "diễn ra ... tại" → held_in, "ký/ban hành", "DOC ngày ... của X" → issued;
- the acting side is the people and bodies before the verb, except bodies that are only part
  of someone's title; a delegation ("đoàn công tác của Bộ X") acts for the body that sent it
  and for those who lead it ("do ... dẫn đầu");
- a fact's date is the date named nearest before its verb in the sentence ("cùng ngày" is
  the article's lead date); a fact told without a date is dropped where the same fact is
  told with one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache
from itertools import pairwise
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ingest import resources
from ingest.coref import (
    ArticleContext,
    Delegation,
    article_province,
    explicit_province,
    fold,
    is_unresolved_body,
    nfc_vi,
    with_province,
)
from ingest.frames import (
    FrameSite,
    after_reception_pattern,
    attend_pattern,
    between_pattern,
    fronted_agents,
    happen_pattern,
    issue_pattern,
    late_hosts,
    organize_pattern,
    partner_pattern,
    reception_sides,
    session_pattern,
    speech_pattern,
    spoke_at_pattern,
    trigger_sites,
    visit_pattern,
)
from ingest.lexicon import lexicon
from ingest.positions import Mention, Position, TitleUnit, find_positions
from ingest.spans import compound_starts, doc_text

__all__ = ["RelationExtractor", "RelationSettings", "extract_facts", "split_sentences"]

for _name, _default in (("facts", None), ("dates", None), ("province", None), ("year", None),
                        ("article", None), ("after_merger", False)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

AGENT = ("PERSON", "ORGANIZATION")
HOST = ("PROVINCE", "ORGANIZATION")
PLACE = ("LOCATION", "BORDER_GATE", "ZONE", "PROVINCE")
VENUE = ("LOCATION", "PROVINCE")

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-ZĐÀ-ỸÂĂÊÔƠƯ])")
_ABBREV_END = re.compile(r"(?:\bTP|\bTX|\bTT|\bTS|\bThS|\bGS|\bPGS|\bSt|\bv\.v|\bNo)\.$")
_CLAUSE_SPLIT = re.compile(r";")

_WORKED = session_pattern()  # "(có buổi) làm việc với/tại": frames.json verbs.session
_RECEIVE_LEAD = after_reception_pattern()  # "tiếp và": frames.json verbs.session
_SPOKE_AT = spoke_at_pattern()  # "phát biểu tại" before an event: frames.json verbs.happen
_PASSIVE_BY = re.compile(r"\bdo\s+(?!đó\b|vậy\b)[^,;]{0,120}$")
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
_ATTEND = attend_pattern()  # "chủ trì/dự/phát biểu tại": frames.json verbs.attend
_ORGANIZE = organize_pattern()  # "tổ chức/đăng cai": frames.json verbs.organize
_PARTNER_LEAD = partner_pattern()  # "phối hợp với": frames.json verbs.organize
_HAPPEN = happen_pattern()  # "diễn ra/được tổ chức": frames.json verbs.happen
_ISSUE_VERB = issue_pattern()  # "(đã) ký/ban hành": frames.json verbs.issue
# a delegation or a working group ("Tổ công tác số 1, số 3 của Bộ X") acts for its body
_DELEGATION = re.compile(r"\b(?:[Đđ]oàn(?:\s+công tác)?(?:\s+liên ngành)?|"
                         r"tổ công tác(?:\s+số\s+\d+(?:\s*(?:,|và)\s*số\s+\d+)*)?)"
                         r"(?:\s+của)?\s*", re.IGNORECASE)
_LED_BY = re.compile(r"\bdo\b(?P<who>.{3,400}?)\b(?i:dẫn đầu|làm trưởng đoàn)", re.DOTALL)
_SAME_DAY = re.compile(r"\bcùng ngày\b", re.IGNORECASE)
# Times told relative to the working session the article reports: they take its date, as
# "cùng ngày" does ("Trước buổi làm việc", "Sau khi làm việc với tỉnh", "Trong chuyến công
# tác", "Nhân dịp này"). "Trước đó" is not one: it tells an earlier, other occasion.
_SESSION_TIME = re.compile(
    r"\b(?:(?:ngay\s+)?(?:trước|sau)(?:\s+khi)?(?:\s+kết thúc)?\s+"
    r"(?:(?:buổi|cuộc)\s+(?:làm việc|hội đàm|hội kiến|tiếp|họp)|làm việc|hội đàm|hội kiến|"
    r"hội nghị|kiểm tra|khảo sát|thị sát|thăm)"
    r"|kết thúc\s+(?:buổi|cuộc)\s+(?:làm việc|hội đàm|tiếp|họp)"
    r"|(?:nhân\s+)?dịp\s+này)\b", re.IGNORECASE)
# "Trong chuyến công tác": the trip's date, which is the lead's when the lead reports the trip
# ("Ngày 14/6, Thứ trưởng ... kiểm tra ..."), not when it reports one session of it ("đã có
# buổi làm việc với tỉnh"): a trip around a session may run over several days.
_TRIP_TIME = re.compile(
    r"\b(?:cũng\s+)?trong\s+(?:khuôn khổ\s+)?(?:chuyến|đợt)\s+(?:công tác|thăm|làm việc|khảo sát)"
    r"(?:\s+này)?\b(?!\s+(?:tới|đến|sang)\b)", re.IGNORECASE)
_SESSION_NOUN = re.compile(r"\b(?:buổi|cuộc)\s+(?:làm việc|hội đàm|họp)\b", re.IGNORECASE)
_EVENT_HEADS = ("hội nghị", "hội thảo", "hội chợ", "diễn đàn", "lễ", "festival", "hội báo",
                "triển lãm", "tọa đàm", "giải", "đại hội", "kỳ họp")
_BARE_EVENT = re.compile(rf"^\s*(?:{'|'.join(_EVENT_HEADS)})\b", re.IGNORECASE)
# The opening or closing ceremony (or session) of an event stands for the event: "dự lễ khai
# mạc Hội chợ", "Dự Lễ bế mạc có ...", "Phát biểu tại phiên khai mạc, ông A ...".
# A ceremony of something else, named but not recognised: "lễ khai mạc Tuần Văn hóa ...".
_NAMED_NEXT = re.compile(r"\s*[A-ZĐ]")
_OPENING_SPEECH = re.compile(r"(?:khai|bế) mạc$", re.IGNORECASE)
_NO_OBJECT = re.compile(r"\s*(?:[,.;]|$)")
# "tại buổi lễ", "buổi lễ", "tại hội nghị": the words before a bare event noun.
_AT_THE = re.compile(rf"\s*(?:tại\s+)?(?:buổi\s+)?(?=(?:{'|'.join(_EVENT_HEADS)})\b)",
                     re.IGNORECASE)
_CEREMONY = re.compile(r"^\s*(?:buổi\s+)?(?:lễ|phiên)\s+(?:khai mạc|bế mạc)\b(?:\s+(?:của|tại))?",
                       re.IGNORECASE)
_HOST_GAP = re.compile(
    r"^(?:[\s,:]|và|cùng|với|lãnh đạo|chủ chốt|đại diện|của|các|hai|ba|bốn|năm|sáu|bảy|\d+|"
    r"tỉnh|thành phố|TP\.?|Thủ đô|huyện|thị xã|địa phương)*$", re.IGNORECASE)
_EVENT_GAP = re.compile(
    r"^(?:[\s,“”\"'‘’:]|và|thành công|long trọng|trọng thể|chương trình|các|sự kiện|"
    r"giải|cuộc thi|hội nghị|lễ)*$", re.IGNORECASE)
_VENUE_LEAD = re.compile(r"\btại\s+(?:(?:thành phố|TP\.?|tỉnh|huyện|thị xã|Thủ đô|trụ sở)\s+)?$",
                         re.IGNORECASE)
_PLACE_IN_NAME = re.compile(r"\b(?:huyện|thị xã|quận|thành phố|tỉnh)\s+(?P<name>(?:[A-ZĐ][\w]*"
                            r"(?:\s+|$)){1,3})")
_PART_OF_LIST = re.compile(
    r"(?:đơn vị|Cục|Vụ|cơ quan|Tổng cục)[^:;.]{0,40}?\b(?:thuộc|trong|của|trực thuộc)\s+"
    r"(?P<parent>Bộ|Sở|UBND|Ủy ban)\b[^:;.]{0,60}?:", re.IGNORECASE)
_PART_OF_ADJ = re.compile(r"^\s*(?:trực\s+)?thuộc\s*$", re.IGNORECASE)
# A ministry's unit named with its ministry in brackets or after a comma or dash: "Cục Xúc tiến
# thương mại (Bộ Công Thương)", "Vụ Pháp chế, Bộ Tài chính", "Cục Quản lý giá - Bộ Tài chính".
_HEADS = resources.body_heads()
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
_COMMA_ONLY = re.compile(r"^\s*(?:,|\s[-–])\s*$")
_LIST_GO_ON = re.compile(r"^\s*(?:,\s*(?:và|cùng)?|và|cùng)\s*$")
_PROVINCE_WORD = re.compile(r"(?<!\w)(?:tỉnh|Tỉnh)(?!\s+(?:ủy|Ủy|[A-ZĐÂĂÊÔƠƯ]))(?!\w)")
# Bodies of the article's province written without its name, when recognition left them out.
_PROVINCIAL_BODY = re.compile(
    r"(?<!\w)(?:Ban [Cc]án sự [Đđ]ảng |Đảng đoàn )?"
    r"(?:(?<!Chủ tịch )(?<!Bí thư )(?<!Thủ tướng )(?<!trưởng )Thường trực |Ban Thường vụ )?"
    r"(?:Tỉnh ủy|Thành ủy|(?:UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố))"
    r"(?!\w)(?!\s+[A-ZĐ])")
_NOT_THE_PROVINCE = re.compile(r"(?:các|mỗi|từng|những|nhiều|giữa|hai|\d+)\s*$", re.IGNORECASE)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: each line, cut at a full stop followed by a capital.

    >>> text = "Sáng 30/8, ông A đến. Ông B về.\\nTP. Hà Nội"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Sáng 30/8, ông A đến.', 'Ông B về.', 'TP. Hà Nội']
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = start
        for match in _SENTENCE_END.finditer(line):
            if _ABBREV_END.search(line[: match.start()]):
                continue
            closers = len(match.group(0)) - len(match.group(0).lstrip("\"”’)"))
            spans.append(_trim(text, cut, start + match.start() + closers))
            cut = start + match.end()
        spans.append(_trim(text, cut, start + len(line)))
    return [s for s in spans if s[1] > s[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention]
    dates: list[tuple[int, int, str]]
    positions: list[Position] = field(default_factory=list)
    units: list[TitleUnit] = field(default_factory=list)
    sites: list[FrameSite] = field(default_factory=list)  # frame triggers (ingest/frames.py)


@cache
def _district_provinces() -> dict[str, str]:
    """District key (and folded name, when unambiguous) → its province's name."""
    districts = resources.districts()
    provinces = {p["key"]: p["name"] for p in resources.provinces()
                 if p.get("era", "legacy") == "legacy"}
    out: dict[str, str] = {}
    names: Counter[str] = Counter(fold(d["name"]) for d in districts)
    # folding drops the tone marks, which alone may tell two districts apart ("Phú Mỹ", "Phù Mỹ")
    exact: Counter[str] = Counter(_exact(d["name"]) for d in districts)
    for d in districts:
        prov = provinces.get(d["province"])
        if not prov:
            continue
        out[d["id"]] = prov
        if names[fold(d["name"])] == 1:
            out["name:" + fold(d["name"])] = prov
        if exact[_exact(d["name"])] == 1:
            out["exact:" + _exact(d["name"])] = prov
    return out


def _exact(name: str) -> str:
    return nfc_vi(name).lower()


@cache
def _foreign_parents() -> dict[str, tuple[str, str]]:
    """Folded foreign place name → ("LOCATION", its parent's name)."""
    places = resources.places()
    by_key = {p["key"]: p for p in places}
    out: dict[str, tuple[str, str]] = {}
    for place in places:
        parent = by_key.get(place.get("parent") or "")
        if parent is None or place.get("kind") != "foreign_province":
            continue
        for name in [place["name"], *place.get("aliases", [])]:
            out[fold(name)] = ("LOCATION", parent["name"])
    return out


@cache
def _gates() -> tuple[dict[str, str], dict[str, list[str]]]:
    """Gate key ("border_gate:thanh-thuy-ha-giang") → its province's key; folded name or
    alias → the province keys of every gate so named (one name can be two gates: "Thanh
    Thủy" is in Hà Giang and in Nghệ An)."""
    gates = resources.border_gates()
    by_key: dict[str, str] = {}
    by_name: dict[str, list[str]] = {}
    for gate in gates:
        prov = gate.get("province")
        if not prov:
            continue
        by_key[f"border_gate:{gate['key']}"] = prov
        for name in [gate["name"], *gate.get("aliases", [])]:
            by_name.setdefault(fold(name), []).append(prov)
    return by_key, by_name


def _gate_province(m: Mention, ctx: ArticleContext) -> str | None:
    """The province a gazetteer gate belongs to, by the mention's key (a name two gates share
    is read by the article's province); after the 2025 merger, its 2025 successor."""
    lex = lexicon()
    by_key, by_name = _gates()
    prov = by_key.get(m.key or "")
    if prov is None:
        name = fold(m.name)
        found = by_name.get(name) or by_name.get(name.split(" - ")[0], [])
        mine = lex.successor(lex.province_by_name.get(ctx.province or ""))
        prov = found[0] if len(set(found)) == 1 else next(
            (p for p in found if mine and lex.successor(p) == mine), None)
    if prov is None:
        return None
    if ctx.after_merger:
        prov = lex.successor(prov) or prov
    rec = lex.provinces.get(prov)
    return rec["name"] if rec else None


class _Facts:
    """Collects facts, keyed so a repeated fact is kept once."""

    def __init__(self) -> None:
        self.items: list[dict] = []
        self._seen: set[tuple] = set()

    def add(self, relation: str, subject: Mention | tuple[str, str],
            obj: Mention | tuple[str, str], evidence: tuple[int, int], *,
            role: str | None = None, date: str | None = None) -> dict | None:
        subj = _ref(subject)
        objr = _ref(obj)
        if subj == objr or not subj[1] or not objr[1]:
            return None
        if any(ref[0] == "ORGANIZATION" and is_unresolved_body(ref[1]) for ref in (subj, objr)):
            return None  # "Tỉnh ủy" whose province is unknown names no body of FACTS.md
        key = (relation, subj[0], fold(subj[1]), objr[0], fold(objr[1]),
               fold(role or ""), date)
        if key in self._seen:
            return None
        self._seen.add(key)
        fact = {"relation": relation, "subject": subj, "object": objr, "evidence": evidence}
        if role:
            fact["role"] = role
        if date:
            fact["date"] = date
        self.items.append(fact)
        return fact


def _ref(item: Mention | tuple[str, str]) -> tuple[str, str]:
    return (item.label, item.name) if isinstance(item, Mention) else item


def _mentions(text: str, ents: list[Mention], province: str | None) -> list[Mention]:
    """The recognised entities plus the article's province and its bodies where the text
    names them without the name ("tỉnh", "UBND tỉnh"), sorted by start."""
    mentions = list(ents)
    if province:
        taken = [(m.start, m.end) for m in mentions]
        for match in _PROVINCIAL_BODY.finditer(text):
            s, e = match.span()
            if any(s < b and a < e for a, b in taken):
                continue
            mentions.append(Mention(s, e, "ORGANIZATION", with_province(match.group(0), province),
                                    match.group(0), implicit=True))
            taken.append((s, e))
        for match in _PROVINCE_WORD.finditer(text):
            s, e = match.span()
            if any(a <= s < b for a, b in taken):
                continue
            if _NOT_THE_PROVINCE.search(text[max(0, s - 12):s]):
                continue
            mentions.append(Mention(s, e, "PROVINCE", province, match.group(0), implicit=True))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _entity_mentions(doc: Doc, text: str) -> list[Mention]:
    """`doc.ents` as plain mentions, read once per doc (a Span's text is a slice of `text`:
    `Span.text` and `Doc.text` join the tokens again on every call)."""
    out = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        surface = text[start:end]
        out.append(Mention(start, end, ent.label_, nfc_vi(ent.kb_id_ or surface), surface,
                           key=ent.ent_id_ or None))
    return out


def _dates(doc: Doc) -> list[tuple[int, int, str]]:
    return sorted((int(s), int(e), str(iso)) for s, e, iso in (doc._.dates or []))


def _within(items: list, starts: list[int], start: int, end: int,
            span: Callable[[Any], tuple[int, int]]) -> list:
    """The items (sorted by start, `starts` their starts) lying inside [start, end), in order."""
    lo = bisect_left(starts, start)
    hi = bisect_right(starts, end)
    return [item for item in items[lo:hi] if span(item)[1] <= end]


@dataclass(frozen=True)
class RelationSettings:
    """The relation stage's settings (the `vnkg_relations` factory's `default_config`; the
    pipeline config, ingest/config.cfg, says what each one means). Every discourse pass (a
    rule that reads beyond one clause) has a switch of its own."""

    visit_window: int = 120
    delegation_leaders: bool = True
    drop_undated_duplicates: bool = True
    carry_session_date: bool = True
    headline_dates: bool = True
    attendance_lists: bool = True
    speakers: bool = True
    bare_titles: bool = True


DEFAULT_SETTINGS = RelationSettings()


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
    often shortens), the lead's date and whether the lead reports a trip or one session."""
    ctx.title_end = title_end
    ctx.events = sorted(((m.name, m.start) for m in mentions if m.label == "EVENT"),
                        key=lambda e: (e[1] < title_end, e[1]))
    ctx.lead_date = _lead_date(sentences, title_end)
    lead = _lead(sentences, ctx)
    ctx.lead_is_trip = lead is not None and not _SESSION_NOUN.search(lead.text)


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


def _mention_span(m: Mention) -> tuple[int, int]:
    return m.start, m.end


def _date_span(d: tuple[int, int, str]) -> tuple[int, int]:
    return d[0], d[1]


# -- holds_position ------------------------------------------------------------------------

def _article_ministry(sentences: list[Sentence]) -> str | None:
    counts = Counter(m.name for s in sentences for m in s.mentions
                     if m.label == "ORGANIZATION" and m.name.startswith("Bộ ")
                     and not m.name.startswith(("Bộ Chỉ huy", "Bộ Tư lệnh", "Bộ Chính trị")))
    return next(iter(counts)) if len(counts) == 1 else None  # a guess only when unambiguous


@cache
def _implied_only_if_written() -> frozenset[tuple[str, str]]:
    """(title, implied body), folded, of the titles whose implied body needs to be written in
    the article (titles.json "needs_written_body"); a foreign one ("Chính phủ Lào") is not it."""
    names = resources.body_names()
    return frozenset((fold(t["title"]), fold(names.get(t["default_body"], "")))
                     for t in resources.titles() if t.get("needs_written_body"))


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


@cache
def _attaches_to() -> dict[str, tuple[str, ...]]:
    """Folded title → the head nouns of the bodies it governs (titles.json attaches_to)."""
    return {fold(t["title"]): tuple(f"{h} " for h in t.get("attaches_to", []))
            for t in resources.titles()}


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


# -- attendance lists ----------------------------------------------------------------------

# "Cùng dự có ...", "Tham dự Hội nghị có các đồng chí: ...", "Tới dự buổi lễ còn có ...": the
# sentence lists who attended, across ";", after "có".
_ATTENDANCE = re.compile(
    # "Tại tỉnh X, dự Hội nghị có ...": a scene-setting place may open it
    r"^(?:[Tt]ại\s+[^,;.]{2,60},\s*)?"
    r"(?:[Cc]ùng\s+)?(?:(?:[Tt]ới|[Đđ]ến)\s+)?(?:[Tt]ham\s+)?[Dd]ự\b"
    r"(?!\s+(?:án|kiến|báo|thảo|toán|trữ|định|phòng)\b)(?P<what>[^;:.]{0,160}?)"
    r"\s(?:còn\s+)?(?:có|gồm có|gồm)\b")
# "Về phía tỉnh X có ...", "Tại điểm cầu X có sự tham dự của ...": an attendance list of the
# event named just before
_SIDE_LIST = re.compile(r"^(?:[Vv]ề phía\s+[^,;:.]{2,60}?\s(?:còn\s+)?(?:có|gồm có|gồm)\b"
                        # "Tại điểm cầu tỉnh X có sự tham dự của các đồng chí: ..."
                        r"|(?:[Tt]ại\s+[^,;:.]{2,60}?\s*,?\s+)?(?:còn\s+)?có\s+sự\s+(?:tham\s+)?"
                        r"dự\s+của\b)")
# "Dự tại điểm cầu tỉnh X có ...": the place an online event is followed from, not its object
_AT_LINK = re.compile(r"\btại\s+(?:điểm|đầu)\s+cầu\s*$", re.IGNORECASE)
# "... có lãnh đạo Sở X": the body whose leaders attend
_LEADERS_OF = re.compile(r"\s*(?:đại diện\s+)?lãnh đạo\s+", re.IGNORECASE)
_SESSION_WORDS = re.compile(r"\b(?:buổi|cuộc)\s+(?:làm việc|họp|gặp|tiếp)|\bbuổi\b(?!\s+lễ)",
                            re.IGNORECASE)


# "Tại buổi lễ, ông A, Chủ tịch ..., đánh giá cao ...", "Tại Hội nghị X, Bộ trưởng B nhấn mạnh":
# whoever speaks at the event the sentence opens with attended it.
_AT_EVENT_OPENING = re.compile(r"^\s*(?:[Pp]hát biểu\s+)?[Tt]ại\s+(?:buổi\s+)?")
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


# -- clause-level relations ------------------------------------------------------------------

def _title_bodies(sent: Sentence) -> set[int]:
    """Start offsets of ORGANIZATION mentions that are only part of someone's title."""
    return {m.start for m in sent.mentions if m.label == "ORGANIZATION" and any(
        u.start <= m.start < u.end for u in sent.units)}


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
    spans, cut = [], sent.start
    for match in _CLAUSE_SPLIT.finditer(sent.text):
        spans.append((cut, sent.start + match.start()))
        cut = sent.start + match.end()
    spans.append((cut, sent.end))
    return spans


def _date_for(sent: Sentence, pos: int, ctx: ArticleContext, doc_ends: list[int],
              hi: int | None = None) -> str | None:
    """The date of a fact whose verb is at `pos` (a date after it counts up to `hi`)."""
    before = sent.text[: pos - sent.start]
    same_day = list(_SAME_DAY.finditer(before)) + list(_SESSION_TIME.finditer(before))
    if ctx.lead_is_trip:
        same_day += list(_TRIP_TIME.finditer(before))
    usable = [d for d in sent.dates if not any(0 <= d[0] - e <= 14 for e in doc_ends)]
    prior = [d for d in usable if d[1] <= pos]
    last = max((m.start() for m in same_day), default=-1)
    if same_day and (not prior or prior[-1][0] < sent.start + last):
        return ctx.lead_date
    if prior:
        return prior[-1][2]
    after = [d for d in usable if d[0] >= pos and (hi is None or d[1] <= hi)]
    if after:
        return after[0][2]
    # "Đoàn đã thăm X trước buổi làm việc": the marker after the verb
    return ctx.lead_date if _SESSION_TIME.search(sent.text) or (
        ctx.lead_is_trip and _TRIP_TIME.search(sent.text)) else None


def _lead_date(sentences: list[Sentence], title_end: int) -> str | None:
    """The date of the lead: the first date of the body that is not a document's; "cùng
    ngày" later in the article means it."""
    for sent in sentences:
        if sent.start < title_end:
            continue
        doc_ends = [m.end for m in sent.mentions if m.label == "DOCUMENT"]
        for start, _end, iso in sent.dates:
            if not any(0 <= start - e <= 14 for e in doc_ends) and len(iso) >= 10:
                return iso
    return None


def _note_lead_date(ctx: ArticleContext, date: str | None) -> None:
    if date and ctx.lead_date is None:
        ctx.lead_date = date


def _note_visitors(ctx: ArticleContext, sent: Sentence, agents: list[Mention]) -> None:
    """The visiting side of the body's first session or visit (not the headline's)."""
    if not ctx.visitors and sent.start >= ctx.title_end:
        ctx.visitors = [(a.label, a.name) for a in agents if a.label in AGENT]


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


def _fact_key(fact: dict) -> tuple:
    return (fact["relation"], fact["subject"][0], fold(fact["subject"][1]), fact["object"][0],
            fold(fact["object"][1]), fold(fact.get("role") or ""), fact.get("date"))


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


_INVITED_BY = re.compile(r"\b(?:nhận|theo)\s+lời\s+mời\s+của\s+", re.IGNORECASE)
# the host greeting or thanking a delegation that is the verb's subject
_GREETS_DELEGATION = re.compile(r"\b(?:chào mừng|cảm ơn|hoan nghênh|đón)\s+(?P<who>(?:các\s+)?"
                                r"đoàn)\b", re.IGNORECASE)


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
    if _DELEGATION.search(span) and re.search(r"\b[Đđ]oàn\b", span):
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


@dataclass
class _Reading:
    """What one sentence's clauses share while they are read in order."""

    sent: Sentence
    text: str  # the document's text (offsets below are the document's)
    ctx: ArticleContext
    facts: _Facts
    visit_window: int
    title_bodies: set[int]
    doc_ends: list[int]
    leaders: list[Mention]  # people named as leading a delegation ("do ... dẫn đầu")
    carried: list[Mention] = field(default_factory=list)  # the acting side of a verbless clause
    previous_relation: str | None = None
    quiet: bool = True  # no clause so far had a verb: "A, ...; B, ... dự Hội nghị" lists A and B


@dataclass
class _Clause:
    """One clause (lo, hi) of a sentence: the mentions its verbs used and whether one was found."""

    r: _Reading
    lo: int
    hi: int
    used: set[int] = field(default_factory=set)
    found: bool = False

    @property
    def clause(self) -> str:
        return self.r.text[self.lo:self.hi]

    @property
    def evidence(self) -> tuple[int, int]:
        return self.r.sent.start, self.r.sent.end


def _sentence_facts(sent: Sentence, text: str, ctx: ArticleContext, facts: _Facts,
                    visit_window: int = DEFAULT_SETTINGS.visit_window) -> None:
    """The facts of one sentence, clause by clause (split at ";"), verb family by family."""
    led = _LED_BY.search(sent.text)
    leaders = [m for m in sent.mentions if m.label == "PERSON" and led and
               sent.start + led.start("who") <= m.start < sent.start + led.end("who")]
    # "Thứ trưởng A, Trưởng đoàn (công tác)": a delegation's leader named by the bare title
    heads = {u.person for u in sent.units if u.person and u.body is None
             and fold(u.role) == "truong doan"}
    leaders += [m for m in sent.mentions if m.label == "PERSON" and m.name in heads
                and m not in leaders]
    r = _Reading(sent, text, ctx, facts, visit_window, _title_bodies(sent),
                 [m.end for m in sent.mentions if m.label == "DOCUMENT"], leaders)
    for lo, hi in _clauses(sent):
        c = _Clause(r, lo, hi)
        for family in (_receptions, _sessions, _between, _visits, _attends, _organizes,
                       _happens):
            family(c)
        _issued(sent, lo, hi, ctx, facts, c.evidence, r.title_bodies)
        _part_of(sent, lo, hi, ctx, facts, c.evidence)
        # a clause that is only a list of events continues the previous clause's verb
        if not c.found and r.previous_relation == "organized" and r.carried:
            events = _objects(sent, lo, hi, ("EVENT",), _EVENT_GAP)
            for organizer in r.carried:
                for event in events:
                    facts.add("organized", organizer, event, c.evidence)
        r.quiet = r.quiet and not c.found
        if not r.carried:
            first = next((m for m in sent.mentions if lo <= m.start < hi), None)
            if first is not None and first.label in (*HOST, "PERSON") and \
                    first.start not in r.title_bodies:
                r.carried = [first]
    if leaders and ctx.delegation is not None:
        _add_leaders(ctx, ctx.delegation, leaders)


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


def _attends(c: _Clause) -> None:
    """attended: "A chủ trì/dự/phát biểu tại E"."""
    r, sent, text = c.r, c.r.sent, c.r.text
    for match in _ATTEND.finditer(c.clause):
        t0, t1 = c.lo + match.start(), c.lo + match.end()
        events = _events_after(sent, t1, c.hi, r.ctx)
        if not events and ((_OPENING_SPEECH.search(match.group("verb")) and _NO_OBJECT.match(
                text[t1:c.hi])) or (fold(match.group("verb")) in ("du", "tham du")
                                    and _ENDS_CLAUSE.fullmatch(text[t1:c.hi]))
                           or _AT_LINK_AFTER.match(text, t1)):
            # "Phát biểu khai mạc, ông A ...": the opening speech of the event named before;
            # "A đã tham dự và chỉ đạo.": the verb ends its clause, its object is that event
            event = _event_before(r.ctx, t0)
            events = [Mention(t0, t1, "EVENT", event, match.group("verb"), implicit=True)] \
                if event else []
        if not events:
            continue
        c.found = True
        verb = fold(match.group("verb"))
        agents = [m for m in sent.mentions if c.lo <= m.start and m.end <= t0
                  and m.start not in c.used and (m.label == "PERSON" or (
                      m.label == "ORGANIZATION" and verb in ("du", "tham du")
                      and m.start not in r.title_bodies))]
        if agents and r.quiet and c.lo > sent.start:
            agents = [m for m in sent.mentions if sent.start <= m.start < c.lo
                      and m.label == "PERSON"] + agents
        if not agents and not text[c.lo:t0].strip(" ,“\""):
            comma = text.find(",", events[-1].end, c.hi)
            if comma >= 0:
                agents = [m for m in sent.mentions if comma < m.start < min(c.hi, comma + 120)
                          and m.label == "PERSON"][:1]
        for agent in agents:
            for event in events:
                r.facts.add("attended", agent, event, c.evidence)


def _organizes(c: _Clause) -> None:
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


def _happens(c: _Clause) -> None:
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


def _delegation_leaders(ctx: ArticleContext, facts: _Facts) -> None:
    """Those who lead a delegation take part in what it did."""
    delegation = ctx.delegation
    if delegation is None:
        return
    for fact in list(delegation.facts):
        for leader in delegation.leaders:
            facts.add(fact["relation"], leader, fact["object"], fact["evidence"],
                      date=fact.get("date"))


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


_ISSUER_TITLE = re.compile(r"^\s*(?:của\s+)?(?P<who>Thủ tướng(?:\s+Chính phủ)?|"
                           r"Chủ tịch nước)\b")


# between two documents of one list: "Quyết định số 312 và Quyết định số 313 của X"
_DOC_LIST_GAP = re.compile(r"\s*(?:,|và)\s*(?:(?:Quyết định|Nghị định|Nghị quyết|Thông tư|"
                           r"Chỉ thị|Kế hoạch|Công văn|Văn bản)\s+)?(?:số\s+)?")


def _issued(sent: Sentence, lo: int, hi: int, ctx: ArticleContext, facts: _Facts,
            evidence: tuple[int, int], title_bodies: set[int]) -> None:
    """"DOC (ngày D) của X", "X ký/ban hành DOC": X issued DOC; the documents of a list
    ("Nghị quyết số A và Nghị quyết số B của X") share the issuer named after the last."""
    docs = [m for m in sent.mentions if m.label == "DOCUMENT" and lo <= m.start < hi]
    later: Mention | tuple[str, str] | None = None
    found: list[tuple[Mention, Mention | tuple[str, str] | None, str | None]] = []
    for i in range(len(docs) - 1, -1, -1):
        doc_m = docs[i]
        issuer, date = _issuer_of(sent, doc_m, lo, hi, ctx, title_bodies)
        if issuer is None and i + 1 < len(docs) and _DOC_LIST_GAP.fullmatch(
                sent.text[doc_m.end - sent.start:docs[i + 1].start - sent.start]):
            issuer = later
        later = issuer
        found.append((doc_m, issuer, date))
    for doc_m, issuer, date in reversed(found):
        if issuer is not None:
            facts.add("issued", issuer, doc_m, evidence, date=date)


def _issuer_of(sent: Sentence, doc_m: Mention, lo: int, hi: int, ctx: ArticleContext,
               title_bodies: set[int]) -> tuple[Mention | tuple[str, str] | None, str | None]:
    """The issuer of one document and its date, from "của X" after it or a verb before it."""
    text = sent.text
    date = None
    cursor = doc_m.end
    nxt = next((d for d in sent.dates if 0 <= d[0] - doc_m.end <= 14), None)
    if nxt is not None and re.fullmatch(r"\s*(?:,\s*)?(?:ngày\s*)?",
                                        text[doc_m.end - sent.start:nxt[0] - sent.start],
                                        re.IGNORECASE):
        date = nxt[2]
        cursor = nxt[1]
    after = text[cursor - sent.start:hi - sent.start]
    issuer: Mention | tuple[str, str] | None = None
    of = re.match(r"^\s*(?:,\s*)?của\s+", after)
    if of:
        at = cursor + of.end()
        issuer = next((m for m in sent.mentions if m.start == at and m.label in AGENT), None)
        if issuer is None and (title := _ISSUER_TITLE.match(after[of.end():])):
            issuer = ("ORGANIZATION", "Thủ tướng Chính phủ") if title.group(
                "who").startswith("Thủ tướng") else ("ORGANIZATION", "Chủ tịch nước")
    if issuer is None:
        issuer = _issuer_before(sent, doc_m, lo, title_bodies)
        if issuer is not None and date is None:
            # "Ngày 14/9, Thủ tướng ký Quyết định số N": the day it was signed is its date
            doc_ends = [m.end for m in sent.mentions if m.label == "DOCUMENT"]
            prior = [d for d in sent.dates if lo <= d[0] and d[1] <= doc_m.start
                     and doc_m.start - d[1] <= 80 and len(d[2]) == 10
                     and not any(0 <= d[0] - e <= 14 for e in doc_ends)]  # another's date
            date = prior[-1][2] if prior else None
    return issuer, date


def _issuer_before(sent: Sentence, doc_m: Mention, lo: int,
                   title_bodies: set[int]) -> Mention | tuple[str, str] | None:
    """"X (vừa) ký/ban hành DOC": the agent of the verb's own phrase before the document."""
    text = sent.text
    before = text[lo - sent.start:doc_m.start - sent.start]
    verb = _ISSUE_VERB.search(re.sub(r"(?:Quyết định|Nghị định|Nghị quyết|Thông tư|"
                                     r"Chỉ thị|Kế hoạch|Công văn|công văn|Văn bản|"
                                     r"văn bản)(?:\s+số)?\s*$", "", before))
    if not verb:
        return None
    phrase = max(before.rfind(",", 0, verb.start()), before.rfind(
        ";", 0, verb.start())) + 1  # the verb's own phrase: "..., tỉnh đã ban hành"
    candidates = [m for m in sent.mentions if lo + phrase <= m.start and
                  m.end <= lo + verb.start() and (m.label in AGENT or (
                      m.label == "PROVINCE" and "UBND" in doc_m.name))
                  and m.start not in title_bodies]
    if candidates and candidates[-1].label == "PROVINCE":
        return ("ORGANIZATION", with_province("UBND tỉnh", candidates[-1].name))
    if candidates:
        return candidates[-1]
    if re.search(r"Thủ tướng(?: Chính phủ)?[^,;.]{0,30}$", before[: verb.start()]):
        return ("ORGANIZATION", "Thủ tướng Chính phủ")
    return None


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


# -- places: border gates, zones, districts ------------------------------------------------

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


# unit words and their levels from ingest/data/admin_units.json ("xã" 1 < "huyện" 2 < "tỉnh" 3)
_UNIT_LEVELS = {fold(u["word"]).rstrip("."): u["level"] for u in lexicon().admin_units}
_UNIT_WORD = "(?:" + "|".join(
    re.escape(u["word"]).replace(r"\.", r"\.?") for u in sorted(
        lexicon().admin_units, key=lambda u: -len(u["word"]))) + ")"
_UNIT_AT = re.compile(rf"^(?:{_UNIT_WORD})(?=\s)", re.IGNORECASE)
_BRACKET_GAP = re.compile(rf"\s*\(\s*(?:{_UNIT_WORD}\s*)?", re.IGNORECASE)
# "KCN X tại thành phố Y", "Cửa khẩu X thuộc huyện Y", "KCN X, thị xã Y": where a zone or gate
# is, stated right after it (a comma needs the unit's word, in the gap or the place's text)
_AT_GAP = re.compile(rf"\s*,?\s*(?:nằm\s+|có địa chỉ\s+|đặt\s+)?(?:tại|ở|thuộc|trên địa bàn)\s+"
                     rf"(?:{_UNIT_WORD}\s+)?",
                     re.IGNORECASE)
_UNIT_ONLY_GAP = re.compile(r"\s+(?:(?:tỉnh|thành phố|huyện|khu tự trị)\s+)?", re.IGNORECASE)
_COMMA_GAP = re.compile(rf"\s*,\s*(?:{_UNIT_WORD}\s+)?", re.IGNORECASE)
_STARTS_WITH_UNIT = re.compile(rf"^{_UNIT_WORD}\s", re.IGNORECASE)


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


def _unit_level(m: Mention) -> int | None:
    """The level of the unit word a place is written with ("xã Y" 1), if any."""
    unit = _UNIT_AT.match(m.text)
    return _UNIT_LEVELS.get(fold(unit.group(0)).rstrip(".")) if unit else None


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


def _province_named_in(name: str) -> str | None:
    from ingest.coref import known_province_names

    words = nfc_vi(name).split()
    names = known_province_names()
    for size in (3, 2):
        for i in range(len(words) - size, -1, -1):
            key = fold(" ".join(words[i:i + size]))
            if key in names:
                return names[key]
    return None


# -- the undated copy of a dated fact --------------------------------------------------------

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
    return [f for f in items if f["relation"] not in _DATED or f.get("date")
            or (f["relation"], f["subject"], f["object"]) not in dated]


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
