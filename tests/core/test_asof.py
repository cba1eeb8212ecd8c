"""core.asof: "as of D" for events (sessions, activities) and statements
(status updates, participations), and the Period a figure is counted over."""

import datetime

import pytest
from django.db.models import Count, Q

from briefings.models import Briefing, BriefingQuerySet
from core.asof import STATUS_AS_OF, Period
from networks.models import Prefecture
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    ParticipationFactory,
    StatusUpdateFactory,
    prefecture,
)
from threads.models import Activity, Participation, Progress, StatusUpdate

pytestmark = pytest.mark.django_db

D = datetime.date
AS_OF = D(2017, 2, 24)


def statuses_as_of(queryset, as_of) -> dict[str, str]:
    return dict(queryset.as_of(as_of).values_list("title", STATUS_AS_OF))


# --- events: briefing sessions ------------------------------------------------------------


@pytest.mark.parametrize("status", ["held", "cancelled", "postponed", "planned"])
def test_session_dated_after_the_date_counts_as_planned_as_of_it(status):
    BriefingFactory(title="後の説明会", status=status, date=D(2017, 3, 6))

    assert statuses_as_of(Briefing.objects, AS_OF) == {"後の説明会": "planned"}
    assert list(Briefing.objects.as_of(AS_OF).values_list("status", flat=True)) == [status]


def test_session_on_the_date_itself_is_not_yet_held_as_of_it():
    # The document of 2017-02-24 does not count its own day's seminar.
    BriefingFactory(title="当日", status="held", date=AS_OF)
    BriefingFactory(title="前日", status="held", date=AS_OF - datetime.timedelta(days=1))

    assert statuses_as_of(Briefing.objects, AS_OF) == {"当日": "planned", "前日": "held"}


@pytest.mark.parametrize("status", ["held", "cancelled", "postponed", "planned"])
def test_session_dated_before_the_date_keeps_its_recorded_status(status):
    BriefingFactory(title="前の説明会", status=status, date=D(2017, 2, 1))

    assert statuses_as_of(Briefing.objects, AS_OF) == {"前の説明会": status}


def test_sessions_as_of_none_read_as_recorded_now():
    BriefingFactory(title="後の説明会", status="held", date=D(2030, 1, 1))

    assert statuses_as_of(Briefing.objects, None) == {"後の説明会": "held"}


@pytest.mark.parametrize("as_of", [None, D(2017, 2, 10), AS_OF, D(2017, 3, 31)])
def test_status_through_a_relation_agrees_with_the_queryset_alias(as_of):
    """The rule's Q objects (annotations over `briefings__…`) and its alias agree."""
    kumamoto = prefecture("43")
    for status in ("held", "planned", "cancelled", "postponed"):
        for date in (D(2017, 2, 1), AS_OF, D(2017, 3, 6)):
            BriefingFactory(prefecture=kumamoto, status=status, date=date)
    rule = BriefingQuerySet.as_of_rule

    for status in Briefing.Status.values:
        through_relation = (
            Prefecture.objects.filter(code="43")
            .annotate(n=Count("briefings", filter=rule.status_is(status, as_of, "briefings__")))
            .get()
            .n
        )
        alias = Briefing.objects.as_of(as_of).filter(**{STATUS_AS_OF: status}).count()
        assert through_relation == alias


@pytest.mark.parametrize("as_of", [None, D(2017, 2, 10), AS_OF, D(2017, 3, 31)])
def test_condition_over_stored_fields_agrees_with_the_queryset_alias(as_of):
    """What figures aggregate (core.figures): a condition on STATUS_AS_OF,
    rewritten over the stored status and date, selects the same rows."""
    for status in ("held", "planned", "cancelled", "postponed"):
        for date in (D(2017, 2, 1), AS_OF, D(2017, 3, 6)):
            BriefingFactory(status=status, date=date, scope="block")
    rule = BriefingQuerySet.as_of_rule
    conditions = [
        Q(**{STATUS_AS_OF: "held"}),
        Q(**{STATUS_AS_OF: "planned"}) & Q(scope="block"),
        ~Q(**{STATUS_AS_OF: "planned"}),
        Q(**{f"{STATUS_AS_OF}__in": ["cancelled", "postponed"]}) | Q(**{STATUS_AS_OF: "held"}),
        Q(**{f"{STATUS_AS_OF}__in": []}),
    ]

    for condition in conditions:
        alias = set(Briefing.objects.as_of(as_of).filter(condition).values_list("pk", flat=True))
        stored = set(
            Briefing.objects.filter(rule.over_stored_fields(condition, as_of)).values_list(
                "pk", flat=True
            )
        )
        assert stored == alias, condition


