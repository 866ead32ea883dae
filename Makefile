# One task runner for people and CI alike. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# pip is quiet, and the machine's pip.conf may name extra indexes that do not exist: hide that noise.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps
# Extra arguments for pytest, e.g. `make test PYTEST_ARGS="tests/unit -k audit"`.
PYTEST_ARGS ?=

.PHONY: help install demo test test-fast lint format bench lock messages compilemessages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)

# The stamp is newer than the lock file once its exact contents are installed, so a second
# `make install` does nothing.
$(VENV)/.installed: requirements/dev.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements/dev.txt 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
	touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies (dev included)

demo: install ## Migrate, seed demo content and serve on 127.0.0.1:$(PORT) with the task worker
	PORT=$(PORT) scripts/demo

test: install ## Run the whole test suite (SQLite; PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set)
	scripts/test $(PYTEST_ARGS)

test-fast: install ## Run the suite without the browser tests
	scripts/test -m "not browser" $(PYTEST_ARGS)

lint: install ## ruff, template indentation and missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

format: install ## Apply ruff's fixes and formatting, and djhtml's indentation
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

bench: install ## Run the benchmarks; figures go to bench-results/
	DJANGO_DEBUG=0 $(BIN)/python -m bench

lock: install ## Re-resolve pyproject.toml into the hashed lock files
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes --quiet -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes --quiet -o requirements/dev.txt

messages: install ## Extract translatable strings into locale/*/LC_MESSAGES/django.po
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages --locale ur --locale pl --no-location --no-obsolete \
		--ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*'

compilemessages: install ## Compile the translations (needs gettext's msgfmt)
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore '.venv/*'

clean: ## Remove the virtualenv, the demo database and build output
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles test-artifacts bench-results .pytest_cache .ruff_cache
