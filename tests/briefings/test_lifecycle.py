"""The briefing lifecycle services (briefings.services.lifecycle), the overdue
rule around midnight in Japan, and what the public page shows of a held or
cancelled session."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from briefings.models import Briefing, BriefingMaterial
from briefings.services import (
    BriefingTransitionError,
    duplicate_briefing,
    lifecycle,
    mark_briefing_cancelled,
    mark_briefing_held,
    mark_briefing_postponed,
)
from tests.factories import (
    BriefingFactory,
    MemberFactory,
    OrganizationFactory,
    ThreadFactory,
    prefecture,
)

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
SESSION_DAY = D(2017, 2, 15)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def planned(**kwargs) -> Briefing:
    kwargs.setdefault("date", SESSION_DAY)
    kwargs.setdefault("status", Briefing.Status.PLANNED)
    return BriefingFactory(**kwargs)


def state(briefing: Briefing) -> dict:
    """Everything a step could change, read back from the database."""
    return {
        "row": Briefing.all_objects.filter(pk=briefing.pk).values().get(),
        "organizations": sorted(
            briefing.attending_organizations.through.objects.filter(
                briefing_id=briefing.pk
            ).values_list("organization_id", flat=True)
        ),
        "members": sorted(briefing.members.values_list("pk", flat=True)),
        "materials": list(
            BriefingMaterial.objects.filter(briefing_id=briefing.pk).values_list(
                "order", "title", "file", "url"
            )
        ),
        "history": briefing.history.count(),
        "briefings": Briefing.all_objects.count(),
    }


def pdf(name: str = "shiryo.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n", content_type="application/pdf")


# --- mark_briefing_held -------------------------------------------------------


def test_mark_held_records_attendance_minutes_and_organizations(django_user_model):
    briefing = planned()
    city, university = OrganizationFactory(name="熊本市"), OrganizationFactory(name="熊本大学")
    editor = django_user_model.objects.create_user(username="editor")

    mark_briefing_held(
        briefing,
        attendees=42,
        organizations=[city, university],
        minutes="  地域IoT実装計画を説明した。\n質疑応答。  ",
        today=SESSION_DAY,
        by=editor,
    )

    briefing = Briefing.objects.get(pk=briefing.pk)
    assert briefing.status == Briefing.Status.HELD
    assert briefing.audience_size == 42
    assert briefing.minutes == "地域IoT実装計画を説明した。\n質疑応答。"
    assert set(briefing.attending_organizations.all()) == {city, university}


def test_mark_held_numbers_materials_in_the_order_given():
    briefing = planned()

    mark_briefing_held(
        briefing,
        attendees=10,
        materials=[
            ("地域IoT実装推進ロードマップ", "https://www.soumu.go.jp/roadmap.pdf"),
            ("説明資料", pdf("setsumei.pdf")),
            ("参考資料", "http://example.jp/sanko.html"),
        ],
        today=SESSION_DAY,
    )

    materials = list(briefing.materials.order_by("order"))
    assert [(m.order, m.title) for m in materials] == [
        (1, "地域IoT実装推進ロードマップ"),
        (2, "説明資料"),
        (3, "参考資料"),
    ]
    assert materials[0].url == "https://www.soumu.go.jp/roadmap.pdf"
    assert materials[0].file.name == ""
    assert materials[1].url == ""
    assert materials[1].file.name.startswith("briefings/materials/")
    assert materials[1].file.name.endswith(".pdf")
    assert materials[1].file.read() == b"%PDF-1.4\n"
    assert materials[2].href == "http://example.jp/sanko.html"


def test_mark_held_numbers_new_materials_after_existing_ones():
    briefing = planned()
    BriefingMaterial.objects.create(briefing=briefing, order=1, title="次第", url="https://a.jp/")
    BriefingMaterial.objects.create(briefing=briefing, order=2, title="名簿", url="https://b.jp/")

    mark_briefing_held(
        briefing, attendees=5, materials=[("説明資料", "https://c.jp/")], today=SESSION_DAY
    )

    assert list(briefing.materials.values_list("order", "title")) == [
        (1, "次第"),
        (2, "名簿"),
        (3, "説明資料"),
    ]


def test_mark_held_from_postponed_is_allowed():
    briefing = planned(status=Briefing.Status.POSTPONED)

    mark_briefing_held(briefing, attendees=3, today=SESSION_DAY)

    assert Briefing.objects.get(pk=briefing.pk).status == Briefing.Status.HELD


def test_mark_held_on_the_session_day_is_allowed():
    briefing = planned(date=SESSION_DAY)

    mark_briefing_held(briefing, attendees=1, today=SESSION_DAY)

    assert Briefing.objects.get(pk=briefing.pk).status == Briefing.Status.HELD


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param(
            {"attendees": None}, "開催済にするには参加者数を入力してください。", id="no_attendees"
        ),
        pytest.param(
            {"attendees": 0},
            "参加者数は1人以上にしてください。参加者がいなかった場合は中止にしてください。",
            id="zero_attendees",
        ),
        pytest.param(
            {"attendees": 10, "today": SESSION_DAY - datetime.timedelta(days=1)},
            "開催日（2017年2月15日）が今日より後のため、開催済にできません。",
            id="future_date",
        ),
        pytest.param(
            {"attendees": 10, "materials": [("", "https://a.jp/")]},
            "資料1の資料名を入力してください。",
            id="material_without_title",
        ),
        pytest.param(
            {"attendees": 10, "materials": [("次第", "https://a.jp/"), ("説明資料", "資料.pdf")]},
            "資料2には、ファイルか正しいURL（http:// または https://）を指定してください。",
            id="material_bad_url",
        ),
        pytest.param(
            {"attendees": 10, "materials": [("説明資料", "javascript:alert(1)")]},
            "資料1には、ファイルか正しいURL（http:// または https://）を指定してください。",
            id="material_script_url",
        ),
    ],
)
def test_mark_held_refused_changes_nothing(kwargs, message):
    briefing = planned()
    briefing.attending_organizations.set([OrganizationFactory()])
    kwargs.setdefault("today", SESSION_DAY)
    before = state(briefing)

    with pytest.raises(BriefingTransitionError) as excinfo:
        mark_briefing_held(
            briefing, organizations=[OrganizationFactory()], minutes="議事概要", **kwargs
        )

    assert str(excinfo.value) == message
    assert state(briefing) == before
    assert briefing.status == Briefing.Status.PLANNED


@pytest.mark.parametrize(
    ("status", "message"),
    [
        pytest.param("held", "開催済のため、開催済にすることはできません。", id="held"),
        pytest.param("cancelled", "中止のため、開催済にすることはできません。", id="cancelled"),
    ],
)
def test_mark_held_from_a_final_status_refused(status, message):
    briefing = BriefingFactory(status=status, date=SESSION_DAY)
    before = state(briefing)

    with pytest.raises(BriefingTransitionError) as excinfo:
        mark_briefing_held(briefing, attendees=10, today=SESSION_DAY)

    assert str(excinfo.value) == message
    assert state(briefing) == before


def test_mark_held_deleted_briefing_refused():
    briefing = planned()
    briefing.soft_delete()
    before = state(briefing)

    with pytest.raises(BriefingTransitionError) as excinfo:
        mark_briefing_held(briefing, attendees=10, today=SESSION_DAY)

    assert str(excinfo.value) == "削除された説明会等は変更できません。"
    assert state(briefing) == before


def test_mark_held_default_today_is_japan_today(time_machine):
    # 2017-02-14 15:00 UTC is already 2017-02-15 00:00 in Japan.
    time_machine.move_to(datetime.datetime(2017, 2, 14, 15, tzinfo=UTC), tick=False)
    briefing = planned(date=SESSION_DAY)

    mark_briefing_held(briefing, attendees=1)

    assert Briefing.objects.get(pk=briefing.pk).status == Briefing.Status.HELD


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
    user = django_user_model.objects.create_user(username="kyushu-staff")
    briefing = planned()

    result = step(briefing, user)

    record = result.history.first()
    assert (record.history_user, record.status, record.history_change_reason) == (
        user,
        status,
        reason,
    )


def test_mark_held_history_of_materials_names_the_user(django_user_model):
    user = django_user_model.objects.create_user(username="kyushu-staff")
    briefing = planned()

    mark_briefing_held(
        briefing, attendees=9, materials=[("説明資料", "https://a.jp/")], today=SESSION_DAY, by=user
    )

    record = BriefingMaterial.history.get()
    assert (record.history_type, record.history_user, record.title) == ("+", user, "説明資料")


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


# --- the public page of a held or cancelled session -----------------------------------


def test_detail_shows_the_record_of_a_held_session(client):
    briefing = planned(title="九州地域ICT利活用セミナー")
    city = OrganizationFactory(name="熊本市", name_en="Kumamoto City")
    mark_briefing_held(
        briefing,
        attendees=42,
        organizations=[city],
        minutes="ロードマップを説明した。\n\n質疑応答を行った。",
        materials=[("ロードマップ", "https://www.soumu.go.jp/roadmap.pdf"), ("説明資料", pdf())],
        today=SESSION_DAY,
    )
    second = briefing.materials.get(order=2)

    html = client.get(briefing.get_absolute_url()).content.decode()

    assert "<dt>参加者数</dt><dd>42</dd>" in html
    assert f'<dt>参加団体</dt><dd><a href="/organizations/{city.pk}/">熊本市</a></dd>' in html
    assert '<h2 id="minutes-heading">議事概要</h2>' in html
    assert "<p>ロードマップを説明した。</p>\n\n<p>質疑応答を行った。</p>" in html
    assert (
        '<li><a href="https://www.soumu.go.jp/roadmap.pdf">資料1 ロードマップ</a></li>\n'
        f'  <li><a href="/briefings/materials/{second.pk}/">資料2 説明資料</a></li>'
    ) in html
    assert "中止の理由" not in html


def test_detail_shows_why_a_session_was_cancelled(client):
    briefing = planned()
    mark_briefing_cancelled(briefing, reason="台風の接近により中止")

    html = client.get(briefing.get_absolute_url()).content.decode()

    assert "<dt>中止の理由</dt><dd>台風の接近により中止</dd>" in html
    assert "議事概要" not in html
    assert "配布資料" not in html


def test_detail_of_a_planned_session_has_no_record(client):
    briefing = planned()

    html = client.get(briefing.get_absolute_url()).content.decode()

    assert "<dt>参加団体</dt>" not in html
    assert "議事概要" not in html
    assert "配布資料" not in html
    assert "中止の理由" not in html
