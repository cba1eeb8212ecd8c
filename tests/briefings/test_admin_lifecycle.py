"""The briefing lifecycle in the admin: actions on the list, buttons and
intermediate forms on the change page, the change form's checks, the
handouts inline and the overdue flag (要更新), for an editor and for a
bureau on its own block and on another's."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from briefings.models import Briefing, BriefingMaterial
from core.access import BUREAU, EDITOR, VIEWER
from networks.services import assign_staff_role
from tests.admin_urls import row_versions
from tests.factories import BriefingFactory, MemberFactory, OrganizationFactory, block, prefecture

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
SESSION_DAY = D(2017, 2, 15)
CHANGELIST = reverse("admin:briefings_briefing_changelist")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def staff(django_user_model, role, block_code=None):
    user = django_user_model.objects.create_user(username=f"{role}-{block_code or 'all'}")
    assign_staff_role(user, role=role, block=block(block_code) if block_code else None)
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def editor(django_user_model):
    return staff(django_user_model, EDITOR)


@pytest.fixture
def kyushu(django_user_model):
    return staff(django_user_model, BUREAU, "kyushu")


@pytest.fixture
def viewer(django_user_model):
    return staff(django_user_model, VIEWER)


def planned(code: str = "43", **kwargs) -> Briefing:
    """A planned session in prefecture `code` (43 熊本: Kyushu; 13 東京: Kanto)."""
    kwargs.setdefault("date", SESSION_DAY)
    kwargs.setdefault("status", Briefing.Status.PLANNED)
    return BriefingFactory(prefecture=prefecture(code), **kwargs)


def step_url(briefing: Briefing, step: str) -> str:
    return reverse(f"admin:briefings_briefing_{step}", args=[briefing.pk])


def change_url(briefing: Briefing) -> str:
    return reverse("admin:briefings_briefing_change", args=[briefing.pk])


def state(briefing: Briefing) -> dict:
    """Everything a step could change, read back from the database."""
    return {
        "row": Briefing.all_objects.filter(pk=briefing.pk).values().get(),
        "organizations": sorted(
            Briefing.attending_organizations.through.objects.filter(
                briefing_id=briefing.pk
            ).values_list("organization_id", flat=True)
        ),
        "materials": list(
            BriefingMaterial.objects.filter(briefing_id=briefing.pk).values_list("order", "title")
        ),
        "history": briefing.history.count(),
        "briefings": Briefing.all_objects.count(),
    }


def post_step(client, briefing: Briefing, step: str, data: dict):
    """Post a step's form as the page opened it: with the row's version
    (core.admin.locking), which a form without it is refused for."""
    page = client.get(step_url(briefing, step))
    assert page.status_code == 200
    return client.post(
        step_url(briefing, step),
        {"step-versions": page.context["form"]["versions"].value(), **data},
    )


def texts(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def held_data(**overrides) -> dict:
    data = {
        "step-attendees": "42",
        "step-minutes": "地域IoT実装計画を説明した。",
        "materials-TOTAL_FORMS": "3",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


# --- 開催済にする on the change page --------------------------------------------------


def test_held_form_opens_with_multipart_and_the_handout_rows(client, editor):
    briefing = planned()
    client.force_login(editor)

    response = client.get(step_url(briefing, "held"))

    html = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "admin/briefings/briefing/lifecycle_step.html"
    assert '<form method="post" enctype="multipart/form-data" novalidate>' in html
    assert 'name="materials-2-file"' in html
    assert 'name="step-organizations"' in html
    assert 'data-field-name="attending_organizations"' in html
    assert '<input type="submit" name="apply" value="開催済にする" class="default">' in html


@pytest.mark.parametrize("user_fixture", ["editor", "kyushu"])
def test_held_form_records_the_session(client, request, user_fixture):
    user = request.getfixturevalue(user_fixture)
    briefing = planned("43")
    city, university = OrganizationFactory(name="熊本市"), OrganizationFactory(name="熊本大学")
    client.force_login(user)

    response = post_step(
        client,
        briefing,
        "held",
        held_data(
            **{
                "step-organizations": [city.pk, university.pk],
                "materials-0-title": "地域IoT実装推進ロードマップ",
                "materials-0-url": "www.soumu.go.jp/roadmap.pdf",
                "materials-1-title": "説明資料",
                "materials-1-file": SimpleUploadedFile(
                    "setsumei.pdf", b"%PDF-1.4\n", content_type="application/pdf"
                ),
            }
        ),
    )

    assert response.status_code == 302
    assert response.url == change_url(briefing)
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.audience_size) == ("held", 42)
    assert briefing.minutes == "地域IoT実装計画を説明した。"
    assert set(briefing.attending_organizations.all()) == {city, university}
    materials = list(briefing.materials.all())
    assert [(m.order, m.title) for m in materials] == [
        (1, "地域IoT実装推進ロードマップ"),
        (2, "説明資料"),
    ]
    assert materials[0].url == "https://www.soumu.go.jp/roadmap.pdf"
    assert materials[1].file.read() == b"%PDF-1.4\n"
    assert briefing.history.first().history_user == user
    assert materials[1].history.first().history_user == user
    assert texts(response) == [
        f"開催済にしました：「{briefing.title}」（2017年2月15日）",
    ]


def test_held_form_without_attendees_shows_errors_and_changes_nothing(client, editor):
    briefing = planned()
    client.force_login(editor)
    before = state(briefing)

    response = post_step(
        client,
        briefing,
        "held",
        held_data(**{"step-attendees": "", "materials-0-title": "説明資料"}),
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"attendees": ["このフィールドは必須です。"]}
    assert response.context["form"].materials.errors[0] == {
        "__all__": ["ファイルかURLを指定してください。"]
    }
    assert state(briefing) == before


def test_held_form_future_session_refused_with_a_message(client, editor):
    future = timezone.localdate() + datetime.timedelta(days=7)
    briefing = planned(date=future)
    client.force_login(editor)
    before = state(briefing)

    response = post_step(client, briefing, "held", held_data())

    assert response.status_code == 200
    assert texts(response) == [
        f"「{briefing.title}」（{future.year}年{future.month}月{future.day}日）："
        f"開催日（{future.year}年{future.month}月{future.day}日）が今日より後のため、開催済にできません。",
        "どの説明会等も変更していません。",
    ]
    assert state(briefing) == before


def test_held_view_of_a_cancelled_briefing_redirects_with_a_message(client, editor):
    briefing = BriefingFactory(status=Briefing.Status.CANCELLED)
    client.force_login(editor)
    before = state(briefing)

    # Refused before the form is read: no version needed.
    response = client.post(step_url(briefing, "held"), held_data())

    assert response.status_code == 302
    assert response.url == change_url(briefing)
    assert texts(response) == ["中止のため、開催済にすることはできません。"]
    assert state(briefing) == before


@pytest.mark.parametrize("step", ["held", "cancel", "postpone", "duplicate"])
def test_step_on_another_blocks_briefing_is_404_and_changes_nothing(client, kyushu, step):
    tokyo = planned("13")
    client.force_login(kyushu)
    before = state(tokyo)

    get = client.get(step_url(tokyo, step))
    post = client.post(
        step_url(tokyo, step),
        held_data(
            **{"step-reason": "台風", "step-date": "2017-03-01", "step-new_date": "2017-03-01"}
        ),
    )

    assert (get.status_code, post.status_code) == (404, 404)
    assert state(tokyo) == before


@pytest.mark.parametrize("step", ["held", "cancel", "postpone", "duplicate"])
def test_step_as_viewer_is_403_and_changes_nothing(client, viewer, step):
    briefing = planned()
    client.force_login(viewer)
    before = state(briefing)

    get = client.get(step_url(briefing, step))
    post = client.post(
        step_url(briefing, step),
        held_data(**{"step-reason": "台風", "step-date": "2017-03-01"}),
    )

    assert (get.status_code, post.status_code) == (403, 403)
    assert state(briefing) == before


# --- the buttons on the change page -----------------------------------------------------


def lifecycle_links(response) -> list[tuple[str, str]]:
    return re.findall(
        r'<a href="([^"]+)" class="lifecycle-link">([^<]+)</a>', response.content.decode()
    )


def test_change_page_of_a_planned_briefing_offers_every_step(client, kyushu):
    briefing = planned()
    client.force_login(kyushu)

    response = client.get(change_url(briefing))

    assert lifecycle_links(response) == [
        (step_url(briefing, "held"), "開催済にする"),
        (step_url(briefing, "cancel"), "中止にする"),
        (step_url(briefing, "postpone"), "延期にする"),
        (step_url(briefing, "duplicate"), "複製する"),
    ]


def test_change_page_of_a_held_briefing_offers_duplicate_only(client, editor):
    briefing = BriefingFactory(status=Briefing.Status.HELD)
    client.force_login(editor)

    response = client.get(change_url(briefing))

    assert lifecycle_links(response) == [(step_url(briefing, "duplicate"), "複製する")]


def test_change_page_for_a_viewer_offers_no_step(client, viewer):
    briefing = planned()
    client.force_login(viewer)

    response = client.get(change_url(briefing))

    assert response.status_code == 200
    assert lifecycle_links(response) == []


# --- 中止・延期・複製 on the change page ---------------------------------------------------


def test_cancel_view_records_the_reason(client, kyushu):
    briefing = planned()
    client.force_login(kyushu)

    response = post_step(client, briefing, "cancel", {"step-reason": "台風の接近により中止"})

    assert response.status_code == 302
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.cancellation_reason) == ("cancelled", "台風の接近により中止")
    assert briefing.history.first().history_user == kyushu


def test_cancel_view_without_reason_changes_nothing(client, kyushu):
    briefing = planned()
    client.force_login(kyushu)
    before = state(briefing)

    response = post_step(client, briefing, "cancel", {"step-reason": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors == {"reason": ["このフィールドは必須です。"]}
    assert state(briefing) == before


def test_postpone_view_with_new_date_moves_the_session(client, editor):
    briefing = planned()
    client.force_login(editor)

    response = post_step(
        client, briefing, "postpone", {"step-new_date": "2017-03-10", "step-note": "講師の都合"}
    )

    assert response.status_code == 302
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.date) == ("planned", D(2017, 3, 10))
    assert briefing.notes.endswith("延期（当初の開催日：2017年2月15日）：講師の都合")
    assert briefing.history.first().history_user == editor


def test_duplicate_view_opens_the_copy(client, kyushu):
    source = planned(title="地域ICT利活用セミナー", status=Briefing.Status.HELD, audience_size=30)
    source.members.set([MemberFactory()])
    client.force_login(kyushu)

    response = post_step(client, source, "duplicate", {"step-date": "2017-04-20"})

    copy = Briefing.objects.exclude(pk=source.pk).get()
    assert response.status_code == 302
    assert response.url == change_url(copy)
    assert (copy.title, copy.date, copy.status, copy.audience_size) == (
        "地域ICT利活用セミナー",
        D(2017, 4, 20),
        "planned",
        None,
    )
    assert copy.block == block("kyushu")
    assert list(copy.members.all()) == list(source.members.all())
    assert copy.history.first().history_user == kyushu
    assert texts(response) == [
        "複製しました：「地域ICT利活用セミナー」（2017年4月20日）。開催日などを確認してください。"
    ]


# --- actions on the list ----------------------------------------------------------------


def action(client, name: str, briefings, **data):
    """Post an action on the list; with `apply`, as its form was opened in
    the round before, with the rows' versions (core.admin.locking)."""
    selected = {"action": name, "_selected_action": [b.pk for b in briefings]}
    if "apply" in data:
        shown = client.post(CHANGELIST, selected)
        if shown.context is not None and "step" in shown.context:  # the step's form
            data = {"step-versions": shown.context["form"]["versions"].value(), **data}
    return client.post(CHANGELIST, {**selected, **data})


