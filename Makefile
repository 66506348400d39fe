# The two commands in the README: `make demo` and `make test`. Both work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
# The exact versions `make demo` and `make test` install (pyproject.toml keeps the ranges).
LOCK := requirements/lock.txt
# fonts-noto-core (12 MB download, 43 MB installed) and fonts-noto-cjk (57 MB, 91 MB): the
# report's fallbacks for names in other scripts (templates/report.css); PDFs embed subsets.
APT_PACKAGES := poppler-utils libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core \
    fonts-noto-cjk libreoffice-calc-nogui
DEMO_DATE := 2026-11-24

.PHONY: bytecode demo test test-latest lock lint typecheck pytest system-packages bench pages fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e .
	touch $@

$(DEVSTAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[dev]'
	touch $@ $(STAMP)

# Refresh the lock file: the newest versions pyproject.toml allows, for Python 3.11+.
lock: | $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --universal \
	    --no-header --quiet -o $(LOCK)

# The suite against the newest versions pyproject.toml allows, in a throwaway venv, so an
# upstream release that breaks us is seen the day it appears. CI reports it as a warning.
test-latest: system-packages
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/pip install --quiet --upgrade -e '.[dev]'
	.venv-latest/bin/pip freeze --exclude-editable > .venv-latest/versions.txt
	.venv-latest/bin/pytest -q -p no:cacheprovider

# Install the system packages the tests and reports use, when missing and installable.
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null; \
	  else echo "warning: missing system packages:$$missing (install them as root)"; fi; \
	fi

# The main job on the bundled examples: validate, check, and the PDF report of the crowd-platform
# project (a plan that names its vendor questionnaire) with its remediation checklist.
demo: $(STAMP) system-packages bytecode
	$(BIN)/sourcing-check validate examples/*.yaml
	$(BIN)/sourcing-check check examples/well-run-project.yaml examples/crowd-platform-project.yaml \
	    --date $(DEMO_DATE) --fail-on never
	$(BIN)/sourcing-check report examples/crowd-platform-project.yaml -o out/report.pdf \
	    --checklist out/checklist.md --date $(DEMO_DATE)

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

pytest: $(DEVSTAMP) system-packages
	$(BIN)/pytest -q

test: lint typecheck pytest

# An editable install leaves src/ without bytecode, and where PYTHONDONTWRITEBYTECODE is set
# every run compiles it again (about 0.3 s of each command): compile it as pip does for an
# installed package (only what changed; a stale file is ignored by Python, never run).
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q src >/dev/null

bench: $(STAMP) system-packages bytecode
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/check_throughput.py
	$(BIN)/python benchmarks/batch_check.py 10000 json 2
	$(BIN)/python benchmarks/batch_check.py 2000 jsonl 2
	$(BIN)/python benchmarks/batch_check.py 10000 jsonl 2
	$(BIN)/python benchmarks/report_render.py
	$(BIN)/python benchmarks/compare_pdf.py 50
	$(BIN)/python benchmarks/xlsx_read.py

# Every bundled example's board report, each page at 50 dpi as out/pages/<example>/page-N.png
# and a contact sheet per example, to look at; fails if a report is over 8 pages or 1 MB.
pages: $(DEVSTAMP) system-packages
	$(BIN)/python -m tests.pages out/pages

# Fuzz load -> validate -> check -> renderers with structure-aware mutants for FUZZ_SECONDS;
# prints inputs/s and the crashes found, each saved under tests/data/crashes/ (a test then
# keeps it fixed). The suite runs a bounded, derandomized share of the same (tests/test_fuzz.py).
FUZZ_SECONDS ?= 600
fuzz: $(DEVSTAMP)
	$(BIN)/python -m tests.fuzzing $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) .venv-latest out build dist src/*.egg-info
