# Two commands on a fresh machine: `make generate` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install generate check update test lint corpus fuzz bench bench-smoke clean

install: $(STAMP)

# What the install depends on: the [project] and [build-system] tables of pyproject.toml,
# rewritten only when they change, so that editing [tool.sdkforge] reinstalls nothing.
DEPENDENCIES := $(VENV)/.dependencies
$(DEPENDENCIES): pyproject.toml
	@mkdir -p $(VENV)
	@$(PYTHON) -c 'import json, pathlib, tomllib; \
	table = tomllib.loads(pathlib.Path("pyproject.toml").read_text()); \
	wanted = json.dumps([table.get("project"), table.get("build-system")], sort_keys=True); \
	path = pathlib.Path("$@"); \
	path.exists() and path.read_text() == wanted or path.write_text(wanted)'

$(STAMP): $(DEPENDENCIES)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# `make generate CLIENT=moonshot` regenerates one client.
generate: install
	$(BIN)/sdkforge generate $(CLIENT)

check: install
	$(BIN)/sdkforge check

# Fetch each client's spec from the `url` in its configuration, regenerate, report.
update: install
	$(BIN)/sdkforge update $(CLIENT)

test: install node_modules/.installed
	$(BIN)/python -m pytest

# Prism (tests/prism), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch node_modules/.installed

# The generated packages' runtime is Python kept in templates/runtime: checked in place
# with the same gates as a generated package.
lint: install
	$(BIN)/ruff check generator tests templates/runtime
	$(BIN)/ruff format --check generator tests templates/runtime
	$(BIN)/black --check --quiet templates/runtime
	$(BIN)/mypy generator
	cd templates && ../$(BIN)/mypy --strict --cache-dir ../.mypy_cache -p runtime

# Every document of ../shared/corpus; writes tests/corpus/REPORT.md.
corpus: install node_modules/.installed
	$(BIN)/python tests/corpus/run_corpus.py --jobs 2

# Thousands of random OpenAPI documents through sdkforge; writes tests/hostile/REPORT.md.
fuzz: install
	$(BIN)/python tests/hostile/fuzz.py --documents 5000 --jobs 2

# Timings side by side with openapi-python-client, datamodel-code-generator and the OpenAI
# SDK, installed in their own venv; writes bench/RESULTS.md. Never part of `make test`.
BENCH_VENV := .bench-venv
BENCH_STAMP := $(BENCH_VENV)/.installed

$(BENCH_STAMP): bench/requirements-peers.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -r bench/requirements-peers.txt
	touch $(BENCH_STAMP)

bench: install $(BENCH_STAMP)
	$(BIN)/python bench/run_bench.py

# One round of every row, smaller samples; the report goes to a temporary file.
bench-smoke: install $(BENCH_STAMP)
	$(BIN)/python bench/run_bench.py --smoke

clean:
	rm -rf $(VENV) $(BENCH_VENV) dist .pytest_cache .mypy_cache .ruff_cache
