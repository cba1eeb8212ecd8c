"""The schedule's rules on the model: upcoming, the public status, 申込受付中,
the original wording (資料の表記) and the attendance constraints."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from briefings.models import Briefing
from tests.admin_urls import admin_url, row_versions
from tests.factories import BriefingFactory, prefecture

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2017, 3, 6)


# --- upcoming and the public status ---------------------------------------------------


def _rows() -> list[Briefing]:
    rows = [
        BriefingFactory(status="planned", date=D(2017, 3, 5)),
        BriefingFactory(status="planned", date=TODAY),
        BriefingFactory(status="planned", date=D(2017, 3, 8)),
        BriefingFactory(status="held", date=D(2017, 3, 8)),
        BriefingFactory(status="postponed", date=D(2017, 3, 8)),
        BriefingFactory(status="cancelled", date=D(2017, 3, 4)),
        BriefingFactory(status="planned", date=D(2017, 3, 9)),
    ]
    rows[-1].soft_delete()
    return rows


def test_upcoming_is_planned_from_today_on_in_sql_and_on_an_instance():
    rows = _rows()
    in_sql = set(Briefing.all_objects.upcoming(today=TODAY))
    on_instances = {row for row in rows if Briefing.upcoming_condition(TODAY)(row)}
    assert in_sql == on_instances == {rows[1], rows[2]}


def test_upcoming_defaults_to_today_in_japan(stand_on):
    rows = _rows()
    stand_on(D(2017, 3, 7))
    assert list(Briefing.objects.upcoming()) == [rows[2]]


@pytest.mark.parametrize(
    ("status", "date", "shown"),
    [
        ("planned", D(2017, 3, 5), "unrecorded"),
        ("planned", TODAY, "planned"),
        ("planned", D(2017, 3, 8), "planned"),
        ("held", D(2017, 3, 5), "held"),
        ("cancelled", D(2017, 3, 8), "cancelled"),
        ("postponed", D(2017, 3, 5), "postponed"),
    ],
)
def test_public_status_on_a_day_agrees_with_the_schedule_filter(status, date, shown):
    briefing = BriefingFactory(status=status, date=date)
    assert briefing.public_status_on(TODAY) == shown
    for value in Briefing.PublicStatus.values:
        matches = Briefing.objects.with_public_status(value, today=TODAY).filter(pk=briefing.pk)
        assert matches.exists() is (value == shown), value


def test_each_days_rules_are_built_once_and_answer_for_their_day(stand_on):
    """A list asks every row for its status: the rule is kept per day, not rebuilt."""
    day = datetime.date(2017, 3, 6)
    assert Briefing.upcoming_condition(day) is Briefing.upcoming_condition(day)
    assert Briefing.overdue_condition(day) is Briefing.overdue_condition(day)
    assert Briefing.open_for_application_condition(day) is (
        Briefing.open_for_application_condition(day)
    )
    briefing = BriefingFactory(status="planned", date=day)
    stand_on(day)
    assert briefing.public_status == Briefing.PublicStatus.PLANNED
    stand_on(day + datetime.timedelta(days=1))
    assert briefing.public_status == Briefing.PublicStatus.UNRECORDED


def test_public_status_labels():
    assert Briefing.PublicStatus.UNRECORDED.label == "開催日経過・結果未登録"
    assert Briefing.PublicStatus.PLANNED.label == Briefing.Status.PLANNED.label


def test_public_status_of_an_unknown_value_is_refused():
    with pytest.raises(ValueError):
        Briefing.public_status_q("done", today=TODAY)


# --- 申込受付中 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "open_"),
    [
        ({"application_deadline": TODAY}, True),
        ({"application_deadline": D(2017, 3, 5)}, False),
        ({"application_method": "web"}, True),
        ({"application_method": "other"}, True),
        ({"application_method": "not_required"}, False),
        ({"application_url": "https://example.jp/apply"}, True),
        (
            {"application_url": "https://example.jp/apply", "application_deadline": D(2017, 3, 1)},
            False,
        ),
        ({"venue_name": "県庁"}, False),
        ({"application_method": "web", "status": "held"}, False),
        ({"application_method": "web", "date": D(2017, 3, 5), "application_deadline": None}, False),
    ],
)
def test_open_for_application_in_sql_and_on_an_instance(fields, open_):
    fields = {"status": "planned", "date": D(2017, 3, 8), **fields}
    briefing = BriefingFactory(**fields)
    assert briefing.is_open_for_application_on(TODAY) is open_
    assert (
        Briefing.objects.open_for_application(today=TODAY).filter(pk=briefing.pk).exists() is open_
    )


def test_has_attendance_info():
    assert BriefingFactory().has_attendance_info is False
    assert BriefingFactory(start_time=datetime.time(9)).has_attendance_info is True
    assert BriefingFactory(contact="九州総合通信局").has_attendance_info is True


# --- constraints --------------------------------------------------------------------


def test_end_time_before_start_time_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        BriefingFactory(start_time=datetime.time(16), end_time=datetime.time(13, 30))


def test_end_time_equal_to_start_time_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        BriefingFactory(start_time=datetime.time(13), end_time=datetime.time(13))


def test_deadline_after_the_date_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        BriefingFactory(date=D(2017, 3, 6), application_deadline=D(2017, 3, 7))


def test_deadline_on_the_date_and_open_ended_times_are_allowed():
    BriefingFactory(date=D(2017, 3, 6), application_deadline=D(2017, 3, 6))
    BriefingFactory(start_time=datetime.time(13))
    BriefingFactory(end_time=datetime.time(13))


def test_constraints_say_why_in_japanese_on_full_clean():
    briefing = BriefingFactory.build(
        prefecture=prefecture("43"),
        start_time=datetime.time(16),
        end_time=datetime.time(13),
        date=D(2017, 3, 6),
        application_deadline=D(2017, 3, 7),
    )
    with pytest.raises(ValidationError) as error:
        briefing.full_clean()
    assert sorted(error.value.message_dict["__all__"]) == [
        "申込締切日は開催日以前の日にしてください。",
        "終了時刻は開始時刻より後にしてください。",
    ]


# --- the original wording (資料の表記) ----------------------------------------------------


def test_wording_describes_the_date_it_was_written_for():
    briefing = BriefingFactory(date=D(2017, 3, 22), date_text="3月22日")
    assert (briefing.date_text_date, briefing.date_text_current) == (D(2017, 3, 22), "3月22日")

    briefing = Briefing.objects.get(pk=briefing.pk)
    briefing.date = D(2026, 11, 29)
    briefing.save()
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.date_text_date, briefing.date_text_current) == (D(2017, 3, 22), "")
    assert briefing.date_text == "3月22日"  # kept, as the record's own words

    briefing.date_text = "11月29日"
    briefing.save()
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.date_text_date, briefing.date_text_current) == (D(2026, 11, 29), "11月29日")


def test_wording_cleared_leaves_nothing_to_describe():
    briefing = BriefingFactory(date_text="3月22日")
    briefing.date_text = ""
    briefing.save()
    assert Briefing.objects.get(pk=briefing.pk).date_text_date is None


def test_wording_survives_saves_that_do_not_touch_it():
    briefing = BriefingFactory(date=D(2017, 3, 22), date_text="3月22日")
    loaded = Briefing.objects.only("pk", "date", "deleted_at").get(pk=briefing.pk)
    loaded.date = D(2017, 3, 23)
    loaded.save()
    briefing.refresh_from_db()
    assert (briefing.date, briefing.date_text_date) == (D(2017, 3, 23), D(2017, 3, 22))
    briefing.soft_delete()  # save(update_fields=["deleted_at"])
    briefing.restore()
    assert Briefing.objects.get(pk=briefing.pk).date_text_date == D(2017, 3, 22)


def test_wording_rewritten_with_update_fields_saves_its_date_too():
    briefing = BriefingFactory(date=D(2017, 3, 22), date_text="3月22日")
    Briefing.objects.filter(pk=briefing.pk).update(date=D(2017, 3, 24))
    briefing.refresh_from_db()
    briefing.date_text = "3月24日"
    briefing.save(update_fields=["date_text"])
    assert Briefing.objects.get(pk=briefing.pk).date_text_current == "3月24日"


def test_staff_changing_the_date_in_the_admin_hides_the_wording(admin_client):
    briefing = BriefingFactory(date=D(2017, 3, 22), date_text="3月22日", status="planned")
    page = admin_client.get(admin_url(Briefing, "change", briefing.pk))
    form = page.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(row_versions(page))
    data.update(
        date="2026-11-29",
        **{
            "materials-TOTAL_FORMS": "0",
            "materials-INITIAL_FORMS": "0",
            "materials-MIN_NUM_FORMS": "0",
            "materials-MAX_NUM_FORMS": "1000",
        },
    )
    response = admin_client.post(admin_url(Briefing, "change", briefing.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    briefing.refresh_from_db()
    assert (briefing.date, briefing.date_text, briefing.date_text_current) == (
        D(2026, 11, 29),
        "3月22日",
        "",
    )


def test_admin_form_refuses_a_deadline_after_the_date_with_a_message(admin_client):
    briefing = BriefingFactory(date=D(2017, 3, 22), status="planned")
    page = admin_client.get(admin_url(Briefing, "change", briefing.pk))
    form = page.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(row_versions(page))
    data.update(
        application_deadline="2017-03-23",
        start_time="16:00",
        end_time="13:00",
        **{
            "materials-TOTAL_FORMS": "0",
            "materials-INITIAL_FORMS": "0",
            "materials-MIN_NUM_FORMS": "0",
            "materials-MAX_NUM_FORMS": "1000",
        },
    )
    response = admin_client.post(admin_url(Briefing, "change", briefing.pk), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert sorted(errors) == [
        "申込締切日は開催日以前の日にしてください。",
        "終了時刻は開始時刻より後にしてください。",
    ]
    briefing.refresh_from_db()
    assert (briefing.application_deadline, briefing.start_time) == (None, None)


def test_admin_change_form_has_the_attendance_fieldset(admin_client):
    briefing = BriefingFactory()
    html = admin_client.get(admin_url(Briefing, "change", briefing.pk)).content.decode()
    for name in Briefing.ATTENDANCE_FIELDS:
        assert f'name="{name}"' in html, name
    assert "参加案内" in html


def test_migration_backfills_the_date_each_wording_was_written_for():
    """Rows stored before the field: the date the row had when its wording took
    its present value, read from the history."""
    moved = BriefingFactory(date=D(2017, 3, 22), date_text="3月22日")
    moved.date = D(2026, 11, 29)
    moved.save()
    untouched = BriefingFactory(date=D(2017, 3, 6), date_text="3月6日")
    rewritten = BriefingFactory(date=D(2017, 3, 8), date_text="3月8日")
    rewritten.date, rewritten.date_text = D(2017, 3, 9), "3月9日"
    rewritten.save()
    Briefing.objects.update(date_text_date=None)  # as before the migration

    migration = importlib.import_module("briefings.migrations.0008_schedule_attendance_and_wording")
    migration.backfill_date_text_date(apps, None)

    got = dict(Briefing.objects.values_list("pk", "date_text_date"))
    assert got == {
        moved.pk: D(2017, 3, 22),
        untouched.pk: D(2017, 3, 6),
        rewritten.pk: D(2017, 3, 9),
    }
