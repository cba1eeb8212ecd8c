"""/briefings/calendar/YYYY/MM/: the month calendar."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import BriefingFactory, prefecture

pytestmark = pytest.mark.django_db


def _cell(html: str, iso_date: str) -> str:
    """The <td> of one day."""
    match = re.search(
        rf'<td[^>]*>\s*<time class="day" datetime="{iso_date}">.*?</td>', html, re.DOTALL
    )
    assert match, iso_date
    return match.group(0)


def test_calendar_url_name():
    assert reverse("briefings:calendar", args=[2017, 2]) == "/briefings/calendar/2017/2/"


def test_calendar_is_a_table_with_caption_and_sunday_first_weekday_headers(client):
    response = client.get("/briefings/calendar/2017/2/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>2017年2月の説明会等（0件）</caption>" in html
    headers = re.findall(r'<th scope="col"[^>]*><abbr title="(.+?)">(.+?)</abbr></th>', html)
    assert headers == [
        ("日曜日", "日"),
        ("月曜日", "月"),
        ("火曜日", "火"),
        ("水曜日", "水"),
        ("木曜日", "木"),
        ("金曜日", "金"),
        ("土曜日", "土"),
    ]
    assert "<h1>2017年2月の説明会等</h1>" in html
    assert html.count('<time class="day"') == 28


def test_calendar_lists_each_days_briefings_with_link_and_status(client, stand_on):
    stand_on(datetime.date(2017, 2, 10))
    a = BriefingFactory(
        title="佐賀の説明会", prefecture=prefecture("41"), date=datetime.date(2017, 2, 16)
    )
    b = BriefingFactory(
        title="予定の説明会",
        status="planned",
        prefecture=prefecture("43"),
        date=datetime.date(2017, 2, 16),
    )
    BriefingFactory(title="3月の説明会", date=datetime.date(2017, 3, 1))
    html = client.get("/briefings/calendar/2017/2/").content.decode()
    cell = _cell(html, "2017-02-16")
    assert f'<a href="{a.get_absolute_url()}">佐賀の説明会</a>' in cell
    assert f'<a href="{b.get_absolute_url()}">予定の説明会</a>' in cell
    assert '<span class="badge status-held">開催済</span>' in cell
    assert '<span class="badge status-planned">予定</span>' in cell
    assert cell.index("佐賀の説明会") < cell.index("予定の説明会")
    assert "3月の説明会" not in html
    assert "<caption>2017年2月の説明会等（2件）</caption>" in html


def test_calendar_shows_a_past_planned_session_as_unrecorded_not_planned(client, stand_on):
    stand_on(datetime.date(2017, 2, 17))
    BriefingFactory(status="planned", date=datetime.date(2017, 2, 16))
    cell = _cell(client.get("/briefings/calendar/2017/2/").content.decode(), "2017-02-16")
    assert '<span class="badge status-unrecorded">開催日経過・結果未登録</span>' in cell
    assert "status-planned" not in cell


def test_calendar_names_public_holidays_in_their_cells(client):
    html = client.get("/briefings/calendar/2017/2/").content.decode()
    cell = _cell(html, "2017-02-11")
    assert cell.startswith('<td class="sat holiday">')
    assert '<span class="holiday-name">祝日：建国記念の日</span>' in cell
    assert html.count('class="holiday-name"') == 1
    html = client.get("/en/briefings/calendar/2017/3/").content.decode()
    assert '<span class="holiday-name">Holiday: Vernal Equinox Day</span>' in _cell(
        html, "2017-03-20"
    )


def test_calendar_links_previous_and_next_months(client):
    html = client.get("/briefings/calendar/2017/1/").content.decode()
    assert '<a href="/briefings/calendar/2016/12/" rel="prev">← 前の月（2016年12月）</a>' in html
    assert '<a href="/briefings/calendar/2017/2/" rel="next">次の月（2017年2月）→</a>' in html


def test_calendar_links_the_nearest_months_with_sessions(client):
    BriefingFactory(date=datetime.date(2017, 3, 6))
    BriefingFactory(date=datetime.date(2026, 11, 29))
    html = client.get("/briefings/calendar/2020/6/").content.decode()
    assert '<a href="/briefings/calendar/2017/3/">← 説明会等のある前の月（2017年3月）</a>' in html
    assert '<a href="/briefings/calendar/2026/11/">説明会等のある次の月（2026年11月）→</a>' in html


def test_calendar_leaves_out_nearest_month_links_that_are_the_months_next_door(client):
    BriefingFactory(date=datetime.date(2017, 3, 6))
    html = client.get("/briefings/calendar/2017/2/").content.decode()
    assert "説明会等のある" not in html
    html = client.get("/briefings/calendar/2017/1/").content.decode()
    assert '<a href="/briefings/calendar/2017/3/">説明会等のある次の月（2017年3月）→</a>' in html
    assert "説明会等のある前の月" not in html


def test_calendar_month_picker_is_a_labelled_get_form_set_to_the_month(client):
    html = client.get("/briefings/calendar/2017/2/").content.decode()
    assert '<form class="month-picker" method="get" action="/briefings/calendar/"' in html
    assert '<label for="id_year">年</label>' in html
    assert 'name="year" value="2017" min="1" max="9999"' in html
    assert '<option value="2" selected>2月</option>' in html


@pytest.mark.parametrize(
    ("params", "target"),
    [
        ({"year": "2026", "month": "11"}, "/briefings/calendar/2026/11/"),
        ({"year": "２０１７", "month": "3"}, "/briefings/calendar/2017/3/"),
        ({"year": "9999", "month": "12"}, "/briefings/calendar/9999/12/"),
    ],
)
def test_calendar_month_picker_goes_to_the_chosen_month(client, params, target):
    response = client.get("/briefings/calendar/", params)
    assert response.status_code == 302
    assert response["Location"] == target


def test_calendar_of_a_month_ignores_picker_values_in_its_query_string(client):
    response = client.get("/briefings/calendar/2017/2/", {"year": "abc", "month": "13"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>2017年2月の説明会等</h1>" in html
    assert "指定された年月に誤りがある" not in html
    assert 'name="year" value="2017"' in html


def test_calendar_month_picker_without_a_choice_goes_to_this_month(client, stand_on):
    stand_on(datetime.date(2026, 11, 30))
    response = client.get("/briefings/calendar/")
    assert response.status_code == 302
    assert response["Location"] == "/briefings/calendar/2026/11/"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "abc", "month": "2"}, "年は数字で入力してください。"),
        ({"year": "0", "month": "2"}, "年は1以上で入力してください。"),
        ({"year": "10000", "month": "2"}, "年は9999以下で入力してください。"),
        ({"year": "2017", "month": "13"}, "月は1から12までの中から選んでください。"),
        ({"year": "2017"}, "月を選んでください。"),
        ({"year": "9" * 40, "month": "1"}, "年は9999以下で入力してください。"),
    ],
)
def test_calendar_month_picker_bad_values_show_this_month_with_a_message(
    client, stand_on, params, message
):
    stand_on(datetime.date(2026, 11, 30))
    response = client.get("/briefings/calendar/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "指定された年月に誤りがあるため、今月のカレンダーを表示しています。" in html
    assert message in html
    assert "<h1>2026年11月の説明会等</h1>" in html


def test_calendar_links_the_list_filtered_to_the_month(client):
    html = client.get("/briefings/calendar/2017/2/").content.decode()
    assert (
        '<a href="/briefings/?date_after=2017-02-01&amp;date_before=2017-02-28">'
        "2017年2月の説明会等を一覧で見る</a>"
    ) in html


def test_calendar_breadcrumbs(client):
    html = client.get("/briefings/calendar/2017/2/").content.decode()
    assert '<li><a href="/briefings/">説明会等</a></li>' in html
    assert '<span aria-current="page">2017年2月の説明会等</span>' in html


def test_calendar_at_the_ends_of_the_representable_range(client):
    first = client.get("/briefings/calendar/1/1/")
    assert first.status_code == 200
    assert 'rel="prev"' not in first.content.decode()
    last = client.get("/briefings/calendar/9999/12/")
    assert last.status_code == 200
    assert 'rel="next"' not in last.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/briefings/calendar/2017/13/",
        "/briefings/calendar/2017/0/",
        "/briefings/calendar/0/1/",
        "/briefings/calendar/99999/1/",
        "/en/briefings/calendar/2017/13/",
    ],
)
def test_calendar_month_out_of_range_is_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/briefings/calendar/2017/-1/",
        "/briefings/calendar/abc/2/",
        "/briefings/calendar/2017/",
        "/briefings/calendar/99999999999999999999999/1/",
    ],
)
def test_calendar_malformed_url_is_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("n", [1, 3])
def test_calendar_query_count_is_fixed(client, django_assert_num_queries, n):
    """The month's briefings with their prefecture, block and host, then the
    nearest session before the month and after it: three queries."""
    for i in range(n):
        BriefingFactory(date=datetime.date(2017, 2, 1 + i), prefecture=prefecture(f"{40 + i:02d}"))
        BriefingFactory(date=datetime.date(2016, 1 + i, 1))
        BriefingFactory(date=datetime.date(2018, 1 + i, 1))
    with django_assert_num_queries(3):
        response = client.get("/briefings/calendar/2017/2/")
    assert response.context["calendar"].count == n


def test_calendar_in_english(client):
    BriefingFactory(title="説明会", prefecture=prefecture("37"), date=datetime.date(2017, 2, 24))
    response = client.get("/en/briefings/calendar/2017/2/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "February 2017" in html
    assert '<span class="meta">Kagawa</span>' in _cell(html, "2017-02-24")
    assert 'href="/en/briefings/calendar/2017/3/"' in html


def test_calendar_of_the_seed_february_2017(client, seeded):
    response = client.get("/briefings/calendar/2017/2/")
    assert response.context["calendar"].count == 15
    cell = _cell(response.content.decode(), "2017-02-16")
    assert cell.count("<li>") == 3
