"""Mail settings (portal/settings.py): EMAIL_URL, the console in development,
and the network's NETWORK_NOTIFY_EMAILS and rate limit.

Each case starts a fresh Python process, since settings are read once at start.
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings

MAIL_VARIABLES = {"EMAIL_URL", "NETWORK_NOTIFY_EMAILS", "NETWORK_APPLY_RATE_LIMIT", "DEBUG"}


def read_settings(expression: str, **env) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in MAIL_VARIABLES}
    environment.update({"SECRET_KEY": "test-only", "DEBUG": "off", **env})
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; print({expression})",
        ],
        cwd=settings.BASE_DIR,
        env=dict(environment, DJANGO_SETTINGS_MODULE="portal.settings"),
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.strip()


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({"DEBUG": "on"}, "django.core.mail.backends.console.EmailBackend"),
        ({}, "django.core.mail.backends.smtp.EmailBackend"),
        (
            {"DEBUG": "on", "EMAIL_URL": "smtp+tls://user:pass@mail.example.jp:587"},
            "django.core.mail.backends.smtp.EmailBackend",
        ),
    ],
)
def test_mail_goes_to_the_console_in_development_unless_email_url_says(env, backend):
    assert read_settings("settings.EMAIL_BACKEND", **env) == backend


def test_email_url_sets_the_server():
    host = read_settings(
        "(settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS)",
        EMAIL_URL="smtp+tls://user:pass@mail.example.jp:587",
    )
    assert host == "('mail.example.jp', 587, True)"


def test_network_settings_from_the_environment():
    value = read_settings(
        "(settings.NETWORK_NOTIFY_EMAILS, settings.NETWORK_APPLY_RATE_LIMIT)",
        NETWORK_NOTIFY_EMAILS="Network <a@example.go.jp>, b@example.go.jp",
        NETWORK_APPLY_RATE_LIMIT="3",
    )
    assert value == "(['a@example.go.jp', 'b@example.go.jp'], 3)"
