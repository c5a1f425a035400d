"""How vnkg holds up as the news piles up: ingest cost per article, memory, store size and latency.

A benchmark, run by hand (never a test):

    .venv/bin/python bench/scale.py --articles N [--out DIR] [--seed 0]

1. **Corpus.** N synthetic articles (JSON Lines, the reader's `{"id", "title", "text",
   "published"}`), streamed to `OUT/corpus.jsonl`, made deterministically from the five samples
   (`data/samples/`) and the 300 articles of `../shared/scale/c300.jsonl` (read at run time).
   Each tenth of the corpus goes through the same templates in the same order (all of them, or
   evenly spread ones when a tenth is shorter), each with its people renamed (surnames of
   ingest/data/surnames.json, middle names from the same file, given names from the templates),
   its provinces swapped for other legacy provinces of the same kind, and every date (day/month
   in the text, `năm YYYY`, `published`) moved by one offset to a day between 2020-01 and
   2025-05. Ministries, titles and a share of the real names and provinces stay, so they recur
   as in real news; Nguyễn Hồng Diên always stays (the worked-with lookup's official).
2. **Ingest** with the real CLI in a child process, `vnkg ingest corpus.jsonl --store OUT/store`,
   under a pseudo-terminal so that its progress bar is on: the time at which the article count
   crosses each tenth gives the cost per article of each tenth (`--slices`: ten CLI calls on ten
   slices instead, each slice's wall time including the CLI's start-up). Peak RSS of the ingest
   (getrusage of the children, and the process tree's RSS sampled from /proc), wall time, store
   size.
3. **Latency of `vnkg serve`** on that store, one sequential client (httpx): REST routes and three
   `/sparql` queries, `--repeat` requests each after a warm-up, p50 and p99.
4. **`oxigraph serve`** (PyPI `oxigraph`, a dev dependency) on a copy of the store, union default
   graph, up at the same time as vnkg: the same three SPARQL queries, side by side with vnkg's
   `/sparql` in alternating blocks of ten requests (so that the machine's drift over minutes
   weighs on both alike), and a few counts of what the store holds.
5. A table at the end, and `bench/results/scale-N.json`.

Each step that fails is reported with its name and the run goes on where it can; the exit code is
1 when a step failed. `--ingest-timeout S` and `--max-rss-mb M` stop an ingest that runs away (the
store keeps what was committed; the figures say how far it got).
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import contextlib
import fcntl
import json
import os
import pty
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GAZETTEERS = ROOT / "ingest" / "data"
SAMPLES = ROOT / "data" / "samples"
C300 = ROOT.parent / "shared" / "scale" / "c300.jsonl"
RESULTS = ROOT / "bench" / "results"

STAR = "Nguyễn Hồng Diên"  # always kept: the official of the worked-with lookup
STAR_ID = "nguyen-hong-dien"
PROVINCE_ID = "lao-cai"
KEEP_NAME = 0.3  # share of the templates' people and provinces left as they are
FIRST_DAY, LAST_DAY = date(2020, 1, 1), date(2025, 5, 31)  # legacy era: before the 2025 merger
# hubs that also name other things ("tư tưởng Hồ Chí Minh", "Thừa Thiên Huế"): never swapped out
PROVINCE_FIXED = {"Hà Nội", "Hồ Chí Minh", "Huế"}
# surnames that are also common capitalised words at a name's start ("Phó Chủ tịch", "Ông A")
SURNAME_NOT_DETECTED = {"A", "Y", "Ông", "Phó", "Văn", "Kim", "Sơn", "Giang", "La", "Hoa", "Nay",
                        "Ma", "Sa", "Trà", "Danh", "Ninh", "Yên", "Quan", "Ân", "Lộc", "Hạ",
                        "Hình", "Cung", "Từ", "Thạch", "Châu", "Vi", "Đồng", "Bàn", "Mã"}

SPARQL_PREFIXES = ("PREFIX vnkg: <https://vnkg.org/ontology#>\n"
                   "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
# The model of today's main (ontology/MODEL.md); keep these in step with it.
SPARQL_QUERIES = {
    "count default graph": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "worked-with": """SELECT DISTINCT ?host ?hostLabel ?start ?article WHERE {
  GRAPH ?article {
    ?session vnkg:participant <{official}> ; a vnkg:WorkingSession ; vnkg:host ?host .
    OPTIONAL { ?session vnkg:startDate ?start }
    OPTIONAL { ?session vnkg:endDate ?end }
  }
  OPTIONAL { ?host rdfs:label ?hostLabel }
  FILTER(BOUND(?end) && ?end >= "{from}"^^<http://www.w3.org/2001/XMLSchema#date>)
  FILTER(BOUND(?start) && ?start <= "{to}"^^<http://www.w3.org/2001/XMLSchema#date>)
} ORDER BY ?start ?host""",
    "label by search key": """SELECT DISTINCT ?entity ?label WHERE {
  ?entity vnkg:searchKey "lao cai" .
  OPTIONAL { ?entity rdfs:label ?label }
}""",
}
# Counts of what the store holds, asked once of oxigraph (not timed).
CONTENT_QUERIES = {
    "quads": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "named graphs": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "union COUNT(*)": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "union COUNT(DISTINCT *)": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT * "
                               "WHERE { ?s ?p ?o } }",
    "persons": 'SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e vnkg:entityType "PERSON" }',
    "provinces named": 'SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e vnkg:entityType "PROVINCE" }',
    "working sessions": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a vnkg:WorkingSession }",
}


class StepError(Exception):
    """A step of the run failed; the message says what happened."""


# == 1. corpus =====================================================================================
UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha())
WORD = rf"[{UPPER}][^\W\d_]*"
DATE = re.compile(r"(?<![\d/.,-])(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}))?(?![\d/-]|[.,]\d)")
YEAR = re.compile(r"(?<=năm )(20\d\d)(?!\d)")
MONTH_YEAR = re.compile(r"(?<=tháng )(\d{1,2})/(20\d\d)(?!\d)")


@dataclass
class Lexicon:
    """Names and places the generator draws from (ingest/data), and what it must not rename."""

    surnames: list[str]
    middles: list[str]
    givens: list[str]
    provinces: dict[str, str]  # legacy province name -> kind ("tỉnh", "thành phố")
    places: set[str]  # names that look like people but are places ("Hà Giang", "Thái Nguyên")
    not_name: set[str]
    person_re: re.Pattern[str] = field(init=False)
    province_re: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        detected = sorted((s for s in self.surnames if s not in SURNAME_NOT_DETECTED),
                          key=len, reverse=True)
        self.person_re = re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, detected))})(?:[ \xa0]{WORD}){{1,3}}(?!\w)")
        sources = sorted((p for p in self.provinces if p not in PROVINCE_FIXED), key=len,
                         reverse=True)
        self.province_re = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sources))})(?!\w)")


def load_lexicon() -> Lexicon:
    def read(name: str) -> dict[str, Any]:
        return json.loads((GAZETTEERS / name).read_text(encoding="utf-8"))

    names = read("surnames.json")
    provinces = [p for p in read("provinces.json")["provinces"] if p["era"] == "legacy"]
    places = {p["name"] for p in provinces} | {a for p in provinces for a in p["aliases"]}
    places |= {d["name"] for d in read("districts.json")["districts"]}
    for place in read("places.json")["places"]:
        places |= {place["name"], *place["aliases"]}
    kinh = names["surnames"][:names["surnames"].index("Âu Dương")]  # the Kinh ones, common first
    return Lexicon(surnames=[s for s in kinh if s not in SURNAME_NOT_DETECTED],
                   middles=list(dict.fromkeys(names["common_middle"])), givens=[],
                   provinces={p["name"]: p["kind"] for p in provinces}, places=places,
                   not_name=set(names["not_name"]))


@dataclass
class Template:
    """An article cut into literal text and slots the generator fills per article."""

    title: list[Any]
    text: list[Any]
    anchor: date  # the day the original was published (or its first date)
    persons: list[str]
    provinces: list[str]


def person_name(match: str, lex: Lexicon) -> str | None:
    """The person name a surname match holds, or None (a place, a body, a single word)."""
    words = match.replace("\xa0", " ").split(" ")
    for i in range(1, len(words)):
        if words[i] in lex.not_name or " ".join(words[i:i + 2]) in lex.not_name:
            words = words[:i]
            break
    # three words at least: two-word matches are mostly places and bodies ("phường Hà Mãn",
    # "BV Bạch Mai", "Đoàn Ngoại giao"); real two-word names simply stay as they are
    if len(words) < 3 or any(not w[1:].islower() and len(w) > 1 for w in words):
        return None
    if any(" ".join(words[:k]) in lex.places for k in range(2, len(words) + 1)):
        return None
    return " ".join(words)


def find_slots(text: str, lex: Lexicon, persons: set[str]) -> list[tuple[int, int, tuple]]:
    """Spans to vary: (start, end, slot) with slot ('person', name) | ('province', name) |
    ('date', day, month, year, sep, text) | ('year', y) | ('monthyear', m, y)."""
    spans: list[tuple[int, int, tuple]] = []
    for m in lex.person_re.finditer(text):
        name = person_name(m.group(), lex)
        if name:
            spans.append((m.start(), m.start() + len(name), ("person", name)))
            persons.add(name)
    spans += [(m.start(), m.end(), ("province", m.group()))
              for m in lex.province_re.finditer(text)]
    for m in DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(3))
        if 1 <= day <= 31 and 1 <= month <= 12:
            year = int(m.group(4)) if m.group(4) else None
            spans.append((m.start(), m.end(), ("date", day, month, year, m.group(2), m.group())))
    spans += [(m.start(), m.end(), ("year", int(m.group()))) for m in YEAR.finditer(text)]
    spans += [(m.start(), m.end(), ("monthyear", int(m.group(1)), int(m.group(2))))
              for m in MONTH_YEAR.finditer(text) if 1 <= int(m.group(1)) <= 12]
    return spans


def given_spans(text: str, persons: set[str]) -> list[tuple[int, int, tuple]]:
    """'ông Diên', 'đồng chí Diên': a lone given name standing for a person named in full
    (only after an honorific: 'Trung' or 'Chính' alone are mostly 'Trung ương', 'Chính phủ')."""
    by_given = Counter(p.rsplit(" ", 1)[-1] for p in persons)
    spans = []
    for person in persons:
        given = person.rsplit(" ", 1)[-1]
        if by_given[given] != 1:
            continue
        for m in re.finditer(rf"(?<= ){given}(?![ \xa0]?{WORD})", text):
            before = text[max(0, m.start() - 20):m.start()].split()
            if before and before[-1] in ("ông", "bà", "Ông", "Bà", "chí"):  # ("đồng chí")
                spans.append((m.start(), m.end(), ("given", person)))
    return spans


def cut(text: str, spans: list[tuple[int, int, tuple]]) -> list[Any]:
    """Text and slots in order; a span overlapping an earlier one is dropped."""
    parts: list[Any] = []
    at = 0
    for start, end, slot in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < at:
            continue
        parts += [text[at:start], slot]
        at = end
    parts.append(text[at:])
    return parts


def anchor_of(published: str | None, text: str) -> date:
    """The template's publication day; for the samples (none given), their first dated day."""
    if published:
        return date.fromisoformat(published[:10])
    years = Counter(int(y) for y in YEAR.findall(text) if int(y) <= LAST_DAY.year)
    year = min(years, key=lambda y: (-years[y], y)) if years else 2024  # the most named
    for m in DATE.finditer(text):
        with contextlib.suppress(ValueError):
            return date(int(m.group(4) or year), int(m.group(3)), int(m.group(1)))
    return date(year, 6, 15)


def read_templates(c300: Path, lex: Lexicon) -> list[Template]:
    """The five samples, then c300's articles, cut into slots; fills lex.givens."""
    raw: list[tuple[str, str, str | None]] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
        raw.append((title.strip(), body.strip(), None))
    if not c300.is_file():
        raise StepError(f"{c300} not found (give --c300)")
    with c300.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                a = json.loads(line)
                raw.append((a["title"], a["text"], a.get("published")))
    templates = []
    for title, text, published in raw:
        persons: set[str] = set()
        title_spans, text_spans = find_slots(title, lex, persons), find_slots(text, lex, persons)
        title_spans += given_spans(title, persons)
        text_spans += given_spans(text, persons)
        templates.append(Template(cut(title, title_spans), cut(text, text_spans),
                                  anchor_of(published, title + "\n" + text), sorted(persons),
                                  sorted({s[2][1] for s in title_spans + text_spans
                                          if s[2][0] == "province"})))
    givens = {p.rsplit(" ", 1)[-1] for t in templates for p in t.persons}
    lex.givens = sorted(givens - set(lex.middles) - set(lex.surnames) - lex.not_name)
    return templates


def synthetic_name(k: int, lex: Lexicon) -> str:
    """The k-th synthetic person: distinct k give distinct names (a permutation of the first
    len(surnames) x len(middles) x len(givens), then mixed radix)."""
    size = len(lex.givens) * len(lex.middles) * len(lex.surnames)
    k = (k % size) * 7919 % size + k // size * size  # 7919, a prime: no factor of size
    k, given = divmod(k, len(lex.givens))
    k, middle = divmod(k, len(lex.middles))
    k, surname = divmod(k, len(lex.surnames))
    extra = f" {lex.givens[(k - 1) % len(lex.givens)]}" if k else ""
    return f"{lex.surnames[surname]} {lex.middles[middle]}{extra} {lex.givens[given]}"


@dataclass
class Variation:
    """One article's choices: new names, provinces and the day shift."""

    names: dict[str, str]
    provinces: dict[str, str]
    anchor: date
    published: date

    def fill(self, slot: tuple) -> str:
        kind = slot[0]
        if kind == "person":
            return self.names[slot[1]]
        if kind == "given":
            return self.names[slot[1]].rsplit(" ", 1)[-1]
        if kind == "province":
            return self.provinces[slot[1]]
        if kind == "year":
            y = slot[1]
            return str(y + self.published.year - self.anchor.year if y <= self.anchor.year + 1
                       else y)
        if kind == "monthyear":
            shift = (self.published.year - self.anchor.year) * 12 + self.published.month - \
                self.anchor.month
            y, m = divmod(slot[2] * 12 + slot[1] - 1 + shift, 12)
            return f"{m + 1}/{y}"
        return self.fill_date(slot)

    def fill_date(self, slot: tuple) -> str:
        _, day, month, year, sep, original = slot
        try:
            when = date(year or self.anchor.year, month, day)
            if year is None and when > self.anchor + timedelta(days=45):
                when = when.replace(year=when.year - 1)
        except ValueError:
            return original
        new = when + (self.published - self.anchor)
        text = f"{new.day:0{len(original.split(sep)[0])}d}{sep}{new.month}"
        return f"{text}{sep}{new.year}" if year else text


def vary(template: Template, rng: random.Random, lex: Lexicon, people: int) -> Variation:
    names = {}
    for person in template.persons:
        if person == STAR or rng.random() < KEEP_NAME:
            names[person] = person
        else:  # a skewed draw: a few people recur often, most rarely
            names[person] = synthetic_name(int(people * rng.random() ** 2), lex)
    provinces = {}
    for province in template.provinces:
        kind = lex.provinces[province]
        same_kind = [p for p, k in lex.provinces.items() if k == kind]
        provinces[province] = province if rng.random() < KEEP_NAME else rng.choice(same_kind)
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    return Variation(names, provinces, template.anchor, published)


def tenth_bounds(n: int) -> list[int]:
    """Where each tenth of n articles starts (article i is in tenth 10 * i // n), and n."""
    return [-(-n * k // 10) for k in range(11)]


def articles(templates: list[Template], lex: Lexicon, n: int, seed: int,
             stats: Counter) -> Iterator[dict[str, str]]:
    """The corpus, lazily; `stats` counts what it used (people, provinces, the star's months)."""
    people = max(200, n)  # the pool of synthetic people grows with the corpus
    bounds = tenth_bounds(n)
    for i in range(n):
        # every tenth of the corpus runs through the templates from the first one, so that
        # the tenths hold the same texts (but other names, places, dates) and compare fairly
        tenth = 10 * i // n
        start, size = bounds[tenth], bounds[tenth + 1] - bounds[tenth]
        template = templates[(i - start) * max(1, len(templates) // max(size, 1))
                             % len(templates)]
        rng = random.Random(f"{seed}:{i}")
        v = vary(template, rng, lex, people)
        stats.update(f"person {name}" for name in set(v.names.values()))
        stats.update(f"province {p}" for p in set(v.provinces.values()))
        if STAR in v.names:
            stats[f"star {v.published:%Y-%m}"] += 1
        yield {"id": f"scale-{seed}-{i:06d}",
               "title": "".join(p if isinstance(p, str) else v.fill(p) for p in template.title),
               "text": "".join(p if isinstance(p, str) else v.fill(p) for p in template.text),
               "published": v.published.isoformat()}


def write_corpus(path: Path, n: int, seed: int, c300: Path) -> dict[str, Any]:
    lex = load_lexicon()
    templates = read_templates(c300, lex)
    stats: Counter = Counter()
    start = time.perf_counter()
    with path.open("w", encoding="utf-8") as out:
        for article in articles(templates, lex, n, seed, stats):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    star_months = {k[5:]: c for k, c in stats.items() if k.startswith("star ")}
    month = max(sorted(star_months), key=star_months.__getitem__) if star_months else "2024-08"
    return {"file": str(path), "articles": n, "seed": seed, "templates": len(templates),
            "mb": round(path.stat().st_size / 2**20, 1),
            "seconds": round(time.perf_counter() - start, 1),
            "distinct people": sum(1 for k in stats if k.startswith("person ")),
            "distinct provinces": sum(1 for k in stats if k.startswith("province ")),
            "star articles": sum(star_months.values()), "star month": month}


# == 2. ingest =====================================================================================
COUNT_OF_TOTAL = re.compile(r"(\d[\d,]*)\s*/\s*(\d[\d,]*)(?![\d,])")
COUNT_ALONE = re.compile(r"(?:(\d[\d,]*)\s*(?:articles?|it)\b)|(?:\bingested (\d[\d,]*))")


def progress_count(line: str, total: int) -> int | None:
    """The article count a progress line shows ('123/1000 [...', '1,234/100,000 articles',
    '123article [...', 'ingested 123')."""
    for m in COUNT_OF_TOTAL.finditer(line):
        if int(m.group(2).replace(",", "")) == total:
            return int(m.group(1).replace(",", ""))
    m = COUNT_ALONE.search(line)
    return int((m.group(1) or m.group(2)).replace(",", "")) if m else None


def _stat_fields(path: str) -> tuple[str, list[str]] | None:
    """A /proc stat file's name (comm) and the fields after it; None when it is gone."""
    try:
        stat = Path(path).read_text()
    except OSError:
        return None
    return stat[stat.find("(") + 1:stat.rfind(")")], stat[stat.rfind(")") + 2:].split()


def tree_pids(pid: int) -> tuple[list[int], dict[int, int]]:
    """A process and all its descendants (from /proc), with each one's resident pages."""
    parents: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        got = _stat_fields(f"/proc/{entry}/stat") if entry.isdigit() else None
        if got:
            parents.setdefault(int(got[1][1]), []).append(int(entry))
            rss[int(entry)] = int(got[1][21])
    todo, tree = [pid], []
    while todo:
        p = todo.pop()
        tree.append(p)
        todo += parents.get(p, [])
    return tree, rss


def tree_rss_mb(tree: list[int], rss: dict[int, int]) -> float:
    """Resident memory of the processes of `tree` (what `tree_pids` gives), in MB."""
    return sum(rss.get(p, 0) for p in tree) * os.sysconf("SC_PAGE_SIZE") / 2**20


CPU_ROLES = ("main thread", "other threads", "store (RocksDB)", "child processes")


def cpu_seconds(fields: list[str]) -> float:
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def look_at_cpu(pid: int, tree: list[int], seen: dict[tuple[int, str], float]) -> None:
    """Record, by role, the CPU seconds so far of the CLI process `pid` and its children:
    its main thread, its RocksDB threads (flushes, compaction), its other threads (the commit
    thread, the pool's feeders, counted with the threads that have ended) and its child
    processes (extraction workers, a Dask cluster; `tree`, from `tree_pids`). The last look
    stands for the run."""
    for p in tree:
        whole = _stat_fields(f"/proc/{p}/stat")
        if whole is None:
            continue
        if p != pid:
            seen[(p, "child processes")] = cpu_seconds(whole[1])
            continue
        main = store = 0.0
        try:
            threads = os.listdir(f"/proc/{p}/task")
        except OSError:  # it ended meanwhile
            continue
        for tid in threads:
            thread = _stat_fields(f"/proc/{p}/task/{tid}/stat")
            if thread is None:
                continue
            if int(tid) == pid:
                main = cpu_seconds(thread[1])
            elif thread[0].startswith("rocksdb"):
                store += cpu_seconds(thread[1])
        seen[(p, "main thread")] = main
        seen[(p, "store (RocksDB)")] = store
        seen[(p, "other threads")] = cpu_seconds(whole[1]) - main - store


def cpu_by_role(seen: dict[tuple[int, str], float]) -> dict[str, float]:
    return {role: round(sum(v for (_, r), v in seen.items() if r == role), 1)
            for role in CPU_ROLES}


@dataclass
class Watched:
    """What one ingest child showed: progress points (seconds since start, count), its log."""

    points: list[tuple[float, int]] = field(default_factory=list)
    peak_tree_mb: float = 0.0
    rss: list[tuple[float, float]] = field(default_factory=list)  # (seconds, tree RSS MB)
    stopped: str | None = None
    returncode: int | None = None
    tail: list[str] = field(default_factory=list)
    cpu: dict[tuple[int, str], float] = field(default_factory=dict)  # see look_at_cpu


def read_pty(fd: int, start: float, total: int, seen: Watched, log: Any) -> None:
    pending = ""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        now = time.perf_counter() - start
        log.write(chunk.decode("utf-8", "replace"))
        pending += chunk.decode("utf-8", "replace")
        *lines, pending = re.split(r"[\r\n]", pending)
        for line in filter(None, (s.strip() for s in lines)):
            seen.tail = [*seen.tail[-9:], line]
            count = progress_count(line, total)
            if count is not None and (not seen.points or count >= seen.points[-1][1]):
                seen.points.append((now, count))


def run_watched(cmd: list[str], total: int, log_path: Path, timeout: float,
                max_rss_mb: float) -> Watched:
    """Run an ingest under a pseudo-terminal (its progress bar on), sampling its memory."""
    seen = Watched()
    master, slave = pty.openpty()
    # a 0x0 terminal makes tqdm draw an empty bar: give it a size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    start = time.perf_counter()
    env = {**os.environ, "COLUMNS": "160", "PYTHONUNBUFFERED": "1"}
    with log_path.open("a", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                                env=env, cwd=ROOT, start_new_session=True)
        os.close(slave)
        reader = threading.Thread(target=read_pty, args=(master, start, total, seen, log))
        reader.start()
        told = 0.0
        while proc.poll() is None:
            elapsed = time.perf_counter() - start
            tree, rss = tree_pids(proc.pid)  # one walk of /proc for memory and CPU
            seen.rss.append((elapsed, tree_rss_mb(tree, rss)))
            seen.peak_tree_mb = max(seen.peak_tree_mb, seen.rss[-1][1])
            look_at_cpu(proc.pid, tree, seen.cpu)
            if elapsed - told >= 60 and seen.points:  # a sign of life on long runs
                told = elapsed
                print(f"   {elapsed:6.0f} s: {seen.points[-1][1]:,}/{total:,} articles, "
                      f"{seen.peak_tree_mb:,.0f} MB peak", flush=True)
            if timeout and elapsed > timeout:
                seen.stopped = f"stopped by --ingest-timeout after {elapsed:.0f} s"
            elif max_rss_mb and seen.peak_tree_mb > max_rss_mb:
                seen.stopped = f"stopped by --max-rss-mb at {seen.peak_tree_mb:.0f} MB"
            if seen.stopped:
                stop_group(proc)
                break
            time.sleep(0.25)
        seen.returncode = proc.wait()
        reader.join(timeout=10)
        os.close(master)
    return seen


@dataclass
class Clock:
    """When the article count reached c: linear between progress points, from the first article
    counted (so start-up, loading the pipeline and opening the store, comes before it)."""

    times: list[float]
    counts: list[int]

    @classmethod
    def of(cls, points: list[tuple[float, int]]) -> Clock | None:
        points = [p for p in points if p[1] > 0]
        return cls([p[0] for p in points], [p[1] for p in points]) if points else None

    def at(self, c: float) -> float:
        times, counts = self.times, self.counts
        i = bisect.bisect_left(counts, c)
        if i == 0:
            return times[0]
        if i == len(counts) or counts[i] == c or counts[i] == counts[i - 1]:
            return times[min(i, len(counts) - 1)]
        return times[i - 1] + (times[i] - times[i - 1]) * (c - counts[i - 1]) / (
            counts[i] - counts[i - 1])


def tenths(points: list[tuple[float, int]], n: int) -> list[float | None]:
    """ms per article in each tenth, from when the count crossed each tenth's bounds."""
    clock = Clock.of(points)
    result: list[float | None] = []
    for k in range(10):
        if clock is None:
            result.append(None)
            continue
        low, high = max(n * k / 10, clock.counts[0]), n * (k + 1) / 10
        ok = high <= clock.counts[-1] and high > low
        result.append(round((clock.at(high) - clock.at(low)) / (high - low) * 1000, 2)
                      if ok else None)
    return result


def rss_by_tenth(points: list[tuple[float, int]], rss: list[tuple[float, float]],
                 n: int) -> list[int | None]:
    """The process tree's peak RSS (MB) up to the end of each tenth: how memory grows."""
    clock = Clock.of(points)
    result: list[int | None] = []
    for k in range(10):
        high = n * (k + 1) / 10
        if clock is None or high > clock.counts[-1]:
            result.append(None)
            continue
        until = clock.at(high)
        result.append(round(max((mb for t, mb in rss if t <= until), default=0)))
    return result


def ingest_once(corpus: Path, store: Path, n: int, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [str(BIN / "vnkg"), "ingest", str(corpus), "--store", str(store),
           "--workers", str(args.workers)]
    start = time.perf_counter()
    seen = run_watched(cmd, n, args.out / "ingest.log", args.ingest_timeout, args.max_rss_mb)
    wall = time.perf_counter() - start
    done = seen.points[-1][1] if seen.points else 0
    if not seen.points and not seen.stopped and seen.returncode not in (0, 1):
        raise StepError(f"vnkg ingest exited {seen.returncode}: {' | '.join(seen.tail[-3:])}")
    first = next((t for t, c in seen.points if c > 0), None)
    return {"mode": "one CLI run, progress bar timed", "wall s": round(wall, 1),
            "articles done": done, "exit code": seen.returncode, "stopped": seen.stopped,
            "start-up s (to first article counted)": round(first, 1) if first else None,
            "ms per article by tenth": tenths(seen.points, n),
            "ms per article overall": round(wall / done * 1000, 1) if done else None,
            "peak tree RSS MB (sampled)": round(seen.peak_tree_mb),
            "peak tree RSS MB by tenth": rss_by_tenth(seen.points, seen.rss, n),
            "progress points":
            len(seen.points), "last lines": seen.tail[-3:]}


def ingest_slices(corpus: Path, store: Path, n: int, args: argparse.Namespace) -> dict[str, Any]:
    """Ten CLI calls on ten equal slices; each slice's time includes the CLI's start-up."""
    slices = [args.out / f"slice-{k}.jsonl" for k in range(10)]
    bounds = tenth_bounds(n)
    with corpus.open(encoding="utf-8") as lines:
        for k, path in enumerate(slices):
            with path.open("w", encoding="utf-8") as out:
                for _ in range(bounds[k + 1] - bounds[k]):
                    out.write(next(lines))
    per, peak, stopped, wall, code = [], 0.0, None, 0.0, 0
    for k, path in enumerate(slices):
        size = bounds[k + 1] - bounds[k]
        cmd = [str(BIN / "vnkg"), "ingest", str(path), "--store", str(store),
               "--workers", str(args.workers)]
        start = time.perf_counter()
        left = args.ingest_timeout - wall if args.ingest_timeout else 0
        seen = run_watched(cmd, size, args.out / "ingest.log", max(left, 1e-3) if left else 0,
                           args.max_rss_mb)
        took = time.perf_counter() - start
        wall, peak, code = wall + took, max(peak, seen.peak_tree_mb), seen.returncode or code
        if seen.stopped:
            stopped = f"slice {k}: {seen.stopped}"
            break
        per.append(round(took / size * 1000, 2) if size else None)
    return {"mode": "10 CLI calls (start-up in each slice)", "wall s": round(wall, 1),
            "articles done": bounds[len(per)],
            "exit code": code, "stopped": stopped,
            "ms per article by tenth": per + [None] * (10 - len(per)),
            "ms per article overall": round(wall / n * 1000, 1) if len(per) == 10 else None,
            "peak tree RSS MB (sampled)": round(peak)}


def ingest(corpus: Path, n: int, args: argparse.Namespace) -> dict[str, Any]:
    store = args.out / "store"
    if store.exists():
        shutil.rmtree(store)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = (ingest_slices if args.slices else ingest_once)(corpus, store, n, args)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak RSS MB (getrusage, largest process)"] = (
        round(peak / 1024) if peak > before else f"<= {round(before / 1024)}")
    result["store MB"] = round(folder_bytes(store) / 2**20, 1)  # before any compaction
    per = [t for t in result["ms per article by tenth"] if t]
    first, last = result["ms per article by tenth"][0], result["ms per article by tenth"][-1]
    result["last/first tenth"] = round(last / first, 2) if first and last else None
    if result.get("stopped"):
        result["note"] = ("'articles done' is what the progress bar counted; with batched "
                          "writes the store may hold fewer (see the named graphs count)")
    if not per:
        result["note"] = ("no per-tenth figures: the CLI showed no progress count this script "
                          "understands (see ingest.log); try --slices")
    return result


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# == 3-4. servers and latency ======================================================================
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_group(proc: subprocess.Popen) -> None:
    """Stop a child started in its own session: SIGTERM to its group, then SIGKILL."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@contextlib.contextmanager
def server(name: str, cmd: list[str], probe: str, log: Path) -> Iterator[str]:
    """Start a server, wait until `probe` answers, yield nothing but keep it up; stop it."""
    import httpx

    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out, cwd=ROOT,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while True:
            if proc.poll() is not None:
                tail = log.read_text(encoding="utf-8", errors="replace").strip()[-400:]
                raise StepError(f"{name} exited {proc.returncode} before answering: {tail}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(probe, timeout=5).status_code < 500:
                    break
            if time.monotonic() > deadline:
                raise StepError(f"{name} did not answer {probe} within 300 s")
            time.sleep(0.5)
        yield name
    finally:
        stop_group(proc)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return round(statistics.median(ordered), 2), round(p99, 2)


def answer_size(response: Any) -> int | None:
    """Rows of a SPARQL JSON answer, items of a REST page, else None."""
    try:
        body = response.json()
    except ValueError:
        return None
    if isinstance(body, dict) and "results" in body:
        return len(body["results"].get("bindings", []))
    if isinstance(body, dict):
        for key in ("items", "events", "hits"):
            if isinstance(body.get(key), list):
                return len(body[key])
    return len(body) if isinstance(body, list) else None


def time_route(client: Any, url: str, headers: dict[str, str], args: argparse.Namespace
               ) -> dict[str, Any]:
    """`--repeat` sequential GETs after `--warmup`, stopping early past `--route-budget` s:
    `time_side_by_side` with one server."""
    return time_side_by_side([(client, url)], headers, args, block=1)[0]


def sparql_texts(window: tuple[str, str], base: str) -> dict[str, str]:
    official = f"{base}/person/{STAR_ID}"
    return {name: SPARQL_PREFIXES + q.replace("{official}", official)
            .replace("{from}", window[0]).replace("{to}", window[1])
            for name, q in SPARQL_QUERIES.items()}


def rest_routes(window: tuple[str, str]) -> dict[str, str]:
    return {
        "search ?q=lao+cai": "/api/search?q=lao+cai",
        "worked-with": f"/api/officials/{STAR_ID}/worked-with?from={window[0]}&to={window[1]}",
        "official page": f"/api/officials/{STAR_ID}",
        "province page": f"/api/provinces/{PROVINCE_ID}",
        "events of a province": f"/api/events?province={PROVINCE_ID}",
        "stats": "/api/stats",
    }


SPARQL_JSON = {"Accept": "application/sparql-results+json"}


def month_window(month: str) -> tuple[str, str]:
    year, mon = map(int, month.split("-"))
    return f"{month}-01", f"{month}-{calendar.monthrange(year, mon)[1]:02d}"


def show(kind: str, name: str, figures: dict[str, Any]) -> None:
    if "error" in figures:
        print(f"  {kind:8} {name:24} error: {figures['error']}", flush=True)
    else:
        print(f"  {kind:8} {name:24} p50 {figures['p50 ms']:9.2f} ms  p99 {figures['p99 ms']:9.2f}"
              f" ms  ({figures['requests']} requests, {figures['rows']} rows)", flush=True)


def time_side_by_side(clients: list[tuple[Any, str]], headers: dict[str, str],
                      args: argparse.Namespace, block: int = 10) -> list[dict[str, Any]]:
    """GETs of each server's `url` (`--warmup`, then `--repeat` each, stopping early past
    `--route-budget` s), the servers in alternating blocks of `block` requests: a machine
    whose speed drifts over minutes (this one's small requests vary by a quarter from one
    minute to the next) then weighs on every server alike, which a run of one server after
    the other does not."""
    import httpx

    out: list[dict[str, Any]] = []
    for client, url in clients:
        try:
            for _ in range(args.warmup):
                first = client.get(url, headers=headers)
        except httpx.HTTPError as e:
            return [{"error": f"{type(e).__name__} {e}".strip()}] * len(clients)
        out.append({"first": first, "samples": [], "errors": 0})
    start = time.monotonic()
    while len(out[0]["samples"]) < args.repeat and time.monotonic() - start < args.route_budget:
        for (client, url), seen in zip(clients, out, strict=True):
            for _ in range(block):
                t0 = time.perf_counter()
                try:
                    seen["errors"] += client.get(url, headers=headers).status_code >= 400
                except httpx.HTTPError:
                    seen["errors"] += 1
                seen["samples"].append((time.perf_counter() - t0) * 1000)
    results = []
    for seen in out:
        if seen["first"].status_code >= 400:
            results.append({"error": f"HTTP {seen['first'].status_code}: "
                                     f"{seen['first'].text[:200]}"})
            continue
        p50, p99 = percentiles(seen["samples"])
        results.append({"p50 ms": p50, "p99 ms": p99, "requests": len(seen["samples"]),
                        "errors": seen["errors"], "rows": answer_size(seen["first"])})
    return results


def measure_servers(args: argparse.Namespace, window: tuple[str, str]) -> dict[str, Any]:
    """`vnkg serve` on the store and `oxigraph serve` on a copy of it, both up at once: the
    REST routes on vnkg, then each SPARQL query on both side by side (`time_side_by_side`),
    then counts of what the store holds, asked of oxigraph."""
    import httpx

    copy = oxigraph_copy(args)
    vnkg_url, oxi_url = f"http://127.0.0.1:{free_port()}", f"http://127.0.0.1:{free_port()}"
    vnkg_cmd = [str(BIN / "vnkg"), "serve", "--store", str(args.out / "store"), "--port",
                vnkg_url.rsplit(":", 1)[1]]
    oxi_cmd = [str(BIN / "oxigraph"), "serve", "--location", str(rocksdb_folder(copy)),
               "--bind", oxi_url.removeprefix("http://"), "--union-default-graph"]
    vnkg: dict[str, Any] = {"window": list(window), "rest": {}, "sparql": {}}
    oxi: dict[str, Any] = {"sparql": {}}
    try:
        with server("vnkg serve", vnkg_cmd, f"{vnkg_url}/openapi.json",
                    args.out / "vnkg-serve.log"), \
                server("oxigraph serve", oxi_cmd, f"{oxi_url}/query?query=ASK%7B%7D",
                       args.out / "oxigraph-serve.log"), \
                httpx.Client(base_url=vnkg_url, timeout=args.request_timeout) as vc, \
                httpx.Client(base_url=oxi_url, timeout=args.request_timeout) as oc:
            for name, path in rest_routes(window).items():
                vnkg["rest"][name] = time_route(vc, path, {}, args)
                show("REST", name, vnkg["rest"][name])
            for name, text in sparql_texts(window, args.base).items():
                vnkg["sparql"][name], oxi["sparql"][name] = time_side_by_side(
                    [(vc, f"/sparql?query={quote(text)}"), (oc, f"/query?query={quote(text)}")],
                    SPARQL_JSON, args)
                show("/sparql", name, vnkg["sparql"][name])
                show("oxigraph", name, oxi["sparql"][name])
            oxi["store contents"] = count_contents(oc)
    finally:
        if not args.keep_copy:
            shutil.rmtree(copy, ignore_errors=True)
    return {"vnkg serve": vnkg, "oxigraph serve": oxi}


def rocksdb_folder(root: Path) -> Path:
    """The folder of the copy that holds the Oxigraph (RocksDB) store: the one with CURRENT."""
    found = sorted((p.parent for p in root.rglob("CURRENT")), key=lambda p: len(p.parts))
    if not found:
        raise StepError(f"no RocksDB store (a CURRENT file) under {root}")
    return found[0]


def count_contents(client: Any) -> dict[str, Any]:
    counts: dict[str, Any] = {}
    for name, query in CONTENT_QUERIES.items():
        try:
            r = client.get(f"/query?query={quote(SPARQL_PREFIXES + query)}", headers=SPARQL_JSON)
            r.raise_for_status()
            counts[name] = int(r.json()["results"]["bindings"][0]["n"]["value"])
        except Exception as e:  # a count is informative only: note it and go on
            counts[name] = f"error: {type(e).__name__} {e}"[:200]
    return counts


def oxigraph_copy(args: argparse.Namespace) -> Path:
    """A copy of the store for `oxigraph serve` (taken while no vnkg process has it open)."""
    exe = BIN / "oxigraph"
    if not exe.exists():
        raise StepError(f"{exe} missing: pip install -e '.[dev]' (it brings oxigraph)")
    copy = args.out / "oxigraph-copy"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(args.out / "store", copy)
    (rocksdb_folder(copy) / "LOCK").unlink(missing_ok=True)
    return copy


# == 5. report =====================================================================================
def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}" if isinstance(value, float) else str(value)


def print_ingest(ing: dict[str, Any]) -> None:
    print(f"ingest ({ing['mode']}): {fmt(ing['articles done'])} articles in "
          f"{fmt(ing['wall s'])} s, {fmt(ing['ms per article overall'])} ms/article overall"
          + (f"; {ing['stopped']}" if ing.get("stopped") else "")
          + (f"; exit code {ing['exit code']}: {' | '.join(ing.get('last lines', []))}"
             if ing.get("exit code") else ""))
    startup = ing.get("start-up s (to first article counted)")
    print("  ms/article by tenth: " + " | ".join(fmt(t) for t in ing["ms per article by tenth"])
          + f"   last/first = {fmt(ing['last/first tenth'], 2)}"
          + (f"   (start-up {fmt(startup)} s, not in the tenths)" if startup else ""))
    print(f"  peak RSS {fmt(ing['peak RSS MB (getrusage, largest process)'])} MB (largest "
          f"process), {fmt(ing['peak tree RSS MB (sampled)'])} MB (process tree, sampled); "
          f"store {fmt(ing['store MB'])} MB on disk after ingest")
    if any(ing.get("peak tree RSS MB by tenth", [])):
        print("  peak RSS MB by tenth: "
              + " | ".join(fmt(m) for m in ing["peak tree RSS MB by tenth"]))


def print_latency(vnkg: dict[str, Any], oxi: dict[str, Any]) -> None:
    print(f"{'latency, 1 client (ms)':32} {'p50':>9} {'p99':>9} {'n':>5} {'rows':>6}")
    for name, f in vnkg.get("rest", {}).items():
        if "error" in f:
            print(f"  REST {name:27} error: {f['error'][:80]}")
        else:
            print(f"  REST {name:27} {f['p50 ms']:9.2f} {f['p99 ms']:9.2f} {f['requests']:5}"
                  f" {fmt(f['rows']):>6}")
    print(f"{'SPARQL (ms)':32} {'vnkg p50':>9} {'p99':>9} {'oxigraph':>9} {'p99':>9} "
          f"{'ratio p50':>9} {'rows v/o':>9}")
    for name, v in vnkg.get("sparql", {}).items():
        o = oxi.get("sparql", {}).get(name, {})
        ratio = v["p50 ms"] / o["p50 ms"] if "p50 ms" in v and o.get("p50 ms") else None
        print(f"  {name:30} {fmt(v.get('p50 ms'), 2):>9} {fmt(v.get('p99 ms'), 2):>9} "
              f"{fmt(o.get('p50 ms'), 2):>9} {fmt(o.get('p99 ms'), 2):>9} {fmt(ratio, 2):>9} "
              f"{fmt(v.get('rows'))}/{fmt(o.get('rows'))}".rstrip()
              + (f"  vnkg error: {v['error'][:60]}" if "error" in v else "")
              + (f"  oxigraph error: {o['error'][:60]}" if "error" in o else ""))


def print_report(results: dict[str, Any]) -> None:
    print(f"\n== bench/scale.py, {results['articles']:,} articles, seed {results['seed']}, "
          f"commit {results['commit']}")
    corpus = results.get("corpus", {})
    if "error" not in corpus:
        print(f"corpus: {corpus.get('mb')} MB from {corpus.get('templates')} templates, "
              f"{fmt(corpus.get('distinct people'))} distinct people, "
              f"{corpus.get('distinct provinces')} provinces, {STAR} in "
              f"{corpus.get('star articles')} articles (most in {corpus.get('star month')})")
    ingest_result = results.get("ingest", {})
    if "mode" in ingest_result:
        print_ingest(ingest_result)
    if "vnkg serve" in results or "oxigraph serve" in results:
        print_latency(results.get("vnkg serve", {}), results.get("oxigraph serve", {}))
    if "store MB at the end" in results:
        print(f"store {fmt(results['store MB at the end'])} MB on disk after the servers opened it")
    contents = results.get("oxigraph serve", {}).get("store contents", {})
    if contents:
        print("store contents: " + ", ".join(f"{k} {fmt(v)}" for k, v in contents.items()))
    for name in results["failed steps"]:
        print(f"FAILED step {name}: {results[name].get('error')}")


# == main ==========================================================================================
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", "-n", type=int, required=True, help="corpus size N")
    p.add_argument("--out", type=Path, help="work folder (default var/scale/N)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--workers", type=int, default=0,
                   help="vnkg ingest --workers: processes that extract while one writes")
    p.add_argument("--c300", type=Path, default=C300, help="the 300 real articles (JSON Lines)")
    p.add_argument("--reuse", action="store_true",
                   help="keep OUT's corpus and store from an earlier run; only measure latency")
    p.add_argument("--slices", action="store_true",
                   help="ingest in 10 CLI calls on 10 slices instead of timing one run")
    p.add_argument("--ingest-timeout", type=float, default=0, help="seconds; 0: none")
    p.add_argument("--max-rss-mb", type=float, default=0, help="stop ingest above; 0: none")
    p.add_argument("--repeat", type=int, default=200, help="requests per route")
    p.add_argument("--warmup", type=int, default=3, help="requests before timing")
    p.add_argument("--route-budget", type=float, default=60,
                   help="stop timing a route after this many seconds")
    p.add_argument("--request-timeout", type=float, default=60)
    p.add_argument("--keep-copy", action="store_true", help="keep oxigraph's copy of the store")
    args = p.parse_args(argv)
    if args.articles < 1:
        p.error("--articles must be at least 1")
    args.out = (args.out or ROOT / "var" / "scale" / str(args.articles)).resolve()
    args.base = os.environ.get("VNKG_BASE_IRI", "https://vnkg.org/id").rstrip("/")
    return args


def run_step(results: dict[str, Any], name: str, fn: Callable[[], dict[str, Any]]) -> bool:
    print(f"\n== {name}", flush=True)
    start = time.perf_counter()
    try:
        results[name] = fn()
    except Exception as e:  # a benchmark goes on where it can; the step is named in the report
        message = str(e) if isinstance(e, StepError) else f"{type(e).__name__}: {e}"
        results[name] = {"error": message}
        results["failed steps"].append(name)
        print(f"step '{name}' failed: {message}", file=sys.stderr, flush=True)
        return False
    print(f"   ({name}: {time.perf_counter() - start:.1f} s)", flush=True)
    return True


def corpus_step(args: argparse.Namespace) -> dict[str, Any]:
    saved = args.out / "corpus.json"
    if args.reuse:
        if not saved.is_file() or not (args.out / "store").is_dir():
            raise StepError(f"--reuse: no corpus.json and store/ in {args.out}")
        return json.loads(saved.read_text(encoding="utf-8"))
    info = write_corpus(args.out / "corpus.jsonl", args.articles, args.seed, args.c300)
    saved.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(info, ensure_ascii=False))
    return info


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    if subprocess.run(["git", "status", "--porcelain", "--", "graph", "api", "ingest", "queries",
                       "ontology"], cwd=ROOT, capture_output=True, text=True).stdout.strip():
        commit += "+uncommitted changes"  # the code measured is not exactly the commit's
    results: dict[str, Any] = {"articles": args.articles, "seed": args.seed, "commit": commit,
                               "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                               "cores": os.cpu_count(), "out": str(args.out),
                               "failed steps": []}
    corpus_ok = run_step(results, "corpus", lambda: corpus_step(args))
    if corpus_ok and not args.reuse and run_step(
            results, "ingest", lambda: ingest(args.out / "corpus.jsonl", args.articles, args)):
        print_ingest(results["ingest"])
    window = month_window(results["corpus"].get("star month", "2024-08"))
    if (args.out / "store").is_dir() and \
            run_step(results, "servers", lambda: measure_servers(args, window)):
        results.update(results.pop("servers"))
    if (args.out / "store").is_dir():  # opening the store compacts it: the size in the end
        results["store MB at the end"] = round(folder_bytes(args.out / "store") / 2**20, 1)
    print_report(results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"scale-{args.articles}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwritten {path.relative_to(ROOT)}")
    return 1 if results["failed steps"] else 0


if __name__ == "__main__":
    sys.exit(main())
