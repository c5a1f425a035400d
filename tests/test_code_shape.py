"""The shape issue 13 asks of the extractor's code: small functions, and one reader of the
data files (ingest/resources.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

INGEST = Path(__file__).resolve().parent.parent / "ingest"
SOURCES = sorted(INGEST.rglob("*.py"))
MAX_LINES = 60
READS = re.compile(r"json\.loads?\(|read_text\(|\bopen\(")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(INGEST)))
def test_no_function_is_longer_than_the_limit(path):
    tree = ast.parse(path.read_text("utf-8"))
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
            and n.end_lineno - n.lineno + 1 > MAX_LINES]
    assert long == []


def test_only_resources_reads_the_data_files():
    # articles.py reads the input articles (.jsonl), data/build_gazetteers.py writes the files
    readers = {p.relative_to(INGEST).as_posix() for p in SOURCES
               if p.parent.name != "data" and READS.search(p.read_text("utf-8"))}
    assert readers == {"resources.py", "articles.py"}
