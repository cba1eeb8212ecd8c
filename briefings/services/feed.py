"""The schedule as an iCalendar feed (RFC 5545, written by `icalendar`), for
a calendar application to subscribe to: `/briefings/feed.ics`, with the
schedule's own filters (`?block=kyushu`, `?prefecture=13` …).

A feed holds the schedule's first FEED_LIMIT (200) sessions in its own order
(`Schedule.head`: the upcoming ones, soonest first, then the most recent
others), so a subscription to all of Japan stays one size whatever the
years of data. A session with a start time is a timed event (written in UTC,
which every application reads, so no VTIMEZONE is needed); without one it
is an all-day event. A cancelled session stays in the feed as CANCELLED, so
a subscriber's copy is withdrawn rather than left standing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from icalendar import Calendar, Event

from core import dates

from ..models import Briefing

FEED_LIMIT = 200

# How a session's public status reads to a calendar (RFC 5545 STATUS), and the
# word put before the title where an application shows no status (most do not).
_STATUS = {
    Briefing.PublicStatus.PLANNED: "CONFIRMED",
    Briefing.PublicStatus.UNRECORDED: "CONFIRMED",
    Briefing.PublicStatus.HELD: "CONFIRMED",
    Briefing.PublicStatus.POSTPONED: "TENTATIVE",
    Briefing.PublicStatus.CANCELLED: "CANCELLED",
}
_FLAGGED = (Briefing.PublicStatus.POSTPONED, Briefing.PublicStatus.CANCELLED)


def schedule_feed(
    briefings: Iterable[Briefing],
    *,
    name: str,
    url_of: Callable[[Briefing], str],
    uid_domain: str,
    today: datetime.date | None = None,
) -> bytes:
    """The sessions as one VCALENDAR. `url_of` gives a session's absolute
    address; `uid_domain` makes each event's UID unique beyond this site."""
    today = today or dates.today()
    calendar = Calendar()
    calendar.add("prodid", "-//iot-portal//briefings//JA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    for briefing in briefings:
        calendar.add_component(_event(briefing, url_of(briefing), uid_domain, stamp, today))
    return calendar.to_ical()


def _event(
    briefing: Briefing, url: str, uid_domain: str, stamp: datetime.datetime, today: datetime.date
) -> Event:
    status = briefing.public_status_on(today)
    event = Event()
    event.add("uid", f"briefing-{briefing.pk}@{uid_domain}")
    event.add("dtstamp", stamp)
    title = briefing.title
    if status in _FLAGGED:
        title = gettext("【%(status)s】%(title)s") % {"status": status.label, "title": title}
    event.add("summary", title)
    start, end = _when(briefing)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("status", _STATUS[status])
    if location := _location(briefing):
        event.add("location", location)
    event.add("url", url)
    event.add("description", _description(briefing, status, url))
    return event


def _when(briefing: Briefing) -> tuple[datetime.date, datetime.date | None]:
    """All day (the end is the next day, exclusive), or from the start time to
    the end time in Japan, in UTC."""
    if briefing.start_time is None:
        return briefing.date, briefing.date + datetime.timedelta(days=1)
    zone = timezone.get_default_timezone()  # Japan's (settings.TIME_ZONE)
    start = datetime.datetime.combine(briefing.date, briefing.start_time, tzinfo=zone)
    end = (
        datetime.datetime.combine(briefing.date, briefing.end_time, tzinfo=zone)
        if briefing.end_time is not None
        else None
    )
    return (
        start.astimezone(datetime.UTC),
        end.astimezone(datetime.UTC) if end is not None else None,
    )


def _location(briefing: Briefing) -> str:
    venue = " ".join(part for part in (briefing.venue_name, briefing.venue_address) if part)
    if venue:
        return venue
    if briefing.location_text:
        return briefing.location_text
    return briefing.prefecture.display_name if briefing.prefecture else ""


def _description(briefing: Briefing, status: Briefing.PublicStatus, url: str) -> str:
    kinds = [briefing.get_kind_display()]
    if briefing.also_kind:
        kinds.append(briefing.get_also_kind_display())
    scopes = [briefing.get_scope_display()]
    if briefing.also_scope:
        scopes.append(briefing.get_also_scope_display())
    separator = pgettext("列挙の区切り", "、")
    lines = [
        gettext("状況：%(value)s") % {"value": status.label},
        gettext("種別：%(value)s") % {"value": separator.join(kinds)},
        gettext("対象：%(value)s") % {"value": separator.join(scopes)},
    ]
    if briefing.date_text_current:
        lines.append(gettext("資料の表記：%(text)s") % {"text": briefing.date_text_current})
    lines.append(url)
    return "\n".join(lines)
