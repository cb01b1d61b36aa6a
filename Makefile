# News fact extraction. `make help` lists the targets.
# Everything installs into .venv from uv.lock; uv itself is bootstrapped with the system Python.

PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
INPUT ?= data/raw
OUTPUT ?= data/processed
WORKERS ?=
CORPUS ?=
JUPYTER_ARGS ?=
DEV ?= ../shared/dev
# Table names (pipeline.store.tables.TABLE_NAMES): the Dask backend writes each as a folder OUTPUT/<table>/.
TABLES := documents parts entities dates quantities ranks facts errors
# NOTEBOOK=1 adds the `notebook` dependency group (JupyterLab) to every sync. `make notebook` sets
# it, and the stamp .venv/.synced-notebook then keeps it on: a later `make setup` (test, extract,
# ...) does not uninstall JupyterLab. `make setup NOTEBOOK=` drops the group again.
NOTEBOOK ?= $(if $(wildcard $(VENV)/.synced-notebook),1,)
SYNCED := $(VENV)/.synced$(if $(NOTEBOOK),-notebook,)

.DEFAULT_GOAL := help
.PHONY: help setup extract test lint format eval bench notebook clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(SYNCED): $(UV) uv.lock pyproject.toml
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --compile-bytecode --python $(PYTHON)$(if $(NOTEBOOK), --group notebook,)
	@rm -f $(VENV)/.synced $(VENV)/.synced-notebook
	@touch $@

setup: $(SYNCED) ## create .venv with the pinned dependencies (uv.lock; NOTEBOOK=1 adds JupyterLab)

extract: setup ## run every stage on data/raw into data/processed (WORKERS=N to set the model processes; default one per CPU)
	$(PY) -m pipeline run --input $(INPUT) --output $(OUTPUT) $(if $(WORKERS),--workers $(WORKERS))

test: setup ## run the test suite (one worker process per core: pytest-xdist)
	$(PY) -m pytest -n auto

lint: setup ## ruff lint and format check
	$(VENV)/bin/ruff check pipeline tests examples
	$(VENV)/bin/ruff format --check pipeline tests examples

format: setup ## apply ruff fixes and formatting
	$(VENV)/bin/ruff check --fix pipeline tests examples
	$(VENV)/bin/ruff format pipeline tests examples

eval: setup ## score dates, quantities and facts against the development data
	$(PY) -m pipeline evaluate dates $(if $(wildcard $(DEV)/temporal_dev.jsonl),$(DEV)/temporal_dev.jsonl,tests/data/temporal_dev_sample.jsonl)
	$(PY) -m pipeline evaluate quantities $(if $(wildcard $(DEV)/quantities_dev.jsonl),$(DEV)/quantities_dev.jsonl,tests/data/quantities_recognizers_sample.jsonl)
	$(if $(wildcard $(DEV)/quantities_quantulum3.jsonl),$(PY) -m pipeline evaluate quantities $(DEV)/quantities_quantulum3.jsonl,@echo "no $(DEV)/quantities_quantulum3.jsonl: quantulum3 cases not scored")
	$(PY) -m pipeline evaluate quantities tests/data/news_quantities.jsonl
	$(PY) -m pipeline evaluate facts tests/data/facts_gold.jsonl
	$(if $(wildcard $(DEV)/facts_dev.jsonl),$(PY) -m pipeline evaluate dev-facts --dev $(DEV) --corpora $(DEV)/../corpora,@echo "no $(DEV)/facts_dev.jsonl: dev facts not scored")

BENCH ?=
bench: setup ## throughput benchmark (CORPUS=records.jsonl or folder, default a 500-article BBC sample; BENCH=--scaling for the size runs)
	$(PY) -m pipeline bench $(CORPUS) $(BENCH)

notebook: ## install JupyterLab (kept by later syncs) and start it in the project folder
	$(MAKE) setup NOTEBOOK=1
	$(VENV)/bin/jupyter lab $(JUPYTER_ARGS)

clean: ## remove generated tables (also Dask's OUTPUT/<table>/ folders) and caches (not .venv)
	rm -rf $(OUTPUT)/*.parquet $(OUTPUT)/*.csv $(addprefix $(OUTPUT)/,$(TABLES)) $(OUTPUT)/_run.json $(OUTPUT)/.staging-* $(OUTPUT)/.trash-* $(OUTPUT)/.cache $(OUTPUT)/.lock .pytest_cache .ruff_cache
