# One task runner for people and CI.  `make demo` and `make test` are the README's two commands.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: venv install test test-fast test-postgres lint eval bench bench-corpus demo clean fuzz

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

venv: $(VENV)/.installed

install: venv

## the whole test suite: SQLite with the browser test (installs Debian's chromium if missing),
## then the database-facing tests again on a throw-away PostgreSQL (installs Debian's postgresql);
## "database-facing" is decided per test (a django_db mark or a database fixture), not by a list
## of directories that can drift (tests/conftest.py: --database-only)
test: lint
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-libreoffice.sh
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider
	$(MAKE) test-postgres

test-postgres: venv
	bash scripts/with-postgres.sh $(BIN)/python -m pytest -n 2 -p no:cacheprovider -m "not browser" \
		--database-only

## everything but the browser test, for a quick loop
test-fast: venv
	$(BIN)/python -m pytest -n 2 -m "not browser"

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

## dev-set extraction scores; skips cleanly where ../shared is absent
eval: venv
	@if [ -f "$(SHARED)/eval/score.py" ]; then \
		$(PY) $(SHARED)/eval/score.py --docs $(SHARED)/corpus/dev --gold $(SHARED)/eval/gold \
			--cmd "$(BIN)/chidao extract --format json {file}"; \
	else echo "eval: $(SHARED)/eval not found, skipped"; fi

## extractor speed: short and real-length generated reports beside underthesea, warm cost, memory, growth
bench: venv
	$(BIN)/pip install --quiet -e ".[test,bench]"
	$(BIN)/python bench/extract.py

## extractor speed on real reports: every file of CORPUS (default: the dev reports of ../shared,
## skipped cleanly where absent) beside underthesea, e.g. `make bench-corpus CORPUS=~/reports`
CORPUS ?= $(SHARED)/corpus/dev
bench-corpus: venv
	@if [ -d "$(CORPUS)" ]; then \
		$(BIN)/pip install --quiet -e ".[test,bench]" && $(BIN)/python bench/extract.py --corpus "$(CORPUS)"; \
	else echo "bench-corpus: $(CORPUS) not found, skipped"; fi

## create the database, load Thanh Hóa, ingest the sample reports, print logins, serve on 127.0.0.1
demo: venv
	$(BIN)/chidao demo --host $(HOST) --port $(PORT)

## schemathesis over /api/openapi.json against a demo server, with an API token: no server error
fuzz: venv
	BIN=$(BIN) bash scripts/fuzz-api.sh

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
