# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install system-packages run test lint format translations lock lock-upgrade mutation clean

install: $(STAMP)

# Torch first from the CPU wheel on local disk, then everything else at the versions in the
# lock (torch's CPU build among them), so no resolver step can swap in a CUDA build or a
# release CI never ran.
$(STAMP): pyproject.toml $(LOCK) package.json package-lock.json
	@command -v npm >/dev/null || bash scripts/system-packages.sh npm
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade 'pip>=25'
	$(BIN)/pip install --quiet -c $(LOCK) torch
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[dev]'
	npm ci --no-audit --no-fund --silent
	touch $(STAMP)

# Debian packages the tests need (redis-server, chromium, npm, a font); nothing when present.
system-packages:
	bash scripts/system-packages.sh

run: install
	$(BIN)/workbench init-db
	$(BIN)/workbench demo --if-empty
	$(BIN)/workbench run-all

test: install system-packages
	$(BIN)/python -m pytest -q

# Mutation testing of the modules that guard promises, each against its own tests; prints
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

# Write the lock from pyproject.toml in a throw-away venv. `make lock` keeps every version
# already locked and adds what is new (run it after adding a dependency to pyproject.toml);
# `make lock-upgrade` resolves everything afresh to take new releases on purpose (monthly, or
# for a security fix). Then `make test` and commit the lock with the change.
lock: LOCK_KEEP := -c $(LOCK)
lock lock-upgrade:
	rm -rf .lock-venv
	$(PY) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade 'pip>=25'
	.lock-venv/bin/pip install --quiet torch==2.13.0
	.lock-venv/bin/pip install --quiet -c scripts/lock-pins.txt $(LOCK_KEEP) '.[dev]'
	bash scripts/write-lock.sh .lock-venv/bin/pip > $(LOCK).new
	mv $(LOCK).new $(LOCK)
	rm -rf .lock-venv build

clean:
	rm -rf $(VENV) instance node_modules
