"""The national network's records: their rules as constraints and form messages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from networks.models import Case, Dispatch, Match, Need, Offer, Organization, Project
from tests.factories import (
    CaseFactory,
    DispatchFactory,
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


def test_need_takes_its_municipalitys_prefecture():
    need = NeedFactory()

    assert need.prefecture == prefecture("43")
    assert list(Need.objects.in_block(block("kyushu"))) == [need]
    assert list(Need.objects.in_block(block("kanto"))) == []


def test_need_of_a_company_is_refused_with_a_message():
    company = OrganizationFactory(name="株式会社テスト")
    need = Need(
        organization=company, field=field(), title="課題", posted_on=datetime.date(2017, 6, 1)
    )

    with pytest.raises(ValidationError) as error:
        need.full_clean()

    assert error.value.message_dict["organization"] == [
        "市区町村には、市区町村（団体コードのある地方自治体）を選んでください。"
        "「株式会社テスト」は市区町村ではありません。"
    ]


def test_match_is_unique_per_need_and_offer():
    match = MatchFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Match.objects.create(need=match.need, offer=match.offer, proposed_on=match.proposed_on)


def test_match_decided_without_a_date_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        MatchFactory(status=Match.Status.AGREED, decided_on=None)


def test_offer_serves_a_block_nationwide_by_block_or_by_prefecture():
    nationwide = OfferFactory(nationwide=True)
    by_block = OfferFactory(nationwide=False)
    by_block.blocks.set([block("kyushu")])
    by_prefecture = OfferFactory(nationwide=False)
    by_prefecture.prefectures.set([prefecture("40")])
    elsewhere = OfferFactory(nationwide=False)
    elsewhere.prefectures.set([prefecture("13")])

    serving = set(Offer.objects.serving_block(block("kyushu")))

    assert serving == {nationwide, by_block, by_prefecture}
    assert set(Offer.objects.in_field(field())) == {nationwide, by_block, by_prefecture, elsewhere}


def test_dispatch_ending_before_it_starts_is_refused_with_a_message():
    dispatch = DispatchFactory.build(
        from_organization=municipality_organization(),
        to_organization=municipality_organization("432024", "八代市"),
        start_on=datetime.date(2017, 8, 10),
        end_on=datetime.date(2017, 8, 1),
    )

    with pytest.raises(ValidationError) as error:
        dispatch.full_clean()

    assert error.value.message_dict["end_on"] == [
        "終了日は開始日（2017-08-10）以降の日付にしてください。"
    ]


def test_dispatch_ending_before_it_starts_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        DispatchFactory(start_on=datetime.date(2017, 8, 10), end_on=datetime.date(2017, 8, 1))


def test_dispatch_to_the_same_municipality_is_refused():
    kumamoto = municipality_organization()
    dispatch = Dispatch(
        from_organization=kumamoto,
        to_organization=kumamoto,
        topic="t",
        field=field(),
        start_on=datetime.date(2017, 8, 1),
    )

    with pytest.raises(ValidationError) as error:
        dispatch.full_clean()

    assert error.value.message_dict["to_organization"] == [
        "派遣先には、派遣元とは別の市区町村を選んでください。"
    ]


def test_project_cannot_spread_from_itself_through_a_chain():
    model = ProjectFactory()
    copy = ProjectFactory(spread_from=model)
    model.spread_from = copy

    with pytest.raises(ValidationError) as error:
        model.full_clean()

    assert error.value.message_dict["spread_from"] == [
        "横展開元をたどると、このプロジェクト自身に戻ります。別のプロジェクトを選んでください。"
    ]
    assert list(model.spread_to.all()) == [copy]


def test_project_led_by_a_company_is_refused():
    project = ProjectFactory.build(lead=OrganizationFactory(name="企業A"), field=field())

    with pytest.raises(ValidationError) as error:
        project.full_clean()

    assert "lead" in error.value.message_dict


def test_case_council_must_be_the_municipalitys_block():
    case = CaseFactory.build(
        organization=municipality_organization(), field=field(), council=block("kanto")
    )

    with pytest.raises(ValidationError) as error:
        case.full_clean()

    assert error.value.message_dict["council"] == [
        "「熊本市」は九州ブロックの市区町村です。その地域ブロックの協議会を選んでください。"
    ]


def test_every_record_keeps_an_audit_trail():
    for row in (NeedFactory(), OfferFactory(), MatchFactory(), ProjectFactory(), CaseFactory()):
        assert row.history.earliest("history_id").history_type == "+"
    assert Organization.objects.filter(kind=Organization.Kind.LOCAL_GOVERNMENT).count() == 1
    assert Project.objects.count() == 1 and Case.objects.count() == 1
