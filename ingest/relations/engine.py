"""The one engine of the clause-level verb families (frames.json "families").

For each trigger of a family in the clause it fills the object slot (by the finder the data
names; "after_trigger" is the generic one: the declared types right after the verb, joined by
the declared connectives), applies the family's guards, fills the subject slot
("before_trigger": the people and bodies before the verb, a delegation with its sending body,
the carried acting side where the data says so, then the named fallbacks and filters), and adds
one fact per subject and object with the date its date policy gives, crediting a delegation as
its delegation policy says. The names in the data are the keys of the tables below: the data
says which code runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ingest.coref import Delegation
from ingest.positions import Mention
from ingest.relations import events, meetings
from ingest.relations.dating import _date_for, _note_lead_date, _note_visitors
from ingest.relations.family import Family, Site, families
from ingest.relations.issued import _issued
from ingest.relations.part_of import _part_of
from ingest.relations.sentences import _Clause
from ingest.relations.sides import _add_leaders, _track_delegation
from ingest.relations.slots import Objects, after_trigger, before_trigger

OBJECT_FINDERS: dict[str, Callable[..., Any]] = {
    "after_trigger": after_trigger,
    "reception_direction": meetings.reception_direction,
    "between_second": meetings.between_second,
    "visit_places": meetings.visit_places,
    "attended_events": events.attended_events,
}
OBJECT_FALLBACKS: dict[str, Callable[..., Any]] = {
    "titled_host": meetings.titled_host,
    "late_hosts": meetings.late_session_hosts,
}
SUBJECT_FINDERS: dict[str, Callable[..., Any]] = {
    "before_trigger": before_trigger,
    "reception_visitors": meetings.reception_visitors,
    "between_first": meetings.between_first,
    "attendees": events.attendees,
}
SUBJECT_FALLBACKS: dict[str, Callable[..., Any]] = {"fronted_subject": meetings.fronted_subject}
SUBJECT_FILTERS: dict[str, Callable[..., Any]] = {"host_own_side": meetings.host_own_side}
GUARDS: dict[str, Callable[..., Any]] = {
    "after_reception": meetings.after_reception,
    "activity_noun": meetings.activity_noun,
}
def _issues(c: _Clause, fam: Family) -> None:
    """issued (ingest/relations/issued.py): each document's issuer and date."""
    _issued(c.r.sent, c.lo, c.hi, c.r.ctx, c.r.facts, c.evidence, c.r.title_bodies)


def _parts(c: _Clause, fam: Family) -> None:
    """part_of (ingest/relations/part_of.py): a unit named with its body."""
    _part_of(c.r.sent, c.lo, c.hi, c.r.ctx, c.r.facts, c.evidence)


SPECIALS: dict[str, Callable[[_Clause, Family], None]] = {
    "organize": events.organizes,
    "happen": events.happens,
    "issue": _issues,
    "part_of": _parts,
}


def _sites(c: _Clause, fam: Family) -> list[Site]:
    if fam.frames:
        return [Site(s.start, s.end, frame_site=s) for s in c.r.sent.sites
                if c.lo <= s.start < c.hi and s.frame.name in fam.frames]
    assert fam.trigger is not None
    return [Site(c.lo + m.start(), c.lo + m.end(), match=m)
            for m in fam.trigger.finditer(c.clause)]


def _fill_objects(c: _Clause, fam: Family, site: Site) -> Objects | None:
    objects = OBJECT_FINDERS[fam.object.finder](c, fam, site)
    for name in fam.object.fallbacks:
        if objects:
            break
        objects = OBJECT_FALLBACKS[name](c, fam, site)
    return objects


def _fill_subjects(c: _Clause, fam: Family, site: Site,
                   objects: Objects) -> tuple[list[Mention], Delegation | None]:
    subjects, delegation = SUBJECT_FINDERS[fam.subject.finder](c, fam, site, objects)
    for name in fam.subject.fallbacks:
        if subjects:
            break
        subjects = SUBJECT_FALLBACKS[name](c, fam, site, objects)
    for name in fam.subject.filters:
        subjects = SUBJECT_FILTERS[name](c, fam, site, objects, subjects)
    return subjects, delegation


def run_family(c: _Clause, fam: Family) -> None:
    """Every trigger of one family in the clause, its slots filled as the data declares."""
    if fam.special:
        SPECIALS[fam.special](c, fam)
        return
    for site in _sites(c, fam):
        objects = _fill_objects(c, fam, site)
        if objects is None or any(GUARDS[g](c, fam, site) for g in fam.guards):
            continue  # not this family's reading of the trigger
        c.found = True
        if not objects:
            continue
        subjects, delegation = _fill_subjects(c, fam, site, objects)
        if subjects:
            _emit(c, fam, site, subjects, objects, delegation)


def _date(c: _Clause, fam: Family, site: Site) -> str | None:
    policy = fam.date
    if policy.policy == "none":
        return None
    pos = site.t0 if policy.at == "trigger_start" else site.t1
    return _date_for(c.r.sent, pos, c.r.ctx, c.r.doc_ends,
                     c.hi if policy.later_in_clause else None)


def _emit(c: _Clause, fam: Family, site: Site, subjects: list[Mention], objects: Objects,
          delegation: Delegation | None) -> None:
    """One fact per subject and object, dated and credited as the family's policies say."""
    r = c.r
    date = _date(c, fam, site)
    if fam.date.sets_lead_date:
        _note_lead_date(r.ctx, date)
    if fam.delegation.notes_visitors:
        _note_visitors(r.ctx, r.sent, subjects)
    types = fam.subject.by_verb.get(site.verb, fam.subject.types)
    for obj in objects:
        if fam.object.marks_used and isinstance(obj, Mention):
            c.used.add(obj.start)
        relation = fam.relation_for(obj)
        for subject in subjects:
            if subject.label not in types:
                continue
            fact = r.facts.add(relation, subject, obj, c.evidence, date=date)
            if fam.delegation.credit:
                _track_delegation(r.ctx, delegation, subject, fact)
    if fam.delegation.sentence_leaders:
        _add_leaders(r.ctx, delegation, r.leaders)


def run_families(c: _Clause) -> None:
    """The clause read by every family of frames.json, in the data's order."""
    for fam in families():
        run_family(c, fam)
