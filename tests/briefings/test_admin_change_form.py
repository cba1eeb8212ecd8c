"""A briefing's change form in the admin: the status rules it checks, the
handouts inline, the attending organizations' autocomplete."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from briefings.models import Briefing, BriefingMaterial
from tests.admin_urls import row_versions
from tests.briefings.admin_helpers import change_url, state
from tests.briefings.lifecycle_helpers import planned
from tests.factories import BriefingFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


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


def test_change_form_held_in_the_future_refused(client, editor, today):
    future = today + datetime.timedelta(days=3)
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


def test_change_form_newly_held_with_count_saves(client, kyushu_bureau):
    briefing = planned()
    client.force_login(kyushu_bureau)

    response = client.post(
        change_url(briefing), change_form_data(client, briefing, status="held", audience_size="25")
    )

    assert response.status_code == 302
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.audience_size) == ("held", 25)
    assert briefing.history.first().history_user == kyushu_bureau


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


def test_attending_organizations_autocomplete_answers_a_bureau(client, kyushu_bureau):
    OrganizationFactory(name="熊本市役所")
    client.force_login(kyushu_bureau)

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
