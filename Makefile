# News fact extraction. `make help` lists the targets.
# Everything installs into .venv from uv.lock; uv itself is bootstrapped with the system Python.

PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
INPUT ?= data/raw
OUTPUT ?= data/processed
WORKERS ?= 1
CORPUS ?=
DEV ?= ../shared/dev

.DEFAULT_GOAL := help
.PHONY: help setup extract test lint format eval bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

setup: $(VENV)/.synced ## create .venv with the pinned dependencies (uv.lock)

extract: setup ## run every stage on data/raw into data/processed
	$(PY) -m pipeline run --input $(INPUT) --output $(OUTPUT) --workers $(WORKERS)

test: setup ## run the test suite (one worker process per core: pytest-xdist)
	$(PY) -m pytest -n auto

lint: setup ## ruff lint and format check
	$(VENV)/bin/ruff check pipeline tests
	$(VENV)/bin/ruff format --check pipeline tests

format: setup ## apply ruff fixes and formatting
	$(VENV)/bin/ruff check --fix pipeline tests
	$(VENV)/bin/ruff format pipeline tests

eval: setup ## score dates, quantities and facts against the development data
	$(PY) -m pipeline evaluate dates $(if $(wildcard $(DEV)/temporal_dev.jsonl),$(DEV)/temporal_dev.jsonl,tests/data/temporal_dev_sample.jsonl)
	$(PY) -m pipeline evaluate quantities $(if $(wildcard $(DEV)/quantities_dev.jsonl),$(DEV)/quantities_dev.jsonl,tests/data/quantities_recognizers_sample.jsonl)
	$(PY) -m pipeline evaluate quantities tests/data/news_quantities.jsonl
	$(PY) -m pipeline evaluate facts tests/data/facts_gold.jsonl
	$(if $(wildcard $(DEV)/facts_dev.jsonl),$(PY) -m pipeline evaluate dev-facts --dev $(DEV) --corpora $(DEV)/../corpora,@echo "no $(DEV)/facts_dev.jsonl: dev facts not scored")

bench: setup ## throughput benchmark (CORPUS=records.jsonl or folder; default a 500-article BBC sample)
	$(PY) -m pipeline bench $(CORPUS)

clean: ## remove generated tables and caches (not .venv)
	rm -rf $(OUTPUT)/*.parquet $(OUTPUT)/*.csv $(OUTPUT)/_run.json $(OUTPUT)/.staging-* $(OUTPUT)/.trash-* $(OUTPUT)/.cache $(OUTPUT)/.lock .pytest_cache .ruff_cache
