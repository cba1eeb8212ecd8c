"""The network's public pages: what they list, their filters, and their fixed query counts."""

import datetime

import pytest
from django.urls import reverse

from networks.models import Match, Project
from networks.services import cooperation
from tests.factories import (
    CaseFactory,
    MatchFactory,
    NeedFactory,
    OfferFactory,
    OrganizationFactory,
    ProjectFactory,
    block,
    field,
    municipality_organization,
    prefecture,
)

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"cooperation:{name}", args=args)


def chiyoda():
    return municipality_organization("131016", "千代田区")


# --- needs -------------------------------------------------------------------------------


def test_needs_page_lists_open_needs_with_their_matched_offers(client):
    need = NeedFactory(title="高齢者の見守り")
    NeedFactory(title="終了した課題", status="closed")
    MatchFactory(
        need=need, offer=OfferFactory(title="見守りセンサー"), status=Match.Status.IN_TALKS
    )

    response = client.get(url("need_list"))

    assert response.status_code == 200
    assert [n.title for n in response.context["needs"]] == ["高齢者の見守り"]
    html = response.content.decode()
    assert "見守りセンサー" in html
    assert '<span class="badge status-in_talks">協議中</span>' in html
    assert "終了した課題" not in html


def test_needs_filter_by_field_and_block(client):
    kumamoto = NeedFactory(title="熊本の課題")
    NeedFactory(title="東京の課題", organization=chiyoda())
    NeedFactory(title="防災の課題", field=field("disaster"))

    by_block = client.get(url("need_list"), {"block": "kanto"})
    by_field = client.get(url("need_list"), {"field": "education", "block": "kyushu"})

    assert [n.title for n in by_block.context["needs"]] == ["東京の課題"]
    assert list(by_field.context["needs"]) == [kumamoto]


def test_needs_bad_filter_value_empties_the_list_with_a_message(client):
    NeedFactory()

    response = client.get(url("need_list"), {"field": "nothing"})

    assert response.status_code == 200
    assert list(response.context["needs"]) == []
    assert "分野「nothing」はありません。一覧から選んでください。" in response.content.decode()


@pytest.mark.parametrize("rows", [1, 3])
def test_needs_page_queries_are_fixed(client, django_assert_num_queries, rows):
    for _ in range(rows):
        MatchFactory()
    # the filter's two choices and their lists, count, page, the matches with offer and company
    with django_assert_num_queries(7):
        client.get(url("need_list"), {"field": "education", "block": "kyushu"})


# --- offers ------------------------------------------------------------------------------


def test_offers_filter_by_the_block_they_serve(client):
    OfferFactory(title="全国対応", nationwide=True)
    local = OfferFactory(title="九州で対応", nationwide=False)
    local.blocks.set([block("kyushu")])
    tokyo = OfferFactory(title="東京で対応", nationwide=False)
    tokyo.prefectures.set([prefecture("13")])

    response = client.get(url("offer_list"), {"block": "kyushu"})

    assert sorted(o.title for o in response.context["offers"]) == ["九州で対応", "全国対応"]


@pytest.mark.parametrize("rows", [1, 3])
def test_offers_page_queries_are_fixed(client, django_assert_num_queries, rows):
    for _ in range(rows):
        offer = OfferFactory(nationwide=False)
        offer.blocks.set([block("kyushu")])
        offer.prefectures.set([prefecture("43")])
    # the filter's choice and two lists, count, page, fields, blocks, prefectures
    with django_assert_num_queries(8):
        client.get(url("offer_list"), {"field": "education"})


# --- projects ----------------------------------------------------------------------------


def test_project_page_shows_its_history_and_its_spread(client):
    origin = cooperation.propose_project(
        title="会津若松のモデル", lead=chiyoda(), field=field(), on=datetime.date(2017, 5, 1)
    )
    project = cooperation.propose_project(
        title="熊本の展開",
        lead=municipality_organization(),
        field=field(),
        spread_from=origin,
        partners=[OrganizationFactory(name="協力企業")],
        on=datetime.date(2017, 6, 1),
    )
    cooperation.move_project(project, to=Project.Status.SELECTED, on=datetime.date(2017, 7, 1))
    ProjectFactory(title="八代への展開", spread_from=project)

    response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    spread = response.context["spread"]
    assert [p.title for p in spread.chain] == ["会津若松のモデル"]
    assert [p.title for p in spread.copies] == ["八代への展開"]
    html = response.content.decode()
    assert "協力企業" in html
    assert "提案 → 採択" in html


