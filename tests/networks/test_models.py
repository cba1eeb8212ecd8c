import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from networks.models import Field, Member, Municipality, Organization, Prefecture, RegionalBlock
from tests.factories import (
    MemberFactory,
    MunicipalityFactory,
    OrganizationFactory,
    block,
    field,
    prefecture,
)

pytestmark = pytest.mark.django_db


# Reference data from migration 0002 -----------------------------------------


def test_regional_blocks_from_migration():
    assert list(RegionalBlock.objects.values_list("code", flat=True)) == [
        "hokkaido",
        "tohoku",
        "kanto",
        "shinetsu",
        "hokuriku",
        "tokai",
        "kinki",
        "chugoku",
        "shikoku",
        "kyushu",
        "okinawa",
    ]


def test_okinawa_block_is_served_by_an_office():
    assert block("okinawa").bureau_name == "沖縄総合通信事務所"
    assert block("kanto").bureau_name == "関東総合通信局"


def test_prefectures_from_migration():
    assert Prefecture.objects.count() == 47
    assert list(Prefecture.objects.values_list("code", flat=True)) == [
        f"{n:02d}" for n in range(1, 48)
    ]


@pytest.mark.parametrize(
    ("code", "block_code"),
    [
        ("19", "kanto"),  # 山梨県 is served by the Kanto bureau
        ("24", "tokai"),  # 三重県 by Tokai, not Kinki
        ("20", "shinetsu"),  # 長野県
        ("15", "shinetsu"),  # 新潟県
        ("47", "okinawa"),
    ],
)
def test_prefecture_block_from_migration(code, block_code):
    assert prefecture(code).block.code == block_code


def test_fields_from_migration():
    assert Field.objects.count() == 10
    assert Field.objects.first().slug == "education"


# Municipality ---------------------------------------------------------------


def test_municipality_str():
    assert str(MunicipalityFactory()) == "熊本市"


def test_municipality_ward_may_have_parent():
    city = MunicipalityFactory()

    ward = Municipality.objects.create(
        code="431010",
        prefecture=prefecture("43"),
        name="熊本市中央区",
        kind=Municipality.Kind.WARD,
        parent=city,
    )

    assert list(city.wards.all()) == [ward]


def test_municipality_only_wards_have_parent_constraint():
    city = MunicipalityFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(
            code="432105",
            prefecture=prefecture("43"),
            name="菊池市",
            kind=Municipality.Kind.CITY,
            parent=city,
        )


# Organization ---------------------------------------------------------------


def test_organization_unique_name_constraint():
    OrganizationFactory(name="全国市長会")

    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationFactory(name="全国市長会")


def test_organization_save_derives_prefecture_and_block_from_municipality():
    organization = OrganizationFactory(
        kind=Organization.Kind.LOCAL_GOVERNMENT, municipality=MunicipalityFactory()
    )

    organization.refresh_from_db()
    assert organization.prefecture == prefecture("43")
    assert organization.block == block("kyushu")


def test_organization_save_derives_block_from_prefecture():
    organization = OrganizationFactory(prefecture=prefecture("19"))

    organization.refresh_from_db()
    assert organization.block == block("kanto")


def test_organization_save_keeps_block_without_place():
    organization = OrganizationFactory(block=block("hokuriku"))

    organization.refresh_from_db()
    assert organization.prefecture is None
    assert organization.block == block("hokuriku")


def test_organization_in_block():
    by_prefecture = OrganizationFactory(prefecture=prefecture("43"))
    by_block = OrganizationFactory(block=block("kyushu"))
    # A row written without save(), e.g. by a bulk update, has no block.
    without_block = OrganizationFactory(prefecture=prefecture("40"))
    Organization.objects.filter(pk=without_block.pk).update(block=None)
    OrganizationFactory(prefecture=prefecture("13"))
    OrganizationFactory()

    in_block = Organization.objects.in_block(block("kyushu"))

    assert set(in_block) == {by_prefecture, by_block, without_block}
    assert in_block.count() == 3


def test_organization_str():
    assert str(OrganizationFactory(name="総務省")) == "総務省"


def test_organization_display_name_switches_language():
    organization = OrganizationFactory(name="総務省", name_en="Ministry of Internal Affairs")

    with translation.override("ja"):
        assert organization.display_name == "総務省"
    with translation.override("en"):
        assert organization.display_name == "Ministry of Internal Affairs"


def test_organization_display_name_falls_back_without_english():
    organization = OrganizationFactory(name="北陸情報通信協議会", name_en="")

    with translation.override("en"):
        assert organization.display_name == "北陸情報通信協議会"


# Member ---------------------------------------------------------------------


def test_member_unique_name_role_constraint():
    MemberFactory(name="須藤", role=Member.Role.CHAIR)

    with pytest.raises(IntegrityError), transaction.atomic():
        MemberFactory(name="須藤", role=Member.Role.CHAIR)


def test_member_same_name_in_another_role_is_allowed():
    MemberFactory(name="須藤", role=Member.Role.CHAIR)
    MemberFactory(name="須藤", role=Member.Role.MEMBER)

    assert Member.objects.filter(name="須藤").count() == 2


def test_member_str():
    with translation.override("ja"):
        assert str(MemberFactory(name="須藤", role=Member.Role.CHAIR)) == "須藤座長"


def test_member_display_name_switches_language():
    member = MemberFactory(name="須藤", name_en="Sudo", role=Member.Role.CHAIR)

    with translation.override("ja"):
        assert member.display_name == "須藤座長"
    with translation.override("en"):
        assert member.display_name == f"Sudo ({member.get_role_display()})"


# Blocks, prefectures, fields --------------------------------------------------


def test_reference_str():
    assert str(block("kyushu")) == "九州"
    assert str(prefecture("43")) == "熊本県"
    assert str(field("education")) == "教育"


def test_reference_display_names_switch_language():
    with translation.override("ja"):
        assert block("okinawa").display_name == "沖縄"
        assert block("okinawa").display_bureau_name == "沖縄総合通信事務所"
        assert prefecture("13").display_name == "東京都"
        assert field("disaster").display_name == "防災"
    with translation.override("en"):
        assert block("okinawa").display_name == "Okinawa"
        assert block("okinawa").display_bureau_name == "Okinawa Office of Telecommunications"
        assert prefecture("13").display_name == "Tokyo"
        assert field("disaster").display_name == "Disaster prevention"


def test_member_display_name_in_english_without_english_name_keeps_role_apart():
    member = MemberFactory(name="山内", role=Member.Role.MEMBER)

    with translation.override("en"):
        assert member.display_name == f"山内 ({member.get_role_display()})"
