"""The schedule as an iCalendar feed: what a calendar application subscribed
to `/briefings/feed.ics` (with the schedule's filters) receives."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from briefings.models import Briefing
from briefings.services import feed
from tests.factories import BriefingFactory, block, prefecture

pytestmark = pytest.mark.django_db

D = datetime.date
FEED = reverse("briefings:feed")


@pytest.fixture(autouse=True)
def today(stand_on):
    stand_on(D(2017, 2, 24))


def events(response) -> dict[str, dict]:
    """SUMMARY → the event's properties, from a parsed feed."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_feed_holds_the_schedule_with_each_sessions_day_status_and_page(client):
    held = BriefingFactory(title="熊本県説明会", date=D(2017, 2, 10), prefecture=prefecture("43"))
    planned = BriefingFactory(
        title="長崎県説明会", date=D(2017, 3, 6), status=Briefing.Status.PLANNED
    )
    BriefingFactory(title="削除した説明会").soft_delete()

    found = events(client.get(FEED))

    assert set(found) == {"熊本県説明会", "長崎県説明会"}
    event = found["熊本県説明会"]
    # An all-day event: the day, and the next day as the (exclusive) end.
    assert event.decoded("DTSTART") == D(2017, 2, 10)
    assert event.decoded("DTEND") == D(2017, 2, 11)
    assert str(event["URL"]) == f"http://testserver{held.get_absolute_url()}"
    assert str(event["UID"]) == f"briefing-{held.pk}@testserver"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == "熊本県"
    assert "状況：開催済" in str(event["DESCRIPTION"])
    assert str(found["長崎県説明会"]["URL"]).endswith(planned.get_absolute_url())


def test_feed_gives_a_timed_session_its_hours_in_japan(client):
    BriefingFactory(
        title="時刻のある説明会",
        date=D(2017, 3, 6),
        status=Briefing.Status.PLANNED,
        start_time=datetime.time(13, 30),
        end_time=datetime.time(15, 0),
        venue_name="熊本市国際交流会館",
    )

    event = events(client.get(FEED))["時刻のある説明会"]

    # 13:30-15:00 JST is 04:30-06:00 UTC.
    utc = datetime.UTC
    assert event.decoded("DTSTART") == datetime.datetime(2017, 3, 6, 4, 30, tzinfo=utc)
    assert event.decoded("DTEND") == datetime.datetime(2017, 3, 6, 6, 0, tzinfo=utc)
    assert str(event["LOCATION"]) == "熊本市国際交流会館"


def test_feed_withdraws_a_cancelled_session_and_marks_a_postponed_one(client):
    BriefingFactory(title="中止の説明会", date=D(2017, 3, 8), status=Briefing.Status.CANCELLED)
    BriefingFactory(title="延期の説明会", date=D(2017, 3, 9), status=Briefing.Status.POSTPONED)

    found = events(client.get(FEED))

    assert str(found["【中止】中止の説明会"]["STATUS"]) == "CANCELLED"
    assert str(found["【延期】延期の説明会"]["STATUS"]) == "TENTATIVE"


def test_feed_takes_the_schedules_filters_and_names_them(client):
    BriefingFactory(title="九州の説明会", prefecture=prefecture("43"), block=block("kyushu"))
    BriefingFactory(title="関東の説明会", prefecture=prefecture("13"), block=block("kanto"))

    response = client.get(FEED, {"block": "kyushu"})

    assert set(events(response)) == {"九州の説明会"}
    name = str(Calendar.from_ical(response.content)["X-WR-CALNAME"])
    assert name == "地域IoT実装推進 説明会等（地域ブロック 九州）"


def test_feed_in_english_words_its_statuses_in_english(client):
    BriefingFactory(title="中止の説明会", status=Briefing.Status.CANCELLED)

    found = events(client.get("/en" + FEED))

    name = str(
        Calendar.from_ical(client.get("/en" + FEED, {"status": "cancelled"}).content)[
            "X-WR-CALNAME"
        ]
    )
    assert name == "Regional IoT Implementation: briefings (Status Cancelled)"
    event = found["[Cancelled] 中止の説明会"]
    assert str(event["URL"]).startswith("http://testserver/en/")
    assert "Status: Cancelled" in str(event["DESCRIPTION"])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"block": "nowhere"}, "地域ブロック「nowhere」はありません。"),
        ({"date_after": "abc"}, "日付"),
    ],
)
def test_feed_refuses_a_bad_filter_with_its_message(client, query, message):
    BriefingFactory()

    response = client.get(FEED, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()


def test_feed_is_capped_to_the_next_sessions_first(client, monkeypatch):
    monkeypatch.setattr(feed, "FEED_LIMIT", 2)
    for day, title in [(20, "過去"), (6, "次"), (24, "その次"), (27, "三つ目")]:
        month = 1 if title == "過去" else 3
        BriefingFactory(title=title, date=D(2017, month, day), status=Briefing.Status.PLANNED)

    assert set(events(client.get(FEED))) == {"次", "その次"}


@pytest.mark.parametrize("sessions", [1, 12])
def test_feed_reads_a_fixed_number_of_queries(client, django_assert_num_queries, sessions):
    BriefingFactory.create_batch(sessions, prefecture=prefecture("13"))

    # The prefecture the filter names, then the sessions.
    with django_assert_num_queries(2):
        response = client.get(FEED, {"prefecture": "13"})

    assert len(events(response)) == sessions


def test_the_schedule_links_to_the_feed_of_its_filters_without_the_page(client):
    BriefingFactory(block=block("kyushu"))

    html = client.get(reverse("briefings:briefing_list"), {"block": "kyushu", "page": "1"})
    html = html.content.decode()

    assert f'<a href="{FEED}?block=kyushu" type="text/calendar">' in html
    assert "この条件の説明会等をカレンダーアプリに登録（iCal）" in html


def test_the_schedule_offers_no_feed_for_a_bad_filter(client):
    html = client.get(reverse("briefings:briefing_list"), {"block": "nowhere"}).content.decode()

    assert FEED not in html


def test_the_month_calendar_links_to_the_feed(client):
    html = client.get(reverse("briefings:calendar", args=[2017, 3])).content.decode()

    assert f'<a href="{FEED}" type="text/calendar">' in html
