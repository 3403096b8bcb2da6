# docintake: `make run` and `make test` set up everything they need, then run.
# Re-running is fast: the system check is a few lookups and the venv is rebuilt
# only when pyproject.toml changes.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng poppler-utils fonts-thai-tlwg-ttf
INSTALLED := $(VENV)/.installed
DB ?= docintake.db
SEED ?= 1
N ?= 30
CORPUS ?= build/corpus-seed$(SEED)

.PHONY: run test eval bench corpus models samples system setup clean

run: setup
	$(BIN)/docintake demo samples/ --db $(DB)
	$(BIN)/docintake export tasks --db $(DB) --out build/tasks.csv

test: setup
	$(BIN)/pytest -q

## eval: render (or reuse) a corpus of N bundles for SEED and print the accuracy table
eval: setup
	@test -f $(CORPUS)/corpus.json || $(BIN)/docintake synth $(CORPUS) --n $(N) --seed $(SEED)
	$(BIN)/docintake eval $(CORPUS) --out build/eval-seed$(SEED).json

bench: setup
	$(BIN)/python -m docintake.bench --out build/bench.json

corpus: setup
	$(BIN)/docintake synth $(CORPUS) --n $(N) --seed $(SEED)

## models: retrain the Thai digit recogniser from our own renders into models/
models: setup
	$(BIN)/python -m docintake.ocr.train_digits --out models/

## samples: re-render the committed demo scans in samples/
samples: setup
	$(BIN)/python -m docintake.synth.samples samples/

setup: system $(INSTALLED)

# System packages: installed with apt-get when we are root, else named.
system:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null \
	      || { echo "apt-get failed for:$$missing"; exit 1; }; \
	  else \
	    echo "docintake needs these Debian packages; as root run: apt-get install$$missing"; exit 1; \
	  fi; \
	fi

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) build .pytest_cache *.egg-info
