"""Several staff save briefings through the admin at once, against a running server.

Usage (bench/run.py runs it with the server's environment, while wrk reads):
    python bench/concurrent_edits.py --base http://127.0.0.1:8765 --editors 2 --bureaus 2 --seconds 20

1. Prepares, through the ORM: one user per writer (bench-editor-N with the
   editor role, bench-bureau-N with the bureau role of a block) with a fresh
   password, and for each writer two live briefings of its own (a bureau's
   from its block), so no two writers share a row.
2. Each writer logs in over HTTP and, until the time is up, saves its
   briefings through the admin change form: GET the form (always right
   before the POST: a form may carry a version token), pass every field
   and hidden input back as the page gave it, with the notes (備考) set to a
   token naming the writer and the save.
3. Checks, through the ORM: every POST answered with the redirect of a
   successful save; every token is in the history exactly once, by its
   writer; each briefing holds its writer's last token; the history grew
   by one row per save.
Prints one JSON object with the counts and latencies; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import secrets
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from briefings.models import Briefing  # noqa: E402
from networks.models import RegionalBlock  # noqa: E402
from networks.services import assign_staff_role  # noqa: E402

HistoricalBriefing = Briefing.history.model
# Tokens name the run too: a database the bench keeps holds earlier runs' tokens.
RUN = secrets.token_hex(4)


class FormFields(HTMLParser):
    """The name/value pairs a browser would submit from the page's main form."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.pairs = form_id, False, []
        self._select: tuple[str, bool] | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("file", "button", "image", "reset") or (
                kind == "submit" and name != "_save"
            ):
                return
            self.pairs.append((name, a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = (name, "multiple" in a)
        elif tag == "option" and self._select and "selected" in a:
            self.pairs.append((self._select[0], a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            # The HTML parser keeps the newline browsers drop after <textarea>.
            self.pairs.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "form":
            self.inside = False


@dataclass
class Writer:
    username: str
    password: str
    briefing_ids: list[int]
    saves: list[tuple[int, str]] = field(default_factory=list)  # (briefing id, token)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def prepare(editors: int, bureaus: int) -> list[Writer]:
    """Users with fresh passwords and two briefings each; no two writers share a row."""
    User = get_user_model()
    blocks = list(RegionalBlock.objects.order_by("order"))
    writers, used = [], set()
    with transaction.atomic():
        for i in range(editors + bureaus):
            role = "editor" if i < editors else "bureau"
            block = blocks[(i - editors) % len(blocks)] if role == "bureau" else None
            username = f"bench-{role}-{i + 1}"
            user = User.objects.filter(username=username).first() or User(username=username)
            password = secrets.token_urlsafe(18)
            user.set_password(password)
            user.save()
            assign_staff_role(user, role=role, block=block)
            rows = Briefing.objects.exclude(pk__in=used).order_by("-date", "pk")
            if block is not None:
                rows = rows.filter(block=block)
            ids = list(rows.values_list("pk", flat=True)[:2])
            if not ids:
                raise SystemExit(f"no briefing left for {username}")
            used.update(ids)
            writers.append(Writer(username, password, ids))
    return writers


def _opener():
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is the answer we check, not a page to follow


def _call(opener, url: str, data: list[tuple[str, str]] | None = None) -> tuple[int, str, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(urllib.request.Request(url, data=body), timeout=120) as response:
            return response.status, response.headers.get("Location", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", ""), error.read().decode(errors="replace")


def log_in(base: str, username: str, password: str):
    """An opener holding a staff session, and the login's answer (302 when it worked)."""
    opener = _opener()
    login = f"{base}/admin/login/"
    _status, _loc, page = _call(opener, login)
    form = FormFields("login-form")
    form.feed(page)
    fields = [(k, v) for k, v in form.pairs if k not in ("username", "password")]
    status, _location, _ = _call(
        opener, login, [*fields, ("username", username), ("password", password)]
    )
    return opener, status


def write(base: str, writer: Writer, deadline: float, max_saves: int) -> None:
    opener, status = log_in(base, writer.username, writer.password)
    if status != 302:
        writer.errors.append(f"login answered {status}")
        return
    n = 0
    while time.monotonic() < deadline and n < max_saves:
        briefing_id = writer.briefing_ids[n % len(writer.briefing_ids)]
        n += 1
        token = f"bench-edit {RUN} {writer.username} #{n}"
        url = f"{base}/admin/briefings/briefing/{briefing_id}/change/"
        started = time.monotonic()
        status, _loc, page = _call(opener, url)
        if status != 200:
            writer.errors.append(f"GET {url} answered {status}")
            continue
        form = FormFields("briefing_form")
        form.feed(page)
        data = [(k, v) for k, v in form.pairs if k != "notes"] + [("notes", token)]
        if not any(k == "_save" for k, _v in data):
            data.append(("_save", "1"))
        status, location, page = _call(opener, url, data)
        writer.latencies.append(time.monotonic() - started)
        if status == 302 and "/change/" not in location:
            writer.saves.append((briefing_id, token))
        else:
            writer.errors.append(f"POST {url} answered {status} {_error_text(page)}")


def _error_text(page: str) -> str:
    start = page.find('class="errorlist')
    return page[start : start + 300].replace("\n", " ") if start >= 0 else ""


def verify(writers: list[Writer], history_before: int) -> list[str]:
    problems = []
    ids = [pk for w in writers for pk in w.briefing_ids]
    for writer in writers:
        for briefing_id, token in writer.saves:
            rows = HistoricalBriefing.objects.filter(id=briefing_id, notes=token)
            users = list(rows.values_list("history_user__username", flat=True))
            if users != [writer.username]:
                problems.append(f"{token} on {briefing_id}: history rows by {users}")
        for briefing_id in writer.briefing_ids:
            mine = [token for pk, token in writer.saves if pk == briefing_id]
            notes = Briefing.all_objects.get(pk=briefing_id).notes
            if mine and notes != mine[-1]:
                problems.append(f"briefing {briefing_id} holds {notes!r}, not {mine[-1]!r}")
    added = HistoricalBriefing.objects.filter(id__in=ids).count() - history_before
    saves = sum(len(w.saves) for w in writers)
    if added != saves:
        problems.append(f"{saves} saves but {added} new history rows")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--bureaus", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--max-saves", type=int, default=200, help="per writer")
    args = parser.parse_args()

    writers = prepare(args.editors, args.bureaus)
    ids = [pk for w in writers for pk in w.briefing_ids]
    history_before = HistoricalBriefing.objects.filter(id__in=ids).count()
    deadline = time.monotonic() + args.seconds
    started = time.monotonic()
    threads = [
        threading.Thread(target=write, args=(args.base, w, deadline, args.max_saves))
        for w in writers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    problems = [f"{w.username}: {e}" for w in writers for e in w.errors]
    problems += verify(writers, history_before)
    latencies = sorted(t for w in writers for t in w.latencies)
    saves = sum(len(w.saves) for w in writers)
    result = {
        "writers": len(writers),
        "editors": args.editors,
        "bureaus": args.bureaus,
        "seconds": round(elapsed, 1),
        "saves": saves,
        "saves_per_second": round(saves / elapsed, 2) if elapsed else 0,
        "save_p50_ms": round(statistics.median(latencies) * 1000) if latencies else None,
        "save_max_ms": round(latencies[-1] * 1000) if latencies else None,
        "errors": len(problems),
        "problems": problems[:20],
    }
    print(json.dumps(result, ensure_ascii=False))
    return 1 if problems or not saves else 0


if __name__ == "__main__":
    sys.exit(main())