def test_cancel_action_asks_for_the_reason_first(client, editor):
    first, second = planned(), planned("13")
    client.force_login(editor)
    before = [state(first), state(second)]

    response = action(client, "mark_cancelled", [first, second])

    html = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "admin/briefings/briefing/lifecycle_step.html"
    assert f'<input type="hidden" name="_selected_action" value="{first.pk}">' in html
    assert '<input type="hidden" name="action" value="mark_cancelled">' in html
    assert 'name="step-reason"' in html
    assert [state(first), state(second)] == before


@pytest.mark.parametrize("user_fixture", ["editor", "kyushu"])
def test_cancel_action_cancels_every_selected_row(client, request, user_fixture):
    user = request.getfixturevalue(user_fixture)
    first, second = planned("43"), planned("40", status=Briefing.Status.POSTPONED)
    client.force_login(user)

    response = action(
        client, "mark_cancelled", [first, second], apply="1", **{"step-reason": "台風の接近"}
    )

    assert response.status_code == 302
    for briefing in (first, second):
        briefing = Briefing.objects.get(pk=briefing.pk)
        assert (briefing.status, briefing.cancellation_reason) == ("cancelled", "台風の接近")
        assert briefing.history.first().history_user == user


def test_cancel_action_with_one_held_row_changes_no_row(client, editor):
    ok = planned(title="予定の説明会")
    held = BriefingFactory(title="開催済の説明会", status=Briefing.Status.HELD, date=SESSION_DAY)
    client.force_login(editor)
    before = [state(ok), state(held)]

    response = action(client, "mark_cancelled", [ok, held], apply="1", **{"step-reason": "台風"})

    assert response.status_code == 302
    assert [state(ok), state(held)] == before
    assert texts(response) == [
        "「開催済の説明会」（2017年2月15日）：開催済のため、中止にすることはできません。",
        "どの説明会等も変更していません。",
    ]


