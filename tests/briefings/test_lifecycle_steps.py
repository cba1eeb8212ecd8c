"""The other lifecycle steps (cancel, postpone, duplicate) and the history
each step writes with the acting user."""

import datetime

import pytest

from briefings.models import Briefing, BriefingMaterial
from briefings.services import (
    BriefingTransitionError,
    duplicate_briefing,
    mark_briefing_cancelled,
    mark_briefing_held,
    mark_briefing_postponed,
)
from core.access import BUREAU
from tests.briefings.lifecycle_helpers import SESSION_DAY, planned, state
from tests.factories import (
    BriefingFactory,
    MemberFactory,
    OrganizationFactory,
    ThreadFactory,
    prefecture,
    staff_user,
)

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC


# --- mark_briefing_cancelled ----------------------------------------------------


def test_mark_cancelled_records_the_reason():
    briefing = planned()

    mark_briefing_cancelled(briefing, reason="  台風の接近により中止  ")

    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.cancellation_reason) == ("cancelled", "台風の接近により中止")


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_mark_cancelled_without_reason_changes_nothing(reason):
    briefing = planned()
    before = state(briefing)

    with pytest.raises(BriefingTransitionError) as excinfo:
        mark_briefing_cancelled(briefing, reason=reason)

    assert str(excinfo.value) == "中止にするには中止の理由を入力してください。"
    assert excinfo.value.field == "cancellation_reason"
    assert state(briefing) == before


def test_mark_cancelled_held_briefing_refused():
    briefing = BriefingFactory(status=Briefing.Status.HELD)
    before = state(briefing)

    with pytest.raises(BriefingTransitionError) as excinfo:
        mark_briefing_cancelled(briefing, reason="誤登録")

    assert str(excinfo.value) == "開催済のため、中止にすることはできません。"
    assert state(briefing) == before


# --- mark_briefing_postponed ------------------------------------------------------


def test_mark_postponed_without_new_date_keeps_the_date():
    briefing = planned(date_text="2月15日", notes="※須藤構成員説明")

    mark_briefing_postponed(briefing, note="講師の都合により")

    briefing = Briefing.objects.get(pk=briefing.pk)
    assert briefing.status == Briefing.Status.POSTPONED
    assert (briefing.date, briefing.date_text) == (SESSION_DAY, "2月15日")
    assert briefing.notes == "※須藤構成員説明\n延期（新しい開催日は未定）：講師の都合により"


def test_mark_postponed_with_new_date_plans_it_on_that_date():
    briefing = planned(date_text="2月15日", notes="")

    mark_briefing_postponed(briefing, new_date=D(2017, 3, 10))

    briefing = Briefing.objects.get(pk=briefing.pk)
    assert briefing.status == Briefing.Status.PLANNED
    assert (briefing.date, briefing.date_text) == (D(2017, 3, 10), "")
    assert briefing.notes == "延期（当初の開催日：2017年2月15日）"
    assert briefing.history.all()[1].date == SESSION_DAY


def test_mark_postponed_again_with_new_date_plans_it():
    briefing = planned(status=Briefing.Status.POSTPONED, notes="延期（新しい開催日は未定）")

    mark_briefing_postponed(briefing, new_date=D(2017, 4, 1), note="日程確定")

    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.date) == ("planned", D(2017, 4, 1))
    assert briefing.notes == (
        "延期（新しい開催日は未定）\n延期（当初の開催日：2017年2月15日）：日程確定"
    )


@pytest.mark.parametrize(
    ("status", "new_date", "message"),
    [
        pytest.param(
            "postponed",
            None,
            "既に延期になっています。新しい開催日を入力してください。",
            id="postponed_again_without_date",
        ),
        pytest.param(
            "planned",
            SESSION_DAY,
            "延期後の開催日は、当初の開催日（2017年2月15日）より後の日にしてください。",
            id="same_date",
        ),
        pytest.param(
            "planned",
            D(2017, 2, 1),
            "延期後の開催日は、当初の開催日（2017年2月15日）より後の日にしてください。",
            id="earlier_date",
        ),
        pytest.param("cancelled", None, "中止のため、延期にすることはできません。", id="cancelled"),
        pytest.param(
            "held", D(2017, 3, 1), "開催済のため、延期にすることはできません。", id="held"
        ),
    ],
)
def test_mark_postponed_refused_changes_nothing(status, new_date, message):
    briefing = BriefingFactory(status=status, date=SESSION_DAY)
    before = state(briefing)

    with pytest.raises(BriefingTransitionError) as excinfo:
        mark_briefing_postponed(briefing, new_date=new_date, note="講師の都合により")

    assert str(excinfo.value) == message
    assert state(briefing) == before


# --- duplicate_briefing -------------------------------------------------------------


