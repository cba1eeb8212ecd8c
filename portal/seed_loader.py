"""Writes that span the apps: loading the source document (`portal.seed`)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TypeVar

from django.db import models, transaction

from briefings.models import Briefing, ProgressReport
from networks.models import Field, Member, Organization, Prefecture, RegionalBlock
from threads.models import Activity, Participation, StatusUpdate, Thread, WorkItem

from . import seed

M = TypeVar("M", bound=models.Model)


@dataclass
class _Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def record(self, *, created: bool, changed: bool) -> None:
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1


def _upsert(model: type[M], *, key: dict, values: dict) -> tuple[M, bool, bool]:
    """Find the row by its natural `key` and make it hold `values`.

    Unlike `update_or_create`, an existing row that already holds `values` is not
    saved again, so a re-run writes nothing and an audit trail sees only real
    changes. A changed row is saved whole, through its own `save()`.
    Returns (row, created, changed).
    """
    raw = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        raw[field.attname] = value.pk if isinstance(value, models.Model) else value
    # Editors may add rows sharing a natural key that the database does not
    # enforce (e.g. a second work item at the same order): the seeded row is the oldest.
    obj = model._default_manager.filter(**key).order_by("pk").first()
    if obj is None:
        obj = model(**key, **raw)
        obj.save()
        return obj, True, False
    changed = [attname for attname, value in raw.items() if getattr(obj, attname) != value]
    for attname in changed:
        setattr(obj, attname, raw[attname])
    if changed:
        obj.save()
    return obj, False, bool(changed)


def _sync_m2m(manager, objs: Iterable[models.Model]) -> bool:
    """Make a many-to-many relation hold exactly `objs`; True if it had to change."""
    wanted = {obj.pk for obj in objs}
    if set(manager.values_list("pk", flat=True)) == wanted:
        return False
    manager.set(wanted)
    return True


def _parse_month_day(text: str) -> datetime.date:
    """'1月20日' -> 2017-01-20 (every table row is in the document's year)."""
    match = re.fullmatch(r"(\d{1,2})月(\d{1,2})日", text)
    if match is None:
        raise ValueError(f"not a month-day date: {text!r}")
    return datetime.date(seed.YEAR, int(match[1]), int(match[2]))


@transaction.atomic
def load_seed() -> dict[str, int]:
    """Write the whole source document (`portal.seed`) into the database.

    Side effects: creates or updates Organization, Member, Thread, WorkItem,
    StatusUpdate, Participation, Activity (and its organizations), Briefing (and
    its members) and ProgressReport rows, matched by natural key. A value that
    differs from the document (an editor's change included) is set back to the
    document's; a row the document does not hold is left alone, never deleted.
    Rows already as the document has them are not saved again. Reference data
    (blocks, prefectures, fields) must exist already (the networks data migration).

    Returns the number of rows created, updated and unchanged.
    """
    tally = _Tally()
    blocks = {block.code: block for block in RegionalBlock.objects.all()}
    prefectures = {pref.name: pref for pref in Prefecture.objects.select_related("block")}
    fields = {field.slug: field for field in Field.objects.all()}

    organizations: dict[str, Organization] = {}
    org_rows = [
        (row.name, row.name_en, row.kind, blocks[row.block] if row.block else None, row.description)
        for row in seed.ORGANIZATIONS
    ]
    bureau_rows = [
        (block.bureau_name, block.bureau_name_en, Organization.Kind.MINISTRY, block, "")
        for block in blocks.values()
    ]
    for name, name_en, kind, block, description in org_rows + bureau_rows:
        org, created, changed = _upsert(
            Organization,
            key={"name": name},
            values={"name_en": name_en, "kind": kind, "block": block, "description": description},
        )
        organizations[name] = org
        tally.record(created=created, changed=changed)

    members: dict[tuple[str, str], Member] = {}
    for row in seed.MEMBERS:
        member, created, changed = _upsert(
            Member,
            key={"name": row.name, "role": row.role},
            values={
                "affiliation": row.affiliation,
                "organization": organizations[row.organization],
            },
        )
        members[row.name, row.role] = member
        tally.record(created=created, changed=changed)

    threads: dict[str, Thread] = {}
    for row in seed.THREADS:
        values = {name: value for name, value in row.items() if name != "slug"}
        thread, created, changed = _upsert(Thread, key={"slug": row["slug"]}, values=values)
        threads[row["slug"]] = thread
        tally.record(created=created, changed=changed)

    for slug, sections in seed.WORK_ITEMS.items():
        for section, items in sections.items():
            for order, (heading, text) in enumerate(items, 1):
                _, created, changed = _upsert(
                    WorkItem,
                    key={"thread": threads[slug], "section": section, "order": order},
                    values={"heading": heading, "text": text},
                )
                tally.record(created=created, changed=changed)

    for slug, updates in seed.STATUS_UPDATES.items():
        for order, update in enumerate(updates, 1):
            _, created, changed = _upsert(
                StatusUpdate,
                key={"thread": threads[slug], "order": order},
                values={
                    "as_of": update.as_of,
                    "date_precision": update.precision,
                    "date_text": update.date_text,
                    "status": update.status,
                    "text": update.text,
                },
            )
            tally.record(created=created, changed=changed)

    bureau_slug, bureau_role, bureau_provenance, bureau_note = seed.BUREAU_PARTICIPATION
    participations = [
        (slug, organizations[row.organization], row.role, row.provenance, row.note)
        for slug, rows in seed.PARTICIPATIONS.items()
        for row in rows
    ] + [
        (bureau_slug, organizations[name], bureau_role, bureau_provenance, bureau_note)
        for name, *_ in bureau_rows
    ]
    for slug, org, role, provenance, note in participations:
        _, created, changed = _upsert(
            Participation,
            key={"thread": threads[slug], "organization": org},
            values={
                "role": role,
                "joined_on": None,
                "left_on": None,
                "provenance": provenance,
                "provenance_note": note,
            },
        )
        tally.record(created=created, changed=changed)

    for row in seed.ACTIVITIES:
        activity, created, changed = _upsert(
            Activity,
            key={"thread": threads[row["thread"]], "date": row["date"], "title": row["title"]},
            values={
                "end_date": row["end_date"],
                "date_precision": row["precision"],
                "date_text": row["date_text"],
                "description": row["description"],
                "field": fields[row["field"]] if row["field"] else None,
                "block": blocks[row["block"]] if row["block"] else None,
                "status": row["status"],
            },
        )
        related = _sync_m2m(
            activity.organizations, [organizations[name] for name in row["organizations"]]
        )
        tally.record(created=created, changed=changed or related)

    rows = [(Briefing.Status.HELD, row) for row in seed.HELD_BRIEFINGS] + [
        (Briefing.Status.PLANNED, row) for row in seed.PLANNED_BRIEFINGS
    ]
    for status, row in rows:
        how = seed.BRIEFING_KINDS[row.title]
        host_from = how.get("host_from", ("stated", ""))
        prefecture = prefectures.get(row.location_text)
        if how["scope"] == Briefing.Scope.PREFECTURE and prefecture is None:
            raise ValueError(
                f"{row.date_text} {row.title}: {row.location_text!r} is not a prefecture"
            )
        # Given explicitly, not left to Briefing.save(), so a re-run compares equal.
        block = blocks[how["block"]] if how["block"] else getattr(prefecture, "block", None)
        briefing, created, changed = _upsert(
            Briefing,
            # The same title can stand twice on one day (2/16 三重県 and 佐賀県):
            # the venue as written tells the rows apart.
            key={
                "date": _parse_month_day(row.date_text),
                "location_text": row.location_text,
                "title": row.title,
            },
            values={
                "date_text": row.date_text,
                "status": status,
                "scope": how["scope"],
                "kind": how["kind"],
                "prefecture": prefecture,
                "block": block,
                "also_scope": how.get("also_scope", ""),
                "also_kind": how.get("also_kind", ""),
                "host": organizations[how["host"]] if how["host"] else None,
                "host_provenance": host_from[0],
                "host_note": host_from[1],
                "thread": threads[how["thread"]] if how["thread"] else None,
                "notes": row.notes,
            },
        )
        related = _sync_m2m(briefing.members, [members[key] for key in row.attendees])
        tally.record(created=created, changed=changed or related)

    report = dict(seed.PROGRESS_REPORT)
    _, created, changed = _upsert(
        ProgressReport,
        key={"as_of": report.pop("as_of"), "title": report.pop("title")},
        values=report,
    )
    tally.record(created=created, changed=changed)

    return asdict(tally)
