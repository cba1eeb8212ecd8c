"""core.conditions.Condition: the SQL answer and the instance answer agree."""

import datetime

import pytest
from django.db.models import Q

from briefings.models import Briefing
from core.conditions import Condition
from tests.factories import BriefingFactory

D = datetime.date


@pytest.mark.django_db
@pytest.mark.parametrize(
    "terms",
    [
        {"status": "planned", "date__lt": D(2017, 2, 16)},
        {"status__in": ["held", "cancelled"], "date__gte": D(2017, 2, 15)},
        {"audience_size__lte": 10},
        {"audience_size__gt": 10, "deleted_at__isnull": True},
        {"audience_size": None},
    ],
)
def test_condition_sql_and_instance_answers_agree(terms):
    rows = [
        BriefingFactory(status="planned", date=D(2017, 2, 15), audience_size=None),
        BriefingFactory(status="planned", date=D(2017, 2, 16), audience_size=10),
        BriefingFactory(status="held", date=D(2017, 2, 14), audience_size=30),
        BriefingFactory(status="cancelled", date=D(2017, 2, 20)),
    ]
    rows[2].soft_delete()
    condition = Condition(**terms)

    in_sql = set(Briefing.all_objects.filter(condition.q()).values_list("pk", flat=True))

    assert in_sql == {row.pk for row in Briefing.all_objects.all() if condition(row)}


def test_condition_null_is_false_for_comparisons_as_in_sql():
    row = Briefing(audience_size=None)

    assert Condition(audience_size__lt=5)(row) is False
    assert Condition(audience_size__gte=5)(row) is False
    assert Condition(audience_size__isnull=True)(row) is True


def test_condition_q_reads_through_a_prefix():
    condition = Condition(status="planned", date__lt=D(2017, 2, 16))

    assert condition.q("briefings__") == Q(
        briefings__status="planned", briefings__date__lt=D(2017, 2, 16)
    )


def test_condition_refuses_lookups_it_cannot_answer():
    with pytest.raises(ValueError, match="not 'title__icontains'"):
        Condition(title__icontains="説明会")


@pytest.mark.django_db
def test_conditions_combined_with_and_or_agree_in_sql_and_on_instances():
    rows = [
        BriefingFactory(status="planned", date=D(2017, 2, 15), audience_size=None),
        BriefingFactory(status="planned", date=D(2017, 2, 16), audience_size=10),
        BriefingFactory(status="held", date=D(2017, 2, 14), audience_size=30),
        BriefingFactory(status="cancelled", date=D(2017, 2, 20)),
    ]
    combined = Condition(status="planned") & (
        Condition(audience_size__isnull=True) | Condition(date__gte=D(2017, 2, 16))
    )
    either = Condition(status="held") | Condition(status="cancelled")

    assert set(Briefing.objects.filter(combined.q())) == {r for r in rows if combined(r)}
    assert {r for r in rows if combined(r)} == {rows[0], rows[1]}
    assert set(Briefing.objects.filter(either.q())) == {r for r in rows if either(r)}
    assert {r for r in rows if either(r)} == {rows[2], rows[3]}


def test_combined_condition_reads_through_a_prefix():
    combined = Condition(status="planned") | Condition(date__lt=D(2017, 2, 16))

    assert combined.q("briefings__") == Q(briefings__status="planned") | Q(
        briefings__date__lt=D(2017, 2, 16)
    )
