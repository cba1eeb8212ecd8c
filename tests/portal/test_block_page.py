"""/blocks/<code>/: bureau, council, prefectures, sessions, organizations,
activities, query count, the seeded 中国 block."""

import datetime

import pytest

from briefings.models import Briefing
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    MemberFactory,
    OrganizationFactory,
    ThreadFactory,
    block,
    field,
    prefecture,
)
from tests.portal.helpers import block_briefing, url
from threads.models import Thread

pytestmark = pytest.mark.django_db


# --- block -------------------------------------------------------------------------------


def test_block_page_shows_bureau_council_and_prefectures(client):
    response = client.get(url("block_detail", "kyushu"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>九州ブロック</h1>" in html
    assert "<dd>九州総合通信局</dd>" in html
    for code, name in [("40", "福岡県"), ("43", "熊本県"), ("46", "鹿児島県")]:
        assert f'<li><a href="/prefectures/{code}/">{name}</a></li>' in html
    assert '<a href="/prefectures/47/">' not in html  # 沖縄 has its own block
    assert response.context["breadcrumbs"] == [("九州ブロック", "/blocks/kyushu/")]


def test_block_page_separates_upcoming_and_past_briefings(client, stand_on):
    stand_on(datetime.date(2017, 2, 10))
    held = block_briefing(status=Briefing.Status.HELD, title="九州地域ICT利活用セミナー")
    in_prefecture = BriefingFactory(status=Briefing.Status.PLANNED)  # 熊本県 → 九州
    block_briefing("chugoku", title="中国地域ICT利活用セミナー")

    response = client.get(url("block_detail", "kyushu"))

    briefings = response.context["briefings"]
    assert briefings.past.items == [held]
    assert briefings.upcoming.items == [in_prefecture]
    html = response.content.decode()
    assert "中国地域ICT利活用セミナー" not in html
    assert '<a href="/briefings/?block=kyushu">' in html


def test_block_page_lists_organizations_of_the_block_and_its_prefectures(client):
    council = OrganizationFactory(name="九州情報通信懇談会", block=block("kyushu"))
    city = OrganizationFactory(name="熊本市役所", prefecture=prefecture("43"))
    OrganizationFactory(name="中国情報通信懇談会", block=block("chugoku"))

    response = client.get(url("block_detail", "kyushu"))

    assert set(response.context["organizations"]) == {council, city}
    html = response.content.decode()
    assert "中国情報通信懇談会" not in html
    assert '<a href="/organizations/?block=kyushu">' in html


def test_block_page_lists_activities_of_the_block_with_their_thread(client):
    diagonal = ThreadFactory(kind=Thread.Kind.DIAGONAL, title="斜めの糸")
    newer = ActivityFactory(
        thread=diagonal, block=block("kyushu"), date=datetime.date(2017, 4, 20), title="懇談会"
    )
    older = ActivityFactory(
        thread=diagonal, block=block("kyushu"), date=datetime.date(2017, 4, 10), title="部会"
    )
    ActivityFactory(thread=diagonal, block=block("chugoku"), title="中国の活動")

    response = client.get(url("block_detail", "kyushu"))

    assert response.context["activities"].items == [newer, older]
    html = response.content.decode()
    assert f'<a href="/threads/{diagonal.slug}/">斜めの糸</a>' in html
    assert "中国の活動" not in html


def test_block_page_without_activities_says_so(client):
    html = client.get(url("block_detail", "kyushu")).content.decode()

    assert "該当する活動はありません。" in html


@pytest.mark.parametrize("code", ["nowhere", "KYUSHU", "43"])
def test_block_page_unknown_code_is_404(client, code):
    response = client.get(f"/blocks/{code}/")

    assert response.status_code == 404


def test_block_page_in_english(client):
    response = client.get(url("block_detail", "kyushu", language="en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<dd>Kyushu Bureau of Telecommunications</dd>" in html
    assert '<li><a href="/en/prefectures/43/">Kumamoto</a></li>' in html


@pytest.mark.parametrize("n", [1, 3])
def test_block_page_query_count_is_fixed(client, django_assert_num_queries, stand_on, n):
    """17 queries: the block and its prefectures (prefetch); upcoming briefings
    and their members; past briefings and their members; the organizations with
    their prefecture; the activities with thread and field; the roadmap rates
    (its municipalities, the implemented ones per model, the models); and the
    council's section (tests/portal/test_cooperation_council.py): its members,
    its block-scope sessions and their members, its activities, its cases, the map."""
    stand_on(datetime.date(2017, 2, 24))
    thread = ThreadFactory(kind=Thread.Kind.DIAGONAL)
    for i in range(n):
        held = block_briefing(status=Briefing.Status.HELD, date=datetime.date(2017, 2, 1 + i))
        planned = block_briefing(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 1 + i))
        held.members.add(MemberFactory())
        planned.members.add(MemberFactory())
        OrganizationFactory(prefecture=prefecture("43"))
        ActivityFactory(thread=thread, block=block("kyushu"), field=field("education"))

    with django_assert_num_queries(17):
        response = client.get(url("block_detail", "kyushu"))

    assert len(response.context["activities"]) == n
    assert len(response.context["organizations"]) == n


# --- the seed ------------------------------------------------------------------------------


def test_seeded_chugoku_block_page(client, seeded, stand_on):
    stand_on(datetime.date(2017, 2, 24))
    response = client.get("/blocks/chugoku/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<dd>中国情報通信懇談会</dd>" in html
    assert "中国地域Ｌアラート連絡会" in html  # the vertical thread's event in the block
    assert [b.title for b in response.context["briefings"].upcoming] == [
        "中国地域ICT利活用セミナー"
    ]
    assert [b.title for b in response.context["briefings"].past] == [
        "地方自治体向け説明会",
        "中国情報通信懇談会顧問会議",
    ]
