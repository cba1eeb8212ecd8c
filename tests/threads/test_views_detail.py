"""/threads/<slug>/: purpose, work items, participants, timeline, activities,
breadcrumbs, related briefings, and the seeded threads."""

import datetime

import pytest

from briefings.models import Briefing
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    OrganizationFactory,
    ParticipationFactory,
    StatusUpdateFactory,
    ThreadFactory,
    WorkItemFactory,
    block,
)
from tests.threads.helpers import detail_url
from threads.models import Thread, WorkItem

pytestmark = pytest.mark.django_db


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
