"""core.figures: the registry every page reads, computed over a period in one
query per model, each value carrying its period."""

import datetime

import pytest
from django.db.models import Count, Q
from django.utils import translation

from briefings.models import Briefing
from core import figures
from core.asof import Period
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    ParticipationFactory,
    block,
    prefecture,
)
from threads.models import Progress

D = datetime.date
ALL_KEYS = [figure.key for figure in figures.all_figures()]


def test_figures_registry_holds_every_figure_once_with_label_definition_and_anchor():
    assert ALL_KEYS == [
        "roadmap-implementing-municipalities",
        "roadmap-reporting-municipalities",
        "organizations",
        "organizations-with-inferred",
        "activities-done",
        "briefings-held",
        "briefings-planned",
        "prefectures-reached",
        "blocks-reached",
        "national-sessions",
    ]
    for figure in figures.all_figures():
        assert str(figure.label)
        assert len(str(figure.definition)) > len(str(figure.label))
        assert figure.anchor == f"figure-{figure.key}"
        assert figures.get(figure.key) is figure


def test_figures_register_refuses_a_second_figure_with_the_same_key():
    with pytest.raises(ValueError, match="'briefings-held' is already registered"):
        figures.register(figures.get("briefings-held"))
    assert [figure.key for figure in figures.all_figures()] == ALL_KEYS


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 3])
@pytest.mark.parametrize("period", [Period(), Period.through(D(2017, 1, 1), D(2017, 2, 28))])
def test_figures_compute_in_one_query_per_model(django_assert_num_queries, n, period):
    """Implementation reports, participations, activities, briefings: four
    queries for all ten figures."""
    for i in range(n):
        ParticipationFactory(joined_on=D(2017, 1, 1 + i))
        ActivityFactory(date=D(2017, 2, 1 + i))
        BriefingFactory(date=D(2017, 2, 1 + i), prefecture=prefecture(f"{40 + i}"))
    with django_assert_num_queries(4):
        values = figures.compute(ALL_KEYS, period)
    assert values["briefings-held"].value == n
    assert values["organizations"].value == n


@pytest.mark.django_db
def test_figures_compute_adds_extra_aggregates_to_the_models_query(django_assert_num_queries):
    BriefingFactory(scope="national", prefecture=None)
    BriefingFactory(prefecture=prefecture("37"))
    with django_assert_num_queries(1):
        values = figures.compute(
            ["briefings-held"],
            extra={Briefing: {"national": Count("pk", filter=Q(scope="national"))}},
        )
    assert (values["briefings-held"].value, values.extra["national"]) == (2, 1)


@pytest.mark.django_db
def test_figure_value_carries_its_period():
    period = Period(date_from=D(2017, 1, 24), as_of=D(2017, 2, 24))

    values = figures.compute(["briefings-held", "organizations"], period)

    assert [value.period for value in values] == [period, period]
    assert values.period == period


@pytest.mark.django_db
def test_figures_as_of_a_date_count_later_sessions_as_planned():
    BriefingFactory(date=D(2017, 2, 23), prefecture=prefecture("37"))
    BriefingFactory(date=D(2017, 2, 24), scope="block", prefecture=None, block=block("hokuriku"))
    BriefingFactory(date=D(2017, 3, 6), prefecture=prefecture("36"))  # held today
    keys = ["briefings-held", "briefings-planned", "prefectures-reached", "blocks-reached"]

    as_of = figures.compute(keys, Period(as_of=D(2017, 2, 24)))
    now = figures.compute(keys)

    assert [(v.value, v.latest) for v in as_of] == [
        (1, D(2017, 2, 23)),
        (2, D(2017, 3, 6)),
        (1, D(2017, 2, 23)),
        (0, None),
    ]
    assert [v.value for v in now] == [3, 0, 2, 1]


@pytest.mark.django_db
def test_figures_as_of_a_date_leave_out_later_participations_and_activities():
    ParticipationFactory(joined_on=D(2017, 2, 1))
    ParticipationFactory(joined_on=D(2017, 3, 1))
    ActivityFactory(date=D(2017, 2, 23), status=Progress.DONE)
    ActivityFactory(date=D(2017, 2, 24), status=Progress.DONE)

    values = figures.compute(["organizations", "activities-done"], Period(as_of=D(2017, 2, 24)))

    assert [(v.value, v.latest) for v in values] == [
        (1, D(2017, 2, 1)),
        (1, D(2017, 2, 23)),
    ]


@pytest.mark.django_db
def test_figures_display_the_value_with_its_unit():
    BriefingFactory(prefecture=prefecture("37"))

    values = figures.compute(["briefings-held", "prefectures-reached", "organizations"])

    assert [v.display for v in values] == ["1回", "1都道府県", "0"]


@pytest.mark.parametrize(
    ("language", "key", "expected"),
    [
        ("ja", "briefings-held", "20,032回"),
        ("en", "briefings-held", "20,032 sessions"),
        ("ja", "organizations", "20,032"),
    ],
)
def test_figures_display_a_national_count_grouped_by_thousands(language, key, expected):
    value = figures.FigureValue(figure=figures.get(key), value=20032, latest=None, period=Period())

    with translation.override(language):
        assert value.display == expected


# --- the document's own figure (issue 9 will store it with its period) ----------------


@pytest.mark.parametrize(
    "period",
    [
        # 本年１月２４日以降 … 開催済（平成２９年２月２４日現在）
        Period(date_from=D(2017, 1, 24), as_of=D(2017, 2, 24)),
        Period.through(D(2017, 1, 24), D(2017, 2, 23)),
    ],
    ids=["from-1-24-as-of-2-24", "1-24-through-2-23"],
)
def test_figures_of_the_seed_agree_with_the_documents_reported_figure(seeded, period):
    """「１０の県、７の地域ブロック等に対して合計２０回の説明会を開催済」."""
    values = figures.compute(["briefings-held", "prefectures-reached", "blocks-reached"], period)

    assert [v.value for v in values] == [20, 10, 7]
    assert values["briefings-held"].latest == D(2017, 2, 22)
