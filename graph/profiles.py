"""Profiles: what an analyst reads about an official, a province or a body, in one answer.

An official: positions (graph/pages.py `positions`), a dated timeline of sessions, visits and
events with the evidence sentence and the article of each, the provinces of that timeline on a
map, and a neighbourhood graph. A province: its leaders, the officials who came and when, its
border gates and zones, its 2025 merger. A body: the people holding its posts, its units.

Everything is read through the period index or by key (pages, posts, the fixed reference
data), so a profile costs what it shows, not what the graph holds. Each function takes
`query(name, params)`, like graph/pages.py, so it runs in the server's query workers.
"""

from __future__ import annotations

from typing import Any

from graph import pages
from graph.details import head as head_of
from graph.details import places_by_kind, units_by_relation
from graph.iris import holding_iri
from graph.pages import Query
from graph.periods import UNDATED
from graph.vocab import VNKG

__all__ = ["body", "official", "other", "profile", "province"]

EVENTS = 50  # the newest events a profile shows (/api/events pages through the rest)
LEADERS = 50
PEOPLE = 60  # holders of a body's posts a profile shows, with their dates
_PLACE_ROLES = ("host", "place")
_VERBS = {"Visit": "visited", "WorkingSession": "worked with", "Event": "attended"}


def profile(query: Query, iri: str) -> dict[str, Any]:
    """The profile of the entity `iri`, by its type (a gate, a zone, an event: its timeline)."""
    head = head_of(query, iri) or {"iri": iri, "label": None, "type": None}
    etype = head["type"]
    build = {"PERSON": official, "PROVINCE": province, "ORGANIZATION": body}.get(etype or "",
                                                                                 other)
    parts = build(query, iri) if etype else {"_links": []}
    links = parts.pop("_links")
    return {**head, **parts, "graph": neighbourhood(head, links)}


# -- the timeline -----------------------------------------------------------------------------
def events(query: Query, entity: str, limit: int = EVENTS) -> list[dict[str, Any]]:
    """The entity's newest events, one per (event, article), each with its members, the
    article's evidence sentence, title and address."""
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for row in pages.timeline(query, entity, limit=limit):
        item = grouped.setdefault((row["event"], row["article"]), {
            "event": row["event"], "kind": row["kind"], "label": row["label"],
            "start": row["start"], "end": row["end"], "date": row["dateText"],
            "article": row["article"], "members": []})
        if row["member"]:
            item["members"].append({"role": row["role"], "iri": row["member"],
                                    "label": row["memberLabel"], "type": row["memberType"]})
    if not grouped:
        return []
    pairs = list(grouped)
    found = query("event_evidence", {"event": [e for e, _ in pairs],
                                     "article": [a for _, a in pairs]})
    for row in found:
        item = grouped.get((row["event"], row["article"]))
        if item is not None:
            item.update(evidence=row["ownEvidence"] or row["statementEvidence"],
                        title=row["title"], url=row["url"], published=row["published"],
                        articleId=row["articleId"])
    return list(grouped.values())


def _others(event: dict[str, Any], entity: str, roles: tuple[str, ...], etype: str | None = None
            ) -> list[dict[str, Any]]:
    """The event's members in these roles, other than the entity, once each."""
    seen: dict[str, dict[str, Any]] = {}
    for member in event["members"]:
        if member["role"] in roles and member["iri"] != entity and \
                (etype is None or member["type"] == etype):
            seen.setdefault(member["iri"], member)
    return list(seen.values())


