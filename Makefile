# Innovationskraft: `make run` serves the app on SQLite, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-only lint format install install-dev messages bench bench-search \
	bench-workshop bench-import bench-vectors bench-notify bench-insights clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3 -m venv failed: installing Debian's python3-venv"; \
	  rm -rf $(VENV); \
	  { apt-get install -y python3-venv || sudo apt-get install -y python3-venv; } && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed
	DEBUG=true $(BIN)/python manage.py compile_translations

install-dev: $(VENV)/.installed-dev install

# The task worker (imports from the admin, index rebuilds, e-mail: docs/tasks.md) and the
# scheduler that queues the periodic tasks run beside the web server, and stop when it stops.
# E-mail is printed here rather than sent (set EMAIL_HOST to send it).
run: install
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py load_demo --if-empty --with-users
	DEBUG=true $(BIN)/python manage.py db_worker & worker=$$!; \
	  DEBUG=true $(BIN)/python manage.py run_schedule --verbosity 0 & scheduler=$$!; \
	  trap 'kill $$worker $$scheduler 2>/dev/null; wait $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	  DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint test-only

test-only: install-dev
	$(BIN)/pytest

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the Swedish catalogue from the source (needs GNU gettext's xgettext).
messages: install-dev
	cd innovationskraft && ../$(BIN)/django-admin makemessages --locale sv --no-obsolete \
	  --ignore 'static/*' --add-location file
	DEBUG=true $(BIN)/python manage.py compile_translations

bench: install-dev
	$(BIN)/python bench/case_pages.py --cases 100000

# Our search next to tantivy on the same 100,000 cases (tantivy only from the bench extra);
# on PostgreSQL when DATABASE_URL is set (a database of its own: it fills it).
bench-search: install-dev
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/search.py --cases 100000

# How fast the vectors of 10,000 cases are computed, and the memory they take (two model
# threads, as a task worker with the machine's two cores to itself would run).
bench-vectors: install-dev
	SEARCH_VECTOR_THREADS=2 $(BIN)/python bench/vectors.py --cases 10000

# A room of 1,000 phones against gunicorn on a fresh SQLite database (aiohttp from the bench extra).
bench-workshop: install-dev
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/workshop_load.py --participants 1000 --contributions 3 --seconds 60

# 100,000 generated cases exported as JSON Lines, then imported into an empty SQLite database.
bench-import: install-dev
	$(BIN)/python bench/import_jsonl.py --cases 100000

# Digests for 10,000 followers after 1,000 cases are published, sent through a local SMTP
# server: the time, and that none is lost or sent twice (aiosmtpd from the dev extra).
bench-notify: install-dev
	$(BIN)/python bench/notify.py --followers 10000 --cases 1000

# The insights page at 100,000 cases, cold and warm (the database of `make bench`).
bench-insights: install-dev
	$(BIN)/python bench/insights.py --cases 100000

clean:
	rm -rf $(VENV) staticfiles .pytest_cache screenshots