def test_cancel_action_by_bureau_on_another_blocks_row_changes_nothing(client, kyushu):
    tokyo = planned("13")
    client.force_login(kyushu)
    before = state(tokyo)

    response = action(client, "mark_cancelled", [tokyo], apply="1", **{"step-reason": "台風"})

    assert response.status_code == 302
    assert state(tokyo) == before


def test_held_action_on_one_row_opens_its_form(client, kyushu):
    briefing = planned()
    client.force_login(kyushu)

    response = action(client, "mark_held", [briefing])

    assert response.status_code == 302
    assert response.url == step_url(briefing, "held")


def test_held_action_on_two_rows_refused(client, editor):
    first, second = planned(), planned()
    client.force_login(editor)
    before = [state(first), state(second)]

    response = action(client, "mark_held", [first, second])

    assert response.status_code == 302
    assert texts(response) == [
        "「開催済にする」は1件ずつ行います。説明会等を1件だけ選んでください。"
    ]
    assert [state(first), state(second)] == before


def test_postpone_action_without_date_postpones_every_row(client, editor):
    first, second = planned(), planned("13")
    client.force_login(editor)

    response = action(client, "mark_postponed", [first, second], apply="1")

    assert response.status_code == 302
    assert list(
        Briefing.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", "date")
    ) == [("postponed", SESSION_DAY), ("postponed", SESSION_DAY)]


