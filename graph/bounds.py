"""Date bounds as every door takes them: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.

A lower bound is the first day of what it names and an upper bound the last, so that
`from=2024-08&to=2024-08` is the whole of August and `to=2024` ends on 2024-12-31. The REST
routes, the named queries' date parameters (`vnkg query -p from=2024-08`, the console) and the
export filters (`vnkg export --from/--to`) all parse with `date_bound`.

>>> date_bound("2024-08", upper=False), date_bound("2024-08", upper=True)
(datetime.date(2024, 8, 1), datetime.date(2024, 8, 31))
>>> date_bound("2024", upper=True), date_bound(" 2024-02-29 ", upper=False)
(datetime.date(2024, 12, 31), datetime.date(2024, 2, 29))
>>> date_bound("2023-02", upper=True)
datetime.date(2023, 2, 28)
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from graph.errors import BadDate, BadQuery

__all__ = ["UPPER_PARAMS", "date_bound", "date_window"]

_ISO_PART = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# Named queries' date parameters that end a window (the rest start one): `to=2024-08` binds
# the month's last day.
UPPER_PARAMS = frozenset({"to", "end", "until"})


def date_bound(text: str | date | None, *, upper: bool) -> date | None:
    """`2024`, `2024-08` or `2024-08-30` as the first day it names (or, for an upper bound,
    the last); None stays None and a date stays as it is.

    >>> date_bound("2024-13", upper=False)
    Traceback (most recent call last):
    graph.errors.BadDate: not a date: '2024-13' (month must be in 1..12)
    >>> date_bound("Aug 2024", upper=False)
    Traceback (most recent call last):
    graph.errors.BadDate: not a date: 'Aug 2024' (use YYYY-MM-DD, YYYY-MM or YYYY)
    """
    if text is None or isinstance(text, date):
        return text
    match = _ISO_PART.match(str(text).strip())
    if not match:
        raise BadDate(f"not a date: {text!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise BadDate(f"not a date: {text!r} (month must be in 1..12)")
    try:
        if day is not None:
            return date(year, month, day)  # type: ignore[arg-type]
        if month is not None:
            return date(year, month, calendar.monthrange(year, month)[1] if upper else 1)
        return date(year, 12, 31) if upper else date(year, 1, 1)
    except ValueError as err:
        raise BadDate(f"not a date: {text!r} ({err})") from None


def date_window(start: str | date | None, end: str | date | None
                ) -> tuple[date | None, date | None]:
    """(first day, last day) of a window given by two bounds; an empty window is a BadQuery.

    >>> date_window("2024-08", "2024-08")
    (datetime.date(2024, 8, 1), datetime.date(2024, 8, 31))
    >>> date_window("2024-09", "2024-08")
    Traceback (most recent call last):
    graph.errors.BadQuery: the date window is empty: 2024-09-01 is after 2024-08-31
    """
    low, high = date_bound(start, upper=False), date_bound(end, upper=True)
    if low and high and low > high:
        raise BadQuery(f"the date window is empty: {low} is after {high}")
    return low, high
