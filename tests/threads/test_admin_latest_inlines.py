"""The thread change form inlines the newest rows only (core.admin.inlines),
links to the rest, and still saves what it shows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.admin_urls import admin_url
from threads.admin import ActivityInline
from threads.models import Activity, Thread

pytestmark = pytest.mark.django_db

LIMIT = ActivityInline.latest_limit


def _form_data(response) -> dict[str, str]:
    """Every field of the change form and its inlines as the browser would post it back."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = "on" if value is True else value
    return data


def _thread_with_activities(n: int) -> Thread:
    thread = factories.ThreadFactory()
    start = datetime.date(2020, 1, 1)
    for day in range(n):
        factories.ActivityFactory(
            thread=thread, date=start + datetime.timedelta(days=day), title=f"活動{day}"
        )
    return thread


def test_thread_change_form_shows_the_newest_activities_and_links_to_all(admin_client):
    thread = _thread_with_activities(LIMIT + 5)

    response = admin_client.get(admin_url(Thread, "change", thread.pk))

    formset = next(
        i.formset
        for i in response.context["inline_admin_formsets"]
        if i.formset.prefix == "activities"
    )
    titles = [form.instance.title for form in formset.initial_forms]
    assert titles == [f"活動{day}" for day in range(LIMIT + 4, 4, -1)]
    html = response.content.decode()
    assert f"新しい{LIMIT}件を表示しています。" in html
    changelist = admin_url(Activity, "changelist")
    assert f'href="{changelist}?thread__id__exact={thread.pk}">すべて見る（{LIMIT + 5}件）' in html


def test_thread_change_form_has_no_link_when_everything_is_shown(admin_client):
    thread = _thread_with_activities(3)

    html = admin_client.get(admin_url(Thread, "change", thread.pk)).content.decode()

    assert "すべて見る" not in html


def test_thread_change_form_queries_do_not_grow_with_the_rows(admin_client):
    def queries(thread):
        admin_client.get(admin_url(Thread, "change", thread.pk))
        with CaptureQueriesContext(connection) as captured:
            admin_client.get(admin_url(Thread, "change", thread.pk))
        return len(captured)

    few = _thread_with_activities(LIMIT)
    factories.StatusUpdateFactory.create_batch(LIMIT, thread=few, block=factories.block())
    many = _thread_with_activities(LIMIT * 3)
    factories.StatusUpdateFactory.create_batch(LIMIT * 3, thread=many, block=factories.block())

    assert queries(many) == queries(few)


def test_thread_change_form_saves_the_rows_it_shows(admin_client):
    thread = _thread_with_activities(LIMIT + 5)
    response = admin_client.get(admin_url(Thread, "change", thread.pk))
    data = _form_data(response)
    newest = Activity.objects.get(thread=thread, title=f"活動{LIMIT + 4}")
    index = next(
        i
        for i, form in enumerate(
            next(
                f.formset
                for f in response.context["inline_admin_formsets"]
                if f.formset.prefix == "activities"
            ).forms
        )
        if form.instance.pk == newest.pk
    )
    data[f"activities-{index}-title"] = "改めた活動"

    saved = admin_client.post(admin_url(Thread, "change", thread.pk), data)

    assert saved.status_code == 302, saved.context and [
        f.errors for i in saved.context["inline_admin_formsets"] for f in i.formset.forms
    ]
    newest.refresh_from_db()
    assert newest.title == "改めた活動"
    assert Activity.objects.filter(thread=thread).count() == LIMIT + 5  # the older rows untouched
