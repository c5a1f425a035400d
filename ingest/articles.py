"""Readers: article files (.txt with optional front matter, .jsonl) into `Article` records.

A bad file raises `ArticleError` naming the file; `read_articles` reports it and goes on, so one
broken article never stops a batch.
"""

from __future__ import annotations

import glob
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ingest.facts import ArticleFacts
from ingest.text import nfc_vi

__all__ = ["ARTICLE_ID", "MAX_ID_LENGTH", "Article", "ArticleError", "check_article_id",
           "count_articles", "expand_paths", "id_problem", "read_articles", "read_file"]

SUFFIXES = (".txt", ".jsonl")
_FRONT_KEYS = {"url", "published", "source", "title", "id"}


class ArticleError(ValueError):
    """An article that cannot be read; the message names the file (and line for .jsonl)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


# An article id names a file (`vnkg extract` writes <id>.json), a graph IRI and a REST path: the
# same rule at every door (readers, the service, POST /api/articles).
ARTICLE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")
MAX_ID_LENGTH = 200


def id_problem(article_id: str) -> str | None:
    """Why `article_id` cannot be an article id, or None when it can.

    >>> [id_problem(i) for i in ("2024-09-05_cao-bang.v2", "..", "../../x", "/abs", "a b")]
    [None, "'..' is not an article id", "'../../x' is not an article id: use only letters, \
digits, '_', '.' and '-'", "'/abs' is not an article id: use only letters, digits, '_', '.' and \
'-'", "'a b' is not an article id: use only letters, digits, '_', '.' and '-'"]
    """
    if article_id in (".", ".."):
        return f"{article_id!r} is not an article id"
    if not ARTICLE_ID.fullmatch(article_id):  # not .match: '$' would let a final \n in
        return (f"{article_id!r} is not an article id: use only letters, digits, '_', '.' "
                "and '-'")
    if len(article_id) > MAX_ID_LENGTH:
        return f"article id of {len(article_id)} characters: at most {MAX_ID_LENGTH}"
    return None


def check_article_id(article_id: str, where: str) -> str:
    """`article_id`, or an `ArticleError` naming `where` and saying what is wrong with it."""
    problem = id_problem(article_id)
    if problem:
        raise ArticleError(where, problem)
    return article_id


@dataclass(frozen=True)
class Article:
    """One news article. `text` is the title, a blank line, then the body: offsets index it."""

    id: str
    title: str
    body: str
    url: str | None = None
    published: date | None = None
    source: str | None = None
    path: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}" if self.body else self.title


def _parse_date(value: str | None, where: str) -> date | None:
    if value is None or not str(value).strip():
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ArticleError(where, f"'published' is not a YYYY-MM-DD date: {value!r}") from None


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ArticleError(str(path), f"cannot read: {err.strerror or err}") from None
    if b"\x00" in raw[:8192]:
        raise ArticleError(str(path), "binary file, not a text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(str(path), f"not UTF-8 text (byte {err.start})") from None
    return nfc_vi(text.replace("\r\n", "\n").replace("\r", "\n"))


# A source named at the foot of the body: "Nguồn Công Thương: https://…" or a bare URL line.
_SOURCE_LINE = re.compile(r"^\s*(?:Nguồn\b[^:\n]*:\s*)?(https?://\S+)\s*$", re.M)


def parse_txt(text: str, article_id: str, where: str) -> Article:
    """Parse the .txt form: optional `---` front matter, then a title line, then the body.

    >>> text = "---\\nurl: https://x.vn/a\\npublished: 2024-08-30\\n---\\nTitle\\n\\nBody."
    >>> a = parse_txt(text, "a", "a.txt")
    >>> (a.title, a.body, a.url, str(a.published))
    ('Title', 'Body.', 'https://x.vn/a', '2024-08-30')
    """
    meta: dict[str, str] = {}
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        except StopIteration:
            raise ArticleError(where, "front matter opened with '---' is never closed") from None
        for number, line in enumerate(lines[1:end], start=2):
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            if not sep or not key.strip():
                raise ArticleError(where, f"line {number}: front matter needs 'key: value'")
            meta[key.strip().lower()] = value.strip()
        lines = lines[end + 1:]
    body_lines = list(lines)
    while body_lines and not body_lines[0].strip():
        body_lines.pop(0)
    if not body_lines:
        raise ArticleError(where, "empty article: no title and no text")
    title = meta.get("title") or body_lines.pop(0).strip()
    body = "\n".join(body_lines).strip()
    if not title.strip() and not body:
        raise ArticleError(where, "empty article")
    url = meta.get("url") or meta.get("source")
    if not url:
        found = _SOURCE_LINE.search(body)
        url = found.group(1) if found else None
    return Article(
        id=check_article_id(meta.get("id") or article_id, where),
        title=title,
        body=body,
        url=url if url and url.startswith("http") else None,
        published=_parse_date(meta.get("published"), where),
        source=meta.get("source"),
        path=where,
        meta={k: v for k, v in meta.items() if k not in _FRONT_KEYS},
    )


def _parse_jsonl_line(line: str, where: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ArticleError(where, f"invalid JSON: {err.msg} (column {err.colno})") from None
    if not isinstance(record, dict):
        raise ArticleError(where, "each line must be a JSON object")
    missing = [k for k in ("id", "title", "text") if not str(record.get(k) or "").strip()]
    if missing:
        raise ArticleError(where, f"missing {', '.join(missing)}")
    return Article(
        id=check_article_id(str(record["id"]).strip(), where),
        title=nfc_vi(str(record["title"]).strip()),
        body=nfc_vi(str(record["text"]).strip()),
        url=record.get("url") or None,
        published=_parse_date(record.get("published"), where),
        source=record.get("source"),
        path=where,
    )


def read_file(path: Path) -> Iterator[Article | ArticleError]:
    """Yield the articles of one file; a bad article is yielded as its `ArticleError`."""
    if path.suffix not in SUFFIXES:
        yield ArticleError(str(path), f"unsupported file type '{path.suffix}' (use .txt or .jsonl)")
        return
    if path.suffix == ".jsonl":
        yield from _read_jsonl(path)
        return
    try:
        text = _decode(path)
    except ArticleError as err:
        yield err
        return
    if not text.strip():
        yield ArticleError(str(path), "empty file")
        return
    try:
        yield parse_txt(text, path.stem, str(path))
    except ArticleError as err:
        yield err


def _read_jsonl(path: Path) -> Iterator[Article | ArticleError]:
    """The articles of a JSON Lines file, read a line at a time (a month of news in one file is
    never held whole); a line that is not UTF-8 or not an article is reported with its number."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield ArticleError(str(path), f"cannot read: {err.strerror or err}")
        return
    found = False
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and b"\x00" in raw[:8192]:
                yield ArticleError(str(path), "binary file, not a text article")
                return
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield ArticleError(where, f"not UTF-8 text (byte {err.start})")
                continue
            if line.strip():
                found = True
                try:
                    yield _parse_jsonl_line(line, where)
                except ArticleError as err:
                    yield err
    if not found:
        yield ArticleError(str(path), "empty file")


