"""`make bench`: the public pages under load on PostgreSQL, beside a bare view.

    make bench                      # scale 1, 10 s per page and mode, writes docs/benchmarks.md
    make bench ARGS=--check         # CI: scale 0.01, 1 s per page; fails on any error
    make bench ARGS="--seconds 5 --no-edits"

Steps: create the PostgreSQL database (default iot_portal_bench), migrate,
generate the demo data unless the database already holds it, collect the
static files, start gunicorn as `make serve` does (127.0.0.1 only), load
every page with wrk uncached then warm, and the bare view at the start and
the end; count each page's SQL queries; while wrk reads the briefing list,
let several staff save briefings through the admin (concurrent_edits.py);
stop gunicorn; print the table and write it to docs/benchmarks.md (not in
--check). Exits 1 when any request failed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

import report
import wrk
from common import PYTHON, ROOT, Server, ensure_database, get, log, manage, psql, server_env

BRIEFINGS_AT_SCALE_1 = 20_000


def pages(database: str, today: datetime.date) -> list[tuple[str, str]]:
    """(name, path) of every page the issue lists, with real ids from the data."""
    briefing = psql(
        database,
        "SELECT id FROM briefings_briefing WHERE status = 'held' AND deleted_at IS NULL "
        "ORDER BY date DESC, id LIMIT 1",
    )
    project = psql(
        database,
        "SELECT id FROM networks_project WHERE spread_from_id IS NOT NULL ORDER BY id LIMIT 1",
    )
    search = urllib.parse.quote("説明会")
    municipality = psql(
        database,
        "SELECT code FROM networks_municipality WHERE kind = 'city' ORDER BY code LIMIT 1",
    )
    return [
        ("home", "/"),
        ("threads", "/threads/"),
        ("thread", "/threads/diagonal/"),
        ("briefings", "/briefings/"),
        ("briefings filtered", "/briefings/?status=held&block=kyushu&date_after=2020-01-01"),
        ("briefing", f"/briefings/{briefing}/"),
        ("calendar", f"/briefings/calendar/{today.year}/{today.month}/"),
        ("coverage", "/briefings/coverage/"),
        ("prefecture", "/prefectures/13/"),
        ("block", "/blocks/kanto/"),
        ("organizations", "/organizations/"),
        ("roadmap", "/roadmap/"),
        ("roadmap model", "/roadmap/telework/"),
        ("municipality", f"/municipalities/{municipality}/"),
        ("network members", "/network/members/"),
        ("network members filtered", "/network/members/?kind=local_government&field=education"),
        ("needs", "/network/needs/?field=education"),
        ("offers", "/network/offers/?block=kanto"),
        ("projects", "/network/projects/"),
        ("project", f"/network/projects/{project}/"),
        ("cases", "/network/cases/?block=kanto"),
        ("field", "/fields/education/"),
        ("search", f"/search/?q={search}"),
        ("about", "/about/"),
    ]


def prepare_data(env: dict[str, str], database: str, scale: float) -> str:
    """Migrate and generate the demo data unless it is there already."""
    ensure_database(database)
    manage(env, "migrate", "--noinput", "-v0")
    wanted = math.ceil(BRIEFINGS_AT_SCALE_1 * scale)
    count = int(psql(database, "SELECT count(*) FROM briefings_briefing"))
    if count >= wanted:
        log(f"demo data already there ({count:,} briefings)")
    else:
        log(f"generating demo data at scale {scale:g}")
        reset = ["--reset", "--noinput"] if count else []
        manage(env, "generate_demo_data", "--scale", str(scale), *reset)
    # What autovacuum does to a live database, done now for the rows just
    # inserted in bulk: planner statistics (without them PostgreSQL expects
    # one row per table) and the visibility map (without it an index-only scan,
    # such as the coverage counts', still reads every row it finds).
    psql(database, "VACUUM ANALYZE")
    tables = {
        "briefings_briefing": "briefings",
        "briefings_briefingmaterial": "handouts",
        "threads_activity": "activities",
        "threads_statusupdate": "status updates",
        "networks_organization": "organizations",
        "networks_municipality": "municipalities",
    }
    return (
        ", ".join(
            f"{int(psql(database, f'SELECT count(*) FROM {table}')):,} {label}"
            for table, label in tables.items()
        )
        + f" (scale {scale:g})"
    )


def drain(server, connections: int) -> None:
    """Wait until the workers have finished the requests wrk left queued when
    it stopped, so that one page's backlog does not slow the next page down:
    as many bare requests as wrk had connections queue up behind them."""

    def one() -> None:
        with contextlib.suppress(OSError):
            get(server.base + "/bench/ok/", timeout=300)

    waiters = [threading.Thread(target=one) for _ in range(connections)]
    for waiter in waiters:
        waiter.start()
    for waiter in waiters:
        waiter.join()


def flush_cache(redis_url: str) -> None:
    import redis  # a main dependency of the project

    redis.Redis.from_url(redis_url).flushdb()


def main() -> int:
    parser = argparse.ArgumentParser(description="Load the public pages with wrk.")
    parser.add_argument(
        "--check", action="store_true", default=os.environ.get("BENCH_CHECK") == "1"
    )
    parser.add_argument("--scale", type=float)
    parser.add_argument("--seconds", type=float, help="per page and mode")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8765)))
    parser.add_argument("--database")
    parser.add_argument(
        "--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
    )
    parser.add_argument("--no-edits", action="store_true")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    scale = args.scale or (0.01 if args.check else 1.0)
    seconds = args.seconds or (1.0 if args.check else 10.0)
    database = args.database or ("iot_portal_bench_check" if args.check else "iot_portal_bench")
    load = wrk.Load(connections=args.connections, threads=args.threads, seconds=seconds)
    wrk.require_wrk()

    media = Path(tempfile.gettempdir()) / f"{database}-media"
    env = server_env(database=database, port=args.port, redis_url=args.redis, media_root=media)
    load_before = os.getloadavg()
    data = prepare_data(env, database, scale)
    manage(env, "collectstatic", "--noinput", "-v0")
    today = datetime.date.today()
    page_list = pages(database, today)
    paths = [path for _name, path in page_list]
    log("counting queries per page")
    counted = json.loads(
        subprocess.run(
            [PYTHON, "bench/queries.py", *paths],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    failures = [
        f"{p}: answered {c['status']} to the test client"
        for p, c in counted.items()
        if c["status"] != 200
    ]

    rows, bare = [], []
    edits, edits_reads, admin = None, None, []
    with Server(env) as server:
        workers = env.get("WEB_CONCURRENCY") or f"{2 * len(os.sched_getaffinity(0)) + 1}"
        log(f"gunicorn up at {server.base} ({workers} workers)")
        bare_load = wrk.Load(
            connections=load.connections, threads=load.threads, seconds=max(1.0, load.seconds / 3)
        )
        for mode in ("uncached", "warm"):
            if mode == "uncached":
                flush_cache(args.redis)
            for name, path in page_list:
                bare.append(wrk.run(server.base + "/bench/ok/", bare_load))
                drain(server, load.connections)
                try:
                    status, _ = get(server.base + path, timeout=load.timeout_seconds)
                except OSError as error:
                    status = f"no answer ({error})"
                if status != 200:
                    failures.append(f"{path}: answered {status}")
                result = wrk.run(server.base + path, load, bypass_cache=mode == "uncached")
                drain(server, load.connections)
                rows.append(
                    report.Row(
                        name,
                        path,
                        mode,
                        result,
                        counted[path]["queries"],
                        bare[-1].rps,
                        counted[path]["rows"],
                    )
                )
                log(
                    f"{mode:8} {name:20} {result.rps:8.1f} req/s  p99 {result.p99_ms:8.0f} ms  "
                    f"errors {result.errors}  (bare {bare[-1].rps:,.0f} req/s)"
                )
        log("timing the admin's screens")
        admin = run_admin(env, server.base, requests=3 if args.check else 10)
        failures += [
            f"admin {a['path']}: answered {a['status']}" for a in admin if a["status"] != 200
        ]
        if not args.no_edits:
            edits, edits_reads = run_edits(env, server.base, load, check=args.check)
    failures += [f"{r.path} ({r.mode}): {r.result.errors} errors" for r in rows if r.result.errors]
    failures += [f"bare view: {b.errors} errors" for b in bare if b.errors]
    if edits is not None:
        failures += [f"concurrent edits: {p}" for p in edits["problems"]]
        if edits_reads is not None and edits_reads.errors:
            failures.append(f"/briefings/ during edits: {edits_reads.errors} errors")

    text = report.markdown(
        rows=rows,
        bare=bare,
        load=load,
        facts=report.machine(database),
        data=data,
        workers=workers,
        edits=edits,
        edits_reads=edits_reads,
        admin=admin,
        load_average=(load_before, os.getloadavg()),
    )
    print(text)
    if not args.check:
        args.output.write_text(text, encoding="utf-8")
        log(f"wrote {args.output}")
    if failures:
        print("\nFAILED:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    log("no errors")
    return 0


def run_admin(env, base: str, *, requests: int) -> list[dict]:
    """The admin's screens, one member of staff at a time (bench/admin_pages.py)."""
    completed = subprocess.run(
        [PYTHON, "bench/admin_pages.py", "--base", base, "--requests", str(requests)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    lines = completed.stdout.strip().splitlines()
    if not lines:
        return [{"name": "admin", "path": "/admin/", "status": completed.stderr[-2000:]}]
    return json.loads(lines[-1])


def run_edits(env, base: str, load: wrk.Load, *, check: bool):
    """Staff save briefings through the admin while wrk reads the briefing list."""
    seconds = max(5.0, load.seconds * 2)
    reads: dict[str, wrk.Result] = {}
    reader = threading.Thread(
        target=lambda: reads.setdefault(
            "r",
            wrk.run(
                base + "/briefings/",
                wrk.Load(
                    connections=load.connections,
                    threads=load.threads,
                    seconds=seconds,
                    timeout_seconds=load.timeout_seconds,
                ),
            ),
        )
    )
    reader.start()
    completed = subprocess.run(
        [
            PYTHON,
            "bench/concurrent_edits.py",
            "--base",
            base,
            "--editors",
            "2",
            "--bureaus",
            "2",
            "--seconds",
            str(seconds),
            "--max-saves",
            "5" if check else "200",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    reader.join()
    lines = completed.stdout.strip().splitlines()
    if not lines:
        return {
            "problems": [completed.stderr[-2000:]],
            "errors": 1,
            "writers": 0,
            "editors": 0,
            "bureaus": 0,
            "seconds": 0,
            "saves": 0,
            "saves_per_second": 0,
            "save_p50_ms": None,
            "save_max_ms": None,
        }, reads.get("r")
    edits = json.loads(lines[-1])
    log(f"concurrent edits: {edits['saves']} saves, {edits['errors']} problems")
    return edits, reads.get("r")


if __name__ == "__main__":
    sys.exit(main())
