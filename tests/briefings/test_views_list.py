"""/briefings/: the schedule, its filter form, order, paging and bad parameters."""

import datetime
import re

import pytest
from django.urls import reverse

from briefings.models import Briefing
from tests.factories import (
    BriefingFactory,
    MemberFactory,
    OrganizationFactory,
    ThreadFactory,
    prefecture,
)

pytestmark = pytest.mark.django_db


URL = "/briefings/"
EN_URL = "/en/briefings/"


def _rows(response) -> list[str]:
    """The titles in the schedule table, in order."""
    return [b.title for b in response.context["briefings"]]


def _populate(n: int) -> None:
    """n held and n planned briefings, each with a host, a thread and two members."""
    members = [MemberFactory(), MemberFactory()]
    for i in range(n):
        for status, month in (("held", 2), ("planned", 3)):
            briefing = BriefingFactory(
                status=status,
                date=datetime.date(2017, month, 1 + i),
                prefecture=prefecture(f"{40 + i:02d}"),
                host=OrganizationFactory(),
                thread=ThreadFactory(),
            )
            briefing.members.set(members)


def test_list_url_name():
    assert reverse("briefings:briefing_list") == URL


def test_list_shows_upcoming_first_next_on_top_then_newest_first(client, stand_on):
    stand_on(datetime.date(2017, 2, 24))
    BriefingFactory(title="済1/20", status="held", date=datetime.date(2017, 1, 20))
    BriefingFactory(title="予3/24", status="planned", date=datetime.date(2017, 3, 24))
    BriefingFactory(title="済2/24", status="held", date=datetime.date(2017, 2, 24))
    BriefingFactory(title="予3/6", status="planned", date=datetime.date(2017, 3, 6))
    response = client.get(URL)
    assert response.status_code == 200
    assert _rows(response) == ["予3/6", "予3/24", "済2/24", "済1/20"]


def test_list_past_planned_sessions_are_not_upcoming(client, stand_on):
    """In 2026 the March 2017 sessions come after real upcoming ones, marked as unrecorded."""
    stand_on(datetime.date(2026, 11, 30))
    BriefingFactory(title="予3/22", status="planned", date=datetime.date(2017, 3, 22))
    BriefingFactory(title="予12/1", status="planned", date=datetime.date(2026, 12, 1))
    BriefingFactory(title="済11/1", status="held", date=datetime.date(2026, 11, 1))
    response = client.get(URL)
    assert _rows(response) == ["予12/1", "済11/1", "予3/22"]
    html = response.content.decode()
    badges = re.findall(r'<span class="badge status-(\w+)">(.+?)</span>', html)
    assert badges == [
        ("planned", "予定"),
        ("held", "開催済"),
        ("unrecorded", "開催日経過・結果未登録"),
    ]


def test_list_marks_sessions_open_for_application(client, stand_on):
    stand_on(datetime.date(2017, 3, 1))
    BriefingFactory(
        title="受付中",
        status="planned",
        date=datetime.date(2017, 3, 22),
        application_method="web",
    )
    BriefingFactory(title="案内なし", status="planned", date=datetime.date(2017, 3, 23))
    response = client.get(URL, {"application": "open"})
    assert _rows(response) == ["受付中"]
    html = response.content.decode()
    assert html.count('<span class="badge application-open">申込受付中</span>') == 1
    assert '<option value="open" selected>申込受付中</option>' in html


def _summary(html: str) -> str:
    summary = re.search(r"<summary>(.*?)</summary>", html, re.DOTALL).group(1)
    return re.sub(r"<[^>]+>", "", summary)


def test_list_filters_are_folded_under_a_summary_of_the_active_ones(client):
    html = client.get(URL).content.decode()
    assert '<details class="filter-panel">' in html
    assert _summary(html) == "絞り込み：条件なし（すべて）"
    member = MemberFactory(name="須藤", role="chair")
    BriefingFactory().members.add(member)
    html = client.get(
        URL,
        {
            "block": "kyushu",
            "status": "planned",
            "date_after": "2017-02-01",
            "member": member.pk,
            "q": "説明会",
            "kind": "",
        },
    ).content.decode()
    assert '<details class="filter-panel">' in html  # results first, even when filtered
    assert _summary(html) == (
        "絞り込み：開催日（から） 2017年2月1日、状況 予定、地域ブロック 九州、"
        "参加した構成員等 須藤座長、キーワード 説明会"
    )