def titled(query: Query, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with their article's title, address and id (one query for all of them)."""
    articles = sorted({row["article"] for row in rows if row.get("article")})
    found = {r["article"]: r for r in query("article_titles", {"article": articles})} \
        if articles else {}
    empty = {"title": None, "url": None, "articleId": None}
    return [{**row, **{k: found.get(row.get("article"), empty)[k] for k in empty}}
            for row in rows]


# -- the map ----------------------------------------------------------------------------------
def province_map(query: Query, marked: dict[str, list[str]]) -> dict[str, Any]:
    """Every province's point (the backdrop) and the marked ones with their dates."""
    points = [{"iri": r["province"], "label": r["label"], "era": r["era"],
               "lat": float(r["lat"]), "lon": float(r["lon"])}
              for r in query("province_points", {})]
    where = {p["iri"]: p for p in points}
    return {"provinces": points,
            "marked": [{**where[iri], "dates": sorted(set(dates))}
                       for iri, dates in marked.items() if iri in where]}


def _marked(timeline: list[dict[str, Any]], entity: str) -> dict[str, list[str]]:
    marked: dict[str, list[str]] = {}
    for event in timeline:
        for place in _others(event, entity, _PLACE_ROLES, "PROVINCE"):
            marked.setdefault(place["iri"], []).extend([event["date"]] if event["date"] else [])
    return marked


# -- an official -------------------------------------------------------------------------------
def official(query: Query, iri: str) -> dict[str, Any]:
    """Positions (latest first), the dated timeline (newest first), the provinces of that
    timeline on the map."""
    positions = titled(query, pages.positions(query, iri))
    timeline = events(query, iri)
    me = (iri, None, None)
    links = [(me, (p["organization"], p["organizationLabel"], "ORGANIZATION"), p["role"])
             for p in positions]
    for event in timeline:
        verb = _VERBS["Visit" if event["kind"] == "Visit" else "WorkingSession"]
        for other in _others(event, iri, _PLACE_ROLES):
            links.append((me, (other["iri"], other["label"], other["type"]), verb))
        if event["kind"] == "Event" and event["label"]:
            links.append((me, (event["event"], event["label"], "EVENT"), "attended"))
    return {"positions": positions, "timeline": timeline,
            "map": province_map(query, _marked(timeline, iri)), "_links": links}


# -- a province --------------------------------------------------------------------------------
def province(query: Query, iri: str) -> dict[str, Any]:
    """The unit (code, era), its leaders, visitors, border gates and zones, its merger."""
    unit = next(iter(query("province", {"province": iri})), {})
    leaders = titled(query, pages.leaders(query, iri, limit=LEADERS))
    timeline = events(query, iri)
    local = {r["person"] for r in leaders}  # they take part in what it holds; they do not come
    visitors = [{"person": person["iri"], "personLabel": person["label"], "kind": event["kind"],
                 "date": event["date"], "start": event["start"], "article": event["article"],
                 "articleId": event.get("articleId"), "title": event.get("title")}
                for event in timeline
                for person in _others(event, iri, ("participant",), "PERSON")
                if person["iri"] not in local]
    places = query("province_places", {"province": iri})
    merger = merger_of(query, iri)
    me = (iri, None, None)
    links = [((r["person"], r["personLabel"], "PERSON"),
              (r["organization"], r["organizationLabel"], "ORGANIZATION"), r["role"])
             for r in leaders]
    links += [((r["organization"], r["organizationLabel"], "ORGANIZATION"), me, "in")
              for r in leaders]
    links += [((v["person"], v["personLabel"], "PERSON"), me,
               "visited" if v["kind"] == "Visit" else "worked with") for v in visitors]
    links += [((r["place"], r["label"], r["type"]), me,
               "border gate of" if r["type"] == "BORDER_GATE" else "in") for r in places]
    if merger["into"]:
        links.append((me, (merger["into"]["iri"], merger["into"]["label"], "PROVINCE"),
                      "merged into"))
    return {"era": unit.get("provinceEra"), "code": unit.get("code"), "leaders": leaders,
            "visitors": visitors, "timeline": timeline, **places_by_kind(places),
            "merger": merger, "map": province_map(query, {iri: []}), "_links": links}


def merger_of(query: Query, iri: str) -> dict[str, Any]:
    """The 2025 merger: the unit this one merged into and the others that did (a legacy unit),
    or the units merged into this one (a 2025 unit); and the day."""
    rows = query("province_merger", {"province": iri})
    into = next(({"iri": r["other"], "label": r["otherLabel"]} for r in rows
                 if r["relation"] == "successor"), None)
    origin = iri
    if into:  # the successor's other predecessors merged with this one
        origin = into["iri"]
        rows = rows + query("province_merger", {"province": into["iri"]})
    sources = sorted({(r["other"], r["otherLabel"]) for r in rows
                      if r["relation"] == "predecessor" and r["other"] != iri},
                     key=lambda pair: pair[1] or "")
    return {"into": into, "from": [{"iri": o, "label": label} for o, label in sources],
            "on": next((r["on"] for r in rows if r["on"]), None),
            "unchanged": bool(into) and not sources and origin != iri}


# -- any other entity (a gate, a zone, a place, a named event) ---------------------------------
def other(query: Query, iri: str) -> dict[str, Any]:
    """The events the entity is in (as a place, or itself), and who took part in them."""
    timeline = events(query, iri)
    me = (iri, None, None)
    links = [((m["iri"], m["label"], m["type"]), me, _VERBS.get(event["kind"], m["role"]))
             for event in timeline for m in _others(event, iri, ("participant", "organizer"))]
    return {"timeline": timeline, "_links": links}


# -- a body ------------------------------------------------------------------------------------
def body(query: Query, iri: str) -> dict[str, Any]:
    """The people holding the body's posts (with the first and last months they are attested
    in), its parent bodies and its units."""
    people = []
    for row in query("body_posts", {"agency": iri})[:PEOPLE]:
        held = [m for m in pages.months(query, holding_iri(row["post"], row["person"]),
                                        VNKG.positionMonth.value) if m != UNDATED]
        people.append({**row, "first": held[-1] if held else None,
                       "last": held[0] if held else None})
    people.sort(key=lambda r: (r["last"] or "", r["role"]), reverse=True)
    units = units_by_relation(query("agency_units", {"agency": iri}))
    me = (iri, None, None)
    links = [((r["person"], r["personLabel"], "PERSON"), me, r["role"]) for r in people]
    links += [((r["other"], r["otherLabel"], "ORGANIZATION"), me, "part of")
              for r in units["units"]]
    links += [(me, (r["other"], r["otherLabel"], "ORGANIZATION"), "part of")
              for r in units["parents"]]
    return {"people": people, "parents": [_unit(r) for r in units["parents"]],
            "units": [_unit(r) for r in units["units"]], "_links": links}


def _unit(row: dict[str, Any]) -> dict[str, Any]:
    return {"iri": row["other"], "label": row["otherLabel"]}


# -- the neighbourhood graph -------------------------------------------------------------------
End = tuple[str | None, str | None, str | None]  # a node: IRI, label, type
Link = tuple[End, End, str]  # from, to, what links them


def _node(iri: str, label: str | None, etype: str | None) -> dict[str, Any]:
    return {"id": iri, "label": label or iri.rsplit("/", 1)[-1], "type": etype}


def neighbourhood(head: dict[str, Any], links: list[Link]) -> dict[str, Any]:
    """Cytoscape.js elements of the entity and what its profile links it to, each node and
    each (from, to, label) link once.

    >>> me, body = ("p", None, None), ("b", "Bộ", "ORGANIZATION")
    >>> g = neighbourhood({"iri": "p", "label": "P", "type": "PERSON"},
    ...                   [(me, body, "Bộ trưởng"), (me, body, "Bộ trưởng")])
    >>> [n["label"] for n in g["nodes"]], [(e["source"], e["target"]) for e in g["edges"]]
    (['P', 'Bộ'], [('p', 'b')])
    """
    nodes = {head["iri"]: _node(head["iri"], head["label"], head["type"])}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for (source, *source_name), (target, *target_name), label in links:
        if not source or not target or source == target:
            continue
        nodes.setdefault(source, _node(source, *source_name))
        nodes.setdefault(target, _node(target, *target_name))
        edges.setdefault((source, target, label), {
            "id": f"e{len(edges)}", "source": source, "target": target, "label": label})
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}
