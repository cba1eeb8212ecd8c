"""gunicorn's master loads templates, catalogues and URL lookups before it
forks (portal/warmup.py), so that a restarted worker's first request is as
fast as its hundredth. tests/portal/test_serve.py starts gunicorn, which runs it."""

import gc
import logging
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template.base import Template

from portal.warmup import warm


def test_warm_compiles_every_template_of_the_project_without_the_database():
    # No django_db mark: a query here would fail the test (it would run before the fork).
    project_templates = list((Path(settings.BASE_DIR) / "templates").rglob("*.html"))

    assert warm() >= len(project_templates)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/about/", "/en/briefings/", "/threads/"])
def test_after_warming_a_first_request_compiles_no_template(client, seeded, monkeypatch, path):
    warm()
    compiled = []
    original = Template.compile_nodelist

    def counting(self):
        compiled.append(self.origin.template_name)
        return original(self)

    monkeypatch.setattr(Template, "compile_nodelist", counting)

    assert client.get(path).status_code == 200
    assert compiled == []


def test_gunicorn_freezes_what_the_master_loaded_before_forking():
    config = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    try:
        config["when_ready"](SimpleNamespace(log=logging.getLogger("gunicorn.test")))
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
