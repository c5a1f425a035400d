"""Browser assets that vnkg serves and inlines, installed from the npm registry by the Makefile
(`npm ci` on package-lock.json) and never committed or fetched at run time."""

from __future__ import annotations

from pathlib import Path

from graph.errors import VnkgError

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
CYTOSCAPE_JS = NODE_MODULES / "cytoscape" / "dist" / "cytoscape.min.js"


def cytoscape_js() -> Path:
    """The minified cytoscape.js the profiles serve and the HTML export inlines."""
    if not CYTOSCAPE_JS.is_file():
        raise VnkgError(f"{CYTOSCAPE_JS} is missing: run `npm ci` in {ROOT} (`make run` does)")
    return CYTOSCAPE_JS
