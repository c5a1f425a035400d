"""What the pages of an official or a province read: an entity's events, positions, leaders and
sources through the period index (graph/periods.py), month by month, newest first.

Each function takes `query(name, params)`, the rows of a named query, so it runs wherever the
service runs (in the server's query workers, under the request's time limit). Its cost is the
months it reads: the page, not the entity's whole history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from graph.iris import article_id, edge_key, holding_iri
from graph.periods import UNDATED, period_key, walk, window_months
from graph.vocab import ORG, VNKG

__all__ = ["gather_events", "leaders", "page", "positions", "sources", "timeline", "worked_with",
           "worked_with_hosts"]

Query = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


def months(query: Query, entity: str, index: str) -> list[str]:
    """The entity's months in one index (`VNKG.eventMonth`, ...), newest first."""
    return [r["month"] for r in query("entity_months", {"entity": entity, "index": index})]


def _since(month: str) -> str | None:
    return None if month == UNDATED else f"{month}-01"


def timeline(query: Query, entity: str, *, limit: int, offset: int = 0,
             start: date | None = None, end: date | None = None,
             kind: str | None = None) -> list[dict[str, Any]]:
    """The rows (one per member) of the entity's events `offset` to `offset + limit`, newest
    first, in the window [start, end] if one is given.

    An event spanning several months is keyed in each: a month shows the events that start in
    it, except the window's first month, which also shows those that began before it."""
    chosen = window_months(months(query, entity, VNKG.eventMonth.value), start, end)
    first = chosen[-1] if chosen else None
    window = {"from": start.isoformat() if start else None,
              "to": end.isoformat() if end else None, "type": kind}

    def read(chunk: list[str]) -> list[dict[str, Any]]:
        since = [None if (start and month == first) else _since(month) for month in chunk]
        params = {"period": [period_key(entity, month) for month in chunk], "since": since,
                  **window}
        return query("timeline", {k: v for k, v in params.items() if v is not None})

    picked = walk(read, chosen, lambda row: row["event"], offset, offset + limit)
    return _with_members(query, picked)


