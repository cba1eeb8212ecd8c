"""Reviewing network applications and recording leaving in the admin."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from core.access import BUREAU, EDITOR, VIEWER
from networks.models import NetworkApplication, NetworkMembership
from networks.services import submit_application
from tests import factories
from tests.admin_urls import admin_url

pytestmark = pytest.mark.django_db

Status = NetworkApplication.Status


def staff(django_user_model, username, role, block=None):
    return factories.staff_user(role, block, username=username)


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(staff(django_user_model, "editor1", EDITOR))
    return client


def municipality_application():
    return submit_application(
        applicant_kind=NetworkApplication.ApplicantKind.MUNICIPALITY,
        municipality=factories.MunicipalityFactory(),
        contact_name="佐藤花子",
        email="sato@example.lg.jp",
    )


def versions_of(response) -> str:
    return response.context["form"]["versions"].value()


def test_an_editor_approves_from_the_change_page(editor_client, stand_on):
    stand_on(datetime.date(2026, 11, 30))
    application = municipality_application()
    change = editor_client.get(admin_url(NetworkApplication, "change", application.pk))
    step_url = admin_url(NetworkApplication, "approve", application.pk)
    assert step_url in change.content.decode()
    form = editor_client.get(step_url)
    response = editor_client.post(
        step_url,
        {
            "step-versions": versions_of(form),
            "step-joined_on": "2026-11-30",
            "step-note": "確認済み",
            "apply": "1",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    membership = NetworkMembership.objects.get()
    assert membership.organization.municipality.code == "431001"
    assert membership.joined_on == datetime.date(2026, 11, 30)
    # Approved: the buttons are gone.
    change = editor_client.get(admin_url(NetworkApplication, "change", application.pk))
    assert step_url not in change.content.decode()


def test_rejecting_from_the_list_needs_a_note(editor_client):
    first = factories.NetworkApplicationFactory()
    second = factories.NetworkApplicationFactory()
    url = admin_url(NetworkApplication, "changelist")
    selected = {"action": "reject", ACTION_CHECKBOX_NAME: [first.pk, second.pk]}
    form = editor_client.post(url, selected)
    assert form.status_code == 200
    versions = versions_of(form)
    refused = editor_client.post(url, {**selected, "step-versions": versions, "apply": "1"})
    assert "却下の理由を書いてください" in refused.content.decode()
    done = editor_client.post(
        url, {**selected, "step-versions": versions, "step-note": "対象外", "apply": "1"}
    )
    assert done.status_code == 302
    assert set(NetworkApplication.objects.values_list("status", flat=True)) == {Status.REJECTED}


def test_one_row_that_cannot_take_the_step_changes_none(editor_client, django_user_model):
    pending = factories.NetworkApplicationFactory()
    rejected = factories.NetworkApplicationFactory()
    editor = django_user_model.objects.get(username="editor1")
    from networks.services import reject_application

    reject_application(rejected, by=editor, note="重複")
    url = admin_url(NetworkApplication, "changelist")
    selected = {"action": "approve", ACTION_CHECKBOX_NAME: [pending.pk, rejected.pk]}
    versions = versions_of(editor_client.post(url, selected))
    response = editor_client.post(
        url,
        {**selected, "step-versions": versions, "step-joined_on": "2026-04-01", "apply": "1"},
        follow=True,
    )
    content = response.content.decode()
    assert "却下した申込は承認できません" in content
    assert "何も変更していません" in content
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    assert not NetworkMembership.objects.exists()


def test_a_stale_form_changes_nothing(editor_client):
    application = factories.NetworkApplicationFactory()
    step_url = admin_url(NetworkApplication, "reject", application.pk)
    versions = versions_of(editor_client.get(step_url))
    # Someone else edits the application after the form was opened.
    application.review_note = "電話で確認中"
    application.save()
    response = editor_client.post(
        step_url, {"step-versions": versions, "step-note": "却下", "apply": "1"}
    )
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == Status.PENDING


def test_an_editor_records_leaving(editor_client, stand_on):
    stand_on(datetime.date(2026, 11, 30))
    membership = factories.NetworkMembershipFactory()
    step_url = admin_url(NetworkMembership, "leave", membership.pk)
    versions = versions_of(editor_client.get(step_url))
    bad = editor_client.post(
        step_url, {"step-versions": versions, "step-left_on": "2016-01-01", "apply": "1"}
    )
    assert "加入日" in bad.content.decode()
    membership.refresh_from_db()
    assert membership.left_on is None
    editor_client.post(
        step_url, {"step-versions": versions, "step-left_on": "2026-03-31", "apply": "1"}
    )
    membership.refresh_from_db()
    assert membership.left_on == datetime.date(2026, 3, 31)
    assert NetworkMembership.objects.filter(pk=membership.pk).exists()


def test_applications_are_not_added_in_the_admin(editor_client):
    assert editor_client.get(admin_url(NetworkApplication, "add")).status_code == 403


@pytest.mark.parametrize(("role", "block"), [(BUREAU, "kyushu"), (VIEWER, None)])
def test_bureaus_and_viewers_read_but_do_not_review(client, django_user_model, role, block):
    application = municipality_application()  # 熊本市: kyushu
    client.force_login(staff(django_user_model, "staff1", role, block))
    change = client.get(admin_url(NetworkApplication, "change", application.pk))
    assert change.status_code == 200
    assert admin_url(NetworkApplication, "approve", application.pk) not in change.content.decode()
    assert client.get(admin_url(NetworkApplication, "approve", application.pk)).status_code == 403
    assert client.get(admin_url(NetworkMembership, "changelist")).status_code == 200
    application.refresh_from_db()
    assert application.status == Status.PENDING


def test_a_bureau_sees_only_its_blocks_applications(client, django_user_model):
    kumamoto = municipality_application()
    tokyo = factories.NetworkApplicationFactory(prefecture=factories.prefecture("13"))
    client.force_login(staff(django_user_model, "kyushu1", BUREAU, "kyushu"))
    listed = client.get(admin_url(NetworkApplication, "changelist")).context["cl"].result_list
    assert list(listed) == [kumamoto]
    assert client.get(admin_url(NetworkApplication, "change", tokyo.pk)).status_code in (302, 404)


def test_an_editor_adding_a_second_current_membership_is_told_why(editor_client):
    current = factories.NetworkMembershipFactory()
    response = editor_client.post(
        admin_url(NetworkMembership, "add"),
        {"organization": current.organization.pk, "joined_on": "2026-04-01", "note": ""},
    )
    assert response.status_code == 200
    assert "この団体は既に全国ネットワークの会員です" in response.content.decode()
    assert NetworkMembership.objects.count() == 1


@pytest.mark.parametrize("model", [NetworkApplication, NetworkMembership])
def test_a_bad_date_in_the_list_is_no_server_error(editor_client, model):
    response = editor_client.get(admin_url(model, "changelist"), {"created__year": "abc"})
    assert response.status_code in (200, 302)
    response = editor_client.get(admin_url(model, "changelist"), {"joined_on__year": "99999999999"})
    assert response.status_code in (200, 302)
