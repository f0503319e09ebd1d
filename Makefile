# Two commands do all the set-up on a fresh machine:
#   make run    the service with the demo data on the local Neo4j, at http://127.0.0.1:8000
#   make test   lint, type checks and every test tier
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NEO4J_STAMP := $(VENV)/.neo4j-ready
KEYCLOAK_STAMP := $(VENV)/.keycloak-ready
FRONTEND_STAMP := frontend/dist/index.html
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: run test lint unit integration e2e bench soak venv neo4j keycloak frontend browser clean

run: venv neo4j frontend
	$(PY) -m matchmaker serve --demo

test: venv neo4j keycloak frontend browser lint
	$(PY) -m pytest tests -q

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

unit: venv
	$(PY) -m pytest tests/unit -q

integration: venv neo4j keycloak
	$(PY) -m pytest tests/integration -q

e2e: venv neo4j keycloak frontend browser
	$(PY) -m pytest tests/e2e -q

bench: venv neo4j
	$(PY) -m bench.run

soak: venv neo4j
	$(PY) -m bench.soak

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

neo4j: $(NEO4J_STAMP)

$(NEO4J_STAMP): $(STAMP) neo4j_local/pom.xml $(wildcard neo4j_local/src/main/java/org/ipem/matchmaker/*.java)
	$(PY) -m matchmaker neo4j install
	touch $@

# Keycloak from Maven Central (checked against its pinned SHA-256), unpacked and built once
# into the same cache as the Neo4j jars; the sign-in tests start it with the realm in deploy/.
keycloak: $(KEYCLOAK_STAMP)

$(KEYCLOAK_STAMP): $(STAMP) matchmaker/adapters/keycloak_local.py
	$(PY) -m matchmaker keycloak install
	touch $@

frontend: $(FRONTEND_STAMP)

$(FRONTEND_STAMP): $(wildcard frontend/package.json frontend/package-lock.json frontend/index.html frontend/graphiql/index.html frontend/vite.config.ts frontend/src/*.* frontend/src/*/*.*)
	@if [ -f frontend/package.json ]; then \
		cd frontend && npm ci --no-audit --no-fund && npm run build; \
	else echo "no frontend sources"; fi

# Debian's Chromium for the browser tests; installed when running as root and missing.
browser:
	@if ! command -v chromium >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else echo "browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; fi; \
	fi

clean:
	rm -rf $(VENV) frontend/dist frontend/node_modules var
