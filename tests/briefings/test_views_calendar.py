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


def test_calendar_lists_each_days_briefings_with_link_and_status(client):
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


def test_calendar_links_previous_and_next_months(client):
    html = client.get("/briefings/calendar/2017/1/").content.decode()
    assert '<a href="/briefings/calendar/2016/12/" rel="prev">← 前の月（2016年12月）</a>' in html
    assert '<a href="/briefings/calendar/2017/2/" rel="next">次の月（2017年2月）→</a>' in html


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
    ["/briefings/calendar/2017/-1/", "/briefings/calendar/abc/2/", "/briefings/calendar/2017/"],
)
def test_calendar_malformed_url_is_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("n", [1, 3])
def test_calendar_query_count_is_fixed(client, django_assert_num_queries, n):
    """The month's briefings with their prefecture, block and host: one query."""
    for i in range(n):
        BriefingFactory(date=datetime.date(2017, 2, 1 + i), prefecture=prefecture(f"{40 + i:02d}"))
    with django_assert_num_queries(1):
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
