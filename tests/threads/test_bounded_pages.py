"""The thread pages read a bounded number of rows: the newest update per
thread picked in SQL, the timeline paged, the participants capped."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import ParticipationFactory, StatusUpdateFactory, ThreadFactory
from threads.selectors import THREAD_PARTICIPANTS_LIMIT
from threads.views import ThreadDetailView

pytestmark = pytest.mark.django_db

D = datetime.date


def test_thread_list_shows_the_newest_live_update_of_each_thread(client, stand_on):
    stand_on(D(2017, 3, 1))
    first, second = ThreadFactory(), ThreadFactory()
    StatusUpdateFactory(thread=first, as_of=D(2017, 1, 1), text="古い")
    StatusUpdateFactory(thread=first, as_of=D(2017, 2, 20), text="最新")
    StatusUpdateFactory(thread=first, as_of=D(2017, 2, 1), text="中間")
    deleted = StatusUpdateFactory(thread=second, as_of=D(2017, 2, 25), text="削除済")
    StatusUpdateFactory(thread=second, as_of=D(2017, 2, 10), text="残る")
    deleted.soft_delete()  # hidden from the public

    response = client.get(reverse("threads:thread_list"))

    cards = {thread.pk: (thread, fresh) for thread, fresh in response.context["cards"]}
    assert cards[first.pk][0].latest_update.text == "最新"
    assert cards[first.pk][1].last_updated == D(2017, 2, 20)
    assert cards[second.pk][0].latest_update.text == "残る"
    assert cards[second.pk][1].last_updated == D(2017, 2, 10)
    # Only the newest entry per thread was read.
    assert all(len(thread.newest_updates) == 1 for thread, _f in cards.values())


def test_thread_page_pages_its_timeline_and_keeps_the_freshness_of_the_newest(client, stand_on):
    stand_on(D(2017, 3, 1))
    thread = ThreadFactory()
    per_page = ThreadDetailView.updates_per_page
    for day in range(per_page + 5):
        StatusUpdateFactory(thread=thread, as_of=D(2017, 1, 1) + datetime.timedelta(days=day))

    first = client.get(thread.get_absolute_url())
    second = client.get(thread.get_absolute_url(), {"status_page": 2})

    assert len(first.context["timeline"].object_list) == per_page
    assert first.context["timeline"].object_list[0].as_of == D(2017, 1, 25)
    assert len(second.context["timeline"].object_list) == 5
    assert list(second.context["timeline"].object_list)[-1].as_of == D(2017, 1, 1)
    assert second.context["freshness"].last_updated == D(2017, 1, 25)
    page = first.content.decode()
    assert "status_page=2#status" in page
    assert 'aria-label="取組状況のページ送り"' in page


def test_thread_page_bad_timeline_page_shows_the_first_or_last(client):
    thread = ThreadFactory()
    StatusUpdateFactory(thread=thread)

    for value in ("abc", "999999", "-1"):
        response = client.get(thread.get_absolute_url(), {"status_page": value})
        assert response.status_code == 200
        assert len(response.context["timeline"].object_list) == 1


def test_thread_page_lists_the_first_participants_and_links_to_the_rest(client):
    thread = ThreadFactory()
    ParticipationFactory.create_batch(THREAD_PARTICIPANTS_LIMIT + 2, thread=thread)

    response = client.get(thread.get_absolute_url())

    participations = response.context["participations"]
    assert len(participations) == THREAD_PARTICIPANTS_LIMIT
    assert participations.has_more
    page = response.content.decode()
    assert f"団体名順に{THREAD_PARTICIPANTS_LIMIT}団体を表示しています。" in page
    assert f"?thread={thread.slug}" in page