def test_list_filters_stay_open_while_a_value_is_bad(client):
    html = client.get(URL, {"block": "atlantis"}).content.decode()
    assert '<details class="filter-panel" open>' in html
    assert _summary(html) == "絞り込み：条件に誤りがあります"


def test_list_filter_summary_names_the_no_block_choice(client):
    html = client.get(URL, {"block": "null"}).content.decode()
    assert _summary(html) == "絞り込み：地域ブロック 地域ブロックなし（全国等）"


def test_list_shows_the_result_count(client):
    _populate(2)
    html = client.get(URL).content.decode()
    count = re.search(r'<p class="result-count" role="status">\s*(.*?)\s*</p>', html)
    assert count.group(1) == "4件"


def test_list_filter_form_is_a_labelled_get_form(client):
    html = client.get(URL).content.decode()
    assert '<form class="filters briefing-filters" method="get" action=""' in html
    for name in ("date_after", "date_before", "status", "scope", "kind", "block"):
        assert f'<label for="id_{name}">' in html
    for name in ("prefecture", "member", "application", "q"):
        assert f'<label for="id_{name}">' in html
    assert '<input type="date" name="date_after" id="id_date_after">' in html


def test_list_filters_by_block_and_keeps_the_choice_in_the_form(client):
    BriefingFactory(title="熊本", prefecture=prefecture("43"))
    BriefingFactory(title="香川", prefecture=prefecture("37"))
    response = client.get(URL, {"block": "shikoku"})
    assert _rows(response) == ["香川"]
    assert '<option value="shikoku" selected>四国</option>' in response.content.decode()


def test_list_filters_by_date_range_and_q_together(client):
    BriefingFactory(title="九州地域ICT利活用セミナー", date=datetime.date(2017, 2, 15))
    BriefingFactory(title="四国地域ICT利活用セミナー", date=datetime.date(2017, 2, 22))
    BriefingFactory(title="九州の別の会", date=datetime.date(2017, 3, 15))
    response = client.get(
        URL, {"date_after": "2017-02-01", "date_before": "2017-02-28", "q": "九州"}
    )
    assert _rows(response) == ["九州地域ICT利活用セミナー"]


def test_list_invalid_date_shows_the_error_and_an_empty_list(client):
    BriefingFactory()
    response = client.get(URL, {"date_after": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert _rows(response) == []
    assert "指定された条件に誤りがあるため、一覧を表示できません。" in html
    assert '<a href="#id_date_after">開催日（から）</a>：日付を正しく入力してください。' in html
    assert 'aria-invalid="true"' in html
    assert "該当する説明会はありません。" in html


def test_list_reversed_date_range_shows_the_error(client):
    response = client.get(URL, {"date_after": "2017-03-01", "date_before": "2017-02-01"})
    assert response.status_code == 200
    assert "<li>期間の開始日が終了日より後になっています。</li>" in response.content.decode()


def test_list_unknown_prefecture_code_shows_a_clear_message(client):
    BriefingFactory()
    response = client.get(URL, {"prefecture": "99"})
    assert response.status_code == 200
    assert _rows(response) == []
    assert "都道府県コード「99」はありません。" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"block": "atlantis"},
        {"member": "abc"},
        {"member": "99999999999999999999999"},
        {"status": "done"},
        {"scope": "x"},
        {"kind": "x"},
        {"date_before": "2017-02-30"},
    ],
)
def test_list_bad_parameters_give_a_normal_page(client, params):
    BriefingFactory()
    response = client.get(URL, params)
    assert response.status_code == 200
    assert _rows(response) == []
    assert 'class="warning-box" role="alert"' in response.content.decode()


def test_list_very_long_q_gives_a_normal_page_with_a_message(client):
    BriefingFactory()
    response = client.get(URL, {"q": "説" * 10_000})
    assert response.status_code == 200
    assert "キーワードは100文字以内で入力してください（10000文字入力されています）。" in (
        response.content.decode()
    )


def test_list_unknown_parameters_are_ignored(client):
    BriefingFactory(title="A")
    response = client.get(URL, {"utm_source": "mail", "sort": "x"})
    assert _rows(response) == ["A"]


