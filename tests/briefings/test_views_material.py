import pytest
from django.core.files.base import ContentFile

from briefings.models import BriefingMaterial
from tests.factories import BriefingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def handout(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    briefing = BriefingFactory(audience_size=30)
    material = BriefingMaterial(briefing=briefing, order=1, title="説明資料")
    material.file.save("setsumei.pdf", ContentFile(b"%PDF-1.4 handout"), save=True)
    return material


def test_material_file_served_from_its_public_link(client, handout):
    response = client.get(handout.href)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 handout"
    assert "setsumei.pdf" in response["Content-Disposition"]


def test_material_file_link_shown_on_the_briefing_page(client, handout):
    html = client.get(handout.briefing.get_absolute_url()).content.decode()

    assert f'href="{handout.href}"' in html


def test_material_file_of_deleted_briefing_is_gone(client, handout):
    handout.briefing.soft_delete()

    assert client.get(handout.href).status_code == 404


def test_material_link_without_file_is_not_served(client):
    material = BriefingMaterial.objects.create(
        briefing=BriefingFactory(), order=1, title="外部資料", url="https://example.jp/a.pdf"
    )

    assert material.href == "https://example.jp/a.pdf"
    assert client.get(f"/briefings/materials/{material.pk}/").status_code == 404


def test_material_file_unknown_id_is_404(client):
    assert client.get("/briefings/materials/999999/").status_code == 404
