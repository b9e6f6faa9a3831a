# Two commands for a fresh machine with Python 3.11 and make:
#   make run    create .venv, install, start the app on 127.0.0.1 with the project used last
#               (the demo data/demo.db the first time, built if missing); make run DB=FILE opens FILE
#   make test   install with dev tools, then lint, type check and all tests
#   make test-quick   the same without the browser tests and those over ~5 s, in parallel (pytest-xdist)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := data/demo.db
DB ?=
PORT ?= 8501
# pytest-xdist workers for the tests that are safe in parallel: everything but the browser tests,
# a test file per worker (--dist loadfile). The browser tests then run in one process, so a
# server and chromium never compete with another worker for the cores (README, Test suite).
# PYTEST_WORKERS=0 runs everything in one process.
PYTEST_WORKERS ?= 2
QUICK_WORKERS ?= auto

.PHONY: run test test-quick install install-dev demo lint typecheck pytest bench eval docx clean browser render-tools

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/coding-toolkit --db $(or $(DB),$(DEMO_DB)) demo

# The project: DB if given (every new tab starts with it), else the current project (the one the app
# or `init` opened last, shared with the CLI), else the demo. It becomes the current project, so the
# CLI without --db works on it.
run: install
	@db="$(DB)"; \
	if [ -z "$$db" ]; then db="$$($(BIN)/coding-toolkit projects current 2>/dev/null)"; fi; \
	if [ -z "$$db" ] || [ "$$db" = "$(DEMO_DB)" ]; then db="$(DEMO_DB)"; $(BIN)/coding-toolkit --db "$$db" demo || exit 1; fi; \
	$(BIN)/coding-toolkit projects open "$$db" || exit 1; \
	$(if $(DB),CODING_TOOLKIT_DB="$(DB)") $(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy

# Browser tests drive Debian's chromium (never a browser downloaded by Playwright). As root it is
# installed when missing; otherwise the browser tests skip and say why.
browser:
	@if ! command -v chromium >/dev/null 2>&1 && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium fonts-dejavu-core fonts-noto-color-emoji >/dev/null; \
	fi

# The rendering checks of the Word files convert them to PDF with LibreOffice and read them with
# poppler's pdftotext. As root they are installed when missing (waiting for another apt's lock
# instead of failing); otherwise those tests skip and say why.
render-tools:
	@if ! { command -v soffice && command -v pdftotext; } >/dev/null 2>&1 && [ "$$(id -u)" = "0" ] \
	  && command -v apt-get >/dev/null; then \
	  echo "installing Debian libreoffice-writer-nogui and poppler-utils for the rendering checks"; \
	  apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get -o DPkg::Lock::Timeout=600 install -y -qq libreoffice-writer-nogui poppler-utils >/dev/null; \
	fi

pytest: install-dev browser render-tools
	@status=0; \
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not browser" || status=1; \
	$(BIN)/pytest -m browser || status=1; \
	exit $$status

test: lint typecheck pytest

# what a change needs before the full run: everything but the browser tests and those over ~5 s
test-quick: lint typecheck
	$(BIN)/pytest -n $(QUICK_WORKERS) --dist loadfile -m "not browser and not slow"

bench: install
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_import_formats.py
	$(BIN)/python benchmarks/bench_hostile.py
	$(BIN)/python benchmarks/bench_concurrent_codings.py
	$(BIN)/python benchmarks/bench_workbench.py
	$(BIN)/python benchmarks/bench_agreement.py
	$(BIN)/python benchmarks/bench_analysis.py
	$(BIN)/python benchmarks/bench_refi.py
	$(BIN)/python benchmarks/bench_media.py
	$(BIN)/python benchmarks/bench_taguette_tags.py
	$(BIN)/python benchmarks/bench_suggest.py
	$(BIN)/python benchmarks/bench_suggest_workbench.py
	$(BIN)/python benchmarks/bench_projects.py
	$(BIN)/python benchmarks/bench_cli.py

# The measured quality of the suggestions (needs ../shared/corpora for the SERDIF part).
eval: install
	$(BIN)/python benchmarks/eval_suggestions.py

docx: install
	$(BIN)/python transcripts/make_docx.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
