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

from graph.iris import edge_key
from graph.periods import UNDATED, period_key, walk, window_months
from graph.vocab import ORG, VNKG

__all__ = ["leaders", "positions", "sources", "timeline", "worked_with"]

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
    """The picked (event, article) rows, one per member of the event, as events_of_official
    gives them (an event without members keeps one row with none)."""
    events = list(dict.fromkeys(row["event"] for row in picked))
    members: dict[str, list[dict[str, Any]]] = {}
    if events:
        for row in query("event_members", {"event": events}):
            members.setdefault(row["event"], []).append(row)
    none = [{"role": None, "member": None, "memberLabel": None, "memberType": None}]
    return [{**row, **{k: m[k] for k in ("role", "member", "memberLabel", "memberType")}}
            for row in picked for m in members.get(row["event"], none)]


def worked_with(query: Query, official: str, start: date | None, end: date | None
                ) -> list[dict[str, Any]]:
    """The worked-with lookup's rows (one per session and host) in the window, read from the
    window's months only (one query), in date order."""
    chosen = window_months(months(query, official, VNKG.eventMonth.value), start, end)
    window = {"from": start.isoformat() if start else None,
              "to": end.isoformat() if end else None}
    if not chosen:
        return []
    params = {"period": [period_key(official, month) for month in chosen],
              "official": official, **window}
    return query("worked_with_in_month", {k: v for k, v in params.items() if v})


def positions(query: Query, official: str) -> list[dict[str, Any]]:
    """One row per post the official holds: title, body, the first and last days attested,
    the number of articles and the latest one; the latest post first."""
    out = []
    for post in query("official_posts", {"official": official}):  # labels included
        row = {k: post[k] for k in ("role", "organization", "organizationLabel")}
        key = edge_key(official, ORG.holds.value, post["post"])
        row["articles"] = _count(query, "count_key", VNKG.edgeKey.value, key=key)
        row.update(first=None, date=None, article=None)
        months = [post["firstMonth"] or UNDATED, post["lastMonth"] or UNDATED]
        seen = query("memberships_in_month", {
            "period": [period_key(post["post"], m) for m in dict.fromkeys(months)],
            "person": official})
        if seen:  # latest first: the last day and its article, and the first day
            row.update(date=seen[0]["date"], article=seen[0]["article"],
                       first=min((r["date"] for r in seen if r["date"]), default=None))
        out.append(row)
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
    nodes = sorted({row[c] for row in rows for c in columns if row[c]})
    labels = {r["node"]: r["label"] for r in query("labels", {"node": nodes})} if nodes else {}
    return [{**row, **{f"{c}Label": labels.get(row[c]) for c in columns}} for row in rows]


def sources(query: Query, entity: str, *, limit: int, offset: int = 0
            ) -> tuple[list[dict[str, Any]], int]:
    """The newest articles naming the entity (`offset` to `offset + limit`) and how many
    name it in all."""
    chosen = months(query, entity, VNKG.sourceMonth.value)
    rows = walk(lambda chunk: query("sources_in_month",
                                    {"period": [period_key(entity, m) for m in chunk]}),
                chosen, lambda row: row["article"], offset, offset + limit)
    return rows, _count(query, "count_index", VNKG.mentionOf.value, node=entity)

