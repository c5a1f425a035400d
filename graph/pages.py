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

    def read(month: str) -> list[dict[str, Any]]:
        since = None if (start and month == first) else _since(month)
        params = {"period": period_key(entity, month), "since": since, **window}
        return query("timeline", {k: v for k, v in params.items() if v is not None})

    return walk(read, chosen, lambda row: row["event"], offset, offset + limit)


def worked_with(query: Query, official: str, start: date | None, end: date | None
                ) -> list[dict[str, Any]]:
    """The worked-with lookup's rows (one per session and host) in the window, read from the
    window's months only, in date order."""
    chosen = window_months(months(query, official, VNKG.eventMonth.value), start, end)
    window = {"from": start.isoformat() if start else None,
              "to": end.isoformat() if end else None}
    seen: set[tuple[str, str]] = set()
    rows: list[dict[str, Any]] = []
    for month in reversed(chosen):  # oldest first, undated last
        params = {"period": period_key(official, month), "official": official, **window}
        for row in query("worked_with_in_month", {k: v for k, v in params.items() if v}):
            if (row["session"], row["host"]) not in seen:
                seen.add((row["session"], row["host"]))
                rows.append(row)
    dated = sorted((r for r in rows if r["start"]), key=lambda r: r["start"])
    return dated + [r for r in rows if not r["start"]]


def positions(query: Query, official: str) -> list[dict[str, Any]]:
    """One row per post the official holds: title, body, the first and last days attested,
    the number of articles and the latest one; the latest post first."""
    out = []
    for post in query("official_posts", {"official": official}):
        row = {k: post[k] for k in ("role", "organization", "organizationLabel")}
        key = edge_key(official, ORG.holds.value, post["post"])
        row["articles"] = _count(query, "count_key", VNKG.edgeKey.value, key=key)
        first = _in_month(query, official, post, post["firstMonth"] or UNDATED)
        last = _in_month(query, official, post, post["lastMonth"] or UNDATED)
        row.update(first=first.get("first"), date=last.get("date"), article=last.get("article"))
        out.append(row)
    return sorted(out, key=lambda r: (r["date"] or "", r["first"] or ""), reverse=True)


def _in_month(query: Query, official: str, post: dict[str, Any], month: str
              ) -> dict[str, Any]:
    """The official's row of the post's memberships in one month."""
    rows = query("memberships_in_month", {"period": period_key(post["post"], month)})
    return next((r for r in rows if r["person"] == official), {})


def _count(query: Query, name: str, prop: str, **value: str) -> int:
    rows = query(name, {"property": prop, **value})
    return int(rows[0]["count"]) if rows else 0


def leaders(query: Query, province: str, *, limit: int, offset: int = 0
            ) -> list[dict[str, Any]]:
    """The people holding posts in the province's bodies, one row per (person, post), the
    most recently attested first (each with the latest month it is attested in)."""
    chosen = months(query, province, VNKG.positionMonth.value)
    return walk(lambda month: query("memberships_in_month",
                                    {"period": period_key(province, month)}),
                chosen, lambda row: f"{row['person']} {row['post']}", offset, offset + limit)


def sources(query: Query, entity: str, *, limit: int, offset: int = 0
            ) -> tuple[list[dict[str, Any]], int]:
    """The newest articles naming the entity (`offset` to `offset + limit`) and how many
    name it in all."""
    chosen = months(query, entity, VNKG.sourceMonth.value)
    rows = walk(lambda month: query("sources_in_month", {"period": period_key(entity, month)}),
                chosen, lambda row: row["article"], offset, offset + limit)
    return rows, _count(query, "count_index", VNKG.mentionOf.value, node=entity)

