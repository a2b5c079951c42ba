# `make app` and `make test` each build .venv from nothing on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: app test test-all test-browser lint eval gold model report bench clean-store lock

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	$(BIN)/python -m pip install --quiet --no-deps -c constraints.txt "bertopic==0.17.4"
	touch $(STAMP)

## lock: resolve the newest allowed versions in a fresh environment and write constraints.txt
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet -e ".[dev]"
	.venv-lock/bin/python -m pip install --quiet --no-deps "bertopic==0.17.4"
	{ echo "# Versions the test suite passed with (pip constraints; make installs with -c constraints.txt)."; \
	  echo "# Regenerate with 'make lock' (a fresh environment with the newest allowed versions), then run make test."; \
	  .venv-lock/bin/python -m pip freeze --exclude-editable; } > constraints.txt
	rm -rf .venv-lock

PORT ?= 8501

## app: build and code the store from the bundled corpus (first run), then serve the app on $(PORT)
app: $(STAMP)
	$(BIN)/clause-atlas ingest --progress corpus/
	$(BIN)/clause-atlas stats
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

## test: lint and run the fast test suite
test: $(STAMP)
	$(BIN)/ruff check nlp tests evaluation ui app.py
	$(BIN)/pytest -q

## test-browser: the app in headless chromium (screenshots to evaluation/screenshots/)
test-browser: $(STAMP)
	$(BIN)/pytest -q -m browser

## test-all: also the slow tests
test-all: $(STAMP)
	$(BIN)/pytest -q -m "slow or not slow"

## eval: score segmentation against the gold clause lists and audit the corpus
eval: $(STAMP)
	$(BIN)/python -m evaluation.segmentation.score --write

## gold: merge candidates, labels, written clauses and adjudications into gold.jsonl
gold: $(STAMP)
	$(BIN)/python -m evaluation.gold.classification.build

## model: retrain models/clause-coder from the gold data (train + dev)
model: $(STAMP)
	$(BIN)/clause-atlas train

## report: agreement of the double annotations, then the model and the baselines on the test split
## (real documents first), the compare threshold, then the provision checklist; rewrites the AGREEMENT files, evaluation/REPORT.md,
## evaluation/checklist/REPORT.md, models/provision-detector.json, the model card and README figures
report: $(STAMP)
	$(BIN)/python -m evaluation.gold.classification.agreement --round corpus > /dev/null
	$(BIN)/python -m evaluation.gold.classification.agreement --round real > /dev/null
	$(BIN)/python -m evaluation.gold.classification.agreement --round real-2 > /dev/null
	$(BIN)/python -m evaluation.gold.classification.agreement --round real-3 > /dev/null
	$(BIN)/python -m evaluation.gold.classification.agreement --round real-4 > /dev/null
	$(BIN)/clause-atlas evaluate
	$(BIN)/python -m evaluation.retrieval.compare_threshold --write > /dev/null
	$(BIN)/python -m evaluation.checklist.agreement --write > /dev/null
	$(BIN)/python -m evaluation.checklist.evaluate --write --test > /dev/null

## bench: time `clause-atlas classify` on 1,000 corpus clauses (needs `make app` first); hostile inputs
bench: $(STAMP)
	$(BIN)/python -m evaluation.benchmarks.classify_speed
	$(BIN)/python -m evaluation.benchmarks.hostile_inputs

clean-store:
	rm -f data/clause_atlas.duckdb data/clause_atlas.duckdb.wal
