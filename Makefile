# Two commands set everything up: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 90
export PREFECT_LOGGING_LEVEL ?= WARNING

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test demo conformance chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/jobpipe run

demo: $(VENV)/.installed
	$(BIN)/jobpipe demo

test: $(VENV)/.installed-test chromium
	$(BIN)/python -m pytest

# Debian's headless Chromium, for the tests that open the HTML digest in a real browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

conformance: $(VENV)/.installed
	../shared/bin/feed-conformance

clean:
	rm -rf $(VENV) data/*.duckdb data/*.duckdb.wal data/reports
