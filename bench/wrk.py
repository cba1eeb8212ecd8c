"""Running wrk (Debian's package) against one address and reading its result."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass

from common import ROOT

SCRIPT = ROOT / "bench" / "report.lua"


@dataclass(frozen=True)
class Load:
    connections: int = 16
    threads: int = 2
    seconds: float = 10.0
    # A slow page must show as slow, not as socket timeouts.
    timeout_seconds: int = 60


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    bytes: int
    status_errors: int  # responses other than 2xx/3xx
    socket_errors: int  # connect, read, write, timeout
    p50_ms: float
    p99_ms: float
    max_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return self.status_errors + self.socket_errors

    @property
    def bytes_per_request(self) -> int:
        return round(self.bytes / self.requests) if self.requests else 0


def require_wrk() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    return path


def run(url: str, load: Load, *, bypass_cache: bool = False) -> Result:
    """Load `url` for `load.seconds`; bounded by wrk's own duration."""
    env = dict(os.environ, BENCH_CACHE_BYPASS="1" if bypass_cache else "0")
    completed = subprocess.run(
        [
            require_wrk(),
            f"-t{load.threads}",
            f"-c{load.connections}",
            f"-d{max(1, round(load.seconds))}s",
            f"--timeout={load.timeout_seconds}s",
            "-s",
            str(SCRIPT),
            url,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=load.seconds + load.timeout_seconds + 30,
        check=True,
    )
    line = next(
        (line for line in completed.stdout.splitlines() if line.startswith("BENCH_JSON ")), None
    )
    if line is None:
        raise SystemExit(f"wrk printed no result for {url}:\n{completed.stdout}{completed.stderr}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    return Result(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        bytes=data["bytes"],
        status_errors=data["status"],
        socket_errors=data["connect"] + data["read"] + data["write"] + data["timeout"],
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
    )