# --- events: activities -----------------------------------------------------------------------


def test_activity_dated_on_or_after_the_date_is_planned_as_of_it():
    ActivityFactory(title="前", status=Progress.DONE, date=D(2017, 2, 23))
    ActivityFactory(title="当日", status=Progress.DONE, date=AS_OF)
    # The document of 2/24 already lists the consortium planned for 3/9.
    ActivityFactory(title="後", status=Progress.DONE, date=D(2017, 3, 9))

    assert statuses_as_of(Activity.objects, AS_OF) == {
        "前": "done",
        "当日": "planned",
        "後": "planned",
    }


# --- statements: status updates and participations ---------------------------------


def test_status_update_dated_after_the_date_does_not_exist_as_of_it():
    StatusUpdateFactory(text="前", as_of=D(2017, 2, 1))
    StatusUpdateFactory(text="当日", as_of=AS_OF)
    StatusUpdateFactory(text="後", as_of=D(2017, 2, 25), status=Progress.DONE)

    rows = StatusUpdate.objects.as_of(AS_OF)

    assert sorted(rows.values_list("text", flat=True)) == ["前", "当日"]
    assert set(StatusUpdate.objects.as_of(None).values_list("text", flat=True)) == {
        "前",
        "当日",
        "後",
    }


def test_status_update_keeps_its_status_as_of_any_date():
    StatusUpdateFactory(text="前", as_of=D(2017, 2, 1), status=Progress.DONE)

    assert dict(StatusUpdate.objects.as_of(AS_OF).values_list("text", STATUS_AS_OF)) == {
        "前": "done"
    }


def test_deleted_status_update_stays_hidden_as_of_any_date():
    StatusUpdateFactory(text="削除", as_of=D(2017, 2, 1)).soft_delete()

    assert list(StatusUpdate.objects.as_of(AS_OF)) == []
    assert StatusUpdate.all_objects.as_of(AS_OF).count() == 1


def test_participation_exists_from_its_joining_date_undated_always():
    ParticipationFactory(role="前", joined_on=D(2017, 2, 1))
    ParticipationFactory(role="当日", joined_on=AS_OF)
    ParticipationFactory(role="後", joined_on=D(2017, 3, 1))
    ParticipationFactory(role="不明", joined_on=None)

    rows = Participation.objects.as_of(AS_OF).values_list("role", flat=True)

    assert sorted(rows) == sorted(["前", "当日", "不明"])


# --- periods ------------------------------------------------------------------------------


def test_period_range_is_inclusive_at_both_ends():
    for day in (1, 2, 27, 28):
        BriefingFactory(title=f"2/{day}", date=D(2017, 2, day))

    rows = Briefing.objects.in_period(Period(date_from=D(2017, 2, 2), date_to=D(2017, 2, 27)))

    assert sorted(rows.values_list("title", flat=True)) == ["2/2", "2/27"]


def test_period_through_a_range_is_read_once_its_last_day_is_over():
    assert Period.through(D(2017, 1, 24), D(2017, 2, 23)) == Period(
        date_from=D(2017, 1, 24), date_to=D(2017, 2, 23), as_of=AS_OF
    )
    assert Period.through(None, None) == Period()
    assert Period.through(D(2017, 1, 24), None) == Period(date_from=D(2017, 1, 24))


def test_period_through_the_last_representable_day_reads_now():
    assert Period.through(None, datetime.date.max) == Period(date_to=datetime.date.max)


def test_period_running_backwards_is_refused():
    with pytest.raises(ValueError, match="backwards"):
        Period(date_from=D(2017, 3, 1), date_to=D(2017, 2, 1))
