import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import (
    ActivityFactory,
    OrganizationFactory,
    ParticipationFactory,
    StatusUpdateFactory,
    ThreadFactory,
    WorkItemFactory,
    block,
)
from threads.models import Activity, Progress

pytestmark = pytest.mark.django_db


def test_participation_unique_thread_organization_constraint():
    participation = ParticipationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(thread=participation.thread, organization=participation.organization)


def test_participation_left_before_joined_constraint():
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(
            joined_on=datetime.date(2017, 2, 1), left_on=datetime.date(2017, 1, 31)
        )


def test_participation_left_on_joined_day_is_allowed():
    participation = ParticipationFactory(
        joined_on=datetime.date(2017, 2, 1), left_on=datetime.date(2017, 2, 1)
    )

    assert participation.pk is not None


def test_activity_end_before_start_constraint():
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(date=datetime.date(2017, 2, 4), end_date=datetime.date(2017, 2, 3))


def test_activity_end_on_start_day_is_allowed():
    activity = ActivityFactory(date=datetime.date(2017, 2, 4), end_date=datetime.date(2017, 2, 4))

    assert activity.pk is not None


def test_activity_done():
    done = ActivityFactory(status=Progress.DONE)
    ActivityFactory(status=Progress.PLANNED)
    ActivityFactory(status=Progress.IN_PROGRESS)

    assert list(Activity.objects.done()) == [done]


def test_activity_in_block():
    kyushu = ActivityFactory(block=block("kyushu"))
    ActivityFactory(block=block("kanto"))
    ActivityFactory(block=None)

    assert list(Activity.objects.in_block(block("kyushu"))) == [kyushu]


def test_activity_done_in_block_chains():
    done = ActivityFactory(block=block("kyushu"), status=Progress.DONE)
    ActivityFactory(block=block("kyushu"), status=Progress.PLANNED)
    ActivityFactory(block=block("kanto"), status=Progress.DONE)

    assert list(Activity.objects.done().in_block(block("kyushu"))) == [done]


def test_thread_str():
    assert str(ThreadFactory(title="縦の糸（分野別）")) == "縦の糸（分野別）"


def test_thread_display_title_switches_language():
    thread = ThreadFactory(title="縦の糸", title_en="Vertical thread")

    with translation.override("ja"):
        assert thread.display_title == "縦の糸"
    with translation.override("en"):
        assert thread.display_title == "Vertical thread"


def test_work_item_str_is_first_40_characters():
    text = "あ" * 39 + "いう"

    assert str(WorkItemFactory(text=text)) == "あ" * 39 + "い"


def test_participation_str():
    participation = ParticipationFactory(
        thread=ThreadFactory(title="斜めの糸"),
        organization=OrganizationFactory(name="北陸情報通信協議会"),
    )

    assert str(participation) == "北陸情報通信協議会 – 斜めの糸"


def test_activity_str():
    assert str(ActivityFactory(title="Lアラート運営諮問委員会作業部会")) == (
        "Lアラート運営諮問委員会作業部会"
    )


def test_status_update_str_is_first_40_characters():
    assert str(StatusUpdateFactory(text="短い取組状況")) == "短い取組状況"
    assert str(StatusUpdateFactory(text="か" * 50)) == "か" * 40
