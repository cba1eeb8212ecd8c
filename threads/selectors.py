"""Reads behind the thread pages: activities, work-item sections, briefings, freshness.

A thread is "stale" when its newest 取組状況 entry is STALE_AFTER_DAYS or more
days old: an entry dated exactly 90 days ago already means 90 days without an
update, so the warning shows from that day on.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from core.pagination import Capped, capped
from networks.models import Organization

from .models import Activity, Participation, StatusUpdate, Thread, WorkItem

STALE_AFTER_DAYS = 90

# Related briefings shown on a thread page, newest first; the schedule has the rest.
THREAD_BRIEFINGS_LIMIT = 30
# Participating organizations listed on a thread page; the organization list has them all.
THREAD_PARTICIPANTS_LIMIT = 50


@dataclass(frozen=True)
class Freshness:
    """When a thread's status was last updated, and whether that is too long ago."""

    last_updated: datetime.date | None
    days_since: int | None
    stale: bool
    stale_after_days: int = STALE_AFTER_DAYS


def freshness(as_of_dates: Iterable[datetime.date], *, today: datetime.date) -> Freshness:
    """The freshness of a thread whose status updates carry `as_of_dates`.

    A thread with no update at all is stale: there is nothing current to show.
    """
    last = max(as_of_dates, default=None)
    if last is None:
        return Freshness(last_updated=None, days_since=None, stale=True)
    days = (today - last).days
    return Freshness(last_updated=last, days_since=days, stale=days >= STALE_AFTER_DAYS)


def thread_freshness(thread: Thread, *, today: datetime.date) -> Freshness:
    """The freshness of a thread read with `with_last_update()` (for_overview, for_detail)."""
    return freshness([thread.last_update_on] if thread.last_update_on else [], today=today)


def timeline_of(thread: Thread) -> QuerySet[StatusUpdate]:
    """A thread's 取組状況 timeline: newest date first, entries of one date in the document's order."""
    return thread.status_updates.order_by("-as_of", "order", "pk")


def participants_of(thread: Thread) -> Capped:
    """The first THREAD_PARTICIPANTS_LIMIT participations of a thread by
    organization name (one query; the limit is read at call time, so a test
    can lower it)."""
    return capped(
        Participation.objects.filter(thread=thread)
        .select_related("organization")
        .order_by("organization__name", "pk"),
        THREAD_PARTICIPANTS_LIMIT,
    )


def activities_of(thread: Thread) -> QuerySet[Activity]:
    """A thread's activities newest first, with what a table row shows: its
    organizations as the list `organization_list` (a link each: name and key).

    A list, not `activity.organizations.all()`: Django gives each prefetched
    row a related manager and a queryset holding its part, which cost more
    than the query itself (50 activities: 7 -> 4 ms)."""
    return (
        thread.activities.select_related("field", "block")
        .prefetch_related(
            Prefetch(
                "organizations",
                queryset=Organization.objects.only("name", "name_en"),
                to_attr="organization_list",
            )
        )
        .order_by("-date", "pk")
    )


def work_item_sections(thread: Thread) -> tuple[list[WorkItem], list[WorkItem]]:
    """(取組内容, 想定参加メンバー) items of a thread fetched by `ThreadQuerySet.for_detail()`."""
    items = list(thread.work_items.all())
    work = [item for item in items if item.section == WorkItem.Section.WORK]
    participants = [item for item in items if item.section == WorkItem.Section.PARTICIPANTS]
    return work, participants


def related_briefings(thread: Thread, *, limit: int | None = None) -> tuple[list, bool]:
    """The thread's briefings newest first (at most `limit`) and whether there are more.

    Read through the reverse relation `thread.briefings`, so `threads` needs
    no import of `briefings`; its manager carries `for_list()`.
    """
    limit = THREAD_BRIEFINGS_LIMIT if limit is None else limit
    rows = list(thread.briefings.for_list().order_by("-date", "pk")[: limit + 1])
    return rows[:limit], len(rows) > limit