def test_duplicate_action_copies_every_row(client, editor):
    first, second = planned(title="第1回"), planned("13", title="第2回")
    client.force_login(editor)

    response = action(
        client, "duplicate", [first, second], apply="1", **{"step-date": "2017-06-01"}
    )

    assert response.status_code == 302
    copies = Briefing.objects.filter(date=D(2017, 6, 1)).order_by("title")
    assert [(c.title, c.status) for c in copies] == [("第1回", "planned"), ("第2回", "planned")]


def test_actions_hidden_from_a_viewer(client, viewer):
    briefing = planned()
    client.force_login(viewer)
    before = state(briefing)

    response = client.get(CHANGELIST)
    posted = action(client, "mark_cancelled", [briefing], apply="1", **{"step-reason": "台風"})

    assert "mark_cancelled" not in response.content.decode()
    assert [t for t in texts(posted) if "中止にしました" in t] == []
    assert state(briefing) == before


# --- the change form's checks -------------------------------------------------------------


def change_form_data(client, briefing: Briefing, **overrides) -> dict:
    """The change form's fields as the database holds them, with the
    versions the page carries (core.admin.locking), then `overrides`."""
    data = {
        "title": briefing.title,
        "status": briefing.status,
        "scope": briefing.scope,
        "kind": briefing.kind,
        "date": briefing.date.isoformat(),
        "date_text": briefing.date_text,
        "prefecture": briefing.prefecture_id or "",
        "block": briefing.block_id or "",
        "location_text": briefing.location_text,
        "host": "",
        "thread": "",
        "audience_size": "" if briefing.audience_size is None else briefing.audience_size,
        "minutes": briefing.minutes,
        "cancellation_reason": briefing.cancellation_reason,
        "notes": briefing.notes,
        "materials_url": briefing.materials_url,
        "materials-TOTAL_FORMS": "0",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
        **row_versions(client.get(change_url(briefing))),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        pytest.param(
            {"status": "held"},
            {"audience_size": ["開催済にするには参加者数を入力してください。"]},
            id="held_without_attendees",
        ),
        pytest.param(
            {"status": "held", "audience_size": "0"},
            {
                "audience_size": [
                    "参加者数は1人以上にしてください。参加者がいなかった場合は中止にしてください。"
                ]
            },
            id="held_with_zero",
        ),
        pytest.param(
            {"status": "cancelled"},
            {"cancellation_reason": ["中止にするには中止の理由を入力してください。"]},
            id="cancelled_without_reason",
        ),
    ],
)
def test_change_form_status_rules_change_nothing(client, editor, overrides, errors):
    briefing = planned()
    client.force_login(editor)
    before = state(briefing)

    response = client.post(change_url(briefing), change_form_data(client, briefing, **overrides))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == errors
    assert state(briefing) == before


