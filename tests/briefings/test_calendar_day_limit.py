"""A busy calendar day lists its first sessions and links to the rest, so a
month is one size however many sessions it has."""

import datetime

import pytest

from briefings.services.schedule import CALENDAR_DAY_LIMIT, month_calendar
from tests.factories import BriefingFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2017, 2, 16)


def test_a_busy_day_shows_the_first_sessions_and_counts_the_others(client):
    made = [BriefingFactory(date=DAY, title=f"説明会{i}") for i in range(CALENDAR_DAY_LIMIT + 3)]
    BriefingFactory(date=datetime.date(2017, 2, 17))

    cal = month_calendar(2017, 2)

    day = next(d for week in cal.weeks for d in week if d.date == DAY)
    assert [b.pk for b in day.briefings] == [b.pk for b in made[:CALENDAR_DAY_LIMIT]]
    assert day.more == 3
    assert cal.count == CALENDAR_DAY_LIMIT + 4
    html = client.get("/briefings/calendar/2017/2/").content.decode()
    assert 'href="/briefings/?date_after=2017-02-16&amp;date_before=2017-02-16">他3件</a>' in html


def test_a_day_within_the_limit_has_no_link(client):
    BriefingFactory(date=DAY)

    html = client.get("/briefings/calendar/2017/2/").content.decode()

    assert "他" not in html.split("<tbody>")[1].split("</tbody>")[0]
