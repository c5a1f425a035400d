"""The generic slot finders of the verb-family engine (frames.json "families"): objects right
after the trigger, joined by the declared connectives; the acting side before it."""

from __future__ import annotations

from ingest.coref import Delegation
from ingest.positions import Mention
from ingest.relations.family import Family, Site, object_types
from ingest.relations.sentences import _Clause
from ingest.relations.sides import _agents, _objects, _without_containers

Objects = list[Mention | tuple[str, str]]


def after_trigger(c: _Clause, fam: Family, site: Site) -> list[Mention]:
    """The declared types right after the trigger, as a list joined by the connectives (a unit
    that only says where the item before lies dropped where the data says so)."""
    found = _objects(c.r.sent, site.t1, c.hi, object_types(fam, site), fam.object.connectives)
    return _without_containers(c.r.sent, found) if fam.object.containers else found


def before_trigger(c: _Clause, fam: Family, site: Site,
                   objects: Objects) -> tuple[list[Mention], Delegation | None]:
    """The acting side before the trigger (a delegation with its sending body); the acting
    side carried from the sentence's first clause where the data allows it."""
    r = c.r
    agents, delegation = _agents(r.sent, c.lo, site.t0, r.ctx, c.used, r.title_bodies)
    if not agents and fam.subject.carried:
        agents = [a for a in r.carried if a.label in fam.subject.types]
    return agents, delegation