def test_project_page_reads_a_long_chain_in_fixed_queries(client, django_assert_num_queries):
    previous = None
    for n in range(8):
        previous = ProjectFactory(title=f"段{n}", spread_from=previous)
    ProjectFactory(spread_from=previous)

    # project with its chain, partners, status history, copies
    with django_assert_num_queries(4):
        response = client.get(previous.get_absolute_url())

    assert [p.title for p in response.context["spread"].chain] == [
        "段6",
        "段5",
        "段4",
        "段3",
        "段2",
    ]
    assert response.context["spread"].chain_has_more is True


def test_unknown_project_is_404(client):
    assert client.get(url("project_detail", 999999)).status_code == 404


def test_projects_page_counts_each_projects_copies(client):
    model = ProjectFactory(title="モデル", status_since=datetime.date(2017, 5, 1))
    ProjectFactory(title="展開1", spread_from=model, status_since=datetime.date(2017, 6, 1))
    ProjectFactory(title="展開2", spread_from=model, status_since=datetime.date(2017, 7, 1))
    ProjectFactory(title="単独", status_since=datetime.date(2017, 4, 1))

    response = client.get(url("project_list"))

    counts = [(p.title, p.spread_count) for p in response.context["projects"]]
    assert counts == [("展開2", 0), ("展開1", 0), ("モデル", 2), ("単独", 0)]
    assert response.context["paginator"].count == 4
    assert "2件に横展開" in response.content.decode()


@pytest.mark.parametrize("rows", [1, 3])
def test_projects_page_queries_are_fixed(client, django_assert_num_queries, rows):
    model = ProjectFactory()
    for _ in range(rows):
        ProjectFactory(spread_from=model)
    # the block chosen, the filter's two lists, count, page
    with django_assert_num_queries(5):
        response = client.get(url("project_list"), {"status": "proposed", "block": "kyushu"})
    assert len(response.context["projects"]) == rows + 1


def test_projects_bad_status_is_refused_with_a_message(client):
    response = client.get(url("project_list"), {"status": "won"})

    assert "状況「won」はありません。一覧から選んでください。" in response.content.decode()


# --- cases -------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [1, 3])
def test_cases_page_queries_are_fixed(client, django_assert_num_queries, rows):
    for _ in range(rows):
        CaseFactory()
    # the block chosen, the filter's two lists, count, page
    with django_assert_num_queries(5):
        response = client.get(url("case_list"), {"block": "kyushu", "stage": "implemented"})
    assert len(response.context["cases"]) == rows


# --- the field page ----------------------------------------------------------------------


def test_field_page_counts_per_prefecture(client):
    CaseFactory()
    ProjectFactory()
    NeedFactory(organization=chiyoda())
    CaseFactory(field=field("disaster"))

    response = client.get(field().get_absolute_url())

    assert response.status_code == 200
    counts = {
        p.code: (p.n_cases, p.n_projects, p.n_needs) for p in response.context["work"].prefectures
    }
    assert counts == {"13": (0, 0, 1), "43": (1, 1, 0)}


def test_unknown_field_is_404(client):
    assert client.get("/fields/nothing/").status_code == 404


@pytest.mark.parametrize("rows", [1, 3])
def test_field_page_queries_are_fixed(client, django_assert_num_queries, rows):
    from tests.factories import ActivityFactory, ThreadFactory

    thread = ThreadFactory()
    for _ in range(rows):
        CaseFactory()
        ProjectFactory()
        NeedFactory()
        OfferFactory()
        ActivityFactory(thread=thread, field=field())
    address = field().get_absolute_url()
    # field, per-prefecture counts, activities, cases, projects, needs, offers,
    # and the roadmap's models: stage counts, the denominator, the models
    with django_assert_num_queries(10):
        client.get(address)
