"""/prefectures/<code>/: its block, sessions to come and past, its region's
sessions, its organizations, capped sections, query count, the seed."""

import datetime

import pytest

from briefings.models import Briefing
from core import pagination
from tests.factories import BriefingFactory, MemberFactory, OrganizationFactory, prefecture
from tests.portal.helpers import block_briefing, url

pytestmark = pytest.mark.django_db


# --- prefecture --------------------------------------------------------------------------


def test_prefecture_page_shows_its_block_bureau_and_council(client):
    response = client.get(url("prefecture_detail", "43"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>熊本県</h1>" in html
    assert '<dd><a href="/blocks/kyushu/">九州ブロック</a></dd>' in html
    assert "<dd>九州総合通信局</dd>" in html
    assert response.context["breadcrumbs"] == [
        ("九州ブロック", "/blocks/kyushu/"),
        ("熊本県", "/prefectures/43/"),
    ]


def test_prefecture_page_separates_upcoming_and_past_briefings(client, stand_on):
    stand_on(datetime.date(2017, 3, 7))
    held = BriefingFactory(status=Briefing.Status.HELD, date=datetime.date(2017, 2, 15))
    later = BriefingFactory(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 24))
    sooner = BriefingFactory(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 7))
    passed = BriefingFactory(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 6))
    cancelled = BriefingFactory(status=Briefing.Status.CANCELLED, date=datetime.date(2017, 3, 1))
    BriefingFactory(prefecture=prefecture("37"), title="香川の説明会")

    response = client.get(url("prefecture_detail", "43"))

    briefings = response.context["briefings"]
    assert briefings.upcoming.items == [sooner, later]
    # A planned session whose date has passed is not upcoming: it is past, unrecorded.
    assert briefings.past.items == [passed, cancelled, held]
    html = response.content.decode()
    assert '<h2 id="briefings-heading">熊本県の説明会等</h2>' in html
    assert "<caption>今後の説明会等（開催日の近い順）</caption>" in html
    assert "<caption>これまでの説明会等（新しい順）</caption>" in html
    assert "香川の説明会" not in html
    assert '<a href="/briefings/?prefecture=43">熊本県の説明会等を説明会一覧で見る</a>' in html


def test_prefecture_page_shows_its_regions_sessions_in_their_own_section(client, stand_on):
    """佐賀県 has nothing planned itself; 九州 has sessions in 福岡, 熊本 and for the block."""
    stand_on(datetime.date(2017, 3, 1))
    saga_past = BriefingFactory(prefecture=prefecture("41"), date=datetime.date(2017, 2, 16))
    fukuoka = BriefingFactory(
        prefecture=prefecture("40"), status="planned", date=datetime.date(2017, 3, 22)
    )
    kumamoto = BriefingFactory(
        prefecture=prefecture("43"), status="planned", date=datetime.date(2017, 3, 24)
    )
    seminar = block_briefing(status="planned", date=datetime.date(2017, 3, 10))
    held_seminar = block_briefing(status="held", date=datetime.date(2017, 2, 15))
    BriefingFactory(prefecture=prefecture("37"), status="planned", date=datetime.date(2017, 3, 6))
    block_briefing("shikoku", status="planned", date=datetime.date(2017, 3, 6))

    response = client.get(url("prefecture_detail", "41"))

    assert response.context["briefings"].upcoming.items == []
    assert response.context["briefings"].past.items == [saga_past]
    assert response.context["region_briefings"].items == [seminar, fukuoka, kumamoto, held_seminar]
    html = response.content.decode()
    region = html.split('<section aria-labelledby="region-heading">')[1].split("</section>")[0]
    assert '<h2 id="region-heading">この地域（九州ブロック）の説明会等</h2>' in region
    assert "<caption>九州ブロックの説明会等（今後のものから）</caption>" in region
    assert '<a href="/briefings/?block=kyushu">九州ブロックの説明会等をすべて見る</a>' in region
    assert region.count('<span class="badge status-planned">予定</span>') == 3


