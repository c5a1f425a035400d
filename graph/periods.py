"""The period index: what the graph holds about an entity, by month.

Oxigraph keeps no ordered index on dates, so "the newest 50 events of X", "X's sessions in
August 2024" or "the latest leaders of a province" would read everything about X first, and an
official named in thousands of articles would make their page slow. So each item an article
states about an entity carries one key per month it covers, and the shared graph lists the
entity's months (ontology/MODEL.md, "The period index"):

- in the article's graph, `<item> vnkg:eventPeriod "<entity IRI> 2024-08"` on a working
  session, a visit, or a statement that someone attended, organized or held a named event, for
  each participant, host, place or event; `vnkg:positionPeriod` on a membership for its person,
  its post and the provinces of its body; `vnkg:sourcePeriod` on a mention for the entity it
  names (the month the article was published);
- in the shared graph, `<entity> vnkg:eventMonth "2024-08"` (and `positionMonth`,
  `sourceMonth`) while some article's key supports it (graph/shared.py removes it with the
  last one).

A page is then read month by month, newest first, stopping as soon as it is full; a date window
reads only its months. Each month is one index lookup of its key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from pyoxigraph import NamedNode

from graph.vocab import VNKG

__all__ = ["KINDS", "UNDATED", "month_keys", "period_key", "walk", "window_months"]

# kind → (the article-side key on an item, the shared-side month on the entity)
KINDS: dict[str, tuple[NamedNode, NamedNode]] = {
    "event": (VNKG.eventPeriod, VNKG.eventMonth),
    "position": (VNKG.positionPeriod, VNKG.positionMonth),
    "source": (VNKG.sourcePeriod, VNKG.sourceMonth),
}
MONTH_OF = {key.value: month.value for key, month in KINDS.values()}
UNDATED = "undated"  # the month of an item with no date at all: read after every dated month
MAX_MONTHS = 24  # an item spanning longer is keyed by its first and last months only


def period_key(entity: str, month: str) -> str:
    """The key of an entity's items in one month.

    >>> period_key("https://vnkg.org/id/person/a", "2024-08")
    'https://vnkg.org/id/person/a 2024-08'
    """
    return f"{entity} {month}"


def month_keys(start: date | None, end: date | None = None) -> list[str]:
    """The months an item from `start` to `end` covers (`UNDATED` without a date).

    >>> month_keys(date(2024, 7, 30), date(2024, 8, 2))
    ['2024-07', '2024-08']
    >>> month_keys(date(2020, 1, 1), date(2024, 1, 1)), month_keys(None)
    (['2020-01', '2024-01'], ['undated'])
    """
    if start is None:
        return [UNDATED]
    end = max(end or start, start)
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    if count > MAX_MONTHS:
        return [f"{start:%Y-%m}", f"{end:%Y-%m}"]
    months, year, month = [], start.year, start.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def newest_first(months: Iterable[str]) -> list[str]:
    """Months newest first, `UNDATED` last.

    >>> newest_first(["2023-01", "undated", "2024-08"])
    ['2024-08', '2023-01', 'undated']
    """
    dated = sorted((m for m in set(months) if m != UNDATED), reverse=True)
    return dated + ([UNDATED] if UNDATED in months else [])


def window_months(months: Iterable[str], start: date | None, end: date | None) -> list[str]:
    """The entity's months that a window [start, end] touches, newest first (an open window
    keeps every month; a window never holds undated items).

    >>> window_months(["2024-07", "2024-08", "2024-09", "undated"], date(2024, 8, 1), None)
    ['2024-09', '2024-08']
    """
    if start is None and end is None:
        return newest_first(months)
    low = f"{start:%Y-%m}" if start else "0000-00"
    high = f"{end:%Y-%m}" if end else "9999-99"
    return newest_first(m for m in months if m != UNDATED and low <= m <= high)


def _next_size(size: int, found: int, read: int, stop: int) -> int:
    """The next chunk's months: twice the last at most, fewer when the months read so far hold
    enough items a month to fill the page sooner.

    >>> _next_size(4, 103, 7, 121), _next_size(1, 0, 1, 20), _next_size(2, 4, 3, 20)
    (2, 2, 4)
    """
    if found == 0:
        return size * 2
    needed = -(-(stop - found) * read // found)  # months at the density seen so far
    return max(1, min(size * 2, needed))


def walk(read: Callable[[list[str]], list[dict]], months: list[str],
         item: Callable[[dict], str], start: int, stop: int) -> list[dict]:
    """The rows of items `start` to `stop` (in reading order) of the months in order:
    `read(months)` gives the rows of a chunk of months, newest first (an item may span several
    rows, and several chunks: it counts where it is first seen). Chunks start at one month
    and grow (`_next_size`), so a page costs a few queries whether the entity has many items a
    month or few; reading stops at the end of the chunk that fills the page.

    >>> rows = {"2024-08": [{"e": "a"}, {"e": "b"}, {"e": "b"}],
    ...         "2024-07": [{"e": "a"}, {"e": "c"}]}
    >>> read = lambda months: [r for m in months for r in rows[m]]
    >>> walk(read, ["2024-08", "2024-07"], lambda row: row["e"], 1, 3)
    [{'e': 'b'}, {'e': 'b'}, {'e': 'c'}]
    """
    order: dict[str, int] = {}
    rows: list[dict] = []
    at, size = 0, 1
    while at < len(months) and len(order) < stop:
        chunk = months[at:at + size]
        fresh: set[str] = set()
        for row in read(chunk):
            key = item(row)
            if key in order and key not in fresh:
                continue
            if key not in order:
                order[key] = len(order)
                fresh.add(key)
            rows.append(row)
        at += len(chunk)
        size = _next_size(size, len(order), at, stop)
    return [row for row in rows if start <= order[item(row)] < stop]
