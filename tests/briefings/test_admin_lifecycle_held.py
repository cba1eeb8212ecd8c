"""開催済にする on a briefing's change page in the admin: the form, what it
records, what it refuses, for an editor, a bureau on its own block and on
another's, and a viewer."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from briefings.models import Briefing
from tests.briefings.admin_helpers import change_url, held_data, post_step, state, step_url, texts
from tests.briefings.lifecycle_helpers import planned
from tests.factories import BriefingFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


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


@pytest.mark.parametrize("user_fixture", ["editor", "kyushu_bureau"])
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


def test_held_form_future_session_refused_with_a_message(client, editor, today):
    future = today + datetime.timedelta(days=7)
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
def test_step_on_another_blocks_briefing_is_404_and_changes_nothing(client, kyushu_bureau, step):
    tokyo = planned("13")
    client.force_login(kyushu_bureau)
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
