"""Extraction throughput against two baselines, over the same articles in one run.

    .venv/bin/python bench/extract_speed.py [--repeat N] [--profile N] [--no-underthesea]
                                            [INPUT ...]

Runs (1) our `ingest.extract` (the whole spaCy pipeline: pyvi segmentation, entity
components, relations), (2) underthesea's `ner()` line by line (its bundled CRF model,
which works offline once `pip install underthesea` is done; a dev dependency) and (3) bare pyvi
`ViTokenizer.tokenize`, and prints words/s for each and the ratios. Words are whitespace
syllables of the article text. Default input: data/samples, with each article also repeated
as a longer synthetic text (its body written N times) to add volume.

After the timed runs it prints where the pipeline's time goes: segmentation (`make_doc`), each
component in `nlp.pipeline` and the facts record, timed one doc at a time (the components are
plain callables, so this is what `nlp.pipe` does). `--profile N` also runs the extraction under
cProfile and prints its N costliest functions (the profiler slows the run: the timed figures
above come from runs without it).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.language import Language  # noqa: E402

from ingest.articles import Article, read_articles  # noqa: E402
from ingest.pipeline import PIPE_NAMES, build_nlp, doc_to_facts, extract  # noqa: E402


def load(inputs: list[str], repeat: int) -> list[Article]:
    articles = [a for a in read_articles(inputs) if isinstance(a, Article)]
    longer = [replace(a, id=f"{a.id}-x{repeat}", body="\n\n".join([a.body] * repeat))
              for a in articles] if repeat > 1 else []
    return articles + longer


def timed(label: str, run: Callable[[], object], words: int) -> float:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    rate = words / seconds
    print(f"{label:<28} {seconds:8.2f} s {rate:12,.0f} words/s")
    return rate


def stage_times(nlp: Language, articles: list[Article]) -> dict[str, float]:
    """Seconds spent in segmentation, each component and the facts record, over all articles."""
    stages = {"segmentation (make_doc)": 0.0, **{name: 0.0 for name in nlp.pipe_names},
              "doc_to_facts": 0.0}
    clock = time.perf_counter
    for article in articles:
        start = clock()
        doc = nlp.make_doc(article.text)
        stages["segmentation (make_doc)"] += clock() - start
        doc._.article = article
        for name, component in nlp.pipeline:
            start = clock()
            doc = component(doc)
            stages[name] += clock() - start
        start = clock()
        doc_to_facts(doc, article)
        stages["doc_to_facts"] += clock() - start
    return stages


def print_stages(stages: dict[str, float], words: int) -> None:
    total = sum(stages.values())
    print(f"\nper stage ({total:.2f} s in all, {words / total:,.0f} words/s):")
    for name, seconds in stages.items():
        print(f"  {name:<26} {seconds:7.3f} s {seconds / total:6.1%} "
              f"{words / seconds if seconds else float('inf'):12,.0f} words/s")


def profile(nlp: Language, articles: list[Article], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    list(extract(articles, nlp))
    profiler.disable()
    for order in ("cumulative", "tottime"):
        print(f"\nprofile of vnkg extract, top {top} by {order}:")
        pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats(order).print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(ROOT / "data" / "samples")])
    parser.add_argument("--repeat", type=int, default=3,
                        help="also time each article with its body repeated N times")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="print the N costliest functions of the extraction (cProfile)")
    parser.add_argument("--no-underthesea", action="store_true",
                        help="skip the slow underthesea baseline (no ratio against it)")
    args = parser.parse_args()
    articles = load(args.inputs, args.repeat)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words:,} words")

    nlp = build_nlp()
    list(extract(articles[:1], nlp))  # load gazetteers and models before timing
    from pyvi import ViTokenizer
    ViTokenizer.tokenize("Khởi động mô hình.")

    ours = timed("vnkg extract", lambda: list(extract(articles, nlp)), words)
    # the entity stages alone (segmentation, context, entities), without the relation stage
    ents_nlp = build_nlp([p for p in PIPE_NAMES if p != "vnkg_relations"])
    list(extract(articles[:1], ents_nlp))
    entities_only = timed("vnkg extract, entities only",
                          lambda: list(extract(articles, ents_nlp)), words)
    theirs = None
    if not args.no_underthesea:
        from underthesea import ner
        ner("Khởi động mô hình.")
        # ner() is meant for sentences (on a whole long article it slows down sharply): feed
        # it the article's lines, as a caller would
        lines = [line for t in texts for line in t.split("\n") if line.strip()]
        theirs = timed("underthesea ner() per line", lambda: [ner(x) for x in lines], words)
    bare = timed("pyvi ViTokenizer.tokenize", lambda: [ViTokenizer.tokenize(t) for t in texts],
                 words)
    if theirs is not None:
        print(f"extract / underthesea ner: {ours / theirs:6.1f}x   (target >= 10x)")
    print(f"extract / bare pyvi:       {ours / bare:6.1%}   (target >= 40%)")
    against_ner = f"{entities_only / theirs:6.1f}x, " if theirs is not None else ""
    print(f"entities only / underthesea ner: {against_ner}/ bare pyvi: "
          f"{entities_only / bare:6.1%}")

    print_stages(stage_times(nlp, articles), words)
    if args.profile:
        profile(nlp, articles, args.profile)


if __name__ == "__main__":
    main()
