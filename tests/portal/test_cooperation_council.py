"""A block page's council section: members, meetings, cases and the map of cases and projects."""

import datetime

import pytest
from django.urls import reverse

from briefings.models import Briefing
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    CaseFactory,
    MemberFactory,
    OrganizationFactory,
    ParticipationFactory,
    ProjectFactory,
    ThreadFactory,
    block,
    municipality_organization,
    prefecture,
)
from threads.models import Thread

pytestmark = pytest.mark.django_db


def block_page(client, code: str = "kyushu"):
    return client.get(reverse("networks:block_detail", args=[code]))


@pytest.fixture
def diagonal():
    return ThreadFactory(kind=Thread.Kind.DIAGONAL, slug="diagonal")


def test_council_lists_its_members_meetings_and_cases(client, diagonal):
    council_body = OrganizationFactory(name="九州情報通信懇談会", prefecture=prefecture("40"))
    ParticipationFactory(thread=diagonal, organization=council_body, role="事務局")
    ParticipationFactory(
        thread=diagonal,
        organization=OrganizationFactory(name="関東の団体", prefecture=prefecture("13")),
    )
    meeting = BriefingFactory(
        prefecture=None,
        block=block("kyushu"),
        scope=Briefing.Scope.BLOCK,
        title="九州ICT利活用セミナー",
        status=Briefing.Status.HELD,
        date=datetime.date(2017, 2, 10),
    )
    ActivityFactory(thread=diagonal, block=block("kyushu"), title="懇談会の開催")
    ActivityFactory(thread=ThreadFactory(), block=block("kyushu"), title="縦の糸の行事")
    CaseFactory(title="熊本の見守り")
    CaseFactory(
        title="関東の事例",
        organization=municipality_organization("131016", "千代田区"),
        council=block("kanto"),
    )

    response = block_page(client)

    council = response.context["council"]
    assert [p.organization.name for p in council.members] == ["九州情報通信懇談会"]
    assert list(council.briefings) == [meeting]
    assert [a.title for a in council.activities] == ["懇談会の開催"]
    assert [c.title for c in council.cases] == ["熊本の見守り"]
    html = response.content.decode()
    assert '<h2 id="council-heading">地域の協議会（斜めの糸）</h2>' in html
    assert "関東の事例" not in html


def test_council_links_its_capped_members_and_activities_to_their_full_lists(
    client, diagonal, monkeypatch
):
    from core import pagination

    monkeypatch.setattr(pagination, "SECTION_LIMIT", 1)
    for name in ("福岡の団体", "熊本の団体"):
        ParticipationFactory(
            thread=diagonal,
            organization=OrganizationFactory(name=name, prefecture=prefecture("40")),
        )
    ParticipationFactory(
        thread=diagonal, organization=OrganizationFactory(prefecture=prefecture("13"))
    )
    ActivityFactory.create_batch(11, thread=diagonal, block=block("kyushu"))
    ActivityFactory(thread=diagonal, block=block("kanto"))

    html = block_page(client).content.decode()

    members = reverse("networks:organization_list") + "?thread=diagonal&block=kyushu"
    activities = diagonal.get_absolute_url() + "?block=kyushu"
    assert f'<a href="{members.replace("&", "&amp;")}">' in html
    assert f'<a href="{activities}#activities">' in html
    # Each leads to the whole set the section shows the first of.
    assert client.get(members).context["paginator"].count == 2
    assert client.get(activities).context["page_obj"].paginator.count == 11


def test_council_map_counts_the_blocks_cases_and_projects_per_prefecture(client):
    CaseFactory()
    CaseFactory()
    ProjectFactory()
    ProjectFactory(lead=municipality_organization("401005", "北九州市"))

    response = block_page(client)

    tiles = {
        p.prefecture.code: (p.cases, p.projects, p.held)
        for p in response.context["council"].map.prefectures
    }
    assert tiles["43"] == (2, 1, 3)
    assert tiles["40"] == (0, 1, 1)
    assert set(tiles) == {"40", "41", "42", "43", "44", "45", "46"}
    html = response.content.decode()
    assert 'aria-label="熊本県：優良事例 2件、プロジェクト 1件"' in html
    assert 'aria-label="都道府県別の優良事例・プロジェクトの件数の地図"' in html
    # The map shows the block alone: its tiles start at the grid's corner.
    assert min(p.x for p in response.context["council"].map.prefectures) == 0


def test_coverage_map_keeps_its_own_wording(client):
    response = client.get(reverse("briefings:coverage"))

    html = response.content.decode()
    assert 'aria-label="都道府県別の開催回数の地図"' in html
    assert "開催済の回数（開催都道府県別）" in html


@pytest.mark.parametrize("n", [1, 3])
def test_council_section_queries_are_fixed(
    client, django_assert_num_queries, diagonal, stand_on, n
):
    stand_on(datetime.date(2017, 2, 24))
    for i in range(n):
        ParticipationFactory(
            thread=diagonal, organization=OrganizationFactory(prefecture=prefecture("43"))
        )
        for status, date in (
            (Briefing.Status.HELD, datetime.date(2017, 2, 1 + i)),
            (Briefing.Status.PLANNED, datetime.date(2017, 3, 1 + i)),
        ):
            BriefingFactory(
                prefecture=None,
                block=block("kyushu"),
                scope=Briefing.Scope.BLOCK,
                status=status,
                date=date,
            ).members.add(MemberFactory())
        ActivityFactory(thread=diagonal, block=block("kyushu"))
        CaseFactory()
        ProjectFactory()

    # The block page's 11 (tests/portal/test_block_page.py), then the
    # council's members, sessions and their members, activities, cases, map.
    with django_assert_num_queries(17):
        response = block_page(client)

    assert len(response.context["council"].cases) == n
    assert len(response.context["council"].briefings) == 2 * n
