"""/threads/<slug>/: the freshness line and the 90-day warning (selectors.freshness)."""

import datetime

import pytest

from tests.factories import StatusUpdateFactory, ThreadFactory
from tests.threads.helpers import days_ago, detail_url
from threads import selectors

# Rows are dated from today: every test stands on one fixed day.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]


# --- detail: freshness ------------------------------------------------------------------


def test_thread_detail_freshness_line_shows_latest_status_date(client):
    thread = ThreadFactory()
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 1, 25))
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 2, 24))

    html = client.get(detail_url(thread)).content.decode()

    assert '<p class="freshness">最終更新 2017年2月24日</p>' in html


def test_thread_detail_freshness_line_in_english_uses_english_date(client):
    thread = ThreadFactory()
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 2, 24))

    html = client.get(detail_url(thread, "en")).content.decode()

    assert "24 February 2017</p>" in html.split('<p class="freshness">')[1]


def test_thread_detail_no_warning_when_updated_89_days_ago(client):
    thread = ThreadFactory()
    StatusUpdateFactory(thread=thread, as_of=days_ago(89))

    response = client.get(detail_url(thread))

    assert response.context["freshness"].stale is False
    assert 'class="warning-box"' not in response.content.decode()


def test_thread_detail_warns_when_updated_exactly_90_days_ago(client):
    """90 days without an update is the threshold itself: the warning shows."""
    thread = ThreadFactory()
    StatusUpdateFactory(thread=thread, as_of=days_ago(90))

    response = client.get(detail_url(thread))

    assert response.context["freshness"].stale is True
    assert '<div class="warning-box" role="status">' in response.content.decode()


def test_thread_detail_warns_when_updated_91_days_ago(client):
    thread = ThreadFactory()
    StatusUpdateFactory(thread=thread, as_of=days_ago(91))
    StatusUpdateFactory(thread=thread, as_of=days_ago(400))

    response = client.get(detail_url(thread))

    html = response.content.decode()
    assert '<div class="warning-box" role="status">' in html
    assert "この推進体制の取組状況は90日以上更新されていません。" in html
    assert "最後の更新から91日が経っています。" in html


def test_thread_detail_warns_when_no_status_update_exists(client):
    thread = ThreadFactory()

    html = client.get(detail_url(thread)).content.decode()

    assert '<p class="freshness">' not in html
    assert "この推進体制の取組状況はまだ登録されていません。" in html


@pytest.mark.parametrize(
    ("days", "stale"), [(-5, False), (0, False), (89, False), (90, True), (91, True)]
)
def test_freshness_stale_from_90_days(days, stale):
    today = datetime.date(2017, 5, 25)
    last = today - datetime.timedelta(days=days)

    result = selectors.freshness([datetime.date(2017, 1, 1), last], today=today)

    assert result == selectors.Freshness(last_updated=last, days_since=days, stale=stale)


def test_freshness_without_updates_is_stale():
    result = selectors.freshness([], today=datetime.date(2017, 5, 25))

    assert result == selectors.Freshness(last_updated=None, days_since=None, stale=True)
