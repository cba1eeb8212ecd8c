"""What the network records of one municipality, for its page (selectors.municipality_work)."""

import datetime

import pytest
from django.template.loader import render_to_string

from portal.cooperation import selectors
from tests.factories import (
    CaseFactory,
    DispatchFactory,
    NeedFactory,
    ProjectFactory,
    municipality_organization,
)

pytestmark = pytest.mark.django_db


def test_municipality_work_gathers_its_needs_projects_dispatches_and_cases():
    kumamoto = municipality_organization()
    yatsushiro = municipality_organization("432024", "八代市")
    need = NeedFactory(organization=kumamoto)
    led = ProjectFactory(lead=kumamoto, status_since=datetime.date(2017, 7, 1))
    partner = ProjectFactory(lead=yatsushiro, status_since=datetime.date(2017, 8, 1))
    partner.partners.add(kumamoto)
    ProjectFactory(lead=yatsushiro)
    sent = DispatchFactory(from_organization=kumamoto, to_organization=yatsushiro)
    case = CaseFactory(organization=kumamoto)

    work = selectors.municipality_work(kumamoto.municipality)

    assert list(work.needs) == [need]
    assert list(work.projects) == [partner, led]
    assert list(work.dispatches) == [sent]
    assert list(work.cases) == [case]
    html = render_to_string(
        "portal/cooperation/includes/municipality_work.html",
        {"work": work, "place_name": "熊本市"},
    )
    assert "熊本市の全国ネットワークでの取組" in html
    assert "熊本市 → 八代市" in html


@pytest.mark.parametrize("n", [1, 3])
def test_municipality_work_reads_five_queries(django_assert_num_queries, n):
    kumamoto = municipality_organization()
    for _ in range(n):
        NeedFactory(organization=kumamoto)
        ProjectFactory(lead=kumamoto)
        DispatchFactory(from_organization=kumamoto)
        CaseFactory(organization=kumamoto)

    with django_assert_num_queries(5):
        work = selectors.municipality_work(kumamoto.municipality)

    assert len(work.projects) == n


def test_municipality_page_shows_its_membership_and_network_work(client):
    kumamoto = municipality_organization()  # a current member since 2017-04-01
    NeedFactory(organization=kumamoto, title="高齢者の見守り")
    CaseFactory(organization=kumamoto, title="見守りIoTの実装")

    html = client.get(kumamoto.municipality.get_absolute_url()).content.decode()

    assert "全国ネットワークの会員です" in html
    assert "高齢者の見守り" in html and "見守りIoTの実装" in html


def test_a_municipality_that_is_no_member_is_offered_the_application(client):
    from tests.factories import MunicipalityFactory

    html = client.get(MunicipalityFactory().get_absolute_url()).content.decode()

    assert "全国ネットワークの会員ではありません。" in html
    assert "/network/apply/" in html
