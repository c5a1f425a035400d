"""Ask in Vietnamese: a question, its kind and slots, one lookup of the service, the answer.

`ask(kg, question)` reads the question (ingest/question.py: the extraction pipeline and the
trigger words of ingest/data/questions.json), resolves the names it gives through the graph's
name index (queries/names_exact.rq: every candidate name in one query, tone marks optional, so
a person is the official as ingested), picks the first kind whose triggers it has and whose
slots it fills, and runs that kind's lookup: the service's own `worked_with_hosts`, `positions`,
`leaders` and `timeline`, or the named query `province_places`. The answer names the named
query the console can open with the same parameters (the service reads the same rows through
the period index). A question it does not understand is still an answer, with
`understood: false` and a message in Vietnamese and English saying what was missing.
"""

from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from graph.errors import BadQuery
from graph.iris import MERGER_DATE
from ingest import resources
from ingest.pipeline import default_nlp
from ingest.question import Named, Period, Reading, read_question
from ingest.text import nfc_vi

if TYPE_CHECKING:
    from graph.service import KnowledgeGraph

__all__ = ["MAX_QUESTION", "answer", "ask", "read", "warm"]

MAX_QUESTION = 300  # characters: a question, not a document
MAX_KEYS = 400  # candidate names looked up in one query
EVENTS = 200  # a province's events read for its visitors or events (newest first)
LEADERS = 500  # (person, post) rows read for a province's leaders (latest first)


_BUILDING = threading.Lock()


def warm() -> None:
    """Build the extraction pipeline (once per process; about two seconds, at the first
    question), then leave its lexicons out of the garbage collector's full passes."""
    with _BUILDING:
        if default_nlp.cache_info().currsize == 0:
            default_nlp()
            gc.collect()
            gc.freeze()


@dataclass
class Slots:
    person: dict[str, Any] | None = None
    body: dict[str, Any] | None = None
    province: dict[str, Any] | None = None
    title: str | None = None
    period: Period | None = None
    unknown: list[str] = field(default_factory=list)  # names the pipeline saw, not in the graph
    ambiguous: tuple[str, list[dict[str, Any]]] | None = None  # a name of several persons


def ask(kg: KnowledgeGraph, question: str) -> dict[str, Any]:
    """The answer to a question in Vietnamese (see the module): what was understood, the
    query run, the rows with their evidence, or what was missing."""
    return answer(kg, read(question))


def read(question: str) -> Reading:
    """What the pipeline reads in a question (kinds, names, title, period): bounded work on at
    most MAX_QUESTION characters, done where the question arrives (the server reads it, the
    query workers only answer it, so they never hold the pipeline)."""
    text = " ".join(question.split())
    if not text:
        raise BadQuery("the question is empty")
    if len(text) > MAX_QUESTION:
        raise BadQuery(_message("too_long", limit=MAX_QUESTION)[1])
    warm()  # waits for a build under way rather than starting a second one
    return read_question(text, default_nlp())


def answer(kg: KnowledgeGraph, reading: Reading) -> dict[str, Any]:
    """The answer to a question read by `read`: the graph's lookups only."""
    text = reading.question
    slots = _slots(kg, reading)
    kind, missing = _choose(reading.kinds, slots)
    out: dict[str, Any] = {
        "question": text, "understood": False, "kind": kind, "triggers": reading.triggers,
        "slots": _slot_list(slots, kg.base), "query": None, "rows": [], "message": None,
        "message_en": None}
    if kind is None or missing or (slots.ambiguous and "person" in _needed(kind)):
        out["message"], out["message_en"] = _not_understood(kind, missing, slots)
        return out
    query, rows = HANDLERS[kind](kg, slots)
    out.update(understood=True, query=query, rows=rows)
    if not rows:
        out["message"], out["message_en"] = _message("empty")
    return out


