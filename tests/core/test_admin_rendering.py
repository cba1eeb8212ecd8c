"""The admin's form renderer (core.admin.rendering) draws the same characters
as Django's templates, and the thread change form's queries stay fixed."""

import datetime
import re

import pytest
from django import forms
from django.contrib.admin import widgets as admin_widgets
from django.db import connection
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorList
from django.test.utils import CaptureQueriesContext
from django.utils.functional import lazystr
from django.utils.safestring import mark_safe

from briefings.models import Briefing
from core.admin.rendering import RENDERER, SHORTCUTS, WRAPPER
from tests import factories
from tests.admin_urls import admin_url
from threads.models import Activity, Thread

pytestmark = pytest.mark.django_db

TEMPLATES = DjangoTemplates()

WIDGETS = [
    pytest.param(forms.HiddenInput(), 7, id="hidden, a number"),
    pytest.param(forms.HiddenInput(), None, id="hidden, no value"),
    pytest.param(forms.TextInput(attrs={"maxlength": 200}), 'A&B "引用" <x>', id="text, escaped"),
    pytest.param(forms.TextInput(), mark_safe("<b>safe</b>"), id="text, already safe"),
    pytest.param(forms.TextInput(attrs={"required": True, "disabled": False}), "", id="booleans"),
    pytest.param(forms.NumberInput(), 3, id="number"),
    pytest.param(forms.CheckboxInput(), True, id="checkbox, checked"),
    pytest.param(forms.CheckboxInput(), False, id="checkbox, not checked"),
    pytest.param(admin_widgets.AdminDateWidget(), datetime.date(2026, 11, 30), id="admin date"),
    pytest.param(forms.Textarea(attrs={"rows": 3}), "一行目\n<二行目> & 三", id="textarea"),
    pytest.param(forms.Textarea(), "", id="textarea, empty"),
    pytest.param(
        forms.Select(choices=[("", "---------"), (1, "九州"), ("a&b", lazystr("関東"))]),
        1,
        id="select",
    ),
    pytest.param(
        forms.Select(choices=[("東日本", [(1, "北海道"), (2, "東北")]), ("西日本", [(3, "九州")])]),
        3,
        id="select, groups",
    ),
    pytest.param(forms.Select(choices=[(1, 1000), (2, 2.5)]), 2, id="select, number labels"),
    pytest.param(forms.SelectMultiple(choices=[(1, "甲"), (2, "乙")]), [1, 2], id="multiple"),
    pytest.param(forms.RadioSelect(choices=[(1, "甲"), (2, "乙")]), 1, id="radio: a template"),
]


def test_every_shortcut_is_taken():
    """Django's templates read as core.admin.rendering assumes (after an upgrade,
    compare them with TEMPLATES and update the functions)."""
    assert RENDERER.shortcuts.keys() == SHORTCUTS.keys() | {WRAPPER}


@pytest.mark.parametrize(("widget", "value"), WIDGETS)
def test_a_widget_draws_as_the_template_does(widget, value):
    attrs = {"id": "id_x", "data-note": "a\"b'c"}

    drawn = widget.render("x", value, attrs, renderer=RENDERER)

    assert drawn == widget.render("x", value, attrs, renderer=TEMPLATES)


def test_error_lists_draw_as_the_template_does():
    for errors in [ErrorList(), ErrorList(["必須です。", "<短すぎます>"], field_id="id_x")]:
        assert errors.render(renderer=RENDERER) == errors.render(renderer=TEMPLATES)
        assert errors.as_ul() is not None
        errors.renderer = RENDERER
        fast = errors.as_ul()
        errors.renderer = TEMPLATES
        assert fast == errors.as_ul()


def _thread_with_rows(rows: int = 3) -> Thread:
    thread = factories.ThreadFactory(title="斜めの糸")
    block = factories.block()
    for _row in range(rows):
        factories.WorkItemFactory(thread=thread)
        factories.ParticipationFactory(thread=thread)
        factories.ActivityFactory(thread=thread, field=factories.field(), block=block)
        factories.StatusUpdateFactory(thread=thread, block=block)
    return thread


def _page(client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


@pytest.mark.parametrize(
    ("model", "action"),
    [(Thread, "change"), (Thread, "add"), (Activity, "changelist"), (Briefing, "changelist")],
)
def test_admin_pages_are_the_pages_the_templates_draw(admin_client, monkeypatch, model, action):
    thread = _thread_with_rows()
    factories.BriefingFactory(title="説明会<&>")
    url = admin_url(model, action, thread.pk) if action == "change" else admin_url(model, action)

    fast = _page(admin_client, url)
    monkeypatch.setitem(RENDERER.__dict__, "shortcuts", {})

    assert fast == _page(admin_client, url)
    assert 'class="action-select"' in fast or "<select" in fast  # drawn by the shortcuts


def test_the_thread_change_form_reads_no_row_twice(admin_client):
    """Session and user (2), the thread (1); each inline's rows (work items 1;
    participations with their organizations, activities and status updates:
    a count and the newest rows, 2 each); the fields and blocks of the plain
    selects, once per inline and not again for the empty row (3); each
    model's latest version for the edit lock (5); saving the session (3).
    No query per row: not for an organization's name, nor a choice."""

    def queries(thread):
        url = admin_url(Thread, "change", thread.pk)
        admin_client.get(url)
        with CaptureQueriesContext(connection) as captured:
            admin_client.get(url)
        return len(captured)

    few = _thread_with_rows(1)
    many = _thread_with_rows(3)
    factories.ParticipationFactory.create_batch(5, thread=many)

    assert queries(many) == queries(few) == 21
