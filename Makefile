# Two commands do all the set-up (see README.md): `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
EN_PO := locale/en/LC_MESSAGES/django.po
# The suite runs with DEBUG off, as production does; it needs some key.
TEST_ENV := DEBUG=off SECRET_KEY=$${SECRET_KEY:-test-only-not-secret} STATIC_MANIFEST=off

.PHONY: run test install install-test migrate load lint messages clean

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

run: load
	DEBUG=$${DEBUG:-on} $(PY) manage.py runserver 127.0.0.1:$(PORT)

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
