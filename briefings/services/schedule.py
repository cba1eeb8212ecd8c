"""Read-only schedule views: the schedule's order (`order_for_schedule`, no
query of its own; `Schedule`, the same order read as two index-friendly halves
for the paginated schedule) and the month calendar (three queries: the month,
and the nearest months before and after it that have sessions)."""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, Count, F, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.functional import Promise, cached_property
from django.utils.translation import pgettext_lazy

from core import dates

from ..models import Briefing

# Sessions a calendar day lists; the rest are counted and linked to the
# schedule filtered to that day (a busy month stays one size).
CALENDAR_DAY_LIMIT = 4

# --- the schedule ----------------------------------------------------------


def order_for_schedule(
    queryset: QuerySet[Briefing], *, today: datetime.date | None = None
) -> QuerySet[Briefing]:
    """Upcoming sessions first (Briefing.upcoming_condition), the next one on top;
    then the rest newest first, among them planned ones whose date has passed."""
    upcoming = Briefing.upcoming_condition(today or dates.today()).q()
    return queryset.alias(
        schedule_group=Case(When(upcoming, then=Value(0)), default=Value(1)),
        upcoming_date=Case(When(upcoming, then=F("date"))),
    ).order_by("schedule_group", F("upcoming_date").asc(nulls_last=True), "-date", "pk")


class Schedule:
    """`queryset`'s rows in the schedule's order (order_for_schedule's, exactly),
    for a Paginator: `count()` and slices.

    ORDER BY a CASE sorts every matching row (20,000 at national scale) to
    show 50. Read instead as its two halves, each ordered by an indexed
    column with a LIMIT: the upcoming sessions by date ascending (the
    status-and-date index), the rest by date descending (the date index,
    read backwards). One aggregate counts both halves, so a page knows which
    rows of which half it holds; one query reads them, picked by primary key
    (so the joins of select_related run for the page's rows only, not for
    every row an OFFSET skips), and the page is put in order in Python. So
    two queries for a page (plus the queryset's prefetches), on any backend.
    """

    ordered = True  # for Paginator: the order is the schedule's

    def __init__(self, queryset: QuerySet[Briefing], *, today: datetime.date | None = None):
        self.queryset = queryset
        self.today = today or dates.today()
        self.is_upcoming = Briefing.upcoming_condition(self.today)
        upcoming = self.is_upcoming.q()
        self.upcoming = queryset.filter(upcoming).order_by("date", "pk")
        self.rest = queryset.exclude(upcoming).order_by("-date", "pk")

    @cached_property
    def counts(self) -> tuple[int, int]:
        """(upcoming, all): one aggregate query."""
        totals = self.queryset.aggregate(
            upcoming=Count("pk", filter=self.is_upcoming.q()), all=Count("pk")
        )
        return totals["upcoming"], totals["all"]

    def count(self) -> int:
        return self.counts[1]

    def __len__(self) -> int:
        return self.count()

    def sort_key(self, briefing: Briefing) -> tuple[int, int, int]:
        """The schedule's order as a key (order_for_schedule's ORDER BY, in Python)."""
        if self.is_upcoming(briefing):
            return (0, briefing.date.toordinal(), briefing.pk)
        return (1, -briefing.date.toordinal(), briefing.pk)

    def __getitem__(self, key: slice) -> list[Briefing]:
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("Schedule takes a slice without a step")
        if "counts" not in self.__dict__ and not key.start and key.stop is not None:
            # A capped section's slice (core.pagination.capped): nothing has
            # counted the halves, and the first rows need no count. A
            # Paginator counts first, then reads exactly the page's rows.
            return self.head(key.stop)
        start, stop, _step = key.indices(self.count())
        upcoming = self.counts[0]
        on_page = Q()
        if start < min(stop, upcoming):
            on_page |= Q(pk__in=self.upcoming[start : min(stop, upcoming)].values("pk"))
        if stop > upcoming:
            on_page |= Q(pk__in=self.rest[max(start - upcoming, 0) : stop - upcoming].values("pk"))
        if not on_page:
            return []
        return sorted(self.queryset.filter(on_page).order_by(), key=self.sort_key)

    def head(self, n: int) -> list[Briefing]:
        """The first `n` rows without counting (a capped section of a page): one
        query that picks each half's first `n` by its index and puts those (2n
        at most, not every row) in the schedule's order, returning `n`."""
        if n <= 0:
            return []
        on_page = Q(pk__in=self.upcoming[:n].values("pk")) | Q(pk__in=self.rest[:n].values("pk"))
        return list(order_for_schedule(self.queryset.filter(on_page), today=self.today)[:n])


# --- the month calendar ----------------------------------------------------

# Japanese wall calendars start the week on Sunday (日).
FIRST_WEEKDAY = calendar.SUNDAY

