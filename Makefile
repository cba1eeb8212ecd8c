# Two commands do all the set-up (see README.md): `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
EN_PO := locale/en/LC_MESSAGES/django.po
# The suite runs with DEBUG off, as production does; it needs some key.
TEST_ENV := DEBUG=off SECRET_KEY=$${SECRET_KEY:-test-only-not-secret} STATIC_MANIFEST=off

.PHONY: run test install install-test migrate load lint messages clean serve bench demo

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	DEBUG=$${DEBUG:-on} $(PY) manage.py migrate --noinput

load: migrate
	DEBUG=$${DEBUG:-on} $(PY) manage.py load_seed
	DEBUG=$${DEBUG:-on} $(PY) manage.py load_roadmap

run: load
	DEBUG=$${DEBUG:-on} $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production: gunicorn (gunicorn.conf.py; WEB_CONCURRENCY workers, default
# 2 x cores + 1) with WhiteNoise serving the hashed, compressed static files.
# Every setting comes from the environment (or .env); DEBUG is always off and
# SECRET_KEY is required. Migrate first (`make migrate` with the same env).
serve: install
	DEBUG=off $(PY) manage.py collectstatic --noinput -v0
	exec env DEBUG=off $(VENV)/bin/gunicorn

# National-scale demo data in the database DATABASE_URL names (README "Demo data").
SCALE ?= 1
demo: migrate
	DEBUG=$${DEBUG:-on} $(PY) manage.py generate_demo_data --scale $(SCALE)

# Load test on PostgreSQL with wrk (bench/README.md); ARGS=--check for CI's short run.
bench: install
	$(PY) bench/run.py $(ARGS)

test: install-test
	$(TEST_ENV) $(VENV)/bin/ruff check .
	$(TEST_ENV) $(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Refresh the English catalogue from the source strings, then compile it.
# Sorted by msgid and without source lines, so that branches adding strings
# merge without conflicts.
# Only this project's strings: .venv (Django's own templates) and build output
# are left out, and only the project's locale/ is compiled.
messages: install
	DEBUG=on $(PY) manage.py makemessages -l en --no-obsolete --no-location --ignore='.venv/*' --ignore='staticfiles/*' --ignore='docs/*'
	msguniq --sort-output --no-location -o $(EN_PO) $(EN_PO)
	DEBUG=on $(PY) manage.py compilemessages --ignore='.venv/*'

clean:
	rm -rf $(VENV) staticfiles
