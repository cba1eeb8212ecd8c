"""The admin's screens at scale: how long each takes for one member of staff.

Usage (bench/run.py calls it with the server's environment):
    python bench/admin_pages.py --base http://127.0.0.1:8765 [--requests 10]
Prints one JSON line: a list of {name, path, status, p50_ms, max_ms, bytes,
queries, rows}.

An editor (`bench-admin-editor`, a fresh random password) logs in over HTTP
and requests each screen once to warm the worker, then `--requests` times
one after the other (no concurrent load: the budget is one person's wait,
300 ms at scale 1). Queries and rows (core.rowcount) are counted apart, in
this process, with Django's test client logged in as the same user.
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import time

# Sets up Django (the server's environment) and knows how to log in.
from concurrent_edits import _call, log_in
from django.contrib.auth import get_user_model
from django.test import Client

from briefings.models import Briefing
from core.rowcount import count_rows
from networks.models import Organization
from networks.services import assign_staff_role
from threads.models import Thread

USERNAME = "bench-admin-editor"


def screens() -> list[tuple[str, str]]:
    """(name, path) of the staff start page, the big changelists, change forms and histories."""
    briefing = Briefing.objects.order_by("-date", "pk").first()
    thread = Thread.objects.get(slug="diagonal")
    organization = Organization.objects.order_by("pk").first()
    return [
        ("start page", "/admin/"),
        ("briefings", "/admin/briefings/briefing/"),
        ("briefings, searched", "/admin/briefings/briefing/?q=%E8%AA%AC%E6%98%8E%E4%BC%9A"),
        ("activities", "/admin/threads/activity/"),
        ("status updates", "/admin/threads/statusupdate/"),
        ("organizations", "/admin/networks/organization/"),
        ("a briefing", f"/admin/briefings/briefing/{briefing.pk}/change/"),
        ("a thread (斜め)", f"/admin/threads/thread/{thread.pk}/change/"),
        ("an organization", f"/admin/networks/organization/{organization.pk}/change/"),
        ("a briefing's history", f"/admin/briefings/briefing/{briefing.pk}/history/"),
        ("a thread's history", f"/admin/threads/thread/{thread.pk}/history/"),
    ]


def staff_user(password: str):
    user = get_user_model().objects.filter(username=USERNAME).first()
    user = user or get_user_model()(username=USERNAME)
    user.set_password(password)
    user.save()
    assign_staff_role(user, role="editor")
    return user


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()

    password = secrets.token_urlsafe(18)
    user = staff_user(password)
    opener, status = log_in(args.base, USERNAME, password)
    if status != 302:
        raise SystemExit(f"login answered {status}")
    client = Client()
    client.force_login(user)
    results = []
    for name, path in screens():
        status, _loc, page = _call(opener, args.base + path)  # warm
        times = []
        for _ in range(args.requests):
            started = time.monotonic()
            status, _loc, page = _call(opener, args.base + path)
            times.append((time.monotonic() - started) * 1000)
        client.get(path)
        with count_rows() as counted:
            client.get(path)
        results.append(
            {
                "name": name,
                "path": path,
                "status": status,
                "p50_ms": round(statistics.median(times)),
                "max_ms": round(max(times)),
                "bytes": len(page.encode()),
                "queries": counted.queries,
                "rows": counted.rows,
            }
        )
    print(json.dumps(results, ensure_ascii=False))
    return 0 if all(r["status"] == 200 for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
