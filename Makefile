# The two commands of the README: `make run` (set up, build the sample graph, serve it) and
# `make test` (the whole test suite, as CI runs it). Everything is installed from here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Two stamps: `make run` installs the runtime only (RUNTIME); `make test` adds the dev extras
# (DEV, which needs RUNTIME), so `make run` then `make test` installs the extras once, and a
# change to pyproject.toml redoes both.
RUNTIME := $(VENV)/.runtime-stamp
DEV     := $(VENV)/.dev-stamp
# Browser assets (cytoscape.js) come from the npm registry, pinned in package-lock.json; npm
# writes node_modules/.package-lock.json when it has installed them.
ASSETS  := node_modules/.package-lock.json

.PHONY: run test lint bench browser clean

run: $(RUNTIME) $(ASSETS)
	$(BIN)/vnkg ingest data/samples
	$(BIN)/vnkg serve

test: $(DEV) $(ASSETS) browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(DEV)
	$(BIN)/ruff check .

bench: $(DEV)
	$(BIN)/python bench/run.py

$(RUNTIME): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "vnkg needs Python 3.11+")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(ASSETS): package.json package-lock.json
	@command -v npm >/dev/null || { echo "vnkg needs npm (Node.js) to install its browser assets"; exit 2; }
	npm ci --ignore-scripts --no-audit --no-fund --silent

$(DEV): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(DEV)

# The browser tests drive Debian's chromium with Playwright (never `playwright install`).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
	  || echo "chromium could not be installed: the browser tests will skip"; \
	else echo "no /usr/bin/chromium and no root to install it: the browser tests will skip"; fi

clean:
	rm -rf $(VENV) var .pytest_cache node_modules
