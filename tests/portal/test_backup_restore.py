"""Backup and restore (README "Backup and restore") give back the same pages.

PostgreSQL: `pg_dump -Fc` of the database, `pg_restore` into a new one.
SQLite: `dumpdata` (natural keys, without content types, permissions and
sessions), then `migrate` and `loaddata` into a new file. Either way the
public pages rendered from the copy equal those rendered from the original.
"""

import datetime
import difflib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from briefings.models import Briefing
from portal.demo import Volumes, generate_demo_data, reset_database
from portal.demo import places as demo_places

from .render_pages import render

ROOT = Path(settings.BASE_DIR)
TINY = Volumes(
    scale=0.01,
    briefings=30,
    activities=30,
    status_updates=30,
    members=10,
    handout_files=1,
    other_organizations=5,
    municipality_share=1.0,
    organizations=120,
)
DUMPDATA = [
    "--natural-foreign",
    "--natural-primary",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
]


@pytest.fixture
def records(monkeypatch, settings, tmp_path):
    monkeypatch.setattr(demo_places, "DEFAULT_MUNICIPALITIES", Path("/nonexistent.csv"))
    settings.MEDIA_ROOT = tmp_path / "media"
    # From a known start whatever ran before: in a transactional test the
    # database is whatever the previous test left (only the reference data).
    reset_database()
    generate_demo_data(volumes=TINY, today=datetime.date(2026, 11, 30))
    briefing = Briefing.objects.filter(status=Briefing.Status.HELD).order_by("pk").first()
    return ["/", f"/briefings/{briefing.pk}/", "/prefectures/13/", "/en/blocks/tohoku/"]


def _render_from(database_url: str, paths: list[str]) -> dict[str, list]:
    env = dict(os.environ, DATABASE_URL=database_url, DEBUG="off", SECRET_KEY="test-only")
    env.update(STATIC_MANIFEST="off", HTTPS="off", ALLOWED_HOSTS="testserver")
    run = subprocess.run(
        [sys.executable, "tests/portal/render_pages.py", *paths],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def _assert_same_pages(original: dict, restored: dict) -> None:
    assert [status for status, _html in original.values()] == [200] * len(original)
    assert restored.keys() == original.keys()
    for path in original:
        changed = [
            line
            for line in difflib.unified_diff(
                original[path][1].splitlines(), restored[path][1].splitlines(), lineterm="", n=0
            )
            if line[:1] in "+-" and line[:3] not in ("---", "+++")
        ]
        assert restored[path] == original[path], (path, changed[:20])


ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.mark.skipif(
    not ON_POSTGRESQL, reason="pg_dump/pg_restore need PostgreSQL; SQLite's round trip is apart"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_pg_dump_and_restore_give_the_same_pages(records, tmp_path):
    db = connection.settings_dict
    auth = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    restored = f"{db['NAME']}_restored"
    dump = tmp_path / "portal.dump"
    subprocess.run(["pg_dump", *auth, "-Fc", "-f", str(dump), db["NAME"]], check=True)
    subprocess.run(["dropdb", *auth, "--if-exists", restored], check=True)
    subprocess.run(
        [
            "createdb",
            *auth,
            "-T",
            "template0",
            "-E",
            "UTF8",
            "--lc-collate=C.UTF-8",
            "--lc-ctype=C.UTF-8",
            restored,
        ],
        check=True,
    )
    try:
        subprocess.run(
            ["pg_restore", *auth, "--no-owner", "--exit-on-error", "-d", restored, str(dump)],
            check=True,
        )
        host = f"{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        copy = _render_from(f"postgres://{host}/{restored}", records)
    finally:
        subprocess.run(["dropdb", *auth, "--if-exists", restored], check=True)

    _assert_same_pages(render(records), copy)


@pytest.mark.skipif(ON_POSTGRESQL, reason="on PostgreSQL the backup is pg_dump (tested above)")
def test_backup_dumpdata_and_loaddata_give_the_same_pages(db, records, tmp_path):
    dump = tmp_path / "portal.json.gz"
    call_command("dumpdata", *DUMPDATA, "-o", str(dump), verbosity=0)
    copy_url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    env = dict(os.environ, DATABASE_URL=copy_url, DEBUG="off", SECRET_KEY="test-only")
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "loaddata", str(dump), "-v0"], cwd=ROOT, env=env, check=True)

    _assert_same_pages(render(records), _render_from(copy_url, records))


def test_backup_tools_are_installed():
    # The README's procedure relies on them; CI has them with PostgreSQL's client.
    assert all(shutil.which(tool) for tool in ("pg_dump", "pg_restore", "createdb", "dropdb"))
