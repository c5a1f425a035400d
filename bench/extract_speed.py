"""Extraction throughput against two baselines, over the same articles in one run.

    .venv/bin/python bench/extract_speed.py [--repeat N] [INPUT ...]

Runs (1) our `ingest.extract` (the whole spaCy pipeline: pyvi segmentation, entity
components, relations), (2) underthesea's `ner()` line by line (its bundled CRF model,
which works offline once `pip install underthesea` is done; a dev dependency) and (3) bare pyvi
`ViTokenizer.tokenize`, and prints words/s for each and the ratios. Words are whitespace
syllables of the article text. Default input: data/samples, with each article also repeated
as a longer synthetic text (its body written N times) to add volume.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.articles import Article, read_articles  # noqa: E402
from ingest.pipeline import PIPE_NAMES, build_nlp, extract  # noqa: E402


def load(inputs: list[str], repeat: int) -> list[Article]:
    articles = [a for a in read_articles(inputs) if isinstance(a, Article)]
    longer = [replace(a, id=f"{a.id}-x{repeat}", body="\n\n".join([a.body] * repeat))
              for a in articles] if repeat > 1 else []
    return articles + longer


def timed(label: str, run, words: int) -> float:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    rate = words / seconds
    print(f"{label:<28} {seconds:8.2f} s {rate:12,.0f} words/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(ROOT / "data" / "samples")])
    parser.add_argument("--repeat", type=int, default=3,
                        help="also time each article with its body repeated N times")
    args = parser.parse_args()
    articles = load(args.inputs, args.repeat)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words:,} words")

    nlp = build_nlp()
    list(extract(articles[:1], nlp))  # load gazetteers and models before timing
    from pyvi import ViTokenizer
    from underthesea import ner
    ner("Khởi động mô hình.")
    ViTokenizer.tokenize("Khởi động mô hình.")

    ours = timed("vnkg extract", lambda: list(extract(articles, nlp)), words)
    # the entity stages alone (segmentation, context, entities), without the relation stage
    ents_nlp = build_nlp([p for p in PIPE_NAMES if p != "vnkg_relations"])
    list(extract(articles[:1], ents_nlp))
    entities_only = timed("vnkg extract, entities only",
                          lambda: list(extract(articles, ents_nlp)), words)
    # ner() is meant for sentences (on a whole long article it slows down sharply): feed it
    # the article's lines, as a caller would
    lines = [line for t in texts for line in t.split("\n") if line.strip()]
    theirs = timed("underthesea ner() per line", lambda: [ner(x) for x in lines], words)
    bare = timed("pyvi ViTokenizer.tokenize", lambda: [ViTokenizer.tokenize(t) for t in texts],
                 words)
    print(f"extract / underthesea ner: {ours / theirs:6.1f}x   (target >= 10x)")
    print(f"extract / bare pyvi:       {ours / bare:6.1%}   (target >= 40%)")
    print(f"entities only / underthesea ner: {entities_only / theirs:6.1f}x, "
          f"/ bare pyvi: {entities_only / bare:6.1%}")


if __name__ == "__main__":
    main()