# Python's weekday numbers (Monday = 0) → (short label, full name).
WEEKDAY_NAMES: dict[int, tuple[Promise, Promise]] = {
    0: (pgettext_lazy("曜日（略）", "月"), pgettext_lazy("曜日", "月曜日")),
    1: (pgettext_lazy("曜日（略）", "火"), pgettext_lazy("曜日", "火曜日")),
    2: (pgettext_lazy("曜日（略）", "水"), pgettext_lazy("曜日", "水曜日")),
    3: (pgettext_lazy("曜日（略）", "木"), pgettext_lazy("曜日", "木曜日")),
    4: (pgettext_lazy("曜日（略）", "金"), pgettext_lazy("曜日", "金曜日")),
    5: (pgettext_lazy("曜日（略）", "土"), pgettext_lazy("曜日", "土曜日")),
    6: (pgettext_lazy("曜日（略）", "日"), pgettext_lazy("曜日", "日曜日")),
}


@dataclass(frozen=True)
class Weekday:
    number: int  # Python's: Monday = 0 … Sunday = 6

    @property
    def short(self) -> Promise:
        return WEEKDAY_NAMES[self.number][0]

    @property
    def full(self) -> Promise:
        return WEEKDAY_NAMES[self.number][1]

    @property
    def css_class(self) -> str:
        return {5: "sat", 6: "sun"}.get(self.number, "")


@dataclass(frozen=True)
class CalendarDay:
    """One cell: `date` is None for the padding before the 1st and after the last day."""

    date: datetime.date | None
    weekday: Weekday
    briefings: tuple[Briefing, ...] = ()  # the first CALENDAR_DAY_LIMIT of the day
    more: int = 0  # the day's other sessions, left to the schedule filtered to the day
    is_today: bool = False
    holiday: str = ""  # the public holiday's name (core.dates.public_holidays)


@dataclass(frozen=True)
class MonthCalendar:
    first: datetime.date
    last: datetime.date
    weekdays: tuple[Weekday, ...]
    weeks: tuple[tuple[CalendarDay, ...], ...]
    count: int
    previous: datetime.date | None  # the 1st of the month before, if representable
    next: datetime.date | None
    # The 1st of the nearest month before / after this one that has a session.
    earlier_with_sessions: datetime.date | None = None
    later_with_sessions: datetime.date | None = None


def month_calendar(year: int, month: int, *, today: datetime.date | None = None) -> MonthCalendar:
    """The month's briefings laid out in weeks, with Japan's public holidays,
    and the nearest months before and after that have sessions: three
    queries (the month's rows; one row each way, served by the date index).

    A day shows its first CALENDAR_DAY_LIMIT sessions and counts the others
    (`more`), so a month is one size however busy it is: the window
    functions number each day's rows and count them in the same query.

    Raises ValueError for a month that `datetime.date` cannot represent.
    """
    first = datetime.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    by_day: dict[datetime.date, list[Briefing]] = defaultdict(list)
    day_totals: dict[datetime.date, int] = {}
    briefings = (
        Briefing.objects.filter(date__range=(first, last))
        # A cell shows the title, place and status: the block and host are not read.
        .select_related("prefecture")
        .annotate(
            day_rank=Window(RowNumber(), partition_by=F("date"), order_by=F("pk").asc()),
            day_total=Window(Count("pk"), partition_by=F("date")),
        )
        .filter(day_rank__lte=CALENDAR_DAY_LIMIT)
        .order_by("date", "pk")
    )
    for briefing in briefings:
        by_day[briefing.date].append(briefing)
        day_totals[briefing.date] = briefing.day_total
    holidays = dates.public_holidays(first, last)

    # monthdayscalendar pads with zeros, so December 9999 needs no year 10000.
    cal = calendar.Calendar(firstweekday=FIRST_WEEKDAY)
    weekdays = tuple(Weekday(n) for n in cal.iterweekdays())
    weeks = []
    for week in cal.monthdayscalendar(year, month):
        cells = []
        for weekday, day in zip(weekdays, week, strict=True):
            if not day:
                cells.append(CalendarDay(date=None, weekday=weekday))
                continue
            date = first.replace(day=day)
            cells.append(
                CalendarDay(
                    date=date,
                    weekday=weekday,
                    briefings=tuple(by_day.get(date, ())),
                    more=day_totals.get(date, 0) - len(by_day.get(date, ())),
                    is_today=date == today,
                    holiday=holidays.get(date, ""),
                )
            )
        weeks.append(tuple(cells))

    previous = next_ = None
    if first > datetime.date.min:
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
    if last < datetime.date.max:
        next_ = last + datetime.timedelta(days=1)
    return MonthCalendar(
        first=first,
        last=last,
        weekdays=weekdays,
        weeks=tuple(weeks),
        count=sum(day_totals.values()),
        previous=previous,
        next=next_,
        earlier_with_sessions=_month_of_nearest(date__lt=first, order="-date"),
        later_with_sessions=_month_of_nearest(date__gt=last, order="date"),
    )


def _month_of_nearest(*, order: str, **before_or_after) -> datetime.date | None:
    """The 1st of the month of the nearest session that way, or None."""
    nearest = (
        Briefing.objects.filter(**before_or_after)
        .order_by(order)
        .values_list("date", flat=True)
        .first()
    )
    return nearest.replace(day=1) if nearest else None
