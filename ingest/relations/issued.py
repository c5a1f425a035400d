"""issued: "A ký/ban hành DOC", "DOC ngày ... của X": the issuing body or person of a
numbered document, with the document's date.
"""

from __future__ import annotations

import re

from ingest.coref import ArticleContext, with_province
from ingest.frames import issue_pattern
from ingest.positions import Mention
from ingest.relations.patterns import AGENT
from ingest.relations.sentences import Sentence, _Facts

_ISSUE_VERB = issue_pattern()  # "(đã) ký/ban hành": frames.json verbs.issue
_ISSUER_TITLE = re.compile(r"^\s*(?:của\s+)?(?P<who>Thủ tướng(?:\s+Chính phủ)?|"
                           r"Chủ tịch nước)\b")

# between two documents of one list: "Quyết định số 312 và Quyết định số 313 của X"
_DOC_LIST_GAP = re.compile(r"\s*(?:,|và)\s*(?:(?:Quyết định|Nghị định|Nghị quyết|Thông tư|"
                           r"Chỉ thị|Kế hoạch|Công văn|Văn bản)\s+)?(?:số\s+)?")


def _issued(sent: Sentence, lo: int, hi: int, ctx: ArticleContext, facts: _Facts,
            evidence: tuple[int, int], title_bodies: set[int]) -> None:
    """"DOC (ngày D) của X", "X ký/ban hành DOC": X issued DOC; the documents of a list
    ("Nghị quyết số A và Nghị quyết số B của X") share the issuer named after the last."""
    docs = [m for m in sent.mentions if m.label == "DOCUMENT" and lo <= m.start < hi]
    later: Mention | tuple[str, str] | None = None
    found: list[tuple[Mention, Mention | tuple[str, str] | None, str | None]] = []
    for i in range(len(docs) - 1, -1, -1):
        doc_m = docs[i]
        issuer, date = _issuer_of(sent, doc_m, lo, hi, ctx, title_bodies)
        if issuer is None and i + 1 < len(docs) and _DOC_LIST_GAP.fullmatch(
                sent.text[doc_m.end - sent.start:docs[i + 1].start - sent.start]):
            issuer = later
        later = issuer
        found.append((doc_m, issuer, date))
    for doc_m, issuer, date in reversed(found):
        if issuer is not None:
            facts.add("issued", issuer, doc_m, evidence, date=date)


def _issuer_of(sent: Sentence, doc_m: Mention, lo: int, hi: int, ctx: ArticleContext,
               title_bodies: set[int]) -> tuple[Mention | tuple[str, str] | None, str | None]:
    """The issuer of one document and its date, from "của X" after it or a verb before it."""
    text = sent.text
    date = None
    cursor = doc_m.end
    nxt = next((d for d in sent.dates if 0 <= d[0] - doc_m.end <= 14), None)
    if nxt is not None and re.fullmatch(r"\s*(?:,\s*)?(?:ngày\s*)?",
                                        text[doc_m.end - sent.start:nxt[0] - sent.start],
                                        re.IGNORECASE):
        date = nxt[2]
        cursor = nxt[1]
    after = text[cursor - sent.start:hi - sent.start]
    issuer: Mention | tuple[str, str] | None = None
    of = re.match(r"^\s*(?:,\s*)?của\s+", after)
    if of:
        at = cursor + of.end()
        issuer = next((m for m in sent.mentions if m.start == at and m.label in AGENT), None)
        if issuer is None and (title := _ISSUER_TITLE.match(after[of.end():])):
            issuer = ("ORGANIZATION", "Thủ tướng Chính phủ") if title.group(
                "who").startswith("Thủ tướng") else ("ORGANIZATION", "Chủ tịch nước")
    if issuer is None:
        issuer = _issuer_before(sent, doc_m, lo, title_bodies)
        if issuer is not None and date is None:
            # "Ngày 14/9, Thủ tướng ký Quyết định số N": the day it was signed is its date
            doc_ends = [m.end for m in sent.mentions if m.label == "DOCUMENT"]
            prior = [d for d in sent.dates if lo <= d[0] and d[1] <= doc_m.start
                     and doc_m.start - d[1] <= 80 and len(d[2]) == 10
                     and not any(0 <= d[0] - e <= 14 for e in doc_ends)]  # another's date
            date = prior[-1][2] if prior else None
    return issuer, date


def _issuer_before(sent: Sentence, doc_m: Mention, lo: int,
                   title_bodies: set[int]) -> Mention | tuple[str, str] | None:
    """"X (vừa) ký/ban hành DOC": the agent of the verb's own phrase before the document."""
    text = sent.text
    before = text[lo - sent.start:doc_m.start - sent.start]
    verb = _ISSUE_VERB.search(re.sub(r"(?:Quyết định|Nghị định|Nghị quyết|Thông tư|"
                                     r"Chỉ thị|Kế hoạch|Công văn|công văn|Văn bản|"
                                     r"văn bản)(?:\s+số)?\s*$", "", before))
    if not verb:
        return None
    phrase = max(before.rfind(",", 0, verb.start()), before.rfind(
        ";", 0, verb.start())) + 1  # the verb's own phrase: "..., tỉnh đã ban hành"
    candidates = [m for m in sent.mentions if lo + phrase <= m.start and
                  m.end <= lo + verb.start() and (m.label in AGENT or (
                      m.label == "PROVINCE" and "UBND" in doc_m.name))
                  and m.start not in title_bodies]
    if candidates and candidates[-1].label == "PROVINCE":
        return ("ORGANIZATION", with_province("UBND tỉnh", candidates[-1].name))
    if candidates:
        return candidates[-1]
    if re.search(r"Thủ tướng(?: Chính phủ)?[^,;.]{0,30}$", before[: verb.start()]):
        return ("ORGANIZATION", "Thủ tướng Chính phủ")
    return None
