"""Every model registered in the admin, page by page: what a superuser opens,
what a non-staff user is refused, and changelists whose query count does not
grow with their rows. App-specific admin behaviour is tested beside each app."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from briefings.models import Briefing, ProgressReport
from networks.models import Field, Member, Municipality, Organization, Prefecture, RegionalBlock
from tests import factories
from tests.admin_urls import admin_url
from threads.models import Activity, Participation, StatusUpdate, Thread, WorkItem

pytestmark = pytest.mark.django_db

# (model, makes or fetches one row, text the changelist shows for it, add page status)
# Blocks and prefectures are facts of law: their add page is refused.
ROWS = [
    pytest.param(
        RegionalBlock, lambda: factories.block("kyushu"), "九州総合通信局", 403, id="regionalblock"
    ),
    pytest.param(
        Prefecture, lambda: factories.prefecture("43"), "くまもとけん", 403, id="prefecture"
    ),
    pytest.param(Municipality, factories.MunicipalityFactory, "くまもとし", 200, id="municipality"),
    pytest.param(Field, lambda: factories.FieldFactory(name="観光DX"), "観光DX", 200, id="field"),
    pytest.param(
        Organization,
        lambda: factories.OrganizationFactory(name="熊本県IoT推進ラボ"),
        "熊本県IoT推進ラボ",
        200,
        id="organization",
    ),
    pytest.param(
        Member,
        lambda: factories.MemberFactory(name="須藤", role=Member.Role.CHAIR),
        "須藤",
        200,
        id="member",
    ),
    pytest.param(
        Thread,
        lambda: factories.ThreadFactory(title="分野別の縦の糸"),
        "分野別の縦の糸",
        200,
        id="thread",
    ),
    pytest.param(
        WorkItem,
        lambda: factories.WorkItemFactory(text="関係府省との連携を強化。"),
        "関係府省との連携を強化。",
        200,
        id="workitem",
    ),
    pytest.param(
        Participation,
        lambda: factories.ParticipationFactory(organization__name="熊本県IoT推進ラボ"),
        "熊本県IoT推進ラボ",
        200,
        id="participation",
    ),
    pytest.param(
        Activity,
        lambda: factories.ActivityFactory(title="Lアラート運営諮問委員会作業部会"),
        "Lアラート運営諮問委員会作業部会",
        200,
        id="activity",
    ),
    pytest.param(
        StatusUpdate,
        lambda: factories.StatusUpdateFactory(text="推進体制を確立。"),
        "推進体制を確立。",
        200,
        id="statusupdate",
    ),
    pytest.param(
        Briefing,
        lambda: factories.BriefingFactory(title="熊本県内地方自治体向け説明会"),
        "熊本県内地方自治体向け説明会",
        200,
        id="briefing",
    ),
    pytest.param(
        ProgressReport,
        lambda: factories.ProgressReportFactory(title="説明会の開催状況"),
        "説明会の開催状況",
        200,
        id="progressreport",
    ),
]


@pytest.mark.parametrize(("model", "make", "text", "add_status"), ROWS)
def test_changelist_superuser_sees_row(admin_client, model, make, text, add_status):
    make()

    response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    # Blocks and prefectures list every reference row, not only the one made.
    assert list(response.context["cl"].result_list) == list(model.objects.all())
    assert text in response.content.decode()


@pytest.mark.parametrize(("model", "make", "text", "add_status"), ROWS)
def test_change_form_superuser_opens(admin_client, model, make, text, add_status):
    obj = make()

    response = admin_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200
    assert response.context["original"] == obj


@pytest.mark.parametrize(("model", "make", "text", "add_status"), ROWS)
def test_add_form_superuser_status(admin_client, model, make, text, add_status):
    assert admin_client.get(admin_url(model, "add")).status_code == add_status


@pytest.mark.parametrize(("model", "make", "text", "add_status"), ROWS)
def test_changelist_non_staff_redirected_to_login(
    client, django_user_model, model, make, text, add_status
):
    client.force_login(django_user_model.objects.create_user(username="reader"))
    url = admin_url(model, "changelist")

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={url}"


# 熊本市, its 中央区 and 八代市: a ward fills the parent column.
MUNICIPALITIES = [
    {"code": "432016", "name": "熊本市", "kind": Municipality.Kind.DESIGNATED_CITY},
    {"code": "431010", "name": "中央区", "kind": Municipality.Kind.WARD},
    {"code": "432024", "name": "八代市", "kind": Municipality.Kind.CITY},
]


def make_municipalities(count: int) -> None:
    start = Municipality.objects.count()
    for attrs in MUNICIPALITIES[start : start + count]:
        parent = Municipality.objects.get(code="432016") if attrs["kind"] == "ward" else None
        factories.MunicipalityFactory(**attrs, parent=parent)


def make_organizations(count: int) -> None:
    # A municipality fills the prefecture and block columns too.
    for _ in range(count):
        factories.OrganizationFactory(municipality=factories.MunicipalityFactory())


def make_members(count: int) -> None:
    for _ in range(count):
        factories.MemberFactory(organization=factories.OrganizationFactory())


def make_activities(count: int) -> None:
    for _ in range(count):
        factories.ActivityFactory(field=factories.field(), block=factories.block())


# Every row gets its own related rows, so a missing join would show. Blocks
# and prefectures are absent (fixed by the reference data); briefings and
# progress reports have exact pins in tests/briefings/test_admin.py.
ROW_MAKERS = [
    pytest.param(Municipality, make_municipalities, id="municipality"),
    pytest.param(Field, factories.FieldFactory.create_batch, id="field"),
    pytest.param(Organization, make_organizations, id="organization"),
    pytest.param(Member, make_members, id="member"),
    pytest.param(Thread, factories.ThreadFactory.create_batch, id="thread"),
    pytest.param(WorkItem, factories.WorkItemFactory.create_batch, id="workitem"),
    pytest.param(Participation, factories.ParticipationFactory.create_batch, id="participation"),
    pytest.param(Activity, make_activities, id="activity"),
    pytest.param(StatusUpdate, factories.StatusUpdateFactory.create_batch, id="statusupdate"),
]


@pytest.mark.parametrize(("model", "make_rows"), ROW_MAKERS)
def test_changelist_queries_do_not_grow_with_rows(admin_client, model, make_rows):
    """Foreign-key columns are joined, so three rows cost what one row costs."""
    url = admin_url(model, "changelist")
    make_rows(1)
    rows = model.objects.count()
    with CaptureQueriesContext(connection) as one_row:
        assert admin_client.get(url).status_code == 200
    make_rows(2)

    with CaptureQueriesContext(connection) as three_rows:
        response = admin_client.get(url)

    assert response.context["cl"].result_count == rows + 2
    assert len(three_rows) == len(one_row)
