"""Extraction quality on real news, beside the samples: the quality figure of issue 13.

`../shared/real/` holds real articles from many outlets with hand-made gold in
`../shared/gold/real/` (the extractor is also scored on real articles it never saw, which this
script cannot show); `../shared/seeds/` are the five sample articles with their gold. Both are
extracted by this checkout's own code (`python -m api.cli`, not an installed `vnkg`) and scored
with `../shared/eval/score.py`.

Run: `python bench/real_eval.py [--show]` (`--show` lists what was missed and what was extra on
the real articles).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
SETS = {"real": (SHARED / "real", SHARED / "gold" / "real"),
        "seeds": (SHARED / "seeds", SHARED / "gold" / "seeds")}


def extract(articles: Path, out: str) -> None:
    """`vnkg extract` of this checkout over a folder of .txt articles."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    paths = sorted(str(p) for p in articles.glob("*.txt"))
    subprocess.run([sys.executable, "-m", "api.cli", "extract", *paths, "-o", out],
                   check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)


def main() -> int:
    if not SCORER.exists():
        print(f"no scorer at {SCORER}: need ../shared beside the checkout", file=sys.stderr)
        return 2
    show = ["--show"] if "--show" in sys.argv[1:] else []
    for name, (articles, gold) in SETS.items():
        with tempfile.TemporaryDirectory() as out:
            extract(articles, out)
            print(f"== {name}: {articles}")
            subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", out,
                            *(show if name == "real" else [])], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
