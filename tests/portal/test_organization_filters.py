import pytest

from networks.models import Organization
from portal.directory.filters import Q_MAX_LENGTH, OrganizationFilterSet
from tests.factories import (
    OrganizationFactory,
    ParticipationFactory,
    ThreadFactory,
    block,
    prefecture,
)

pytestmark = pytest.mark.django_db


def filtered(data: dict) -> OrganizationFilterSet:
    return OrganizationFilterSet(data, queryset=Organization.objects.all())


def test_organization_filter_kind_keeps_that_kind_only():
    ministry = OrganizationFactory(kind=Organization.Kind.MINISTRY)
    OrganizationFactory(kind=Organization.Kind.COMPANY)

    filterset = filtered({"kind": "ministry"})

    assert filterset.is_valid()
    assert list(filterset.qs) == [ministry]


def test_organization_filter_kind_unknown_is_an_error():
    filterset = filtered({"kind": "dragon"})

    assert not filterset.is_valid()
    assert filterset.errors["kind"] == ["種別「dragon」はありません。一覧から選んでください。"]


def test_organization_filter_prefecture_by_code():
    kumamoto = OrganizationFactory(prefecture=prefecture("43"))
    OrganizationFactory(prefecture=prefecture("40"))
    OrganizationFactory()

    filterset = filtered({"prefecture": "43"})

    assert filterset.is_valid()
    assert list(filterset.qs) == [kumamoto]


@pytest.mark.parametrize("code", ["99", "abc", "4"])
def test_organization_filter_prefecture_unknown_code_is_an_error(code):
    filterset = filtered({"prefecture": code})

    assert not filterset.is_valid()
    assert filterset.errors["prefecture"] == [
        f"都道府県コード「{code}」はありません。01（北海道）から47（沖縄県）までの"
        "2桁で指定するか、一覧から選んでください。"
    ]


def test_organization_filter_block_includes_its_prefectures_organizations():
    council = OrganizationFactory(block=block("kyushu"))
    in_kumamoto = OrganizationFactory(prefecture=prefecture("43"))  # block set on save
    OrganizationFactory(block=block("chugoku"))
    OrganizationFactory()

    filterset = filtered({"block": "kyushu"})

    assert filterset.is_valid()
    assert set(filterset.qs) == {council, in_kumamoto}


def test_organization_filter_block_unknown_code_is_an_error():
    filterset = filtered({"block": "nowhere"})

    assert not filterset.is_valid()
    assert filterset.errors["block"] == [
        "地域ブロック「nowhere」はありません。一覧から選んでください。"
    ]


def test_organization_filter_thread_keeps_participants_of_that_thread():
    thread = ThreadFactory(slug="vertical")
    participant = ParticipationFactory(thread=thread).organization
    ParticipationFactory()  # another thread
    OrganizationFactory()  # none

    filterset = filtered({"thread": "vertical"})

    assert filterset.is_valid()
    assert list(filterset.qs) == [participant]


def test_organization_filter_thread_unknown_slug_is_an_error():
    filterset = filtered({"thread": "nope"})

    assert not filterset.is_valid()
    assert filterset.errors["thread"] == ["推進体制「nope」はありません。一覧から選んでください。"]


def test_organization_filter_thread_choices_are_threads_by_title():
    ThreadFactory(slug="vertical", title="縦の糸", order=1)
    ThreadFactory(slug="diagonal", title="斜めの糸", order=2)

    choices = list(filtered({}).form.fields["thread"].choices)

    assert [(str(value), label) for value, label in choices] == [
        ("", "すべて"),
        ("vertical", "縦の糸"),
        ("diagonal", "斜めの糸"),
    ]


def test_organization_filter_q_matches_japanese_or_english_name():
    japanese = OrganizationFactory(name="全国市長会", name_en="Japan Association of City Mayors")
    OrganizationFactory(name="全国知事会", name_en="National Governors' Association")

    assert list(filtered({"q": "市長"}).qs) == [japanese]
    assert list(filtered({"q": "mayors"}).qs) == [japanese]


def test_organization_filter_q_needs_every_word():
    both = OrganizationFactory(name="中国情報通信懇談会")
    OrganizationFactory(name="中国総合通信局")

    assert list(filtered({"q": "中国\u3000懇談会"}).qs) == [both]


def test_organization_filter_q_too_long_is_an_error():
    filterset = filtered({"q": "あ" * 10_000})

    assert not filterset.is_valid()
    assert filterset.errors["q"] == [
        f"名称は{Q_MAX_LENGTH}文字以内で入力してください（10000文字入力されています）。"
    ]
