"""One sentence, clause by clause (split at ";"): every verb family in turn, then a
verbless clause that continues the previous clause's verb.
"""

from __future__ import annotations

from ingest.coref import ArticleContext, fold
from ingest.frames import led_by_pattern
from ingest.relations.engine import run_families
from ingest.relations.patterns import _EVENT_GAP, HOST
from ingest.relations.sentences import Sentence, _Clause, _clauses, _Facts, _Reading, _title_bodies
from ingest.relations.settings import DEFAULT_SETTINGS
from ingest.relations.sides import _add_leaders, _objects

_LED_BY = led_by_pattern()  # "do ... dẫn đầu": frames.json delegation.leader_markers


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
        run_families(c)  # the families of frames.json, by ingest/relations/engine.py
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