def test_change_form_held_in_the_future_refused(client, editor):
    future = timezone.localdate() + datetime.timedelta(days=3)
    briefing = planned(date=future)
    client.force_login(editor)
    before = state(briefing)

    response = client.post(
        change_url(briefing), change_form_data(client, briefing, status="held", audience_size="10")
    )

    assert response.context["adminform"].form.errors == {
        "date": [
            f"開催日（{future.year}年{future.month}月{future.day}日）が今日より後のため、開催済にできません。"
        ]
    }
    assert state(briefing) == before


def test_change_form_already_held_without_count_still_editable(client, editor):
    """The 2017 record's sessions are held without an attendee count."""
    briefing = BriefingFactory(status=Briefing.Status.HELD, audience_size=None)
    client.force_login(editor)

    response = client.post(
        change_url(briefing), change_form_data(client, briefing, notes="※太田総務大臣補佐官説明")
    )

    assert response.status_code == 302
    assert Briefing.objects.get(pk=briefing.pk).notes == "※太田総務大臣補佐官説明"


def test_change_form_newly_held_with_count_saves(client, kyushu):
    briefing = planned()
    client.force_login(kyushu)

    response = client.post(
        change_url(briefing), change_form_data(client, briefing, status="held", audience_size="25")
    )

    assert response.status_code == 302
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.audience_size) == ("held", 25)
    assert briefing.history.first().history_user == kyushu


# --- the handouts inline ------------------------------------------------------------------


def test_materials_inline_numbers_blank_rows_after_the_last(client, editor):
    briefing = BriefingFactory()
    existing = BriefingMaterial.objects.create(
        briefing=briefing, order=1, title="次第", url="https://a.jp/"
    )
    client.force_login(editor)

    response = client.post(
        change_url(briefing),
        change_form_data(
            client,
            briefing,
            **{
                "materials-TOTAL_FORMS": "3",
                "materials-INITIAL_FORMS": "1",
                "materials-0-id": existing.pk,
                "materials-0-briefing": briefing.pk,
                "materials-0-order": "1",
                "materials-0-title": "次第",
                "materials-0-url": "https://a.jp/",
                "materials-1-briefing": briefing.pk,
                "materials-1-title": "説明資料",
                "materials-1-url": "https://b.jp/",
                "materials-2-briefing": briefing.pk,
                "materials-2-title": "参考資料",
                "materials-2-file": SimpleUploadedFile("sanko.pdf", b"%PDF-1.4\n"),
            },
        ),
    )

    assert response.status_code == 302
    assert list(briefing.materials.values_list("order", "title")) == [
        (1, "次第"),
        (2, "説明資料"),
        (3, "参考資料"),
    ]


def test_materials_inline_file_and_url_together_refused(client, editor):
    briefing = BriefingFactory()
    client.force_login(editor)
    before = state(briefing)

    response = client.post(
        change_url(briefing),
        change_form_data(
            client,
            briefing,
            **{
                "materials-TOTAL_FORMS": "1",
                "materials-0-briefing": briefing.pk,
                "materials-0-title": "説明資料",
                "materials-0-url": "https://b.jp/",
                "materials-0-file": SimpleUploadedFile("setsumei.pdf", b"%PDF-1.4\n"),
            },
        ),
    )

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.errors == [{"url": ["ファイルとURLのどちらか一方だけを指定してください。"]}]
    assert state(briefing) == before