def count_articles(inputs: Iterable[str | Path]) -> int:
    """How many articles the inputs hold at most (a .txt file is one, a .jsonl line is one),
    counted without parsing them: the progress bar's total."""
    total = 0
    for path in expand_paths(inputs):
        if path.suffix == ".jsonl" and path.is_file():
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif path.suffix == ".txt":
            total += 1
    return total


def expand_paths(inputs: Iterable[str | Path], suffixes: Iterable[str] = SUFFIXES
                 ) -> list[Path]:
    """Files, folders (their .txt/.jsonl, or `suffixes`, recursively, sorted) and globs, in the
    order given."""
    out: list[Path] = []
    wanted = set(suffixes)
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in wanted and p.is_file()))
        elif any(ch in str(item) for ch in "*?["):
            out.extend(sorted(Path(p) for p in glob.glob(str(item), recursive=True)))
        else:
            out.append(path)
    seen: set[Path] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def read_articles(inputs: Iterable[str | Path]) -> Iterator[Article | ArticleError]:
    """Every article under the inputs; unreadable ones come out as `ArticleError` values."""
    for path in expand_paths(inputs):
        if not path.exists():
            yield ArticleError(str(path), "no such file or directory")
            continue
        yield from read_file(path)


def read_facts(inputs: Iterable[str | Path]
               ) -> Iterator[tuple[Article, ArticleFacts] | ArticleError]:
    """The facts files that `vnkg extract` writes (`<id>.json`, folders of them, globs), each
    with the article it describes (id, title, url, published; no text: the facts carry its
    content hash); unreadable ones come out as `ArticleError` values."""
    for path in expand_paths(inputs, (".json",)):
        try:
            yield _facts_file(path)
        except ArticleError as err:
            yield err


def _facts_file(path: Path) -> tuple[Article, ArticleFacts]:
    try:
        facts = ArticleFacts.model_validate_json(path.read_bytes())
    except OSError as err:
        raise ArticleError(str(path), err.strerror or str(err)) from None
    except ValueError as err:
        first = str(err).splitlines()[0]
        raise ArticleError(str(path), f"not a facts file of vnkg extract ({first})") from None
    problem = id_problem(facts.article)
    if problem or not facts.content_hash:
        raise ArticleError(str(path), problem or "no content_hash: extract it again with this "
                           "vnkg (`vnkg extract`)")
    return Article(id=facts.article, title=facts.title, body="", url=facts.url,
                   published=_parse_date(facts.published, str(path)), path=str(path)), facts