def _with_members(query: Query, picked: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The picked (event, article) rows, one per member the article gives the event, sorted
    as the whole-history queries sort them (an event without members keeps one row with
    none); each member's label and type read once."""
    pairs = list(dict.fromkeys((row["event"], row["article"]) for row in picked))
    found = query("event_members", {"event": [e for e, _ in pairs],
                                    "article": [a for _, a in pairs]}) if pairs else []
    names = _names(query, {row["member"] for row in found})
    members: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in found:
        label, etype = names.get(row["member"], (None, None))
        members.setdefault((row["event"], row["article"]), []).append(
            {"role": row["role"], "member": row["member"], "memberLabel": label,
             "memberType": etype})
    for rows in members.values():
        rows.sort(key=lambda m: (m["role"], m["memberLabel"] or "", m["member"]))
    none = [{"role": None, "member": None, "memberLabel": None, "memberType": None}]
    return [{**row, **m} for row in picked
            for m in members.get((row["event"], row["article"]), none)]


def _names(query: Query, nodes: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each node's (label, entity type), read in one query."""
    if not nodes:
        return {}
    return {r["node"]: (r["label"], r["type"])
            for r in query("labels", {"node": sorted(nodes)})}


def worked_with(query: Query, official: str, start: date | None, end: date | None,
                host: str | None = None) -> list[dict[str, Any]]:
    """The worked-with lookup's rows (one per session and host) in the window, read from the
    window's months only (one query), in date order; only `host`'s sessions if given."""
    chosen = window_months(months(query, official, VNKG.eventMonth.value), start, end)
    window = {"from": start.isoformat() if start else None,
              "to": end.isoformat() if end else None}
    if not chosen:
        return []
    params = {"period": [period_key(official, month) for month in chosen],
              "official": official, "onlyHost": host, **window}
    return query("worked_with_in_month", {k: v for k, v in params.items() if v})


def worked_with_hosts(query: Query, official: str, start: date | None = None,
                      end: date | None = None, *, limit: int | None = None, offset: int = 0,
                      host: str | None = None) -> dict[str, Any]:
    """The hosts (provinces, bodies) the official worked with in the window, each once, in the
    order of their first session: label, type, dates (as FACTS.md writes them), first and last
    day, source article ids and sessions (date, article, address). Hosts `offset` to
    `offset + limit`, and whether more follow: a host gathers the sessions of the whole window,
    so the window's rows are read (its months only) and the hosts paged here."""
    hosts: dict[str, dict[str, Any]] = {}
    for row in worked_with(query, official, start, end, host):
        _add_session(hosts.setdefault(row["host"], {
            "host": row["host"], "hostLabel": row["hostLabel"], "hostType": row["hostType"],
            "dates": [], "start": None, "end": None, "articles": [], "sessions": []}), row)
    return page(list(hosts.values()), limit, offset)


def _add_session(host: dict[str, Any], row: dict[str, Any]) -> None:
    """One row of the lookup (a session of the host, from one article) into the host's item."""
    if row["dateText"] and row["dateText"] not in host["dates"]:
        host["dates"].append(row["dateText"])
    if row["start"] and (host["start"] is None or row["start"] < host["start"]):
        host["start"] = row["start"]
    if row["end"] and (host["end"] is None or row["end"] > host["end"]):
        host["end"] = row["end"]
    if article_id(row["article"]) not in host["articles"]:
        host["articles"].append(article_id(row["article"]))
    session = {k: row[k] for k in ("session", "dateText", "start", "end", "article", "url")}
    if session not in host["sessions"]:  # a host with two labels gives a session twice
        host["sessions"].append(session)


def page(items: list[Any], limit: int | None, offset: int = 0) -> dict[str, Any]:
    """Items `offset` to `offset + limit` (all from `offset` without a limit) and whether
    more follow.

    >>> page(["a", "b", "c", "d", "e"], 2, 2)
    {'items': ['c', 'd'], 'more': True}
    >>> page(["a", "b", "c"], 2, 1), page(["a"], None)
    ({'items': ['b', 'c'], 'more': False}, {'items': ['a'], 'more': False})
    """
    stop = None if limit is None else offset + limit
    return {"items": items[offset:stop], "more": stop is not None and len(items) > stop}


def gather_events(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events from rows of one member each (queries/timeline.rq through `timeline`,
    queries/events.rq): each event once, in the rows' order, with the ids of its source
    articles and its members (role, IRI, label, type) once each."""
    events: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        event = events.setdefault(row["event"], {
            **{k: row[k] for k in ("event", "kind", "label", "start", "end", "dateText")},
            "articles": [], "members": []})
        if row["article"] and article_id(row["article"]) not in event["articles"]:
            event["articles"].append(article_id(row["article"]))
        key = (row["event"], row["role"], row["member"])
        if row["member"] and key not in seen:
            seen.add(key)
            event["members"].append(
                {k: row[k] for k in ("role", "member", "memberLabel", "memberType")})
    return list(events.values())


def positions(query: Query, official: str) -> list[dict[str, Any]]:
    """One row per post the official holds: title, body, the first and last days attested,
    the number of articles and the latest one; the latest post first. Each post's days come
    from the months of the official's holding of it (graph/iris.py `holding_iri`): its first
    and last month, read by key."""
    out = []
    for post in query("official_posts", {"official": official}):  # labels included
        holding = holding_iri(post["post"], official)
        held = months(query, holding, VNKG.positionMonth.value)
        dated = [m for m in held if m != UNDATED] or held
        rows = query("memberships_in_month", {
            "period": [period_key(holding, m) for m in dict.fromkeys(dated[:1] + dated[-1:])]
        }) if dated else []
        key = edge_key(official, ORG.holds.value, post["post"])
        out.append({**{k: post[k] for k in ("role", "organization", "organizationLabel")},
                    "first": min((r["date"] for r in rows if r["date"]), default=None),
                    "date": rows[0]["date"] if rows else None,
                    "article": rows[0]["article"] if rows else None,
                    "articles": _count(query, "count_key", VNKG.edgeKey.value, key=key)})
    return sorted(out, key=lambda r: (r["date"] or "", r["first"] or ""), reverse=True)


def _count(query: Query, name: str, prop: str, **value: str) -> int:
    rows = query(name, {"property": prop, **value})
    return int(rows[0]["count"]) if rows else 0


def leaders(query: Query, province: str, *, limit: int, offset: int = 0
            ) -> list[dict[str, Any]]:
    """The people holding posts in the province's bodies, one row per (person, post), the
    most recently attested first (each with the latest month it is attested in)."""
    chosen = months(query, province, VNKG.positionMonth.value)

    def key(row: dict[str, Any]) -> str:
        return f"{row['person']} {row['post']}"

    rows = walk(lambda chunk: query("memberships_in_month",
                                    {"period": [period_key(province, m) for m in chunk]}),
                chosen, key, offset, offset + limit)
    latest: dict[str, dict[str, Any]] = {}
    for row in rows:  # latest first: each one's first row is its latest
        latest.setdefault(key(row), row)
    return _labelled(query, list(latest.values()), ("person", "organization"))


def _labelled(query: Query, rows: list[dict[str, Any]], columns: tuple[str, ...]
              ) -> list[dict[str, Any]]:
    """The rows with `<column>Label` beside each IRI column, read for these rows only."""
    names = _names(query, {row[c] for row in rows for c in columns if row[c]})
    return [{**row, **{f"{c}Label": names.get(row[c], (None, None))[0] for c in columns}}
            for row in rows]


def sources(query: Query, entity: str, *, limit: int, offset: int = 0
            ) -> tuple[list[dict[str, Any]], int]:
    """The newest articles naming the entity (`offset` to `offset + limit`) and how many
    name it in all."""
    chosen = months(query, entity, VNKG.sourceMonth.value)
    rows = walk(lambda chunk: query("sources_in_month",
                                    {"period": [period_key(entity, m) for m in chunk]}),
                chosen, lambda row: row["article"], offset, offset + limit)
    return rows, _count(query, "count_index", VNKG.mentionOf.value, node=entity)