def test_attending_organizations_autocomplete_answers_a_bureau(client, kyushu):
    OrganizationFactory(name="熊本市役所")
    client.force_login(kyushu)

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "熊本",
            "app_label": "briefings",
            "model_name": "briefing",
            "field_name": "attending_organizations",
        },
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["熊本市役所"]


# --- overdue (要更新) in the list --------------------------------------------------------


def stand_at(time_machine, instant: datetime.datetime) -> None:
    time_machine.move_to(instant, tick=False)


JUST_BEFORE_MIDNIGHT = datetime.datetime(2017, 2, 15, 14, 59, 59, tzinfo=UTC)  # 23:59:59 JST
MIDNIGHT = datetime.datetime(2017, 2, 15, 15, 0, 0, tzinfo=UTC)  # 2/16 00:00:00 JST


def overdue_choice(response) -> str:
    spec = next(s for s in response.context["cl"].filter_specs if s.parameter_name == "overdue")
    return [c["display"] for c in spec.choices(response.context["cl"])][1]


@pytest.mark.parametrize(
    ("instant", "count"),
    [pytest.param(JUST_BEFORE_MIDNIGHT, 0, id="D_23:59:59"), pytest.param(MIDNIGHT, 1, id="D+1")],
)
def test_overdue_filter_around_midnight_in_japan(client, editor, time_machine, instant, count):
    stand_at(time_machine, instant)
    briefing = planned(date=SESSION_DAY)
    client.force_login(editor)

    response = client.get(CHANGELIST, {"overdue": "yes"})

    assert list(response.context["cl"].result_list) == ([briefing] if count else [])
    assert overdue_choice(response) == f"要更新（{count}件）"


def test_overdue_flag_column_marks_overdue_rows_only(client, editor, time_machine):
    stand_at(time_machine, MIDNIGHT)
    overdue = planned(title="予定のまま過ぎた説明会", date=SESSION_DAY)
    planned(title="明日の説明会", date=D(2017, 2, 16))
    BriefingFactory(title="開催済の説明会", status=Briefing.Status.HELD, date=D(2017, 2, 1))
    client.force_login(editor)

    response = client.get(CHANGELIST)

    rows = {b.title: b.is_overdue for b in response.context["cl"].result_list}
    assert rows == {
        "予定のまま過ぎた説明会": True,
        "明日の説明会": False,
        "開催済の説明会": False,
    }
    html = response.content.decode()
    assert '<th scope="col" class="sortable column-overdue_flag">' in html
    assert html.count('<td class="field-overdue_flag">要更新</td>') == 1
    assert overdue.title in html


def test_overdue_count_shown_atop_the_list(client, editor, time_machine):
    stand_at(time_machine, MIDNIGHT)
    planned(date=SESSION_DAY)
    planned("13", date=D(2017, 2, 1))
    client.force_login(editor)

    response = client.get(CHANGELIST)

    assert texts(response) == [
        "予定のまま開催日を過ぎた説明会等（要更新）が2件あります。"
        "開催済・中止・延期のいずれかに更新してください。"
        f' <a href="{CHANGELIST}?overdue=yes">要更新の説明会等を表示</a>'
    ]
    assert overdue_choice(response) == "要更新（2件）"


def test_overdue_count_of_a_bureau_is_its_blocks(client, kyushu, time_machine):
    stand_at(time_machine, MIDNIGHT)
    kumamoto = planned("43", date=SESSION_DAY)
    planned("13", date=SESSION_DAY)
    client.force_login(kyushu)

    response = client.get(CHANGELIST, {"overdue": "yes"})

    assert list(response.context["cl"].result_list) == [kumamoto]
    assert overdue_choice(response) == "要更新（1件）"


def test_overdue_message_absent_when_nothing_is_overdue(client, editor, time_machine):
    stand_at(time_machine, JUST_BEFORE_MIDNIGHT)
    planned(date=SESSION_DAY)
    client.force_login(editor)

    response = client.get(CHANGELIST)

    assert texts(response) == []


def test_overdue_leaves_the_list_once_marked_held(client, editor, time_machine):
    stand_at(time_machine, MIDNIGHT)
    briefing = planned(date=SESSION_DAY)
    client.force_login(editor)

    post_step(client, briefing, "held", held_data())
    response = client.get(CHANGELIST, {"overdue": "yes"})

    assert list(response.context["cl"].result_list) == []
    assert overdue_choice(response) == "要更新（0件）"
