"""Reads behind the staff start page (the admin index), in a fixed number of queries.

A bureau (総合通信局) sees what it must update: its block's overdue briefings
(要更新: planned, with a date already past in Japan), its next planned ones,
and how fresh each thread's 取組状況 is, the diagonal thread's for its own
block above all. Editors and viewers see the overview: overdue briefings per
block and the stale threads. Links lead to the admin lists filtered the same
way (`?overdue=yes` is the briefing admin's 要更新 filter).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db.models import Count, Max, Q
from django.urls import reverse

from briefings.models import Briefing
from core import dates
from core.access import bureau_block, is_bureau_without_block
from networks.models import RegionalBlock
from threads.models import Thread
from threads.selectors import Freshness, freshness

# Next planned briefings a bureau sees; the filtered list has the rest.
UPCOMING_LIMIT = 5
# Overdue briefings listed by name; the count and the filtered list cover the rest.
OVERDUE_LIMIT = 10


@dataclass(frozen=True)
class ThreadStatus:
    """A thread's freshness; for a bureau, the diagonal thread's for its block too."""

    thread: Thread
    freshness: Freshness
    url: str
    block_freshness: Freshness | None = None
    add_update_url: str = ""

    @property
    def stale(self) -> bool:
        return self.freshness.stale or bool(self.block_freshness and self.block_freshness.stale)


@dataclass(frozen=True)
class BlockOverdue:
    block: RegionalBlock | None
    count: int
    url: str


@dataclass(frozen=True)
class StartPage:
    """What the start page shows; `block` is set for a bureau, `blocks` for the overview."""

    today: datetime.date
    block: RegionalBlock | None = None
    missing_block: bool = False
    overdue: list[Briefing] = field(default_factory=list)
    overdue_count: int = 0
    overdue_url: str = ""
    upcoming: list[Briefing] = field(default_factory=list)
    upcoming_url: str = ""
    threads: list[ThreadStatus] = field(default_factory=list)
    blocks: list[BlockOverdue] = field(default_factory=list)

    @property
    def stale_threads(self) -> list[ThreadStatus]:
        return [status for status in self.threads if status.stale]

    @property
    def more_overdue(self) -> int:
        return self.overdue_count - len(self.overdue)


def start_page(user, *, today: datetime.date | None = None) -> StartPage | None:
    """The start page of `user`, or None for a user who may not read briefings.

    Queries: none for a bureau user without a block, 4 for a bureau, 3 for
    the overview, whatever the number of briefings and threads.
    """
    if not user.has_perm("briefings.view_briefing"):
        return None
    today = today or dates.today()
    if is_bureau_without_block(user):
        return StartPage(today=today, missing_block=True)
    block = bureau_block(user)
    if block is not None:
        return _bureau_page(block, today=today)
    return _overview_page(today=today)


def _briefings_url(**params) -> str:
    return f"{reverse('admin:briefings_briefing_changelist')}?{urlencode(params)}"


def _bureau_page(block: RegionalBlock, *, today: datetime.date) -> StartPage:
    # The admin list is already confined to the bureau's block.
    mine = Briefing.objects.in_block(block).select_related("prefecture")
    overdue = mine.overdue(today=today)
    upcoming = mine.upcoming(today=today).order_by("date", "pk")
    return StartPage(
        today=today,
        block=block,
        overdue=list(overdue.order_by("date", "pk")[:OVERDUE_LIMIT]),
        overdue_count=overdue.count(),
        overdue_url=_briefings_url(overdue="yes"),
        upcoming=list(upcoming[:UPCOMING_LIMIT]),
        # o=1: the first column (date) ascending, soonest first.
        upcoming_url=_briefings_url(status__exact=Briefing.Status.PLANNED, date__gte=today, o=1),
        threads=_thread_statuses(today=today, block=block),
    )


def _overview_page(*, today: datetime.date) -> StartPage:
    counts = dict(
        Briefing.objects.overdue(today=today)
        .order_by()
        .values("block")
        .annotate(n=Count("pk"))
        .values_list("block", "n")
    )
    blocks = [
        BlockOverdue(
            block=block,
            count=counts.get(block.pk, 0),
            url=_briefings_url(overdue="yes", block__id__exact=block.pk),
        )
        for block in RegionalBlock.objects.order_by("order", "code")
    ]
    if counts.get(None):
        # National sessions and others with no block.
        blocks.append(
            BlockOverdue(
                block=None,
                count=counts[None],
                url=_briefings_url(overdue="yes", block__isnull=True),
            )
        )
    return StartPage(
        today=today,
        overdue_count=sum(counts.values()),
        overdue_url=_briefings_url(overdue="yes"),
        blocks=blocks,
        threads=_thread_statuses(today=today),
    )


def _thread_statuses(
    *, today: datetime.date, block: RegionalBlock | None = None
) -> list[ThreadStatus]:
    """Each thread's freshness in one query; a bureau also gets its block's on the diagonal thread.

    Reverse relations in annotations bypass StatusUpdate's live-only manager,
    so deleted entries are left out by hand.
    """
    live = Q(status_updates__deleted_at__isnull=True)
    threads = Thread.objects.annotate(last_update=Max("status_updates__as_of", filter=live))
    if block is not None:
        threads = threads.annotate(
            block_last_update=Max(
                "status_updates__as_of", filter=live & Q(status_updates__block=block)
            )
        )
    status_list = reverse("admin:threads_statusupdate_changelist")
    add_update = reverse("admin:threads_statusupdate_add")
    statuses = []
    for thread in threads.order_by("order", "slug"):
        status = ThreadStatus(
            thread=thread,
            freshness=freshness([thread.last_update] if thread.last_update else [], today=today),
            url=f"{status_list}?{urlencode({'thread__id__exact': thread.pk})}",
        )
        if block is not None and thread.kind == Thread.Kind.DIAGONAL:
            own = [thread.block_last_update] if thread.block_last_update else []
            status = replace(
                status,
                block_freshness=freshness(own, today=today),
                add_update_url=f"{add_update}?{urlencode({'thread': thread.pk})}",
            )
        elif block is not None:
            # A bureau's status list holds only its diagonal entries: show the thread instead.
            status = replace(status, url=reverse("admin:threads_thread_change", args=[thread.pk]))
        statuses.append(status)
    return statuses
