"""The date of a fact: the date named nearest before its verb, or the lead's date where
the sentence tells the same session ("cùng ngày", "sau buổi làm việc").
"""

from __future__ import annotations

from ingest.coref import ArticleContext
from ingest.frames import same_day_pattern, session_time_pattern, trip_time_pattern
from ingest.positions import Mention
from ingest.relations.patterns import AGENT
from ingest.relations.sentences import Sentence

_SAME_DAY = same_day_pattern()  # "cùng ngày": frames.json dating.same_day
# Times told relative to the working session the article reports take its date, as "cùng ngày"
# does ("Trước buổi làm việc", "Sau khi làm việc với tỉnh", "Nhân dịp này"): frames.json
# dating.session_time. "Trước đó" is not one: it tells an earlier, other occasion.
_SESSION_TIME = session_time_pattern()
_TRIP_TIME = trip_time_pattern()  # "Trong chuyến công tác": frames.json dating.trip_time


def _date_for(sent: Sentence, pos: int, ctx: ArticleContext, doc_ends: list[int],
              hi: int | None = None) -> str | None:
    """The date of a fact whose verb is at `pos` (a date after it counts up to `hi`)."""
    before = sent.text[: pos - sent.start]
    same_day = list(_SAME_DAY.finditer(before)) + list(_SESSION_TIME.finditer(before))
    if ctx.lead_is_trip:
        same_day += list(_TRIP_TIME.finditer(before))
    usable = [d for d in sent.dates if not any(0 <= d[0] - e <= 14 for e in doc_ends)]
    prior = [d for d in usable if d[1] <= pos]
    last = max((m.start() for m in same_day), default=-1)
    if same_day and (not prior or prior[-1][0] < sent.start + last):
        return ctx.lead_date
    if prior:
        return prior[-1][2]
    after = [d for d in usable if d[0] >= pos and (hi is None or d[1] <= hi)]
    if after:
        return after[0][2]
    # "Đoàn đã thăm X trước buổi làm việc": the marker after the verb
    return ctx.lead_date if _SESSION_TIME.search(sent.text) or (
        ctx.lead_is_trip and _TRIP_TIME.search(sent.text)) else None


def _lead_date(sentences: list[Sentence], title_end: int) -> str | None:
    """The date of the lead: the first date of the body that is not a document's; "cùng
    ngày" later in the article means it."""
    for sent in sentences:
        if sent.start < title_end:
            continue
        doc_ends = [m.end for m in sent.mentions if m.label == "DOCUMENT"]
        for start, _end, iso in sent.dates:
            if not any(0 <= start - e <= 14 for e in doc_ends) and len(iso) >= 10:
                return iso
    return None


def _note_lead_date(ctx: ArticleContext, date: str | None) -> None:
    if date and ctx.lead_date is None:
        ctx.lead_date = date


def _note_visitors(ctx: ArticleContext, sent: Sentence, agents: list[Mention]) -> None:
    """The visiting side of the body's first session or visit (not the headline's)."""
    if not ctx.visitors and sent.start >= ctx.title_end:
        ctx.visitors = [(a.label, a.name) for a in agents if a.label in AGENT]
