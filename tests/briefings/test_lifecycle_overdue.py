"""The overdue rule (要更新) around midnight in Japan, and the steps each status offers."""

import datetime

import pytest
from django.utils import timezone

from briefings.models import Briefing
from briefings.services import lifecycle
from tests.briefings.lifecycle_helpers import SESSION_DAY, planned
from tests.factories import BriefingFactory

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC


# --- overdue (要更新) around midnight in Japan ----------------------------------------


@pytest.mark.parametrize(
    ("instant", "overdue"),
    [
        pytest.param(datetime.datetime(2017, 2, 15, 14, 59, 59, tzinfo=UTC), False),
        pytest.param(datetime.datetime(2017, 2, 15, 15, 0, 0, tzinfo=UTC), True),
    ],
    ids=["D_23:59:59_JST", "D+1_00:00:00_JST"],
)
def test_planned_briefing_overdue_from_midnight_after_its_day(time_machine, instant, overdue):
    time_machine.move_to(instant, tick=False)
    briefing = planned(date=SESSION_DAY)

    # Both paths default to today in Japan (core.dates.today), whatever zone is active.
    with timezone.override("UTC"):
        assert list(Briefing.objects.overdue()) == ([briefing] if overdue else [])
        assert briefing.is_overdue_on() is overdue


@pytest.mark.parametrize("status", ["held", "cancelled", "postponed"])
def test_only_planned_briefings_are_overdue(status):
    briefing = BriefingFactory(status=status, date=SESSION_DAY)

    assert list(Briefing.objects.overdue(today=D(2017, 3, 1))) == []
    assert briefing.is_overdue_on(D(2017, 3, 1)) is False


def test_deleted_planned_briefing_not_overdue():
    briefing = planned()
    briefing.soft_delete()

    assert list(Briefing.objects.overdue(today=D(2017, 3, 1))) == []
    assert briefing.is_overdue_on(D(2017, 3, 1)) is False


def test_available_steps_follow_the_status():
    assert lifecycle.available_steps(BriefingFactory.build(status="planned")) == [
        "held",
        "cancelled",
        "postponed",
        "duplicated",
    ]
    assert lifecycle.available_steps(BriefingFactory.build(status="postponed")) == [
        "held",
        "cancelled",
        "postponed",
        "duplicated",
    ]
    assert lifecycle.available_steps(BriefingFactory.build(status="held")) == ["duplicated"]
    assert lifecycle.available_steps(BriefingFactory.build(status="cancelled")) == ["duplicated"]
