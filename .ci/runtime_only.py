"""CI step: after the install `make run` does on a clean clone, the virtualenv holds none of the
dev tools (pyproject's `dev` extra): `make run` is the lean runtime install (issue 16).
Exits 1 naming what it finds."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower().replace("_", "-")
            for r in requirements}


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dev_only = names(project["optional-dependencies"]["dev"]) - names(project["dependencies"])
    installed = {d.metadata["Name"].lower().replace("_", "-") for d in metadata.distributions()}
    found = sorted(dev_only & installed)
    if found:
        print(f"`make run` installed dev packages: {', '.join(found)}", file=sys.stderr)
        return 1
    print(f"runtime install: {len(installed)} packages, none of the dev extra "
          f"({', '.join(sorted(dev_only))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
