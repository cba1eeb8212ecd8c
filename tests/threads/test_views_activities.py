"""/threads/<slug>/: filtering and paging activities, and the page's fixed query count."""

import datetime

import pytest

from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    MemberFactory,
    OrganizationFactory,
    ParticipationFactory,
    StatusUpdateFactory,
    ThreadFactory,
    WorkItemFactory,
    block,
    field,
)
from tests.threads.helpers import detail_url
from threads.models import Progress, Thread, WorkItem

pytestmark = pytest.mark.django_db


# --- detail: activity filters -----------------------------------------------------------


def test_vertical_thread_filters_activities_by_field(client):
    thread = ThreadFactory(kind=Thread.Kind.VERTICAL)
    education = ActivityFactory(thread=thread, field=field("education"), title="教育の活動")
    ActivityFactory(thread=thread, field=field("disaster"), title="防災の活動")

    response = client.get(detail_url(thread), {"field": "education"})

    assert list(response.context["activities"]) == [education]
    html = response.content.decode()
    assert '<label for="id_field">分野</label>' in html
    assert '<option value="education" selected>教育</option>' in html
    assert 'name="block"' not in html


def test_vertical_thread_unknown_field_gives_message_not_500(client):
    thread = ThreadFactory(kind=Thread.Kind.VERTICAL)
    ActivityFactory(thread=thread)

    response = client.get(detail_url(thread), {"field": "nope"})

    assert response.status_code == 200
    assert list(response.context["activities"]) == []
    assert "分野「nope」はありません。一覧から選んでください。" in response.content.decode()


def test_diagonal_thread_filters_activities_by_block(client):
    thread = ThreadFactory(kind=Thread.Kind.DIAGONAL)
    kyushu = ActivityFactory(thread=thread, block=block("kyushu"), title="九州の活動")
    ActivityFactory(thread=thread, block=block("chugoku"), title="中国の活動")

    response = client.get(detail_url(thread), {"block": "kyushu"})

    assert list(response.context["activities"]) == [kyushu]
    html = response.content.decode()
    assert '<label for="id_block">地域ブロック</label>' in html
    assert '<option value="kyushu" selected>九州</option>' in html
    assert 'name="field"' not in html


def test_diagonal_thread_unknown_block_gives_message_not_500(client):
    thread = ThreadFactory(kind=Thread.Kind.DIAGONAL)
    ActivityFactory(thread=thread, block=block("kyushu"))

    response = client.get(detail_url(thread), {"block": "nowhere"})

    assert response.status_code == 200
    assert list(response.context["activities"]) == []
    html = response.content.decode()
    assert "地域ブロック「nowhere」はありません。一覧から選んでください。" in html
    assert 'aria-describedby="id_block_error"' in html
    assert 'id="id_block_error"' in html


def test_horizontal_thread_offers_no_activity_filter(client):
    thread = ThreadFactory(kind=Thread.Kind.HORIZONTAL)
    ActivityFactory(thread=thread, block=block("kyushu"))

    response = client.get(detail_url(thread), {"block": "nowhere", "field": "nope"})

    assert response.status_code == 200
    assert len(response.context["activities"]) == 1
    assert 'class="filters"' not in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "999999", "-1", "0"])
def test_thread_detail_bad_page_gives_a_page_not_500(client, page):
    thread = ThreadFactory()
    ActivityFactory(thread=thread)

    response = client.get(detail_url(thread), {"page": page})

    assert response.status_code == 200
    assert len(response.context["activities"]) == 1


def test_thread_detail_paginates_activities(client):
    thread = ThreadFactory()
    ActivityFactory.create_batch(51, thread=thread)

    response = client.get(detail_url(thread), {"page": "2"})

    assert len(response.context["activities"]) == 1
    assert 'rel="prev"' in response.content.decode()


# --- detail: query counts ----------------------------------------------------------------


def _populate_thread(thread: Thread, n: int) -> None:
    for i in range(n):
        WorkItemFactory(thread=thread, heading=f"見出し{i}")
        WorkItemFactory(thread=thread, section=WorkItem.Section.PARTICIPANTS)
        StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 1, 1 + i))
        ParticipationFactory(thread=thread)
        activity = ActivityFactory(
            thread=thread, field=field("education"), block=block("kyushu"), status=Progress.DONE
        )
        activity.organizations.add(OrganizationFactory(), OrganizationFactory())
        briefing = BriefingFactory(thread=thread)
        briefing.members.add(MemberFactory())


@pytest.mark.parametrize("n", [1, 3])
def test_vertical_thread_detail_query_count_is_fixed(client, django_assert_num_queries, n):
    """11 queries whatever the number of records: the thread; its work items
    (a prefetch); the count and page of its status updates; its first
    participations with organizations; the
    field choices of the filter; the activity count, the page of activities
    and their organizations; the briefings and their members."""
    thread = ThreadFactory(kind=Thread.Kind.VERTICAL)
    _populate_thread(thread, n)

    with django_assert_num_queries(11):
        response = client.get(detail_url(thread))

    assert len(response.context["activities"]) == n
    assert len(response.context["briefings"]) == n


@pytest.mark.parametrize("n", [1, 3])
def test_diagonal_thread_detail_filtered_query_count_is_fixed(client, django_assert_num_queries, n):
    """12 queries: the 11 of the unfiltered page, plus the lookup of the
    `block` value the filter validates."""
    thread = ThreadFactory(kind=Thread.Kind.DIAGONAL)
    _populate_thread(thread, n)

    with django_assert_num_queries(12):
        response = client.get(detail_url(thread), {"block": "kyushu"})

    assert len(response.context["activities"]) == n
