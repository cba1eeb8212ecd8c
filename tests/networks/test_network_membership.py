"""The national network's membership: constraints, applying, approving, rejecting, leaving."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from core.access import EDITOR
from networks.models import NetworkApplication, NetworkMembership, Organization
from networks.services import (
    NetworkMembershipError,
    approve_application,
    leave_network,
    reject_application,
    submit_application,
)
from tests import factories

pytestmark = pytest.mark.django_db

Kind = NetworkApplication.ApplicantKind
Status = NetworkApplication.Status


@pytest.fixture
def editor(db):
    return factories.staff_user(EDITOR, username="editor1", email="editor1@example.jp")


def kumamoto():
    return factories.MunicipalityFactory()


def date_hokkaido():
    return factories.MunicipalityFactory(
        code="012335", prefecture=factories.prefecture("01"), name="伊達市", kana="だてし"
    )


def date_fukushima():
    return factories.MunicipalityFactory(
        code="072095", prefecture=factories.prefecture("07"), name="伊達市", kana="だてし"
    )


def apply_municipality(municipality, **kwargs):
    return submit_application(
        applicant_kind=Kind.MUNICIPALITY,
        municipality=municipality,
        contact_name="佐藤花子",
        email="sato@example.lg.jp",
        **kwargs,
    )


def apply_company(name="株式会社IoTラボ", **kwargs):
    return submit_application(
        applicant_kind=Kind.ORGANIZATION,
        organization_name=name,
        organization_kind=Organization.Kind.COMPANY,
        prefecture=factories.prefecture("13"),
        contact_name="鈴木一郎",
        email="suzuki@example.co.jp",
        **kwargs,
    )


# --- constraints -------------------------------------------------------------------


def test_membership_cannot_end_before_it_began():
    membership = factories.NetworkMembershipFactory(joined_on=datetime.date(2017, 4, 1))
    membership.left_on = datetime.date(2017, 3, 31)
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


def test_an_organization_has_one_current_membership_but_keeps_past_ones():
    past = factories.NetworkMembershipFactory(left_on=datetime.date(2018, 3, 31))
    factories.NetworkMembershipFactory(
        organization=past.organization, joined_on=datetime.date(2019, 4, 1)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.NetworkMembershipFactory(organization=past.organization)
    assert NetworkMembership.objects.filter(organization=past.organization).count() == 2
    assert NetworkMembership.objects.current().count() == 1


def test_a_municipality_application_needs_its_municipality():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.NetworkApplicationFactory(applicant_kind=Kind.MUNICIPALITY, organization_name="")


# --- applying ----------------------------------------------------------------------------


def test_submitting_records_a_pending_application_and_mails_applicant_and_editors(
    editor, settings, django_capture_on_commit_callbacks
):
    settings.NETWORK_NOTIFY_EMAILS = ["network@example.go.jp"]
    with django_capture_on_commit_callbacks(execute=True):
        application = apply_municipality(kumamoto(), fields=[factories.field("education")])
    assert application.status == Status.PENDING
    assert application.prefecture.code == "43"
    assert [f.slug for f in application.fields.all()] == ["education"]
    receipt, notice = mail.outbox
    assert receipt.to == ["sato@example.lg.jp"]
    assert "受け付けました" in receipt.subject
    assert notice.to == ["editor1@example.jp", "network@example.go.jp"]
    assert "熊本市（熊本県）" in notice.subject
    # Nothing is published: no organization and no membership yet.
    assert not NetworkMembership.objects.exists()
    assert not Organization.objects.filter(municipality__code="431001").exists()


def test_a_second_pending_application_of_the_same_municipality_is_refused():
    apply_municipality(kumamoto())
    with pytest.raises(NetworkMembershipError, match="審査中"):
        apply_municipality(kumamoto())
    assert NetworkApplication.objects.count() == 1


def test_a_municipality_is_the_same_applicant_by_code_not_name():
    apply_municipality(date_hokkaido())
    application = apply_municipality(date_fukushima())
    assert application.municipality.code == "072095"


def test_a_current_member_cannot_apply_again(editor):
    approve_application(apply_company(), by=editor)
    with pytest.raises(NetworkMembershipError, match="既に全国ネットワークの会員"):
        apply_company("株式会社ＩｏＴラボ ")  # the same name, full-width and spaced
    assert NetworkApplication.objects.count() == 1


def test_a_pending_organization_application_refuses_the_same_name():
    apply_company()
    with pytest.raises(NetworkMembershipError, match="審査中"):
        apply_company()


# --- approving -------------------------------------------------------------------------


def test_approval_creates_the_organization_and_exactly_one_membership(editor, today):
    application = apply_municipality(kumamoto(), fields=[factories.field("education")])
    membership = approve_application(application, by=editor, note="確認済み")
    organization = membership.organization
    assert organization.kind == Organization.Kind.LOCAL_GOVERNMENT
    assert organization.municipality.code == "431001"
    assert organization.prefecture.code == "43"
    assert membership.joined_on == today
    assert [f.slug for f in membership.fields.all()] == ["education"]
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert application.organization == organization
    assert application.reviewed_by == editor
    assert membership.history.first().history_user == editor
    # Approving again changes nothing.
    assert approve_application(application, by=editor) == membership
    assert NetworkMembership.objects.count() == 1
    assert Organization.objects.filter(municipality__code="431001").count() == 1


def test_approval_links_the_municipalitys_existing_organization(editor):
    existing = factories.OrganizationFactory(
        name="熊本市", kind=Organization.Kind.LOCAL_GOVERNMENT, municipality=kumamoto()
    )
    membership = approve_application(apply_municipality(kumamoto()), by=editor)
    assert membership.organization == existing


def test_a_repeated_municipality_name_carries_its_prefecture(editor):
    first = approve_application(apply_municipality(date_hokkaido()), by=editor)
    second = approve_application(apply_municipality(date_fukushima()), by=editor)
    assert first.organization.name == "伊達市"
    assert second.organization.name == "伊達市（福島県）"
    assert second.organization.prefecture.code == "07"


def test_approval_links_an_organization_by_its_name(editor):
    existing = factories.OrganizationFactory(name="株式会社IoTラボ")
    membership = approve_application(
        apply_company(), by=editor, joined_on=datetime.date(2026, 4, 1)
    )
    assert membership.organization == existing
    assert membership.joined_on == datetime.date(2026, 4, 1)


def test_a_rejected_application_cannot_be_approved(editor):
    application = reject_application(apply_company(), by=editor, note="営業目的のため")
    with pytest.raises(NetworkMembershipError, match="却下した申込は承認できません"):
        approve_application(application, by=editor)
    application.refresh_from_db()
    assert application.status == Status.REJECTED
    assert not Organization.objects.filter(name="株式会社IoTラボ").exists()


# --- rejecting ---------------------------------------------------------------------


def test_rejecting_needs_a_note_and_a_pending_application(editor):
    application = apply_company()
    with pytest.raises(NetworkMembershipError, match="理由"):
        reject_application(application, by=editor, note="  ")
    application.refresh_from_db()
    assert application.status == Status.PENDING
    approve_application(application, by=editor)
    with pytest.raises(NetworkMembershipError, match="承認"):
        reject_application(application, by=editor, note="やはり却下")
    application.refresh_from_db()
    assert application.status == Status.APPROVED


def test_a_rejected_applicant_may_apply_again(editor):
    reject_application(apply_municipality(kumamoto()), by=editor, note="記入漏れ")
    assert apply_municipality(kumamoto()).status == Status.PENDING


# --- leaving ---------------------------------------------------------------------------


def test_leaving_keeps_the_membership_and_allows_rejoining(editor, today):
    membership = approve_application(
        apply_company(), by=editor, joined_on=datetime.date(2025, 4, 1)
    )
    leave_network(membership, by=editor, left_on=datetime.date(2026, 3, 31), note="事業終了")
    membership.refresh_from_db()
    assert membership.left_on == datetime.date(2026, 3, 31)
    assert "事業終了" in membership.note
    assert not NetworkMembership.objects.current().exists()
    # Left: may apply again, and approval starts a new membership.
    again = approve_application(apply_company(), by=editor)
    assert again.pk != membership.pk
    assert NetworkMembership.objects.filter(organization=membership.organization).count() == 2


@pytest.mark.parametrize(
    ("left_on", "message"),
    [
        (datetime.date(2025, 3, 31), "加入日"),
        (datetime.date(2026, 12, 1), "未来"),
    ],
)
def test_a_bad_leaving_date_is_refused_and_changes_nothing(editor, today, left_on, message):
    membership = factories.NetworkMembershipFactory(joined_on=datetime.date(2025, 4, 1))
    with pytest.raises(NetworkMembershipError, match=message):
        leave_network(membership, by=editor, left_on=left_on)
    membership.refresh_from_db()
    assert membership.left_on is None


def test_leaving_twice_is_refused(editor, today):
    membership = factories.NetworkMembershipFactory()
    leave_network(membership, by=editor)
    with pytest.raises(NetworkMembershipError, match="既に退会"):
        leave_network(membership, by=editor)
