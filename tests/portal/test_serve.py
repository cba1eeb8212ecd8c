"""`make serve`'s gunicorn (gunicorn.conf.py) in a real process, probed on /healthz.

The database the probe sees is a real one: an empty SQLite file answers
`SELECT 1`; a file in a folder that does not exist cannot be opened.
"""

import json
import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
GUNICORN = Path(sys.executable).parent / "gunicorn"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _probe(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _serve_and_probe(database_url: str) -> tuple[int, dict]:
    port = _free_port()
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        DEBUG="off",
        SECRET_KEY="test-only",
        STATIC_MANIFEST="off",
        CACHE_URL="locmemcache://",
        PORT=str(port),
        WEB_CONCURRENCY="1",
    )
    env.pop("BIND", None)
    server = subprocess.Popen(
        [str(GUNICORN)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                return _probe(f"http://127.0.0.1:{port}/healthz")
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stderr.read().decode()) from None
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_healthz_answers_200_with_a_database(tmp_path):
    database = tmp_path / "empty.sqlite3"
    database.touch()

    assert _serve_and_probe(f"sqlite:///{database}") == (200, {"database": "ok", "cache": "ok"})


def test_serve_healthz_answers_503_without_a_database(tmp_path):
    missing = tmp_path / "no-such-folder" / "db.sqlite3"

    status, body = _serve_and_probe(f"sqlite:///{missing}")

    assert (status, body) == (503, {"database": "error", "cache": "ok"})


def _config(monkeypatch, **env) -> dict:
    for name in ("WEB_CONCURRENCY", "PORT", "BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_serve_workers_default_to_twice_the_cores_plus_one(monkeypatch):
    config = _config(monkeypatch)

    assert config["workers"] == 2 * len(os.sched_getaffinity(0)) + 1
    assert config["bind"] == "127.0.0.1:8000"
    assert config["wsgi_app"] == "portal.wsgi:application"


def test_serve_workers_and_port_come_from_the_environment(monkeypatch):
    config = _config(monkeypatch, WEB_CONCURRENCY="5", PORT="8080")

    assert (config["workers"], config["bind"]) == (5, "127.0.0.1:8080")


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_serve_refuses_a_bad_worker_count(monkeypatch, value):
    with pytest.raises(
        SystemExit, match=f"WEB_CONCURRENCY must be a positive whole number, not '{value}'"
    ):
        _config(monkeypatch, WEB_CONCURRENCY=value)
