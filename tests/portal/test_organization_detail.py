"""/organizations/<id>/: kind, place, threads, activities, hosted briefings,
members, query count."""

import datetime

import pytest

from briefings.models import Briefing
from networks.models import Organization
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    MemberFactory,
    OrganizationFactory,
    ParticipationFactory,
    ThreadFactory,
    block,
    field,
    prefecture,
)
from tests.portal.helpers import url

pytestmark = pytest.mark.django_db


# --- organization detail ---------------------------------------------------------------------


def test_organization_detail_shows_kind_place_and_threads(client):
    thread = ThreadFactory(title="斜めの糸")
    organization = OrganizationFactory(
        name="九州情報通信懇談会", kind=Organization.Kind.COUNCIL, block=block("kyushu")
    )
    ParticipationFactory(
        thread=thread,
        organization=organization,
        role="活動の場",
        joined_on=datetime.date(2017, 1, 1),
    )

    response = client.get(organization.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>九州情報通信懇談会</h1>" in html
    assert "<dd>協議会・懇談会</dd>" in html
    assert '<a href="/blocks/kyushu/">九州ブロック</a>' in html
    assert f'<a href="/threads/{thread.slug}/">斜めの糸</a>' in html
    assert '<span class="meta">（活動の場）</span>' in html
    assert "2017年1月1日参加" in html
    assert response.context["breadcrumbs"] == [
        ("参加団体", "/organizations/"),
        ("九州情報通信懇談会", organization.get_absolute_url()),
    ]


def test_organization_detail_shows_activities_hosted_briefings_and_members(client):
    organization = OrganizationFactory(name="全国市長会")
    activity = ActivityFactory(title="全国市長会行政委員会")
    activity.organizations.add(organization)
    ActivityFactory(title="関係のない活動")
    briefing = BriefingFactory(
        host=organization,
        scope=Briefing.Scope.NATIONAL,
        prefecture=None,
        title="全国市長会での説明",
    )
    BriefingFactory(title="他の団体の説明会")
    MemberFactory(name="須藤", organization=organization)

    response = client.get(organization.get_absolute_url())

    assert response.context["activities"].items == [activity]
    assert response.context["briefings"].items == [briefing]
    html = response.content.decode()
    assert "全国市長会行政委員会" in html
    assert "関係のない活動" not in html
    assert f'<a href="/briefings/{briefing.pk}/">全国市長会での説明</a>' in html
    assert "他の団体の説明会" not in html
    assert "<li>須藤構成員</li>" in html


def test_organization_detail_without_records_says_so(client):
    organization = OrganizationFactory()

    html = client.get(organization.get_absolute_url()).content.decode()

    assert "参加している推進体制は登録されていません。" in html
    assert "関係した活動は登録されていません。" in html
    assert "主催した説明会等は登録されていません。" in html
    assert "登録されている構成員・関係者はいません。" in html


@pytest.mark.parametrize("path", ["/organizations/999999/", "/organizations/abc/"])
def test_organization_detail_unknown_is_404(client, path):
    response = client.get(path)

    assert response.status_code == 404


def test_organization_detail_in_english(client):
    organization = OrganizationFactory(
        name="全国市長会", name_en="Japan Association of City Mayors", prefecture=prefecture("13")
    )

    response = client.get(url("organization_detail", organization.pk, language="en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Japan Association of City Mayors</h1>" in html
    assert '<a href="/en/prefectures/13/">Tokyo</a>' in html


@pytest.mark.parametrize("n", [1, 3])
def test_organization_detail_query_count_is_fixed(client, django_assert_num_queries, n):
    """6 queries: the organization with its place; its participations with
    thread; its activities; its hosted briefings and their members; its members."""
    organization = OrganizationFactory(prefecture=prefecture("43"))
    for i in range(n):
        ParticipationFactory(organization=organization)
        ActivityFactory(block=block("kyushu"), field=field("education")).organizations.add(
            organization
        )
        BriefingFactory(host=organization, date=datetime.date(2017, 2, 1 + i)).members.add(
            MemberFactory()
        )
        MemberFactory(organization=organization)

    with django_assert_num_queries(6):
        response = client.get(organization.get_absolute_url())

    assert len(response.context["activities"]) == n
    assert len(response.context["briefings"]) == n
