"""mark_briefing_held (briefings.services.lifecycle): attendance, minutes,
organizations, numbered handouts, and what it refuses."""

import datetime

import pytest

from briefings.models import Briefing, BriefingMaterial
from briefings.services import BriefingTransitionError, mark_briefing_held
from core.access import EDITOR
from tests.briefings.lifecycle_helpers import SESSION_DAY, pdf, planned, state
from tests.factories import BriefingFactory, OrganizationFactory, staff_user

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


# --- mark_briefing_held -------------------------------------------------------


def test_mark_held_records_attendance_minutes_and_organizations(django_user_model):
    briefing = planned()
    city, university = OrganizationFactory(name="熊本市"), OrganizationFactory(name="熊本大学")
    editor = staff_user(EDITOR, username="editor")

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
