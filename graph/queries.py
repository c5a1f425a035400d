"""Named SPARQL queries: `queries/<name>.rq`, loaded by name.

Each file opens with a header comment:

    # title: Provinces an official worked with
    # description: ...
    # param: official IRI the official (required)
    # param: from date start of the window (optional)
    # internal: yes (a part of a page: hidden from the console's menu, still listed and run)

Parameters are bound as RDF terms (a VALUES block opening the outer WHERE group, see
`graph.store.bind_values`), never pasted into the text: a FILTER on a parameter belongs in the
outer group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from graph.errors import UnknownQuery

__all__ = ["QUERY_DIR", "NamedQuery", "Param", "list_queries", "load_query"]

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
_HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # iri, date, string, integer
    description: str = ""
    required: bool = False
    default: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = field(default_factory=tuple)
    internal: bool = False  # a building block of the pages and exports, not a user's question


def _parse(name: str, text: str) -> NamedQuery:
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key == "param":
            pname, kind, *rest = value.split(None, 2) + ["", ""][: max(0, 3 - len(value.split()))]
            desc = rest[0] if rest else ""
            default = None
            found = re.search(r"\(default ([^)]*)\)", desc)
            if found:
                default = found.group(1).strip()
            params.append(Param(pname, kind or "string", desc, "(required)" in desc, default))
        else:
            meta[key] = value
    internal = meta.get("internal", "no").split()[:1] in (["yes"], ["true"])
    return NamedQuery(name, text, meta.get("title", name), meta.get("description", ""),
                      tuple(params), internal)


def list_queries(folder: Path = QUERY_DIR) -> list[str]:
    return sorted(p.stem for p in Path(folder).glob("*.rq"))


@cache
def load_query(name: str, folder: Path = QUERY_DIR) -> NamedQuery:
    """The named query `<folder>/<name>.rq` (the `query_dir` setting, queries/ by default); an
    unknown name lists the valid ones.

    >>> load_query("articles").title, load_query("articles").internal, load_query("label").internal
    ('Articles', False, True)
    """
    path = Path(folder) / f"{name}.rq"
    if not re.fullmatch(r"[a-z0-9_]+", name) or not path.is_file():
        raise UnknownQuery(f"no query named {name!r}; known: {', '.join(list_queries(folder))}")
    return _parse(name, path.read_text(encoding="utf-8"))
