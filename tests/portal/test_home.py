import datetime

import pytest
from django.urls import reverse

from tests.factories import BriefingFactory, StatusUpdateFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def _populate(n: int) -> None:
    for i in range(n):
        thread = ThreadFactory()
        StatusUpdateFactory(thread=thread, text=f"古い状況{i}", as_of=datetime.date(2017, 1, 1))
        StatusUpdateFactory(thread=thread, text=f"最新の状況{i}", as_of=datetime.date(2017, 2, 24))
        BriefingFactory(status="held", date=datetime.date(2017, 2, 1 + i))
        BriefingFactory(status="planned", date=datetime.date(2017, 3, 1 + i))


def test_home_shows_threads_with_latest_status_and_briefings(client):
    _populate(1)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "最新の状況0" in html
    assert "古い状況0" not in html
    assert "2017年2月24日" in html
    assert "2017年3月1日" in html  # the planned briefing
    assert "2017年2月1日" in html  # the held one


def test_home_with_no_data_says_so(client):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert "推進体制はまだ登録されていません。" in response.content.decode()


@pytest.mark.parametrize("n", [1, 3])
def test_home_query_count_is_fixed(client, django_assert_num_queries, n):
    """Threads and their updates (prefetch), then planned and held briefings,
    each with its members (prefetch): six queries whatever the row count."""
    _populate(n)
    with django_assert_num_queries(6):
        assert client.get(reverse("portal:home")).status_code == 200


def test_home_in_english(client):
    _populate(1)
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.content.decode().count('lang="en"') >= 1
    assert "24 February 2017" in response.content.decode()
