"""What the bench scripts share: paths, the environment of the server under
test, PostgreSQL through psql, and starting and stopping gunicorn.

Everything talks to 127.0.0.1 only.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
HOST = "127.0.0.1"
PG = {"host": os.environ.get("BENCH_PGHOST", HOST), "port": "5432", "user": "postgres"}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def server_env(*, database: str, port: int, redis_url: str, media_root: Path) -> dict[str, str]:
    """The environment `make serve` would get in production, with the bench's
    own database, cache and media, over plain HTTP, with the bare view on."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{database}",
        DEBUG="off",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-only-not-secret",
        HTTPS="off",
        BENCH_MODE="on",
        CACHE_URL=redis_url,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        MEDIA_ROOT=str(media_root),
        PORT=str(port),
        BIND=f"{HOST}:{port}",
    )
    env.pop("STATIC_MANIFEST", None)  # production's hashed, compressed files
    return env


def psql(database: str, sql: str) -> str:
    """One SQL statement's result, as psql prints it unaligned without headers."""
    out = subprocess.run(
        [
            "psql",
            "-h",
            PG["host"],
            "-p",
            PG["port"],
            "-U",
            PG["user"],
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-tAc",
            sql,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def ensure_database(name: str) -> None:
    """Create the database (UTF-8, C.UTF-8 collation, as README says) if missing."""
    if psql("postgres", f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1":
        return
    subprocess.run(
        [
            "createdb",
            "-h",
            PG["host"],
            "-p",
            PG["port"],
            "-U",
            PG["user"],
            "-T",
            "template0",
            "-E",
            "UTF8",
            "--lc-collate=C.UTF-8",
            "--lc-ctype=C.UTF-8",
            name,
        ],
        check=True,
    )


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def get(
    url: str, *, headers: dict[str, str] | None = None, timeout: float = 60
) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Server:
    """gunicorn as `make serve` starts it (gunicorn.conf.py), in the background."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.base = f"http://{env['BIND']}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        gunicorn = shutil.which("gunicorn", path=str(VENV_BIN)) or "gunicorn"
        self.log = open(Path(tempfile.gettempdir()) / "iot-portal-bench-gunicorn.log", "w")
        self.process = subprocess.Popen(
            [gunicorn], cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start; see {self.log.name}")
            try:
                if get(self.base + "/healthz", timeout=5)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        self.__exit__()
        raise SystemExit("gunicorn did not answer /healthz within 90 s")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
