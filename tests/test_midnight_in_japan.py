"""The date-dependent public pages turn over at midnight in Japan, not before
and not after: a planned session dated D is 予定 (upcoming) until D 23:59:59
JST and 開催日経過・結果未登録 from D+1 00:00:01 JST, on every page that shows it;
a thread's 90 days without an update are counted in Japanese days too.

The clock is set to each instant (time-machine); nothing reads the wall clock,
so this passes whenever the suite runs, midnight included.
"""

import datetime
import re

import pytest

from briefings.models import Briefing
from tests.factories import TODAY, BriefingFactory, StatusUpdateFactory, ThreadFactory, prefecture

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# TODAY 23:59:59 JST and the first second of the day after (JST is UTC+9).
LAST_SECOND = datetime.datetime.combine(TODAY, datetime.time(14, 59, 59), tzinfo=UTC)
FIRST_SECOND_AFTER = datetime.datetime.combine(TODAY, datetime.time(15, 0, 1), tzinfo=UTC)
AROUND_MIDNIGHT = pytest.mark.parametrize(
    ("instant", "on_the_day"),
    [
        pytest.param(LAST_SECOND, True, id="D_23:59:59_JST"),
        pytest.param(FIRST_SECOND_AFTER, False, id="D+1_00:00:01_JST"),
    ],
)


@pytest.fixture
def session(db) -> Briefing:
    """A session planned in 熊本 on TODAY, its outcome not recorded."""
    return BriefingFactory(
        title="熊本県内説明会",
        status=Briefing.Status.PLANNED,
        date=TODAY,
        prefecture=prefecture("43"),
    )


def badges(html: str) -> list[str]:
    return re.findall(r'<span class="badge status-(\w+)">', html)


@AROUND_MIDNIGHT
def test_home_lists_the_session_as_next_until_its_day_ends(
    client, time_machine, session, instant, on_the_day
):
    time_machine.move_to(instant, tick=False)

    response = client.get("/")

    assert (session in response.context["next_briefings"]) is on_the_day


@AROUND_MIDNIGHT
def test_schedule_shows_the_session_planned_until_its_day_ends(
    client, time_machine, session, instant, on_the_day
):
    time_machine.move_to(instant, tick=False)

    listed = client.get("/briefings/")
    planned = client.get("/briefings/", {"status": "planned"})
    unrecorded = client.get("/briefings/", {"status": "unrecorded"})

    assert badges(listed.content.decode()) == ["planned" if on_the_day else "unrecorded"]
    assert list(planned.context["briefings"]) == ([session] if on_the_day else [])
    assert list(unrecorded.context["briefings"]) == ([] if on_the_day else [session])


@AROUND_MIDNIGHT
def test_briefing_page_reads_planned_until_its_day_ends(
    client, time_machine, session, instant, on_the_day
):
    time_machine.move_to(instant, tick=False)

    html = client.get(session.get_absolute_url()).content.decode()

    assert badges(html) == ["planned" if on_the_day else "unrecorded"]


@AROUND_MIDNIGHT
def test_prefecture_page_lists_the_session_to_come_until_its_day_ends(
    client, time_machine, session, instant, on_the_day
):
    time_machine.move_to(instant, tick=False)

    briefings = client.get("/prefectures/43/").context["briefings"]

    assert (briefings.upcoming.items, briefings.past.items) == (
        ([session], []) if on_the_day else ([], [session])
    )


@AROUND_MIDNIGHT
def test_thread_turns_stale_when_the_ninetieth_day_begins(
    client, time_machine, instant, on_the_day
):
    thread = ThreadFactory()
    StatusUpdateFactory(thread=thread, as_of=TODAY - datetime.timedelta(days=89))
    time_machine.move_to(instant, tick=False)

    freshness = client.get(f"/threads/{thread.slug}/").context["freshness"]

    assert (freshness.days_since, freshness.stale) == ((89, False) if on_the_day else (90, True))
