# Two commands matter: `make run` (serve the demo) and `make test` (prove it works).
# Both set up everything they need on a fresh Debian machine and reuse it after.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PIP_NO_WARN_SCRIPT_LOCATION := 1

.PHONY: run test test-postgres prod-smoke multi-server lint bench bench-peer install install-dev sysdeps sysdeps-test clean

## run: set up, migrate, load the demo data and serve http://127.0.0.1:8000
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

# The suite without a browser runs on every core (pytest-xdist, one database per
# worker; each module stays on one worker, so module-scoped fixtures such as the
# demo seed are built once); the browser tests share one Nu checker and run in
# one process after it.
PYTEST_FAST = $(VENV)/bin/pytest -m "not browser" -n $(TEST_WORKERS) --dist loadscope
PYTEST_BROWSER = $(VENV)/bin/pytest -m browser
TEST_WORKERS ?= auto

## test: lint, Django checks and the whole pytest suite (SQLite, browser tests included)
test: install-dev lint
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(PYTEST_FAST)
	$(PYTEST_BROWSER)

## test-postgres: the suite without a browser against a throwaway PostgreSQL cluster
# (the browser tests check pages, which `make test` does once; what differs
# between the databases - locks, races, query counts, migrations - is below them),
# then the e-learning package browser tests (upload, play, complete: docs/packages.md)
test-postgres: install-dev
	scripts/with-postgres.sh $(PYTEST_FAST)
	scripts/with-postgres.sh $(PYTEST_BROWSER) tests/browser/test_packages.py

## prod-smoke: docs/deployment.md's recipe on a fresh copy, PostgreSQL, Redis, gunicorn, requests
prod-smoke: sysdeps-test
	scripts/prod-smoke.sh

## multi-server: two app servers, Redis, a worker and nginx under 50 simulated employees; one server killed
multi-server: install-dev
	scripts/multi-server.sh

lint: install-dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djhtml --check templates

## bench: the benchmark suite; figures are ratios against baselines from the same run
bench: install-dev
	$(PY) benchmarks/run.py

## bench-peer: our course and module pages against wagtail-lms 0.11.1's, served side by side (not in CI)
bench-peer: install-dev
	$(PY) benchmarks/peer/compare.py

install: sysdeps $(VENV)/.installed node_modules/.package-lock.json
install-dev: sysdeps-test $(VENV)/.installed-dev node_modules/.package-lock.json

sysdeps:
	@scripts/sysdeps.sh run

sysdeps-test:
	@scripts/sysdeps.sh test

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -qq -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install -qq -e ".[dev]"
	@touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .cache
