"""Extraction quality on articles the extractor was never tuned on.

bench/heldout/ holds short articles the lead wrote in the style of Vietnamese government news
(other ministries, provinces, a post-merger article, a Party committee) with gold facts in the
FACTS.md format. Nobody tunes rules against them: they show how the rules generalise beyond the
five samples. Run: `python bench/heldout_eval.py` (uses ../shared/eval/score.py when present).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def main() -> int:
    if not SCORER.exists():
        print(f"no scorer at {SCORER}: need ../shared beside the checkout", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as out:
        # this checkout's own code, not whatever `vnkg` the virtualenv has installed
        env = {**os.environ,
               "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
        subprocess.run([sys.executable, "-m", "api.cli", "extract",
                        str(HERE / "heldout" / "articles"), "-o", out],
                       check=True, env=env, cwd=ROOT)
        args = [sys.executable, str(SCORER), "--gold", str(HERE / "heldout" / "gold"),
                "--pred", out, *sys.argv[1:]]
        return subprocess.run(args, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
