"""/briefings/<pk>/: one briefing, with 和暦, breadcrumbs and its calendar month."""

import datetime
import re

import pytest

from tests.factories import (
    BriefingFactory,
    MemberFactory,
    OrganizationFactory,
    ThreadFactory,
    prefecture,
)

pytestmark = pytest.mark.django_db


def _briefing(n_members: int = 1):
    briefing = BriefingFactory(
        title="九州地域ICT利活用セミナー",
        date=datetime.date(2017, 2, 15),
        date_text="2月15日",
        prefecture=prefecture("43"),
        host=OrganizationFactory(name="九州総合通信局", name_en="Kyushu Bureau"),
        thread=ThreadFactory(),
        notes="※米田構成員参加",
    )
    briefing.members.set([MemberFactory(name=f"構成員{i}") for i in range(n_members)])
    return briefing


def test_detail_shows_the_date_with_wareki(client):
    briefing = _briefing()
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert '<time datetime="2017-02-15">2017年2月15日</time>（平成29年）' in html
    assert "資料の表記：2月15日" in html


def test_detail_shows_place_host_members_and_status(client):
    briefing = _briefing(2)
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert "<h1>九州地域ICT利活用セミナー</h1>" in html
    assert '<a href="/prefectures/43/">熊本県</a>' in html
    assert '<a href="/blocks/kyushu/">九州</a>' in html
    assert ">九州総合通信局</a>" in html
    assert '<span class="badge status-held">開催済</span>' in html
    members = briefing.members.order_by("name")
    assert f'<a href="/briefings/?member={members[0].pk}">構成員0構成員</a>' in html


def test_detail_breadcrumbs_go_through_the_calendar_month(client):
    briefing = _briefing()
    html = client.get(briefing.get_absolute_url()).content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.DOTALL).group(0)
    assert '<a href="/briefings/">説明会等</a>' in crumbs
    assert '<a href="/briefings/calendar/2017/2/">2017年2月</a>' in crumbs
    assert '<span aria-current="page">九州地域ICT利活用セミナー</span>' in crumbs


def test_detail_links_to_its_calendar_month(client):
    briefing = _briefing()
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert '<a href="/briefings/calendar/2017/2/">2017年2月のカレンダー</a>' in html


def test_detail_of_a_national_briefing_without_place(client):
    briefing = BriefingFactory(scope="national", kind="national_meeting", prefecture=None)
    response = client.get(briefing.get_absolute_url())
    assert response.status_code == 200
    assert "開催都道府県" not in response.content.decode()


@pytest.mark.parametrize("path", ["/briefings/999999/", "/briefings/99999999999999999999999/"])
def test_detail_unknown_pk_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("n", [1, 3])
def test_detail_query_count_is_fixed(client, django_assert_num_queries, n):
    """The briefing with its prefecture, block, host and thread joined, then its
    members (prefetch), its attending organizations and its handouts (one
    query each): four queries whatever the number of members."""
    briefing = _briefing(n)
    with django_assert_num_queries(4):
        response = client.get(briefing.get_absolute_url())
    assert response.status_code == 200


def test_detail_in_english(client):
    briefing = _briefing()
    response = client.get(f"/en/briefings/{briefing.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert '<time datetime="2017-02-15">15 February 2017</time>' in html
    assert "Heisei 29" in html
    assert '<a href="/en/prefectures/43/">Kumamoto</a>' in html
    assert ">Kyushu Bureau</a>" in html
    assert '<a href="/en/briefings/calendar/2017/2/">February 2017</a>' in html
