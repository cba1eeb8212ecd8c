import pytest

from tests.factories import ActivityFactory, ThreadFactory, block, field
from threads.filters import ActivityFilterSet
from threads.models import Activity, Thread

pytestmark = pytest.mark.django_db


def filtered(data: dict, thread: Thread | None = None) -> ActivityFilterSet:
    return ActivityFilterSet(data, queryset=Activity.objects.all(), thread=thread)


def test_activity_filter_field_keeps_that_field_only():
    education = ActivityFactory(field=field("education"))
    ActivityFactory(field=field("health"))
    ActivityFactory(field=None)

    filterset = filtered({"field": "education"})

    assert filterset.is_valid()
    assert list(filterset.qs) == [education]


def test_activity_filter_field_unknown_slug_is_an_error():
    filterset = filtered({"field": "nope"})

    assert not filterset.is_valid()
    assert filterset.errors["field"] == ["分野「nope」はありません。一覧から選んでください。"]


def test_activity_filter_block_keeps_that_block_only():
    kyushu = ActivityFactory(block=block("kyushu"))
    ActivityFactory(block=block("chugoku"))
    ActivityFactory(block=None)

    filterset = filtered({"block": "kyushu"})

    assert filterset.is_valid()
    assert list(filterset.qs) == [kyushu]


def test_activity_filter_block_unknown_code_is_an_error():
    filterset = filtered({"block": "nowhere"})

    assert not filterset.is_valid()
    assert filterset.errors["block"] == [
        "地域ブロック「nowhere」はありません。一覧から選んでください。"
    ]


def test_activity_filter_empty_values_keep_everything():
    ActivityFactory.create_batch(2)

    filterset = filtered({"field": "", "block": ""})

    assert filterset.is_valid()
    assert filterset.qs.count() == 2


@pytest.mark.parametrize(
    ("kind", "offered"),
    [
        (Thread.Kind.VERTICAL, ["field"]),
        (Thread.Kind.DIAGONAL, ["block"]),
        (Thread.Kind.HORIZONTAL, []),
    ],
)
def test_activity_filters_offered_depend_on_thread_kind(kind, offered):
    filterset = filtered({}, thread=ThreadFactory(kind=kind))

    assert list(filterset.filters) == offered
    assert list(filterset.form.fields) == offered


def test_activity_filter_not_offered_is_ignored():
    thread = ThreadFactory(kind=Thread.Kind.VERTICAL)
    ActivityFactory(thread=thread, block=block("kyushu"))
    ActivityFactory(thread=thread, block=block("chugoku"))

    filterset = filtered({"block": "kyushu"}, thread=thread)

    assert filterset.is_valid()
    assert filterset.qs.count() == 2