# -- names ---------------------------------------------------------------------------------
def _slots(kg: KnowledgeGraph, reading: Reading) -> Slots:
    """The question's person, body and province as the graph knows them (typed names the
    pipeline found first, then the longest runs of words), its title and period."""
    slots = Slots(title=reading.title, period=reading.period)
    keys = list(dict.fromkeys(n.key for n in [*reading.entities, *reading.candidates]
                              if n.key))[:MAX_KEYS]
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in kg.query("names_exact", {"key": keys}) if keys else []:
        found[row["key"]].append(row)
    taken: list[tuple[Named, str, list[dict[str, Any]]]] = []
    nested: list[tuple[Named, str, list[dict[str, Any]]]] = []
    for named in [*reading.entities, *reading.candidates]:
        types = [named.etype] if named.etype else ["PERSON", "ORGANIZATION", "PROVINCE"]
        for etype in types:
            rows = [r for r in found.get(named.key, []) if r["type"] == etype]
            if not rows:
                continue
            over = [t for t in taken if t[0].start < named.end and named.start < t[0].end]
            if not over:
                taken.append((named, etype, rows))
            elif etype == "PROVINCE" and all(t[1] == "ORGANIZATION" for t in over):
                nested.append((named, etype, rows))  # "Lào Cai" in "Tỉnh ủy Lào Cai"
            break
        else:
            if named.etype in ("PERSON", "ORGANIZATION") and named.text not in slots.unknown:
                slots.unknown.append(named.text)
    _fill(slots, taken + nested, kg.base)
    return slots


def _fill(slots: Slots, matches: list[tuple[Named, str, list[dict[str, Any]]]],
          base: str) -> None:
    """Each slot from its first match; a province in the era of the question's period."""
    after = slots.period is not None and slots.period.start >= MERGER_DATE
    for named, etype, rows in matches:
        if etype == "PERSON" and slots.person is None:
            people = list(dict.fromkeys(r["entity"] for r in rows))
            if len(people) > 1 and slots.ambiguous is None:
                slots.ambiguous = (named.text, rows)
                continue
            slots.person = _ref(base, rows[0], named.text)
        elif etype == "ORGANIZATION" and slots.body is None:
            slots.body = _ref(base, rows[0], named.text)
        elif etype == "PROVINCE" and slots.province is None:
            era = "2025" if after else "legacy"
            row = next((r for r in rows if r["era"] == era), rows[0])
            slots.province = _ref(base, row, named.text)
        if named.text in slots.unknown:
            slots.unknown.remove(named.text)


def _ref(base: str, row: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """An entity of a row (`entity`, `label`, `type`) as the answer shows it."""
    return {**ref(base, row["entity"], row.get("label"), row.get("type")),
            **({"text": text} if text else {})}


def ref(base: str, iri: str | None, label: str | None = None, etype: str | None = None
        ) -> dict[str, Any]:
    """`{id, iri, type, label}`: the id is the IRI's path after its type segment.

    >>> ref("https://vnkg.org/id", "https://vnkg.org/id/province/2025/lao-cai", "Lào Cai")["id"]
    '2025/lao-cai'
    """
    prefix = base.rstrip("/") + "/"
    rest = (iri or "")[len(prefix):].partition("/")[2] if (iri or "").startswith(prefix) else ""
    return {"id": rest or None, "iri": iri or "", "type": etype, "label": label}


# -- kinds and messages --------------------------------------------------------------------
def _kinds() -> dict[str, dict[str, Any]]:
    return {k["kind"]: k for k in resources.question_rules().get("kinds", [])}


def _needed(kind: str) -> set[str]:
    return {slot for alternative in _kinds()[kind]["needs"] for slot in alternative}


def _choose(kinds: list[str], slots: Slots) -> tuple[str | None, list[str]]:
    """The first kind whose needs the slots meet; else the first kind the triggers named, with
    the slots it misses; (None, []) when no trigger matched."""
    for kind in kinds:
        if any(all(getattr(slots, s) for s in needs) for needs in _kinds()[kind]["needs"]):
            return kind, []
    if not kinds:
        return None, []
    needs = _kinds()[kinds[0]]["needs"]
    return kinds[0], [s for s in needs[0] if not getattr(slots, s)]


def _message(name: str, **values: Any) -> tuple[str, str]:
    text = resources.question_rules()["messages"][name]
    return text["vi"].format(**values), text["en"].format(**values)


def _not_understood(kind: str | None, missing: list[str], slots: Slots) -> tuple[str, str]:
    """What was missing, in Vietnamese and English."""
    if kind is None:
        return _message("no_kind")
    parts: list[tuple[str, str]] = []
    if slots.ambiguous and ("person" in missing or slots.person is None):
        name, rows = slots.ambiguous
        options = "; ".join(f"{r['label']} ({r['entity'].rsplit('/', 1)[-1]})" for r in rows)
        parts.append(_message("ambiguous", name=name, options=options))
    elif slots.unknown:
        parts.append(_message("unknown", names=", ".join(slots.unknown)))
    parts += [_message(f"missing_{slot}") for slot in missing
              if not (slot == "person" and slots.ambiguous)]
    return " ".join(p[0] for p in parts), " ".join(p[1] for p in parts)


def _slot_list(slots: Slots, base: str) -> list[dict[str, Any]]:
    """The slots as the answer lists them: entities with IRI and label, the title, the period
    (YYYY-MM, YYYY, ... with its first and last day)."""
    out = [{"slot": name, "value": value["iri"], "label": value["label"], "type": value["type"],
            "id": value["id"], "text": value.get("text")}
           for name, value in (("person", slots.person), ("body", slots.body),
                               ("province", slots.province)) if value]
    if slots.title:
        out.append({"slot": "title", "value": slots.title})
    if slots.period:
        out.append({"slot": "period", "value": slots.period.text,
                    "start": slots.period.start.isoformat(),
                    "end": slots.period.end.isoformat()})
    return out


# -- lookups ---------------------------------------------------------------------------------
def _query(kg: KnowledgeGraph, name: str, method: str, params: dict[str, Any]
           ) -> dict[str, Any]:
    """The named query the console opens with the same parameters, and the service method run."""
    bound = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()
             if v is not None}
    return {"name": name, "title": kg.named(name).title, "method": method, "params": bound,
            "link": f"/#{name}" + (f"?{urlencode(bound)}" if bound else "")}