def test_prefecture_page_region_section_caps_its_rows(client, monkeypatch):
    monkeypatch.setattr(pagination, "SECTION_LIMIT", 1)
    block_briefing()
    block_briefing()
    response = client.get(url("prefecture_detail", "41"))
    assert len(response.context["region_briefings"]) == 1
    assert "1件を表示しています。" in response.content.decode()


def test_prefecture_page_lists_its_organizations(client):
    kumamoto_city = OrganizationFactory(name="熊本市役所", prefecture=prefecture("43"))
    OrganizationFactory(name="福岡市役所", prefecture=prefecture("40"))

    response = client.get(url("prefecture_detail", "43"))

    assert response.context["organizations"].items == [kumamoto_city]
    html = response.content.decode()
    assert f'<a href="/organizations/{kumamoto_city.pk}/">熊本市役所</a>' in html
    assert "福岡市役所" not in html
    assert '<a href="/organizations/?prefecture=43">' in html


@pytest.mark.parametrize("code", ["99", "abc", "4", "00"])
def test_prefecture_page_unknown_code_is_404(client, code):
    response = client.get(f"/prefectures/{code}/")

    assert response.status_code == 404


def test_prefecture_page_in_english(client):
    BriefingFactory(date=datetime.date(2017, 2, 15))

    response = client.get(url("prefecture_detail", "43", language="en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Kumamoto</h1>" in html
    assert "<dd>Kyushu Bureau of Telecommunications</dd>" in html
    assert "15 February 2017" in html
    assert '<a href="/en/blocks/kyushu/">' in html


@pytest.mark.parametrize("n", [1, 3])
def test_prefecture_page_query_count_is_fixed(client, django_assert_num_queries, stand_on, n):
    """11 queries: the prefecture with its block; upcoming briefings and their
    members; past briefings and their members; the region's briefings and
    their members; the organizations; the roadmap rates (its municipalities,
    the implemented ones per model, the models)."""
    stand_on(datetime.date(2017, 2, 24))
    for i in range(n):
        held = BriefingFactory(status=Briefing.Status.HELD, date=datetime.date(2017, 2, 1 + i))
        planned = BriefingFactory(
            status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 1 + i)
        )
        region = block_briefing(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 1 + i))
        for briefing in (held, planned, region):
            briefing.members.add(MemberFactory())
        OrganizationFactory(prefecture=prefecture("43"))

    with django_assert_num_queries(11):
        response = client.get(url("prefecture_detail", "43"))

    assert len(response.context["briefings"].past) == n
    assert len(response.context["briefings"].upcoming) == n
    assert len(response.context["region_briefings"]) == n
    assert len(response.context["organizations"]) == n


# --- capping long sections ------------------------------------------------------------------


def test_prefecture_page_says_when_briefings_are_capped(client, monkeypatch):
    monkeypatch.setattr(pagination, "SECTION_LIMIT", 1)
    BriefingFactory.create_batch(2, status=Briefing.Status.HELD)
    BriefingFactory.create_batch(2, status=Briefing.Status.PLANNED, date=datetime.date(2099, 12, 1))

    html = client.get(url("prefecture_detail", "43")).content.decode()

    assert "これまでの説明会等のうち新しい1件を表示しています。" in html
    assert "今後の説明会等のうち直近の1件を表示しています。" in html
    assert '<a href="/briefings/?prefecture=43&amp;status=planned">' in html


def test_seeded_saga_page_in_2026_shows_nothing_past_as_upcoming(client, seeded, stand_on):
    """A municipality in 佐賀県 looking in 2026: the March 2017 sessions of 九州 (福岡,
    熊本) are in the region's section, past and unrecorded, never as 予定."""
    stand_on(datetime.date(2026, 11, 30))
    response = client.get("/prefectures/41/")
    html = response.content.decode()
    assert response.context["briefings"].upcoming.items == []
    region = [(b.date.isoformat(), b.prefecture.name) for b in response.context["region_briefings"]]
    assert region == [
        ("2017-03-24", "熊本県"),
        ("2017-03-22", "福岡県"),
        ("2017-02-15", "熊本県"),
        ("2017-02-14", "長崎県"),
    ]
    assert "status-planned" not in html
    assert html.count("開催日経過・結果未登録") == 2
