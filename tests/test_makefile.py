"""The Makefile's install steps, read with `make -n` (nothing is installed): `make run` installs
the runtime only, `make test` the dev extras too, and after `make run` only the extras."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = '.venv/bin/python -m pip install --quiet -e .'
DEV = '.venv/bin/python -m pip install --quiet -e ".[dev]"'

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make")


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def planned(folder: Path, target: str) -> list[str]:
    """The commands `make TARGET` would run in `folder`."""
    out = subprocess.run(["make", "-n", target], cwd=folder, capture_output=True, text=True,
                         check=True)
    return out.stdout.splitlines()


def test_make_run_on_a_clean_clone_installs_no_dev_extras(checkout: Path) -> None:
    steps = planned(checkout, "run")
    assert RUNTIME in steps
    assert DEV not in steps
    assert not any("[dev]" in step for step in steps)


NPM = "npm ci --ignore-scripts --no-audit --no-fund --silent"


def test_make_run_and_make_test_install_the_pinned_browser_assets(checkout: Path) -> None:
    assert NPM in planned(checkout, "run")
    assert NPM in planned(checkout, "test")
    lock = (checkout / "package-lock.json").read_text(encoding="utf-8")
    assert '"node_modules/cytoscape": {\n      "version": "3.35.0"' in lock


def test_make_test_on_a_clean_clone_installs_the_runtime_then_the_extras(checkout: Path) -> None:
    steps = planned(checkout, "test")
    assert steps.index(RUNTIME) < steps.index(DEV)


def test_make_test_after_make_run_installs_only_the_extras(checkout: Path) -> None:
    (checkout / ".venv").mkdir()
    past = time.time() - 60
    os.utime(checkout / "pyproject.toml", (past, past))
    (checkout / ".venv" / ".runtime-stamp").touch()  # what `make run` leaves
    steps = planned(checkout, "test")
    assert DEV in steps
    assert RUNTIME not in steps
    assert not any("-m venv" in step for step in steps)
    (checkout / ".venv" / ".dev-stamp").touch()  # what `make test` leaves
    assert not any("pip install" in step for step in planned(checkout, "test"))


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[<>=!~; ]", req, maxsplit=1)[0].lower() for req in requirements}


def test_the_runtime_needs_none_of_the_dev_tools() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = _names(project["dependencies"])
    assert {"pytest", "ruff", "playwright", "underthesea"} <= _names(
        project["optional-dependencies"]["dev"])
    assert runtime & {"pytest", "ruff", "playwright", "underthesea", "pydot", "babel",
                      "sparqlwrapper", "oxigraph", "dask"} == set()
    assert "fastapi-offline" in runtime  # /docs and /redoc work offline after `make run`
    assert "httpx" in runtime  # the remote store's client (`--store http://...`)
