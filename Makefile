# The two commands of the README: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
VENV := .venv
PYTHON ?= python3
LAUNCHER := neo4j-local/neo4j-local.sh
RUN_PORT := 7687
RUN_DATA := var/neo4j-run
# The tests' own Neo4j: another port, another data folder; never the data of `make run`.
TEST_PORT ?= 7688
TEST_DATA ?= var/neo4j-test-$(TEST_PORT)
PYTEST_ARGS ?=

.PHONY: run test install neo4j-run neo4j-test stop-test stop-run schema

$(VENV)/.installed: pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check --upgrade pip
	$(VENV)/bin/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

install: $(VENV)/.installed

neo4j-run:
	@if [ -z "$$NEO4J_URI" ]; then $(LAUNCHER) start --port $(RUN_PORT) --data $(RUN_DATA); \
	else echo "using NEO4J_URI=$$NEO4J_URI"; fi

run: install neo4j-run
	$(VENV)/bin/graph-service serve

neo4j-test:
	$(LAUNCHER) start --port $(TEST_PORT) --data $(TEST_DATA) --heap 2g

test: install neo4j-test
	TEST_NEO4J_URI=bolt://127.0.0.1:$(TEST_PORT) TEST_NEO4J_DATA=$(TEST_DATA) \
		$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

stop-test:
	$(LAUNCHER) stop --data $(TEST_DATA)

stop-run:
	$(LAUNCHER) stop --data $(RUN_DATA)

schema: install
	$(VENV)/bin/graph-service export-schema > schema/schema.graphql
