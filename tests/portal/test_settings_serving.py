"""The serving settings read from the environment (portal/settings.py, "Serving").

Each case starts a fresh Python process, since settings are read once at start.
"""

import os
import subprocess
import sys

from django.conf import settings


def _settings(code: str, **env) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SESSION_ENGINE", "MEDIA_ROOT", "CACHE_URL", "BENCH_MODE"}
    }
    environment.update(DEBUG="off", SECRET_KEY="test-only", **env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; " + code,
        ],
        cwd=settings.BASE_DIR,
        env=dict(environment, DJANGO_SETTINGS_MODULE="portal.settings"),
        capture_output=True,
        text=True,
    )


def test_settings_sessions_default_to_the_database():
    run = _settings("print(settings.SESSION_ENGINE)")

    assert run.stdout.strip() == "django.contrib.sessions.backends.db"


def test_settings_sessions_in_a_shared_cache():
    run = _settings(
        "print(settings.SESSION_ENGINE)",
        SESSION_ENGINE="cached_db",
        CACHE_URL="redis://127.0.0.1:6379/1",
    )

    assert run.stdout.strip() == "django.contrib.sessions.backends.cached_db"


def test_settings_refuse_sessions_in_a_per_process_cache():
    run = _settings("print(settings.SESSION_ENGINE)", SESSION_ENGINE="cache")

    assert run.returncode == 1
    assert "SESSION_ENGINE=cache or cached_db needs a shared cache" in run.stderr


def test_settings_refuse_an_unknown_session_engine():
    run = _settings("print(settings.SESSION_ENGINE)", SESSION_ENGINE="file")

    assert run.returncode == 1
    assert "SESSION_ENGINE must be one of: db, cache, cached_db." in run.stderr


def test_settings_media_root_from_the_environment(tmp_path):
    run = _settings("print(settings.MEDIA_ROOT)", MEDIA_ROOT=str(tmp_path))

    assert run.stdout.strip() == str(tmp_path)


def test_settings_bare_bench_view_only_in_bench_mode():
    code = (
        "from django.test import Client; "
        "print(Client().get('/bench/ok/', HTTP_HOST='127.0.0.1').status_code)"
    )

    assert _settings(code, HTTPS="off").stdout.strip() == "404"
    assert _settings(code, HTTPS="off", BENCH_MODE="on").stdout.strip() == "200"


def test_settings_keep_the_database_connection_between_requests():
    # A new PostgreSQL connection per request cost more than a small page's queries.
    run = _settings(
        "d = settings.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )

    assert run.stdout.split() == ["600", "True"]


def test_settings_close_the_connection_after_each_request_when_told():
    run = _settings("print(settings.DATABASES['default']['CONN_MAX_AGE'])", CONN_MAX_AGE="0")

    assert run.stdout.strip() == "0"
