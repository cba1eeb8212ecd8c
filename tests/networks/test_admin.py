import pytest
from django.urls import reverse

from networks.models import Municipality, Organization, Prefecture, RegionalBlock
from tests import factories
from tests.admin_urls import admin_url, change_form_data

pytestmark = pytest.mark.django_db


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
    data = change_form_data(admin_client.get(admin_url(RegionalBlock, "change", kyushu.pk)))
    data |= {
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


def test_municipality_code_entered_when_added_and_kept_afterwards(admin_client):
    """The 団体コード is a municipality's identity (its URL, the imports' key)."""
    add = admin_client.get(admin_url(Municipality, "add"))
    assert "code" in add.context["adminform"].form.fields
    kumamoto = factories.municipality("431001", "熊本市")
    data = change_form_data(admin_client.get(admin_url(Municipality, "change", kumamoto.pk)))
    data |= {"code": "432024", "kana": "くまもとし"}

    response = admin_client.post(admin_url(Municipality, "change", kumamoto.pk), data)

    assert response.status_code == 302
    kumamoto.refresh_from_db()
    assert (kumamoto.code, kumamoto.kana) == ("431001", "くまもとし")
