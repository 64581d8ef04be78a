# Two commands from a fresh clone (see README):
#   make site   set up .venv, validate the shipped catalogue and build the site into site/
#   make test   run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test setup clean bench

$(BIN)/catalogue: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/catalogue

site: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/catalogue validate
	NO_MKDOCS_2_WARNING=1 $(BIN)/catalogue build --strict --site-dir site

test: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	NO_MKDOCS_2_WARNING=1 $(BIN)/python benchmarks/run.py

clean:
	rm -rf site .pytest_cache
