import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.models import Field, Member, Municipality, Organization, Prefecture, RegionalBlock
from tests import factories
from tests.admin_urls import admin_url

pytestmark = pytest.mark.django_db


# (model, makes or fetches one row, text the changelist shows for it)
ROWS = [
    pytest.param(
        RegionalBlock, lambda: factories.block("kyushu"), "九州総合通信局", id="regionalblock"
    ),
    pytest.param(Prefecture, lambda: factories.prefecture("43"), "くまもとけん", id="prefecture"),
    pytest.param(Municipality, factories.MunicipalityFactory, "くまもとし", id="municipality"),
    pytest.param(Field, lambda: factories.FieldFactory(name="観光DX"), "観光DX", id="field"),
    pytest.param(
        Organization,
        lambda: factories.OrganizationFactory(name="熊本県IoT推進ラボ"),
        "熊本県IoT推進ラボ",
        id="organization",
    ),
    pytest.param(
        Member,
        lambda: factories.MemberFactory(name="須藤", role=Member.Role.CHAIR),
        "須藤",
        id="member",
    ),
]

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


# Blocks and prefectures are absent: their rows are fixed by the reference-data migration.
ROW_MAKERS = [
    pytest.param(Municipality, make_municipalities, id="municipality"),
    pytest.param(Field, factories.FieldFactory.create_batch, id="field"),
    pytest.param(Organization, make_organizations, id="organization"),
    pytest.param(Member, make_members, id="member"),
]


@pytest.mark.parametrize(("model", "make", "text"), ROWS)
def test_changelist_superuser_sees_row(admin_client, model, make, text):
    make()

    response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == list(model.objects.all())
    assert text in response.content.decode()


@pytest.mark.parametrize(("model", "make", "text"), ROWS)
def test_change_form_superuser_opens(admin_client, model, make, text):
    obj = make()

    response = admin_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200
    assert response.context["original"] == obj


@pytest.mark.parametrize(
    ("model", "status"),
    [
        pytest.param(RegionalBlock, 403, id="regionalblock"),
        pytest.param(Prefecture, 403, id="prefecture"),
        pytest.param(Municipality, 200, id="municipality"),
        pytest.param(Field, 200, id="field"),
        pytest.param(Organization, 200, id="organization"),
        pytest.param(Member, 200, id="member"),
    ],
)
def test_add_form_superuser_status(admin_client, model, status):
    response = admin_client.get(admin_url(model, "add"))

    assert response.status_code == status


@pytest.mark.parametrize(
    ("model", "obj"),
    [
        pytest.param(RegionalBlock, lambda: factories.block("kyushu"), id="regionalblock"),
        pytest.param(Prefecture, lambda: factories.prefecture("43"), id="prefecture"),
    ],
)
def test_delete_reference_fact_forbidden(admin_client, model, obj):
    pk = obj().pk

    response = admin_client.post(admin_url(model, "delete", pk), {"post": "yes"})

    assert response.status_code == 403
    assert model.objects.filter(pk=pk).exists()


def test_regional_block_change_keeps_code(admin_client):
    kyushu = factories.block("kyushu")
    data = {
        "code": "renamed",
        "name": "九州",
        "name_en": "Kyushu",
        "order": kyushu.order,
        "bureau_name": "九州総合通信局",
        "bureau_name_en": "Kyushu Bureau of Telecommunications",
        "council_name": "九州情報通信連絡会",
    }

    response = admin_client.post(admin_url(RegionalBlock, "change", kyushu.pk), data)

    assert response.status_code == 302
    kyushu.refresh_from_db()
    assert (kyushu.code, kyushu.council_name) == ("kyushu", "九州情報通信連絡会")


def test_organization_changelist_search_japanese(admin_client):
    lab = factories.OrganizationFactory(name="熊本県IoT推進ラボ")
    factories.OrganizationFactory(name="全国市長会")

    response = admin_client.get(admin_url(Organization, "changelist"), {"q": "推進ラボ"})

    assert list(response.context["cl"].result_list) == [lab]


def test_prefecture_autocomplete_finds_japanese_name(admin_client):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "networks",
            "model_name": "organization",
            "field_name": "prefecture",
            "term": "熊本",
        },
    )

    assert response.status_code == 200
    assert response.json()["results"] == [
        {"id": str(factories.prefecture("43").pk), "text": "熊本県"}
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


@pytest.mark.parametrize(("model", "make", "text"), ROWS)
def test_changelist_non_staff_redirected_to_login(client, django_user_model, model, make, text):
    client.force_login(django_user_model.objects.create_user(username="reader"))
    url = admin_url(model, "changelist")

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={url}"
