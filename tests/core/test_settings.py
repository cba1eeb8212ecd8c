"""ADMINS and LOGGING as production reads them from the environment (portal/settings.py)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from portal.settings import parse_admins


def test_parse_admins_reads_names_and_addresses():
    assert parse_admins("運用 担当 <ops@example.jp>, dev@example.jp") == [
        ("運用 担当", "ops@example.jp"),
        ("", "dev@example.jp"),
    ]


def test_parse_admins_empty_is_nobody():
    assert parse_admins("") == []


def test_parse_admins_refuses_a_name_without_address():
    with pytest.raises(ImproperlyConfigured):
        parse_admins("ops team")


def _production_settings(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"HTTPS", "DEBUG", "ADMINS"}}
    env.update(DEBUG="off", SECRET_KEY="x", DJANGO_SETTINGS_MODULE="portal.settings", **extra)
    script = (
        "import json; from django.conf import settings as s;"
        "print(json.dumps([s.ADMINS, s.LOGGING['loggers']['django.request']['handlers']]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_admins_from_the_environment_get_server_errors_by_mail():
    assert _production_settings(ADMINS="Ops <ops@example.jp>") == [
        [["Ops", "ops@example.jp"]],
        ["mail_admins"],
    ]


def test_without_admins_no_mail_is_sent():
    assert _production_settings() == [[], []]
