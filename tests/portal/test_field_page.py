"""A field's page: the field's roadmap models with how many municipalities
stand at each stage, as a share of all municipalities (issue 12: "the roadmap
models of that field with their rates")."""

import datetime

import pytest

from networks.models import ImplementationReport
from tests import factories

pytestmark = pytest.mark.django_db


def test_field_page_lists_its_models_with_the_implemented_share(client):
    education = factories.field("education")
    cloud = factories.RoadmapModelFactory(field=education, name="教育クラウド")
    other_field = factories.RoadmapModelFactory(field=factories.field("disaster"), name="Lアラート")
    kumamoto = factories.MunicipalityFactory()
    factories.municipality("432024", "人吉市")
    factories.ImplementationReportFactory(
        municipality=kumamoto,
        model=cloud,
        stage=ImplementationReport.Stage.IMPLEMENTED,
        as_of=datetime.date(2019, 3, 31),
    )

    response = client.get(education.get_absolute_url())

    pictures = response.context["roadmap_models"]
    assert [p.model for p in pictures] == [cloud]
    assert (pictures[0].stages.implemented, pictures[0].stages.total) == (1, 2)
    html = response.content.decode()
    assert "教育クラウド" in html and other_field.name not in html
    assert "50.0%" in html


def test_field_without_models_says_so(client):
    response = client.get(factories.field("education").get_absolute_url())

    assert response.context["roadmap_models"] == []
    assert "この分野のモデルはまだ登録されていません。" in response.content.decode()


def test_field_page_lists_only_the_fields_cases_with_their_model(client):
    education = factories.field("education")
    cloud = factories.RoadmapModelFactory(field=education, name="教育クラウド")
    factories.CaseFactory(field=education, model=cloud, title="クラウド教材の活用")
    factories.CaseFactory(field=factories.field("disaster"), title="防災アプリ")

    response = client.get(education.get_absolute_url())

    assert [case.title for case in response.context["work"].cases] == ["クラウド教材の活用"]
    html = response.content.decode()
    assert "防災アプリ" not in html
    assert cloud.get_absolute_url() in html


def test_a_case_refuses_a_model_of_another_field():
    from django.core.exceptions import ValidationError

    case = factories.CaseFactory.build(
        organization=factories.municipality_organization(),
        field=factories.field("education"),
        model=factories.RoadmapModelFactory(field=factories.field("disaster")),
        council=factories.block("kyushu"),
    )

    with pytest.raises(ValidationError) as refused:
        case.clean()

    assert "model" in refused.value.message_dict


def test_field_page_links_its_capped_activities_to_the_threads_full_list(client, monkeypatch):
    from core import pagination
    from threads.models import Thread

    monkeypatch.setattr(pagination, "SECTION_LIMIT", 2)
    education = factories.field("education")
    vertical = factories.ThreadFactory(kind=Thread.Kind.VERTICAL, slug="vertical")
    factories.ActivityFactory.create_batch(3, thread=vertical, field=education)
    factories.ActivityFactory(thread=vertical, field=factories.field("disaster"))

    html = client.get(education.get_absolute_url()).content.decode()

    link = f"{vertical.get_absolute_url()}?field=education#activities"
    assert f'<a href="{link}">' in html
    # The list it leads to holds every one of the field's activities.
    listed = client.get(link.split("#")[0]).context["page_obj"].paginator.count
    assert listed == 3