def test_duplicate_copies_what_the_session_is_and_where():
    host = OrganizationFactory(name="九州総合通信局")
    thread = ThreadFactory()
    source = BriefingFactory(
        status=Briefing.Status.HELD,
        kind=Briefing.Kind.SEMINAR,
        scope=Briefing.Scope.PREFECTURE,
        title="地域ICT利活用セミナー（第1回）",
        date=SESSION_DAY,
        date_text="2月15日",
        prefecture=prefecture("43"),
        location_text="熊本市国際交流会館",
        host=host,
        thread=thread,
        notes="※須藤構成員説明",
        audience_size=80,
        minutes="議事概要",
        materials_url="https://example.jp/",
        venue_name="熊本市国際交流会館 ホール",
        venue_address="熊本市中央区花畑町4-18",
        start_time=datetime.time(13, 30),
        end_time=datetime.time(16),
        audience="県内の市町村職員",
        application_method=Briefing.ApplicationMethod.WEB,
        application_url="https://example.jp/apply/1",
        application_deadline=D(2017, 2, 10),
        contact="九州総合通信局",
    )
    chair, member = MemberFactory(), MemberFactory()
    source.members.set([chair, member])
    source.attending_organizations.set([OrganizationFactory()])
    BriefingMaterial.objects.create(briefing=source, title="説明資料", url="https://a.jp/")
    source_before = state(source)

    copy = duplicate_briefing(source, date=D(2017, 3, 15))

    copy = Briefing.objects.get(pk=copy.pk)
    assert copy.pk != source.pk
    assert (copy.date, copy.status) == (D(2017, 3, 15), Briefing.Status.PLANNED)
    assert (copy.title, copy.kind, copy.scope) == (
        "地域ICT利活用セミナー（第1回）",
        "seminar",
        "prefecture",
    )
    assert (copy.prefecture, copy.block, copy.location_text) == (
        prefecture("43"),
        prefecture("43").block,
        "熊本市国際交流会館",
    )
    assert (copy.host, copy.thread, copy.notes) == (host, thread, "※須藤構成員説明")
    assert set(copy.members.all()) == {chair, member}
    # What belonged to the first session stays with it.
    assert (copy.date_text, copy.audience_size, copy.minutes) == ("", None, "")
    assert (copy.cancellation_reason, copy.materials_url) == ("", "")
    assert (copy.application_url, copy.application_deadline) == ("", None)
    assert (copy.venue_name, copy.venue_address, copy.audience, copy.contact) == (
        "熊本市国際交流会館 ホール",
        "熊本市中央区花畑町4-18",
        "県内の市町村職員",
        "九州総合通信局",
    )
    assert (copy.start_time, copy.end_time, copy.application_method) == (
        datetime.time(13, 30),
        datetime.time(16),
        "web",
    )
    assert list(copy.attending_organizations.all()) == []
    assert list(copy.materials.all()) == []
    source_after = state(source)
    source_after["briefings"] -= 1
    assert source_after == source_before


def test_duplicate_deleted_briefing_refused():
    source = BriefingFactory()
    source.soft_delete()
    count = Briefing.all_objects.count()

    with pytest.raises(BriefingTransitionError):
        duplicate_briefing(source, date=D(2017, 3, 15))

    assert Briefing.all_objects.count() == count


# --- the audit trail --------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "status", "reason"),
    [
        pytest.param(
            lambda b, by: mark_briefing_held(b, attendees=9, today=SESSION_DAY, by=by),
            "held",
            "開催済にする",
            id="held",
        ),
        pytest.param(
            lambda b, by: mark_briefing_cancelled(b, reason="台風", by=by),
            "cancelled",
            "中止にする",
            id="cancelled",
        ),
        pytest.param(
            lambda b, by: mark_briefing_postponed(b, by=by),
            "postponed",
            "延期にする",
            id="postponed",
        ),
        pytest.param(
            lambda b, by: duplicate_briefing(b, date=D(2017, 5, 1), by=by),
            "planned",
            "複製する",
            id="duplicated",
        ),
    ],
)
def test_each_step_writes_history_with_the_acting_user(django_user_model, step, status, reason):
    user = staff_user(BUREAU, "kyushu", username="kyushu-staff")
    briefing = planned()

    result = step(briefing, user)

    record = result.history.first()
    assert (record.history_user, record.status, record.history_change_reason) == (
        user,
        status,
        reason,
    )


def test_mark_held_history_of_materials_names_the_user(django_user_model):
    user = staff_user(BUREAU, "kyushu", username="kyushu-staff")
    briefing = planned()

    mark_briefing_held(
        briefing, attendees=9, materials=[("説明資料", "https://a.jp/")], today=SESSION_DAY, by=user
    )

    record = BriefingMaterial.history.get()
    assert (record.history_type, record.history_user, record.title) == ("+", user, "説明資料")
