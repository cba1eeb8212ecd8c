"""One demo run: refuse a database with content, import places, load the seed,
then make every part in dependency order."""

from __future__ import annotations

import datetime
import importlib
import time
from collections.abc import Callable
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction

from briefings.models import Briefing
from core.cache import data_changed
from networks.models import Organization
from threads.models import Activity, StatusUpdate

from .. import seed
from ..roadmap_loader import load_roadmap
from ..seed_loader import load_seed
from . import briefings, cooperation, network, organizations, roadmap, threads
from .context import Demo
from .places import import_places
from .volumes import Volumes

# What the 2017 seed alone holds (portal.seed, loaded by load_seed): a
# database with more than this holds someone's content, demo or real.
SEED_ROWS = {
    "briefings": len(seed.HELD_BRIEFINGS) + len(seed.PLANNED_BRIEFINGS),
    "activities": len(seed.ACTIVITIES),
    "status updates": sum(len(rows) for rows in seed.STATUS_UPDATES.values()),
    # The seed's bodies and the 11 regional bureaus.
    "organizations": len(seed.ORGANIZATIONS) + 11,
}


class DemoDataRefused(Exception):
    """The database already holds more than the seed; nothing was written."""


def content_beyond_seed() -> dict[str, int]:
    """The record types the database holds more rows of than the seed, with their counts."""
    counts = {
        "briefings": Briefing.all_objects.count(),
        "activities": Activity.objects.count(),
        "status updates": StatusUpdate.all_objects.count(),
        "organizations": Organization.objects.count(),
    }
    return {name: n for name, n in counts.items() if n > SEED_ROWS[name]}


def reset_database() -> None:
    """Empty every table (as `manage.py flush`: staff accounts too), then put
    back the reference data of the networks data migration.

    Side effects: deletes every row of every table; recreates content types,
    permissions and the staff groups (flush's post_migrate) and the blocks,
    prefectures and fields.
    """
    if connection.vendor == "postgresql":
        # Inside a transaction that has written rows (a test's), PostgreSQL
        # refuses to TRUNCATE tables with deferred foreign-key checks pending.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    reference = importlib.import_module("networks.migrations.0002_reference_data")
    reference.load(apps, None)


def generate_demo_data(
    *,
    volumes: Volumes,
    seed: int = 1,
    today: datetime.date,
    municipalities: Path | None = None,
    report: Callable[[str, int, float], None] = lambda name, count, seconds: None,
) -> dict[str, int]:
    """Fill the database with demo data of `volumes` (Volumes.for_scale); returns
    the rows made per kind.

    Refuses (DemoDataRefused, nothing written) when the database already
    holds more than the seed: run `reset_database()` first. `report(name,
    count, seconds)` is called after each part.

    Side effects: imports the municipality list (places.import_places),
    loads the seed (load_seed), then creates organizations, members,
    participations, briefings with their links and handouts, activities,
    status updates, the roadmap (load_roadmap) and implementation reports,
    each with its creation history, in one transaction; a
    few PDF files under MEDIA_ROOT.
    """
    beyond = content_beyond_seed()
    if beyond:
        raise DemoDataRefused(beyond)
    made: dict[str, int] = {}

    def step(name: str, work: Callable[[], int | dict[str, int]]) -> None:
        started = time.monotonic()
        result = work()
        counts = result if isinstance(result, dict) else {name: result}
        made.update(counts)
        report(name, counts.get(name, sum(counts.values())), time.monotonic() - started)

    with transaction.atomic():
        step("municipalities", lambda: import_places(municipalities)[1])
        step("seed", lambda: sum(load_seed().values()))
        step("roadmap", lambda: sum(load_roadmap().values()))
        demo = Demo.load(volumes=volumes, seed=seed, today=today)
        step("organizations", lambda: organizations.make_organizations(demo))
        step("members", lambda: organizations.make_members(demo))
        step("participations", lambda: threads.make_participations(demo))
        step("briefings", lambda: briefings.make_briefings(demo))
        step("activities", lambda: threads.make_activities(demo))
        step("status updates", lambda: threads.make_status_updates(demo))
        step("implementation reports", lambda: roadmap.make_reports(demo))
        step("network members", lambda: network.make_network(demo))
        step("network", lambda: cooperation.make_network(demo))
        data_changed()  # bulk inserts send no model signal (core/cache.py)
    return made