def _window(slots: Slots) -> tuple[date | None, date | None]:
    return (slots.period.start, slots.period.end) if slots.period else (None, None)


def _article(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1] if iri else None


def _evidence(kg: KnowledgeGraph, nodes: list[str]) -> dict[str, str]:
    """The evidence sentence of each session or visit, in one query."""
    nodes = sorted({n for n in nodes if n})
    return {r["node"]: r["evidence"] for r in kg.query("evidence", {"node": nodes})} \
        if nodes else {}


def _membership_evidence(kg: KnowledgeGraph, rows: list[dict[str, Any]], person: str | None
                         ) -> dict[tuple[str, ...], str]:
    """The evidence of each (person, body, title, article) row, in one query."""
    keys = sorted({(person or r["person"], r["organization"], r["role"], r["article"])
                   for r in rows if r.get("role") and r.get("article")})
    if not keys:
        return {}
    columns = dict(zip(("person", "organization", "role", "article"),
                       (list(c) for c in zip(*keys, strict=True)), strict=True))
    return {(r["person"], r["organization"], r["role"], r["article"]): r["evidence"]
            for r in kg.query("membership_evidence", columns)}


def _worked_with(kg: KnowledgeGraph, slots: Slots) -> tuple[dict[str, Any], list[dict]]:
    """The service's worked-with lookup by host (the mission's: what the REST route and
    `vnkg worked-with` answer), kept to the province asked if any: each host's sessions, one
    row each with its evidence, host by host in date order."""
    official = slots.person["iri"] if slots.person else ""
    start, end = _window(slots)
    hosts = kg.worked_with_hosts(official, start, end,
                                 host=slots.province["iri"] if slots.province else None)
    sessions = [(host, session) for host in hosts["items"] for session in host["sessions"]]
    evidence = _evidence(kg, [session["session"] for _, session in sessions])
    out = [{"entity": ref(kg.base, host["host"], host["hostLabel"], host["hostType"]),
            "kind": "WorkingSession", "date": session["dateText"],
            "article": _article(session["article"]), "url": session["url"],
            "evidence": evidence.get(session["session"])} for host, session in sessions]
    return _query(kg, "official_worked_with", "worked_with_hosts",
                  {"official": official, "from": start, "to": end}), out


def _positions(kg: KnowledgeGraph, slots: Slots) -> tuple[dict[str, Any], list[dict]]:
    """The service's positions of the official."""
    official = slots.person["iri"] if slots.person else ""
    rows = kg.positions(official)
    evidence = _membership_evidence(kg, rows, official)
    out = [{"entity": ref(kg.base, r["organization"], r["organizationLabel"], "ORGANIZATION"),
            "role": r["role"], "date": r["date"], "first": r["first"],
            "article": _article(r["article"]),
            "evidence": evidence.get((official, r["organization"], r["role"], r["article"]))}
           for r in rows]
    return _query(kg, "official_positions", "positions", {"official": official}), out


def _border_gates(kg: KnowledgeGraph, slots: Slots) -> tuple[dict[str, Any], list[dict]]:
    """The province's border gates (queries/province_places.rq)."""
    province = slots.province["iri"] if slots.province else ""
    rows = kg.query("province_places", {"province": province})
    out = [{"entity": ref(kg.base, r["place"], r["label"], r["type"])} for r in rows
           if r["type"] == "BORDER_GATE"]
    return _query(kg, "province_places", "query", {"province": province}), out


