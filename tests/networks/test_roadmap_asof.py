"""The stage of a local government on a date: its latest report up to that date."""

import datetime

import pytest
from django.db import IntegrityError

from networks.models import ImplementationReport, Municipality
from tests import factories

Stage = ImplementationReport.Stage
D = datetime.date


@pytest.fixture
def model(db):
    return factories.RoadmapModelFactory()


def stages(queryset):
    return sorted((r.municipality.code, r.model.slug, r.stage) for r in queryset)


def test_as_of_takes_latest_report_up_to_the_date(model):
    city = factories.municipality("432016", "八代市")
    for day, stage in ((D(2018, 4, 1), Stage.CONSIDERING), (D(2019, 4, 1), Stage.PILOTING)):
        factories.ImplementationReportFactory(
            municipality=city, model=model, stage=stage, as_of=day
        )
    later = factories.ImplementationReportFactory(
        municipality=city, model=model, stage=Stage.IMPLEMENTED, as_of=D(2020, 4, 1)
    )

    assert stages(ImplementationReport.objects.as_of(D(2018, 3, 31))) == []
    assert stages(ImplementationReport.objects.as_of(D(2018, 4, 1))) == [
        ("432016", model.slug, Stage.CONSIDERING)
    ]
    assert stages(ImplementationReport.objects.as_of(D(2020, 3, 31))) == [
        ("432016", model.slug, Stage.PILOTING)
    ]
    assert list(ImplementationReport.objects.as_of(None)) == [later]
    # Every report is kept: the later one erased nothing.
    assert ImplementationReport.objects.count() == 3


def test_as_of_on_one_date_the_report_entered_last_holds(model):
    city = factories.municipality("432016", "八代市")
    factories.ImplementationReportFactory(municipality=city, model=model, stage=Stage.PLANNED)
    factories.ImplementationReportFactory(municipality=city, model=model, stage=Stage.PILOTING)

    assert stages(ImplementationReport.objects.as_of(D(2019, 3, 31))) == [
        ("432016", model.slug, Stage.PILOTING)
    ]


def test_as_of_keeps_each_government_and_model_apart(model):
    other_model = factories.RoadmapModelFactory()
    date_hokkaido = factories.municipality("015750", "伊達市", pref="01")
    date_fukushima = factories.municipality("072133", "伊達市", pref="07")
    pref = factories.prefecture("43")
    factories.ImplementationReportFactory(municipality=date_hokkaido, model=model)
    factories.ImplementationReportFactory(
        municipality=date_fukushima, model=model, stage=Stage.CONSIDERING
    )
    factories.ImplementationReportFactory(
        municipality=date_hokkaido, model=other_model, stage=Stage.PLANNED
    )
    factories.ImplementationReportFactory(
        municipality=None, prefecture=pref, model=model, stage=Stage.PILOTING
    )

    current = ImplementationReport.objects.as_of(D(2020, 1, 1))
    assert sorted((str(r.local_government), r.model_id, r.stage) for r in current) == sorted(
        [
            ("伊達市", model.pk, Stage.IMPLEMENTED),
            ("伊達市", model.pk, Stage.CONSIDERING),
            ("伊達市", other_model.pk, Stage.PLANNED),
            ("熊本県", model.pk, Stage.PILOTING),
        ]
    )
    assert current.implemented().count() == 1


def test_counts_on_agree_with_as_of_on_each_date(model):
    """One pass over the reports (AsOfQuerySet.counts_on) counts what as_of(D)
    finds on each D: replaced reports, ties on one date, a prefecture's own."""
    kumamoto = factories.municipality("432016", "八代市")
    fukuoka = factories.municipality("401005", "北九州市", pref="40")
    for city, day, stage in (
        (kumamoto, D(2018, 4, 1), Stage.CONSIDERING),
        (kumamoto, D(2019, 4, 1), Stage.PILOTING),
        (kumamoto, D(2019, 4, 1), Stage.IMPLEMENTED),  # entered last on that date
        (fukuoka, D(2018, 6, 30), Stage.PLANNED),
        (fukuoka, D(2020, 1, 1), Stage.NOT_STARTED),  # a report may go back
    ):
        factories.ImplementationReportFactory(
            municipality=city, model=model, stage=stage, as_of=day
        )
    factories.ImplementationReportFactory(
        municipality=None, prefecture=factories.prefecture("43"), model=model, as_of=D(2018, 1, 1)
    )
    dates = [D(2017, 12, 31), D(2018, 4, 1), D(2018, 6, 30), D(2019, 4, 1), D(2020, 1, 1)]

    counts = ImplementationReport.objects.filter(model=model).counts_on(dates, by="stage")

    expected = []
    for day in dates:
        held = [r.stage for r in ImplementationReport.objects.as_of(day, model=model)]
        expected.append({stage: held.count(stage) for stage in set(held)})
    assert counts == expected
    assert counts[3] == {Stage.IMPLEMENTED: 2, Stage.PLANNED: 1}
    assert counts[0] == {}


def test_counts_on_take_one_query(model, django_assert_num_queries):
    factories.ImplementationReportFactory(model=model, as_of=D(2018, 4, 1))
    with django_assert_num_queries(1):
        counts = ImplementationReport.objects.counts_on([D(2018, 3, 31), D(2018, 4, 1)], by="stage")
    assert counts == [{}, {Stage.IMPLEMENTED: 1}]


def test_report_block_follows_its_local_government(model):
    report = factories.ImplementationReportFactory(
        municipality=factories.municipality("015750", "伊達市", pref="01"), model=model
    )
    assert report.block.code == "hokkaido"


def test_report_names_exactly_one_local_government(model):
    city = factories.municipality("432016", "八代市")
    with pytest.raises(IntegrityError):
        ImplementationReport.objects.create(
            municipality=city,
            prefecture=city.prefecture,
            model=model,
            stage=Stage.PLANNED,
            as_of=D(2019, 1, 1),
        )


def test_stages_run_in_implementation_order():
    assert [s.label for s in Stage] == ["未着手", "検討中", "計画策定済", "実証中", "実装済"]


def test_counted_municipalities_leave_out_designated_city_wards(db):
    city = factories.municipality("132012", "八王子市", pref="13")
    factories.municipality("131016", "千代田区", pref="13", kind=Municipality.Kind.SPECIAL_WARD)
    factories.municipality("431001", "熊本市", kind=Municipality.Kind.DESIGNATED_CITY)
    Municipality.objects.create(
        code="431010",
        name="中央区",
        prefecture=factories.prefecture("43"),
        kind=Municipality.Kind.WARD,
        parent=Municipality.objects.get(code="431001"),
    )
    assert city.kind == Municipality.Kind.CITY
    assert sorted(Municipality.objects.counted().values_list("code", flat=True)) == [
        "131016",
        "132012",
        "431001",
    ]


def test_report_dated_after_today_is_refused(model, stand_on):
    from django.core.exceptions import ValidationError

    stand_on(D(2019, 4, 1))
    report = ImplementationReport(
        municipality=factories.MunicipalityFactory(),
        model=model,
        stage=Stage.PLANNED,
        as_of=D(2019, 4, 2),
    )
    with pytest.raises(ValidationError) as error:
        report.full_clean()
    assert error.value.message_dict == {"as_of": ["時点に今日より後の日付は指定できません。"]}
    report.as_of = D(2019, 4, 1)
    report.full_clean()
