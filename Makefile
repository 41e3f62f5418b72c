# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install run test lint format translations mutation clean

install: $(STAMP)

# Torch first from the CPU wheel on local disk, then everything else under the same pin,
# so no resolver step can swap in a CUDA build.
$(STAMP): pyproject.toml constraints.txt package.json package-lock.json
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt torch==2.13.0
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	npm ci --no-audit --no-fund --silent
	touch $(STAMP)

run: install
	$(BIN)/workbench init-db
	$(BIN)/workbench demo --if-empty
	$(BIN)/workbench run-all

test: install
	$(BIN)/python -m pytest -q

# Mutation testing of the four modules that guard promises, each against its own tests; prints
# each module's score and any survivor (see "Mutation testing" in the README).
mutation: install
	$(BIN)/python scripts/mutation.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# After changing storyteller-facing text: extract, merge into each language, compile.
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _l --no-location --sort-output -o workbench/translations/messages.pot .
	$(BIN)/pybabel update -i workbench/translations/messages.pot -d workbench/translations
	$(BIN)/pybabel compile -d workbench/translations

clean:
	rm -rf $(VENV) instance node_modules