def _visitors(kg: KnowledgeGraph, slots: Slots) -> tuple[dict[str, Any], list[dict]]:
    """The persons taking part in what the province hosted or was the place of (sessions,
    visits and events such as a conference held there), in the window: the service's
    timeline of the province, less its own leaders (who take part in what it holds but do not
    come to it); the province's profile counts its visitors so too."""
    province = slots.province["iri"] if slots.province else ""
    start, end = _window(slots)
    local = {r["person"] for r in kg.leaders(province, limit=LEADERS)}
    rows = [r for r in kg.timeline(province, limit=EVENTS, start=start, end=end)
            if r["role"] == "participant" and r["memberType"] == "PERSON"
            and r["member"] not in local]
    rows = list({(r["event"], r["member"], r["article"]): r for r in rows}.values())
    evidence = _evidence(kg, [r["event"] for r in rows])
    out = [{"entity": ref(kg.base, r["member"], r["memberLabel"], "PERSON"), "kind": r["kind"],
            "date": r["dateText"], "article": _article(r["article"]),
            "evidence": evidence.get(r["event"])}
           for r in sorted(rows, key=lambda r: (r["start"] or "", r["memberLabel"] or ""))]
    return _query(kg, "events_in_province", "timeline",
                  {"province": province, "from": start, "to": end}), out


def _same(a: str | None, b: str | None) -> bool:
    return nfc_vi(a or "").casefold() == nfc_vi(b or "").casefold()


def _leaders(kg: KnowledgeGraph, slots: Slots) -> tuple[dict[str, Any], list[dict]]:
    """Who holds the title asked (any, if none) in the body asked or the province's bodies:
    the service's leaders of the province, or the people of a body that names no province."""
    body = slots.body["iri"] if slots.body else None
    if slots.province:
        province = slots.province["iri"]
        rows = kg.leaders(province, limit=LEADERS)
        query = _query(kg, "province_leaders", "leaders", {"province": province})
    else:
        rows = [{**r, "organization": body, "organizationLabel": slots.body["label"]}
                for r in kg.query("agency_people", {"agency": body})] if slots.body else []
        rows = list({(r["person"], r["role"]): r for r in reversed(rows)}.values())[::-1]
        query = _query(kg, "agency_people", "query", {"agency": body})
    rows = [r for r in rows if (not body or r["organization"] == body)
            and (not slots.title or _same(r["role"], slots.title))]
    evidence = _membership_evidence(kg, rows, None)
    out = [{"entity": ref(kg.base, r["person"], r["personLabel"], "PERSON"), "role": r["role"],
            "organization": ref(kg.base, r["organization"], r["organizationLabel"],
                                "ORGANIZATION"),
            "date": r["date"], "article": _article(r["article"]),
            "evidence": evidence.get((r["person"], r["organization"], r["role"], r["article"]))}
           for r in rows]
    return query, out


def _events(kg: KnowledgeGraph, slots: Slots) -> tuple[dict[str, Any], list[dict]]:
    """The province's sessions, visits and named events in the window, newest first, each
    with its other members: the service's timeline of the province."""
    province = slots.province["iri"] if slots.province else ""
    start, end = _window(slots)
    events: dict[tuple[str, str], dict[str, Any]] = {}
    for r in kg.timeline(province, limit=EVENTS, start=start, end=end):
        item = events.setdefault((r["event"], r["article"]), {
            "entity": ref(kg.base, r["event"], r["label"], r["kind"]), "kind": r["kind"],
            "date": r["dateText"], "article": _article(r["article"]), "members": []})
        if r["member"] and r["member"] != province:
            member = {**ref(kg.base, r["member"], r["memberLabel"], r["memberType"]),
                      "role": r["role"]}
            if member not in item["members"]:
                item["members"].append(member)
    evidence = _evidence(kg, [iri for iri, _ in events])
    out = [{**item, "evidence": evidence.get(iri)} for (iri, _), item in events.items()]
    return _query(kg, "events_in_province", "timeline",
                  {"province": province, "from": start, "to": end}), out


Handler = Callable[["KnowledgeGraph", Slots], tuple[dict[str, Any], list[dict[str, Any]]]]
HANDLERS: dict[str, Handler] = {
    "worked_with": _worked_with, "positions": _positions, "border_gates": _border_gates,
    "visitors": _visitors, "leaders": _leaders, "events": _events}
