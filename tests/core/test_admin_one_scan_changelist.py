"""A changelist with a date hierarchy reads count, date range and years in one
query (core.admin.changelist) and draws exactly the page Django draws."""

import datetime
import re

import pytest
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db import connection
from django.test.utils import CaptureQueriesContext

from briefings.models import Briefing
from core.admin.changelist import OneScanChangeList
from tests import factories
from tests.admin_urls import admin_url
from threads.models import Activity, StatusUpdate

pytestmark = pytest.mark.django_db


def _page(client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def _as_django_draws_it(client, url, monkeypatch) -> str:
    with monkeypatch.context() as patched:
        patched.setattr(OneScanChangeList, "_summarizes", lambda self, queryset: False)
        return _page(client, url)


@pytest.fixture
def briefings():
    for year, title in [(2017, "説明会A"), (2019, "説明会B"), (2019, "研修C"), (2021, "研修D")]:
        factories.BriefingFactory(date=datetime.date(year, 3, 1), title=title)
    factories.BriefingFactory(date=datetime.date(2019, 5, 1), title="説明会E")


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("", id="everything"),
        pytest.param("?q=説明会", id="searched, several years"),
        pytest.param("?q=研修D", id="searched, one year: its months"),
        pytest.param("?q=見つからない", id="searched, nothing"),
        pytest.param("?date__year=2019", id="a year chosen"),
        pytest.param("?date__year=2019&date__month=3", id="a month chosen"),
    ],
)
def test_briefing_changelist_is_the_page_django_draws(admin_client, briefings, monkeypatch, query):
    url = admin_url(Briefing, "changelist") + query

    assert _page(admin_client, url) == _as_django_draws_it(admin_client, url, monkeypatch)


def test_searched_briefings_are_counted_and_dated_in_one_query(admin_client, briefings):
    url = admin_url(Briefing, "changelist") + "?q=説明会"

    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(url)

    cl = response.context["cl"]
    assert cl.result_count == 3
    years = [choice["title"] for choice in date_hierarchy(cl)["choices"]]
    assert years == ["2017", "2019"]
    over_briefings = [q["sql"] for q in captured if 'FROM "briefings_briefing"' in q["sql"]]
    # The overdue count, the one summary (count, range, years), the full count, the page.
    assert len(over_briefings) == 4
    assert not any("MIN(" in sql and "GROUP BY" not in sql for sql in over_briefings)


@pytest.mark.parametrize("model", [Activity, StatusUpdate], ids=["activities", "status updates"])
def test_thread_record_changelists_are_the_pages_django_draws(admin_client, monkeypatch, model):
    thread = factories.ThreadFactory(title="斜めの糸")
    for year in (2018, 2020):
        factories.ActivityFactory(thread=thread, date=datetime.date(year, 1, 1))
        factories.StatusUpdateFactory(thread=thread, as_of=datetime.date(year, 1, 1))
    url = admin_url(model, "changelist")

    page = _page(admin_client, url)

    assert page == _as_django_draws_it(admin_client, url, monkeypatch)
    assert "斜めの糸" in page


@pytest.mark.parametrize("model", [Activity, StatusUpdate], ids=["activities", "status updates"])
def test_thread_record_changelist_queries_do_not_grow_with_the_rows(admin_client, model):
    def queries(n):
        for _ in range(n):
            thread = factories.ThreadFactory()
            factories.ActivityFactory(
                thread=thread, field=factories.field(), block=factories.block()
            )
            factories.StatusUpdateFactory(thread=thread, block=factories.block())
        admin_client.get(admin_url(model, "changelist"))
        with CaptureQueriesContext(connection) as captured:
            admin_client.get(admin_url(model, "changelist"))
        return len(captured)

    assert queries(1) == queries(4)
