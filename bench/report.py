"""The bench's table, printed and written to docs/benchmarks.md with the machine it ran on."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from dataclasses import dataclass

from common import PG, ROOT, psql
from wrk import Load, Result


@dataclass(frozen=True)
class Row:
    name: str
    path: str
    mode: str  # "uncached" or "warm"
    result: Result
    queries: int | None
    # The bare view's req/s measured just before this page: on a shared
    # machine the load drifts, and the ratio compares like with like.
    bare_rps: float
    rows: int | None = None  # rows the database handed back for one request


def machine(database: str) -> dict[str, str]:
    """What the numbers depend on: processor, cores, memory, PostgreSQL, load."""
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        mem_kb = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "commit": commit or "unknown",
        "cpu": cpu,
        "cores": str(len(os.sched_getaffinity(0))),
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "postgresql": psql(database, "SHOW server_version"),
        "python": platform.python_version(),
        "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split(" [")[0],
        "pg_host": PG["host"],
    }


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| page | path | mode | req/s | p50 ms | p99 ms | errors | queries | rows | bytes | bare req/s | × bare |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        r = row.result
        ratio = r.rps / row.bare_rps if row.bare_rps else 0
        # No request finished within the run: its latency is longer than the run.
        p50, p99 = (
            (f"{r.p50_ms:,.0f}", f"{r.p99_ms:,.0f}")
            if r.requests
            else (f"> {r.seconds * 1000:,.0f}",) * 2
        )
        lines.append(
            f"| {row.name} | `{row.path}` | {row.mode} | {r.rps:,.1f} | {p50} | {p99} | "
            f"{r.errors} | {'' if row.queries is None else row.queries} | "
            f"{'' if row.rows is None else f'{row.rows:,}'} | {r.bytes_per_request:,} | {row.bare_rps:,.0f} | {ratio:.3f} |"
        )
    return lines


# The budgets of issue 10, per page (ratio to the bare view, p99) and per admin screen.
BUDGET_RATIO = {"uncached": 0.1, "warm": 0.5}
BUDGET_P99_MS = 100
BUDGET_ADMIN_MS = 300


def budget_check(rows: list[Row], admin: list[dict] | None) -> list[str]:
    """Each budget of issue 10 that this run did not meet, with the number."""
    missed = []
    for row in rows:
        r = row.result
        ratio = r.rps / row.bare_rps if row.bare_rps else 0
        if ratio < BUDGET_RATIO[row.mode]:
            missed.append(
                f"{row.name} ({row.mode}): {ratio:.3f} × bare, budget {BUDGET_RATIO[row.mode]}"
            )
        if not r.requests or r.p99_ms >= BUDGET_P99_MS:
            p99 = f"{r.p99_ms:,.0f} ms" if r.requests else "no request finished"
            missed.append(f"{row.name} ({row.mode}): p99 {p99}, budget {BUDGET_P99_MS} ms")
        if r.errors:
            missed.append(f"{row.name} ({row.mode}): {r.errors} errors")
    for screen in admin or []:
        if screen.get("p50_ms") is not None and screen["p50_ms"] >= BUDGET_ADMIN_MS:
            missed.append(
                f"admin {screen['name']}: p50 {screen['p50_ms']:,} ms, budget {BUDGET_ADMIN_MS} ms"
            )
    return missed


def markdown(
    *,
    rows: list[Row],
    bare: list[Result],
    load: Load,
    facts: dict[str, str],
    data: dict[str, str],
    workers: str,
    edits: dict | None,
    edits_reads: Result | None,
    admin: list[dict] | None = None,
    load_average: tuple[tuple[float, ...], tuple[float, ...]],
) -> str:
    before, after = load_average
    bare_rates = sorted(b.rps for b in bare)
    out = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py; bench/README.md says how to read it).",
        "The numbers before issue 10's page work and page cache are kept in",
        "[benchmarks-baseline.md](benchmarks-baseline.md).",
        "",
        "## Machine and set-up",
        "",
        f"- run: {facts['date']}, commit `{facts['commit']}`",
        f"- processor: {facts['cpu']}, {facts['cores']} cores, {facts['memory']} memory",
        f"- PostgreSQL {facts['postgresql']} on {facts['pg_host']}, Python {facts['python']}, {facts['wrk']}",
        f"- load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in before)}; "
        f"after: {', '.join(f'{x:.2f}' for x in after)}. The machine is shared: a load",
        "  above the core count while the bench ran means other work took CPU from it.",
        f"- server: `make serve`'s gunicorn, {workers} sync workers, DEBUG off, WhiteNoise,",
        "  Redis cache, sessions in the database, each worker keeping its database",
        "  connection (CONN_MAX_AGE) and forked from a master that has compiled the",
        "  templates (portal/warmup.py); all on this one machine with wrk",
        f"- load: wrk, {load.connections} connections, {load.threads} threads, "
        f"{load.seconds:g} s per page and mode, on 127.0.0.1",
        f"- data: {data}",
        "",
        "## Pages",
        "",
        'The bare view (`/bench/ok/`: "ok" through the same middleware) is loaded',
        f"right before every page, for {bare[0].seconds:.0f} s: it answered between "
        f"{bare_rates[0]:,.0f} and {bare_rates[-1]:,.0f} req/s (median "
        f"{bare_rates[len(bare_rates) // 2]:,.0f}; p99 at most "
        f"{max(b.p99_ms for b in bare):,.0f} ms).",
        "`× bare` is a page's req/s divided by that of the bare run just before it",
        "(`bare req/s`). The budget (issue 10): at least 0.1 uncached and 0.5 warm,",
        "p99 under 100 ms, no errors.",
        "`errors` counts responses other than 2xx/3xx and socket errors (timeouts included);",
        "`queries` is the SQL statements one request runs and `rows` the rows the database",
        "handed back for it (bench/queries.py, without the page cache); `bytes` is",
        "one response with its headers.",
        "",
        "**uncached**: the bench's Redis database is emptied first and every request",
        "carries `X-Bench-Cache: bypass`, which the page cache (core/cache.py) honours",
        "in BENCH_MODE only: each request renders the page. **warm**: the page is",
        "requested once, then loaded; anonymous requests are answered from the page",
        "cache (Redis) until a write changes the data.",
        "",
        *table(rows),
        "",
    ]
    missed = budget_check(rows, admin)
    out += [
        "## Budgets",
        "",
        "Issue 10's budgets: every page at least 0.1 × the bare view uncached and 0.5 ×",
        f"warm, p99 under {BUDGET_P99_MS} ms, no errors; the admin's screens under "
        f"{BUDGET_ADMIN_MS} ms.",
        "",
        *(
            [f"Not met in this run ({len(missed)}):", "", *[f"- {m}" for m in missed]]
            if missed
            else ["All met in this run."]
        ),
        "",
    ]
    if admin:
        out += [
            "## The admin",
            "",
            "bench/admin_pages.py: one editor, logged in over HTTP, requests each screen",
            "once, then 10 times one after the other, with no other load (the budget, issue",
            "10: under 300 ms each at scale 1). Queries and rows are one request's.",
            "",
            "| screen | path | p50 ms | max ms | queries | rows | bytes | status |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            *[
                f"| {a['name']} | `{a['path']}` | {a.get('p50_ms', '')} | {a.get('max_ms', '')} | "
                f"{a.get('queries', '')} | {a.get('rows', '')} | {a.get('bytes', '')} | "
                f"{a['status']} |"
                for a in admin
            ],
            "",
        ]
    if edits is not None:
        out += [
            "## Staff editing while the public reads",
            "",
            "bench/concurrent_edits.py: "
            f"{edits['editors']} editors and {edits['bureaus']} bureau staff, each logged in "
            "to the admin, saved their own briefings through the change form (GET the form,",
            "POST it back with new notes) for the whole run, while wrk read the briefing list.",
            "",
            "| writers | seconds | saves | saves/s | save p50 ms | save max ms | errors, lost writes, history gaps |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {edits['writers']} | {edits['seconds']} | {edits['saves']} | "
            f"{edits['saves_per_second']} | {edits['save_p50_ms']} | {edits['save_max_ms']} | "
            f"{edits['errors']} |",
            "",
        ]
        if edits_reads is not None:
            r = edits_reads
            out += [
                f"Meanwhile `/briefings/` answered {r.rps:,.1f} req/s (p50 {r.p50_ms:,.0f} ms, "
                f"p99 {r.p99_ms:,.0f} ms) with {r.errors} errors.",
                "",
            ]
        if edits["problems"]:
            out += ["Problems:", "", *[f"- {p}" for p in edits["problems"]], ""]
    return "\n".join(out)
