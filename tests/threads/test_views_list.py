"""/threads/: every thread with its latest status, stale notes, query count."""

import datetime

import pytest

from tests.factories import StatusUpdateFactory, ThreadFactory
from tests.threads.helpers import days_ago, list_url

# Rows are dated from today: every test stands on one fixed day.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]


# --- list ------------------------------------------------------------------------------


def test_thread_list_shows_each_thread_with_latest_status_and_date(client):
    thread = ThreadFactory(title="縦の糸")
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 1, 1), text="古い状況")
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 2, 24), text="最新の状況")

    response = client.get(list_url())

    assert response.status_code == 200
    html = response.content.decode()
    card = html.split('class="card vertical"')[1].split("</li>")[0]
    assert f'<a href="/threads/{thread.slug}/">縦の糸</a>' in card
    assert "最新の状況" in card
    assert "古い状況" not in card
    assert '<time datetime="2017-02-24">2017年2月24日</time>' in card
    assert "最終更新 2017年2月24日" in card


def test_thread_list_has_breadcrumbs(client):
    response = client.get(list_url())

    assert response.context["breadcrumbs"] == [("推進体制", "/threads/")]
    assert '<span aria-current="page">推進体制</span>' in response.content.decode()


def test_thread_list_card_notes_stale_thread(client):
    fresh = ThreadFactory()
    StatusUpdateFactory(thread=fresh, as_of=days_ago(10))
    stale = ThreadFactory()
    StatusUpdateFactory(thread=stale, as_of=days_ago(91))

    html = client.get(list_url()).content.decode()

    cards = html.split('class="card vertical"')[1:]
    assert len(cards) == 2
    assert 'class="stale-note"' not in cards[0].split("</li>")[0]
    assert 'class="stale-note"' in cards[1].split("</li>")[0]


def test_thread_list_in_english_uses_english_title_and_date(client):
    thread = ThreadFactory(title="縦の糸", title_en="Vertical thread")
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 2, 24))

    response = client.get(list_url("en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert f'<a href="/en/threads/{thread.slug}/">Vertical thread</a>' in html
    assert "24 February 2017" in html


def test_thread_list_without_threads_says_so(client):
    response = client.get(list_url())

    assert "推進体制はまだ登録されていません。" in response.content.decode()


@pytest.mark.parametrize("n", [1, 3])
def test_thread_list_query_count_is_fixed(client, django_assert_num_queries, n):
    """2 queries whatever the number of threads and updates: the threads, and
    their status updates (one prefetch, for_overview())."""
    for _ in range(n):
        thread = ThreadFactory()
        StatusUpdateFactory.create_batch(2, thread=thread)

    with django_assert_num_queries(2):
        response = client.get(list_url())

    assert len(response.context["cards"]) == n
