"""The national network's member directory: /network/members/."""

import datetime

import pytest

from networks.models import Organization
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/network/members/"


def member(name, kind=Organization.Kind.COMPANY, prefecture="43", fields=(), **kwargs):
    organization = factories.OrganizationFactory(
        name=name, kind=kind, prefecture=factories.prefecture(prefecture)
    )
    membership = factories.NetworkMembershipFactory(organization=organization, **kwargs)
    membership.fields.set([factories.field(slug) for slug in fields])
    return membership


@pytest.fixture
def members():
    member("熊本市", Organization.Kind.LOCAL_GOVERNMENT, "43", fields=["education"])
    member("高松市", Organization.Kind.LOCAL_GOVERNMENT, "37", fields=["disaster"])
    member("九州IoT株式会社", Organization.Kind.COMPANY, "40", fields=["education", "disaster"])
    member("札幌大学", Organization.Kind.UNIVERSITY, "01")
    member("退会した株式会社", left_on=datetime.date(2020, 3, 31))


def names(response) -> list[str]:
    return [m.organization.name for m in response.context["memberships"]]


def test_lists_current_members_with_counts_per_kind(client, members):
    response = client.get(URL)
    assert response.status_code == 200
    assert sorted(names(response)) == sorted(["熊本市", "高松市", "九州IoT株式会社", "札幌大学"])
    assert response.context["counts"] == {"municipalities": 2, "private": 2, "total": 4}
    assert "退会した株式会社" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=local_government", ["熊本市", "高松市"]),
        ("prefecture=37", ["高松市"]),
        ("block=kyushu", ["九州IoT株式会社", "熊本市"]),
        ("field=education", ["九州IoT株式会社", "熊本市"]),
        ("field=disaster&block=kyushu", ["九州IoT株式会社"]),
        ("q=大学", ["札幌大学"]),
    ],
)
def test_filters(client, members, query, expected):
    response = client.get(f"{URL}?{query}")
    assert sorted(names(response)) == sorted(expected)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("kind=nope", "種別「nope」はありません"),
        ("prefecture=99", "都道府県コード「99」はありません"),
        ("block=atlantis", "地域ブロック「atlantis」はありません"),
        ("field=nope", "分野「nope」はありません"),
        ("page=abc", None),
    ],
)
def test_bad_parameters_give_a_message_not_a_500(client, members, query, message):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    if message:
        assert message in response.content.decode()
        assert names(response) == []


def test_the_query_count_does_not_grow_with_the_members(client, members, django_assert_num_queries):
    # count, page rows, their fields, the counts per kind, and the filter
    # form's prefecture, block and field choices (and the field asked for).
    def pinned():
        with django_assert_num_queries(7):
            client.get(URL)
        with django_assert_num_queries(8):
            return client.get(f"{URL}?field=education")

    pinned()
    for n in range(30):
        member(f"追加の会員{n}", fields=["education"])
    assert pinned().context["paginator"].count == 32


def test_paginates(client):
    for n in range(51):
        member(f"会員{n:02d}")
    first = client.get(URL)
    assert len(first.context["memberships"]) == 50
    assert names(client.get(f"{URL}?page=2")) == ["会員50"]


def test_the_page_answers_in_english(client, members):
    response = client.get(f"/en{URL}")
    assert response.status_code == 200
