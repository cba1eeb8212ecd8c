"""Where an uncached page's time goes: SQL, template engine, the rest.

    .venv/bin/python bench/split.py              # every page of `make bench`, on its data
    .venv/bin/python bench/split.py / /about/    # some pages

Renders each page with Django's test client in this one process (no server,
no load, the page cache off) against the bench's database, which `make
bench` has filled, and splits each request's wall time three ways: SQL (from
sending a statement to having its rows, PostgreSQL and the driver), the
template engine (rendering, less the SQL a lazy queryset runs from a
template), and the rest (the view, building querysets and model instances,
middleware). Prints a Markdown table, milliseconds per request, the median
of --repeat runs of --requests requests each. Run it on a quiet machine: it
measures wall time.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import HOST, PG  # noqa: E402


def setup(database: str) -> None:
    os.environ.update(
        DATABASE_URL=f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{database}",
        DEBUG="off",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-only-not-secret",
        HTTPS="off",
        PAGE_CACHE="off",  # the pages themselves
        ALLOWED_HOSTS=f"{HOST},localhost,testserver",
        STATIC_MANIFEST="off",
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()


class Split:
    """Wall time of SQL and of template rendering, summed over requests."""

    def __init__(self) -> None:
        self.sql = self.templates = self.sql_in_templates = 0.0
        self.depth = 0

    def execute(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - start
            self.sql += spent
            if self.depth:
                self.sql_in_templates += spent

    def wrap_render(self, render):
        split = self

        def _render(template, context):
            outermost = split.depth == 0
            split.depth += 1
            start = time.perf_counter()
            try:
                return render(template, context)
            finally:
                split.depth -= 1
                if outermost:
                    split.templates += time.perf_counter() - start

        return _render


def measure(path: str, requests: int) -> tuple[float, float, float]:
    """(total, sql, templates) in ms per request."""
    from django.db import connection
    from django.template import base
    from django.test import Client

    client = Client()
    for _ in range(3):  # per-process caches warm, as in a worker that has served a while
        client.get(path)
    split = Split()
    original = base.Template._render
    base.Template._render = split.wrap_render(original)
    try:
        with connection.execute_wrapper(split.execute):
            start = time.perf_counter()
            for _ in range(requests):
                client.get(path)
            total = time.perf_counter() - start
    finally:
        base.Template._render = original
    per = 1000 / requests
    return total * per, split.sql * per, (split.templates - split.sql_in_templates) * per


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--database", default="iot_portal_bench")
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup(args.database)
    import run  # the bench's pages, with ids from this database

    from core import dates

    pages = (
        [(path, path) for path in args.paths]
        if args.paths
        else run.pages(args.database, dates.today())
    )
    print("| page | total ms | SQL | templates | the rest |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, path in pages:
        runs = [measure(path, args.requests) for _ in range(args.repeat)]
        total, sql, templates = (statistics.median(column) for column in zip(*runs, strict=True))
        print(
            f"| {name} | {total:.1f} | {sql:.1f} | {templates:.1f} | {total - sql - templates:.1f} |"
        )
    print(f"\n{datetime.date.today()}, {args.requests} requests × {args.repeat}, medians.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
