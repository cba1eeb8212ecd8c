import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from briefings.models import Briefing
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
from threads import selectors
from threads.models import Progress, Thread, WorkItem

pytestmark = pytest.mark.django_db


def detail_url(thread: Thread, language: str = "ja") -> str:
    with translation.override(language):
        return reverse("threads:thread_detail", args=[thread.slug])


def list_url(language: str = "ja") -> str:
    with translation.override(language):
        return reverse("threads:thread_list")


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


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


# --- detail: content --------------------------------------------------------------------


def test_thread_detail_shows_purpose_method_and_expected_participants(client):
    thread = ThreadFactory(
        purpose="推進体制を確立する。",
        method="既存の場を活用。",
        expected_participants="関係省庁、関係団体等",
    )

    html = client.get(detail_url(thread)).content.decode()

    assert '<h2 id="purpose">趣旨</h2><p>推進体制を確立する。</p>' in html
    assert '<h2 id="method">連携の方法</h2><p>既存の場を活用。</p>' in html
    assert "<p>関係省庁、関係団体等</p>" in html


def test_thread_detail_groups_work_items_by_section_and_heading(client):
    thread = ThreadFactory()
    WorkItemFactory(thread=thread, heading="① 関係府省", text="連携を強化。", order=1)
    WorkItemFactory(thread=thread, heading="② 業界団体等", text="協力を依頼。", order=2)
    WorkItemFactory(thread=thread, heading="② 業界団体等", text="説明会を開催。", order=3)
    WorkItemFactory(
        thread=thread,
        section=WorkItem.Section.PARTICIPANTS,
        heading="",
        text="広く参加を呼びかけ。",
        order=4,
    )

    html = client.get(detail_url(thread)).content.decode()

    work = html.split('<h2 id="work">')[1].split('<h2 id="participants">')[0]
    participants = html.split('<h2 id="participants">')[1].split('<h2 id="organizations">')[0]
    assert work.count("<h3>") == 2
    assert "<h3>① 関係府省</h3>" in work
    assert (
        '<h3>② 業界団体等</h3>\n  <ul class="work-items"><li>協力を依頼。</li>'
        "<li>説明会を開催。</li></ul>" in work
    )
    assert "広く参加を呼びかけ。" not in work
    assert '<ul class="work-items"><li>広く参加を呼びかけ。</li></ul>' in participants


def test_thread_detail_without_work_items_says_so(client):
    thread = ThreadFactory(expected_participants="")

    html = client.get(detail_url(thread)).content.decode()

    assert "取組内容は登録されていません。" in html
    assert "想定参加メンバーは登録されていません。" in html


def test_thread_detail_links_participating_organizations(client):
    thread = ThreadFactory()
    organization = OrganizationFactory(name="文部科学省")
    ParticipationFactory(thread=thread, organization=organization, role="連携")

    html = client.get(detail_url(thread)).content.decode()

    assert f'<a href="/organizations/{organization.pk}/">文部科学省</a>' in html
    assert '<span class="meta">（連携）</span>' in html
    assert f'<a href="/organizations/?thread={thread.slug}">' in html


def test_thread_detail_timeline_is_newest_date_first_in_document_order(client):
    thread = ThreadFactory()
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2016, 12, 28), text="調整を開始。")
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 2, 24), text="一つ目", order=1)
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 2, 24), text="二つ目", order=2)
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 1, 25), text="説明を実施。")

    html = client.get(detail_url(thread)).content.decode()

    timeline = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    positions = [
        timeline.index(text) for text in ("一つ目", "二つ目", "説明を実施。", "調整を開始。")
    ]
    assert positions == sorted(positions)
    assert timeline.count("<h3>") == 3
    assert '<h3><time datetime="2017-02-24">2017年2月24日</time></h3>' in timeline


def test_thread_detail_activities_newest_first_with_organizations(client):
    thread = ThreadFactory()
    organization = OrganizationFactory(name="日本医師会")
    older = ActivityFactory(thread=thread, date=datetime.date(2017, 1, 19), title="作業部会")
    newer = ActivityFactory(thread=thread, date=datetime.date(2017, 2, 23), title="連絡会")
    older.organizations.add(organization)
    ActivityFactory(title="他の糸の活動")

    response = client.get(detail_url(thread))

    assert list(response.context["activities"]) == [newer, older]
    html = response.content.decode()
    assert "他の糸の活動" not in html
    assert f'<a href="/organizations/{organization.pk}/">日本医師会</a>' in html
    assert '<p class="result-count" role="status">2件の活動</p>' in html


def test_thread_detail_has_breadcrumbs(client):
    thread = ThreadFactory(title="斜めの糸")

    response = client.get(detail_url(thread))

    assert response.context["breadcrumbs"] == [
        ("推進体制", "/threads/"),
        ("斜めの糸", f"/threads/{thread.slug}/"),
    ]


def test_thread_detail_unknown_slug_is_404(client):
    response = client.get("/threads/no-such-thread/")

    assert response.status_code == 404


def test_thread_detail_in_english(client):
    thread = ThreadFactory(title="縦の糸", title_en="Vertical thread")
    StatusUpdateFactory(thread=thread, as_of=datetime.date(2017, 2, 24))

    response = client.get(detail_url(thread, "en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Vertical thread</h1>" in html
    assert '<time datetime="2017-02-24">24 February 2017</time>' in html
    assert response.context["breadcrumbs"][-1] == ("Vertical thread", f"/en/threads/{thread.slug}/")


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


# --- detail: briefings -------------------------------------------------------------------


def test_diagonal_thread_lists_its_briefings(client):
    thread = ThreadFactory(kind=Thread.Kind.DIAGONAL)
    seminar = BriefingFactory(
        thread=thread,
        scope=Briefing.Scope.BLOCK,
        kind=Briefing.Kind.SEMINAR,
        block=block("kyushu"),
        title="九州地域ICT利活用セミナー",
    )
    BriefingFactory(title="関係のない説明会")

    html = client.get(detail_url(thread)).content.decode()

    assert '<h2 id="briefings">関連する説明会等</h2>' in html
    assert f'<a href="/briefings/{seminar.pk}/">九州地域ICT利活用セミナー</a>' in html
    assert "関係のない説明会" not in html


def test_thread_without_briefings_has_no_briefing_section(client):
    thread = ThreadFactory()

    html = client.get(detail_url(thread)).content.decode()

    assert 'id="briefings"' not in html


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


# --- the seed ------------------------------------------------------------------------------


def test_seeded_vertical_thread_shows_document_content(client, seeded):
    response = client.get("/threads/vertical/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h3>① 関係府省</h3>" in html
    assert '<p class="freshness">最終更新 2017年2月24日</p>' in html
    # Years after 2017, the seed is honestly shown as stale.
    assert '<div class="warning-box" role="status">' in html
    assert "未来の学びコンソーシアム" in html
    assert '<option value="education">教育</option>' in html


def test_seeded_diagonal_thread_lists_block_seminars(client, seeded):
    response = client.get("/en/threads/diagonal/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "九州地域ICT利活用セミナー" in html
    assert "<h1>Diagonal thread</h1>" in html
    # 11 block seminars and 2 council meetings (slide 7), held and planned.
    assert len(response.context["briefings"]) == 13
