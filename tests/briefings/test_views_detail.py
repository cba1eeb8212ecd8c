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


# --- the source's wording of the date (資料の表記) --------------------------------------


def test_detail_hides_the_wording_once_staff_change_the_date(client):
    briefing = _briefing()
    briefing.date = datetime.date(2026, 11, 29)
    briefing.save()
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert '<time datetime="2026-11-29">2026年11月29日</time>' in html
    assert "資料の表記" not in html
    assert "2月15日" not in html


def test_detail_shows_the_wording_again_when_the_date_is_put_back(client):
    briefing = _briefing()
    briefing.date = datetime.date(2017, 2, 16)
    briefing.save()
    briefing.date = datetime.date(2017, 2, 15)
    briefing.save()
    assert "資料の表記：2月15日" in client.get(briefing.get_absolute_url()).content.decode()


def test_detail_shows_wording_rewritten_for_the_new_date(client):
    briefing = _briefing()
    briefing.date = datetime.date(2017, 3, 22)
    briefing.date_text = "3月22日"
    briefing.save()
    assert "資料の表記：3月22日" in client.get(briefing.get_absolute_url()).content.decode()


# --- the status as shown ------------------------------------------------------------


def test_detail_past_planned_session_reads_unrecorded_not_planned(client, stand_on):
    stand_on(datetime.date(2017, 3, 23))
    briefing = BriefingFactory(status="planned", date=datetime.date(2017, 3, 22))
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert '<span class="badge status-unrecorded">開催日経過・結果未登録</span>' in html
    assert "開催日を過ぎましたが、開催結果はまだ登録されていません。" in html
    assert "status-planned" not in html
    assert f'content="2017年3月22日 {briefing.title}（開催日経過・結果未登録）"' in html


def test_detail_planned_session_on_its_day_is_still_planned(client, stand_on):
    stand_on(datetime.date(2017, 3, 22))
    briefing = BriefingFactory(status="planned", date=datetime.date(2017, 3, 22))
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert '<span class="badge status-planned">予定</span>' in html


# --- 参加するには -------------------------------------------------------------------


def _attend_section(html: str) -> str:
    match = re.search(r'<section class="briefing-attend".*?</section>', html, re.DOTALL)
    return match.group(0) if match else ""


def test_detail_without_attendance_information_has_no_attend_section(client):
    html = client.get(_briefing().get_absolute_url()).content.decode()
    assert "参加するには" not in html


def test_detail_attend_section_says_what_a_participant_needs(client, stand_on):
    stand_on(datetime.date(2017, 3, 1))
    briefing = BriefingFactory(
        status="planned",
        date=datetime.date(2017, 3, 22),
        prefecture=prefecture("40"),
        venue_name="福岡合同庁舎 大会議室",
        venue_address="福岡県福岡市博多区博多駅東2-11-1",
        start_time=datetime.time(13, 30),
        end_time=datetime.time(16, 0),
        audience="福岡県内の市町村職員",
        application_method="email",
        application_url="https://example.jp/apply",
        application_deadline=datetime.date(2017, 3, 15),
        contact="九州総合通信局 情報通信部\n電話 096-000-0000",
    )
    section = _attend_section(client.get(briefing.get_absolute_url()).content.decode())
    assert '<h2 id="attend-heading">参加するには</h2>' in section
    facts = dict(
        (dt, re.sub(r"<[^>]+>", "", dd))
        for dt, dd in re.findall(r"<dt>(.+?)</dt><dd>(.+?)</dd>", section, re.DOTALL)
    )
    assert facts == {
        "時間": "13:30～16:00",
        "会場": "福岡合同庁舎 大会議室",
        "会場の所在地": "福岡県福岡市博多区博多駅東2-11-1",
        "対象者": "福岡県内の市町村職員",
        "申込方法": "電子メール",
        "申込先": "https://example.jp/apply",
        "申込締切": "2017年3月15日",
        "申込の受付": "申込受付中",
        "問合せ先": "九州総合通信局 情報通信部電話 096-000-0000",
    }
    assert '<a href="https://example.jp/apply">' in section
    assert "九州総合通信局 情報通信部<br>電話 096-000-0000" in section


@pytest.mark.parametrize(
    ("today", "fields", "said"),
    [
        (
            datetime.date(2017, 3, 16),
            {"application_deadline": datetime.date(2017, 3, 15)},
            "締め切りました。",
        ),
        (datetime.date(2017, 3, 1), {"application_method": "not_required"}, "申込は不要です。"),
        (datetime.date(2017, 3, 1), {"venue_name": "県庁"}, "申込方法は問合せ先にご確認ください。"),
    ],
)
def test_detail_attend_section_says_when_one_cannot_apply(client, stand_on, today, fields, said):
    stand_on(today)
    briefing = BriefingFactory(status="planned", date=datetime.date(2017, 3, 22), **fields)
    section = _attend_section(client.get(briefing.get_absolute_url()).content.decode())
    assert f"<dt>申込の受付</dt><dd>{said}</dd>" in section


def test_detail_attend_section_of_a_held_session_has_no_application_state(client):
    briefing = BriefingFactory(status="held", venue_name="県庁")
    section = _attend_section(client.get(briefing.get_absolute_url()).content.decode())
    assert "<dt>会場</dt><dd>県庁</dd>" in section
    assert "申込の受付" not in section


def test_detail_attend_section_in_english(client):
    briefing = BriefingFactory(status="held", venue_name="県庁", start_time=datetime.time(9, 0))
    html = client.get(f"/en/briefings/{briefing.pk}/").content.decode()
    assert '<h2 id="attend-heading">How to attend</h2>' in html
    assert '<dt>Time</dt><dd><time datetime="09:00">09:00</time> – </dd>' in html
