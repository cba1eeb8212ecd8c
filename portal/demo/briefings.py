"""The demo's briefing sessions, with members, attending organizations and handouts.

Statuses follow the lifecycle (briefings.services.lifecycle) as of `today`:
a held session is not in the future and had attendees; a cancelled one has
a reason; a postponed one keeps its date and says so in its notes; planned
ones lie mostly ahead, and some whose date has passed are still planned
(要更新), as when a bureau has not updated them yet, mostly recent ones.
"""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from briefings.models import Briefing, BriefingMaterial

from . import words
from .bulk import insert_with_history, link_with_history
from .context import Demo

Status, Scope, Kind = Briefing.Status, Briefing.Scope, Briefing.Kind

SCOPES = ((Scope.PREFECTURE, 70), (Scope.BLOCK, 20), (Scope.NATIONAL, 10))
KINDS = {
    Scope.PREFECTURE: (
        (Kind.LOCAL_GOVERNMENT, 60),
        (Kind.SEMINAR, 25),
        (Kind.SYMPOSIUM, 8),
        (Kind.OTHER, 7),
    ),
    Scope.BLOCK: ((Kind.SEMINAR, 50), (Kind.COUNCIL, 40), (Kind.SYMPOSIUM, 10)),
    Scope.NATIONAL: ((Kind.NATIONAL_MEETING, 80), (Kind.SYMPOSIUM, 20)),
}
# Planned sessions whose date passed this many days ago or less are often
# not updated yet (要更新); older ones rarely.
RECENT = datetime.timedelta(days=120)

# The smallest well-formed PDF: a handout file the download view serves as a PDF.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _weighted(demo: Demo, options):
    values, weights = zip(*options, strict=True)
    return demo.rng.choices(values, weights=weights)[0]


def _status(demo: Demo, day: datetime.date) -> str:
    if day > demo.today:
        return _weighted(demo, ((Status.PLANNED, 93), (Status.POSTPONED, 4), (Status.CANCELLED, 3)))
    overdue = 20 if demo.today - day <= RECENT else 0.1
    return _weighted(
        demo,
        (
            (Status.HELD, 90),
            (Status.CANCELLED, 5),
            (Status.POSTPONED, 3),
            (Status.PLANNED, overdue),
        ),
    )


def _briefing(demo: Demo) -> tuple[Briefing, list[int], list[int]]:
    """One session, the member ids and the attending organization ids."""
    day = demo.day()
    scope = _weighted(demo, SCOPES)
    kind = _weighted(demo, KINDS[scope])
    pref = demo.prefecture()
    block = pref.block if scope != Scope.NATIONAL or demo.chance(0.3) else None
    status = _status(demo, day)
    briefing = Briefing(
        date=day,
        date_text=f"{day.month}月{day.day}日" if demo.chance(0.5) else "",
        status=status,
        scope=scope,
        kind=kind,
        title=demo.words(demo.pick(words.BRIEFING_TITLES[kind]), pref, year=day.year)[:300],
        prefecture_id=pref.pk if scope == Scope.PREFECTURE else None,
        block_id=block.pk if block else None,
        location_text=demo.words(
            demo.pick(words.NATIONAL_VENUES if scope == Scope.NATIONAL else words.VENUES), pref
        ),
    )
    if scope == Scope.NATIONAL:
        host = demo.pick(demo.national) if demo.national else None
        briefing.thread_id = demo.threads["horizontal-associations"].pk
    else:
        governments = scope == Scope.PREFECTURE and demo.chance(0.5)
        host = demo.prefecture_governments.get(pref.pk) if governments else None
        host = host or demo.bureaus.get(pref.block_id)
        if demo.chance(0.8):
            briefing.thread_id = demo.threads[
                "diagonal" if demo.chance(0.85) else "horizontal-network"
            ].pk
    briefing.host_id = host.pk if host else None

    members = demo.rng.sample(demo.member_ids, demo.rng.choice((0, 0, 1, 1, 2, 3)))
    attending = []
    if status == Status.HELD:
        briefing.audience_size = demo.rng.randint(8, 300)
        briefing.minutes = demo.words(demo.pick(words.MINUTES), pref)
        nearby = demo.governments.get(pref.pk) or demo.companies
        attending = {demo.pick(nearby).pk for _ in range(demo.rng.randint(1, 4))}
        if demo.companies and demo.chance(0.4):
            attending.add(demo.pick(demo.companies).pk)
        briefing._history_date = demo.entered(day, days_after=(1, 14))
    elif status == Status.CANCELLED:
        briefing.cancellation_reason = demo.pick(words.CANCELLATION_REASONS)
        briefing._history_date = demo.entered(day, days_after=(-10, -1))
    elif status == Status.POSTPONED:
        briefing.notes = demo.pick(words.POSTPONED_NOTES)
        briefing._history_date = demo.entered(day, days_after=(-10, -1))
    else:
        briefing._history_date = demo.entered(day, days_after=(-60, -7))
    return briefing, members, sorted(attending)


def _handouts(demo: Demo, briefings: list[Briefing]) -> list[BriefingMaterial]:
    """Handouts (資料1, 資料2 …) of held sessions: links, and a few small PDF
    files written to MEDIA_ROOT."""
    materials = []
    for briefing in briefings:
        if briefing.status != Status.HELD:
            continue
        for order in range(1, demo.rng.choice((0, 1, 1, 2, 2, 3)) + 1):
            material = BriefingMaterial(
                briefing_id=briefing.pk,
                order=order,
                title=f"資料{order} " + demo.words(demo.pick(words.HANDOUT_TITLES)),
                url=f"https://example.com/iot-portal/{briefing.date:%Y}/{briefing.pk}-{order}.pdf",
            )
            material._history_date = briefing._history_date
            materials.append(material)
    if materials:
        for material in demo.rng.sample(materials, min(len(materials), demo.volumes.handout_files)):
            name = f"briefings/materials/{material._history_date:%Y/%m}/demo-{material.briefing_id}-{material.order}.pdf"
            material.file = default_storage.save(name, ContentFile(PDF))
            material.url = ""
    return materials


def make_briefings(demo: Demo) -> dict[str, int]:
    """Create the sessions and everything attached to them; returns the counts.

    Side effects: Briefing rows, their members and attending organizations,
    BriefingMaterial rows, each with its creation history (bulk.py); a few
    small PDF files under MEDIA_ROOT (default_storage).
    """
    drawn = [_briefing(demo) for _ in range(demo.volumes.briefings)]
    made = insert_with_history(Briefing, [briefing for briefing, _m, _a in drawn])
    members = [(b.pk, m) for b, (_d, ms, _a) in zip(made, drawn, strict=True) for m in ms]
    attending = [(b.pk, o) for b, (_d, _m, os_) in zip(made, drawn, strict=True) for o in os_]
    materials = insert_with_history(BriefingMaterial, _handouts(demo, made))
    return {
        "briefings": len(made),
        "briefing members": link_with_history(Briefing, "members", members),
        "attending organizations": link_with_history(
            Briefing, "attending_organizations", attending
        ),
        "handouts": len(materials),
        "handout files": sum(1 for material in materials if material.file),
    }
