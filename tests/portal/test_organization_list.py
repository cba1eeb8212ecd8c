"""/organizations/: the directory, its filters, bad parameters, paging,
query counts, the seed."""

import pytest

from networks.models import Organization
from tests.factories import OrganizationFactory, ParticipationFactory, ThreadFactory, prefecture
from tests.portal.helpers import url

pytestmark = pytest.mark.django_db


# --- organization directory ------------------------------------------------------------------


def test_organization_list_shows_threads_each_takes_part_in(client):
    vertical = ThreadFactory(slug="vertical", title="縦の糸", order=1)
    diagonal = ThreadFactory(slug="diagonal", title="斜めの糸", order=2)
    organization = OrganizationFactory(name="総務省", kind=Organization.Kind.MINISTRY)
    ParticipationFactory(thread=diagonal, organization=organization)
    ParticipationFactory(thread=vertical, organization=organization)

    response = client.get(url("organization_list"))

    assert response.status_code == 200
    html = response.content.decode()
    row = html.split(f'<a href="/organizations/{organization.pk}/">総務省</a>')[1].split("</tr>")[0]
    assert (
        '<ul class="plain"><li><a href="/threads/vertical/">縦の糸</a></li>'
        '<li><a href="/threads/diagonal/">斜めの糸</a></li></ul>' in row
    )
    assert "<td>省庁</td>" in row
    assert "<td>全国</td>" in row
    assert response.context["breadcrumbs"] == [("参加団体", "/organizations/")]


def test_organization_list_filters_by_thread(client):
    thread = ThreadFactory(slug="vertical")
    participant = ParticipationFactory(thread=thread).organization
    OrganizationFactory(name="参加していない団体")

    response = client.get(url("organization_list"), {"thread": "vertical"})

    assert list(response.context["organizations"]) == [participant]
    assert '<option value="vertical" selected>' in response.content.decode()


def test_organization_list_filters_by_kind_prefecture_and_name(client):
    match = OrganizationFactory(
        name="熊本市役所", kind=Organization.Kind.LOCAL_GOVERNMENT, prefecture=prefecture("43")
    )
    OrganizationFactory(
        name="熊本県庁", kind=Organization.Kind.LOCAL_GOVERNMENT, prefecture=prefecture("43")
    )
    OrganizationFactory(name="熊本市の企業", prefecture=prefecture("43"))
    OrganizationFactory(
        name="福岡市役所", kind=Organization.Kind.LOCAL_GOVERNMENT, prefecture=prefecture("40")
    )

    response = client.get(
        url("organization_list"), {"kind": "local_government", "prefecture": "43", "q": "市"}
    )

    assert list(response.context["organizations"]) == [match]
    assert '<p class="result-count" role="status">1団体</p>' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"prefecture": "99"}, "都道府県コード「99」はありません。"),
        ({"prefecture": "abc"}, "都道府県コード「abc」はありません。"),
        ({"kind": "dragon"}, "種別「dragon」はありません。"),
        ({"thread": "nope"}, "推進体制「nope」はありません。"),
        ({"block": "nowhere"}, "地域ブロック「nowhere」はありません。"),
        (
            {"q": "あ" * 10_000},
            "名称は100文字以内で入力してください（10000文字入力されています）。",
        ),
    ],
)
def test_organization_list_bad_parameter_gives_message_not_500(client, params, message):
    OrganizationFactory()

    response = client.get(url("organization_list"), params)

    assert response.status_code == 200
    assert list(response.context["organizations"]) == []
    html = response.content.decode()
    assert message in html
    assert '<div class="warning-box" role="alert">' in html
    assert 'aria-describedby="id_' in html


@pytest.mark.parametrize("page", ["abc", "999999", "0", "-1"])
def test_organization_list_bad_page_gives_a_page_not_500(client, page):
    OrganizationFactory()

    response = client.get(url("organization_list"), {"page": page})

    assert response.status_code == 200
    assert len(response.context["organizations"]) == 1


def test_organization_list_counts_a_national_directory_with_thousands_separators(client):
    Organization.objects.bulk_create(OrganizationFactory.build_batch(1001))

    html = client.get(url("organization_list")).content.decode()

    assert '<p class="result-count" role="status">1,001団体</p>' in html


def test_organization_list_paginates(client):
    OrganizationFactory.create_batch(51)

    response = client.get(url("organization_list"), {"page": "2"})

    assert len(response.context["organizations"]) == 1
    html = response.content.decode()
    assert '<p class="result-count" role="status">51団体</p>' in html
    assert 'rel="prev"' in html


def test_organization_list_in_english(client):
    thread = ThreadFactory(slug="vertical", title="縦の糸", title_en="Vertical thread")
    organization = OrganizationFactory(
        name="全国市長会", name_en="Japan Association of City Mayors"
    )
    ParticipationFactory(thread=thread, organization=organization)

    response = client.get(url("organization_list", language="en"), {"prefecture": "43"})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert '<option value="43" selected>Kumamoto</option>' in html
    assert '<option value="vertical">Vertical thread</option>' in html

    response = client.get(url("organization_list", language="en"))
    html = response.content.decode()
    assert (
        f'<a href="/en/organizations/{organization.pk}/">Japan Association of City Mayors</a>'
        in html
    )
    assert '<a href="/en/threads/vertical/">Vertical thread</a>' in html


@pytest.mark.parametrize("n", [1, 3])
def test_organization_list_query_count_is_fixed(client, django_assert_num_queries, n):
    """6 queries: the count, the page of organizations with place, their
    participations with thread (one prefetch), and the choices of the
    prefecture, block and thread selects."""
    threads = ThreadFactory.create_batch(2)
    for _ in range(n):
        organization = OrganizationFactory(prefecture=prefecture("43"))
        for thread in threads:
            ParticipationFactory(thread=thread, organization=organization)

    with django_assert_num_queries(6):
        response = client.get(url("organization_list"))

    assert len(response.context["organizations"]) == n


@pytest.mark.parametrize("n", [1, 3])
def test_organization_list_filtered_query_count_is_fixed(client, django_assert_num_queries, n):
    """9 queries: the 6 of the unfiltered page, plus the lookups of the
    `prefecture`, `block` and `thread` values the filters validate."""
    thread = ThreadFactory(slug="vertical")
    for _ in range(n):
        ParticipationFactory(
            thread=thread, organization=OrganizationFactory(prefecture=prefecture("43"))
        )

    with django_assert_num_queries(9):
        response = client.get(
            url("organization_list"),
            {"prefecture": "43", "block": "kyushu", "thread": "vertical", "kind": "company"},
        )

    assert len(response.context["organizations"]) == n


def test_seeded_organization_directory_by_thread(client, seeded):
    response = client.get("/organizations/", {"thread": "horizontal-associations"})

    assert sorted(o.name for o in response.context["organizations"]) == sorted(
        ["全国知事会", "全国市長会", "全国町村会"]
    )