def test_list_paginates_by_50_and_keeps_the_filters_in_page_links(client):
    for day in range(1, 29):
        BriefingFactory(date=datetime.date(2017, 2, day))
        BriefingFactory(date=datetime.date(2017, 2, day))
    response = client.get(URL, {"status": "held"})
    assert len(_rows(response)) == 50
    html = response.content.decode()
    assert "56件中 1～50件目" in html
    assert 'href="?status=held&amp;page=2" rel="next"' in html
    response = client.get(URL, {"status": "held", "page": "2"})
    assert len(_rows(response)) == 6


@pytest.mark.parametrize(("page", "expected"), [("999999", 2), ("abc", 1), ("-1", 2), ("0", 2)])
def test_list_out_of_range_or_bad_page_gives_a_page_not_an_error(client, page, expected):
    for day in range(1, 29):
        BriefingFactory(date=datetime.date(2017, 2, day))
        BriefingFactory(date=datetime.date(2017, 2, day))
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


def test_list_links_to_this_months_calendar_without_a_range(client, today):
    html = client.get(URL).content.decode()
    assert f'href="/briefings/calendar/{today.year}/{today.month}/"' in html


def test_list_links_to_the_calendar_of_the_filtered_month(client):
    html = client.get(URL, {"date_after": "2017-02-10"}).content.decode()
    assert '<a href="/briefings/calendar/2017/2/">2017年2月のカレンダー</a>' in html
    html = client.get(URL, {"date_before": "2017-03-10"}).content.decode()
    assert '<a href="/briefings/calendar/2017/3/">2017年3月のカレンダー</a>' in html


def test_list_links_to_coverage(client):
    assert 'href="/briefings/coverage/"' in client.get(URL).content.decode()


def test_list_has_one_h1_and_breadcrumbs(client):
    html = client.get(URL).content.decode()
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert '<span aria-current="page">説明会等</span>' in html


@pytest.mark.parametrize("n", [1, 3])
def test_list_query_count_is_fixed(client, django_assert_num_queries, n):
    """The count, the page of briefings (with place, host and thread joined),
    their members (prefetch), then the form's block, prefecture and member
    choices: six queries whatever the row count."""
    _populate(n)
    with django_assert_num_queries(6):
        response = client.get(URL)
    assert len(_rows(response)) == 2 * n


@pytest.mark.parametrize("n", [1, 3])
def test_list_query_count_is_fixed_when_filtered(client, django_assert_num_queries, n):
    """As unfiltered, plus one lookup each to validate block, prefecture and member: nine."""
    _populate(n)
    member = Briefing.objects.first().members.first()
    params = {"block": "kyushu", "prefecture": "40", "member": member.pk, "q": "説明会"}
    with django_assert_num_queries(9):
        response = client.get(URL, params)
    assert len(_rows(response)) == 2


def test_list_page_across_upcoming_and_the_rest_keeps_the_order_and_query_count(
    client, stand_on, django_assert_num_queries
):
    """Page 2 holds the last upcoming sessions and the newest of the rest:
    still six queries (services.Schedule reads both halves in one)."""
    stand_on(datetime.date(2017, 2, 24))
    for day in range(1, 29):
        BriefingFactory(status="planned", date=datetime.date(2017, 3, day))
        BriefingFactory(status="planned", date=datetime.date(2017, 3, day))
        BriefingFactory(status="held", date=datetime.date(2017, 2, day))
    with django_assert_num_queries(6):
        response = client.get(URL, {"page": "2"})
    dates = [b.date for b in response.context["briefings"]]
    assert dates == [datetime.date(2017, 3, day) for day in (26, 26, 27, 27, 28, 28)] + [
        datetime.date(2017, 2, day) for day in range(28, 0, -1)
    ]


def test_list_in_english(client):
    BriefingFactory(prefecture=prefecture("37"), date=datetime.date(2017, 2, 24))
    response = client.get(EN_URL, {"date_after": "2017-02-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "24 February 2017" in html
    assert ">Kagawa</a>" in html
    assert '<option value="37">Kagawa</option>' in html
    assert 'href="/en/briefings/calendar/2017/2/"' in html


def test_list_in_english_with_bad_parameters(client):
    response = client.get(EN_URL, {"date_after": "abc", "prefecture": "99", "page": "999999"})
    assert response.status_code == 200
    assert response.context["filter"].errors.keys() == {"date_after", "prefecture"}
