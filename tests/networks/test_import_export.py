"""Bulk import and export of organizations: the resource, then the admin views."""

import io

import pytest
import tablib
from django.contrib.auth import get_user_model
from django.urls import reverse

from core.access import BUREAU, EDITOR
from networks.models import Organization
from networks.resources import OrganizationResource
from networks.services.staff import assign_staff_role
from tests import factories

pytestmark = pytest.mark.django_db

HEADERS = [
    "ID",
    "名称",
    "英語名称",
    "種別",
    "都道府県",
    "市区町村",
    "地域ブロック",
    "ウェブサイト",
    "説明",
]
CSV = "0"


def staff(username: str, role: str, block: str | None = None):
    # No password: force_login needs none, and hashing one is slow.
    user = get_user_model().objects.create_user(username)
    assign_staff_role(user, role=role, block=factories.block(block) if block else None)
    return user


def sapporo():
    return factories.MunicipalityFactory(
        code="011002",
        prefecture=factories.prefecture("01"),
        name="札幌市",
        kana="さっぽろし",
    )


def import_rows(*rows, user=None, dry_run=False):
    return OrganizationResource(user=user).import_data(
        tablib.Dataset(*rows, headers=HEADERS), dry_run=dry_run
    )


# --- the resource -------------------------------------------------------------


def test_resource_municipality_code_fixes_prefecture_and_block():
    factories.MunicipalityFactory()  # 熊本市 431001

    import_rows(
        ["", "熊本市", "Kumamoto City", "地方自治体", "", "431001", "", "www.city.kumamoto.jp", ""]
    )

    organization = Organization.objects.get()
    assert (
        organization.kind,
        organization.municipality.code,
        organization.prefecture.code,
        organization.block.code,
        organization.url,
    ) == ("local_government", "431001", "43", "kyushu", "https://www.city.kumamoto.jp")


@pytest.mark.parametrize("code", ["11002", 11002, "01100", "０１１００２"])
def test_resource_municipality_code_as_excel_leaves_it(code):
    sapporo()

    import_rows(["", "札幌市", "", "local_government", "", code, "", "", ""])

    assert Organization.objects.get().municipality.code == "011002"


def test_resource_row_without_id_updates_the_organization_of_that_name():
    existing = factories.OrganizationFactory(name="九州総合通信局", kind=Organization.Kind.OTHER)

    result = import_rows(["", "九州総合通信局", "", "省庁", "", "", "kyushu", "", "説明"])

    existing.refresh_from_db()
    assert [(r.outcome, r.messages) for r in result.sheet_rows] == [("変更", [])]
    assert (existing.kind, existing.block.code, existing.description) == (
        "ministry",
        "kyushu",
        "説明",
    )
    assert Organization.objects.count() == 1


def test_resource_errors_name_row_column_and_reason():
    factories.MunicipalityFactory()
    result = import_rows(
        ["", "団体A", "", "謎の種別", "", "", "", "", ""],
        ["", "団体B", "", "民間企業", "", "999999", "", "", ""],
        ["", "団体C", "", "民間企業", "01", "431001", "", "", ""],
        ["", "団体D", "", "民間企業", "熊本", "", "tohoku", "", ""],
        ["", "", "", "民間企業", "", "", "", "", ""],
        dry_run=True,
    )

    assert [(r.sheet_row, r.messages) for r in result.sheet_rows] == [
        (
            2,
            [
                "種別: 「謎の種別」は選べる値ではありません（省庁、ICT関連推進団体、業界団体、"
                "医療関係団体、地方自治体、民間企業、大学、NPO、市民団体、協議会・懇談会、"
                "地方六団体等（全国知事会・市長会・町村会）、その他）。"
            ],
        ),
        (
            3,
            ["市区町村: 市区町村コード「999999」が見つかりません（6桁の団体コード、例：431001）。"],
        ),
        (4, ["市区町村: 市区町村「熊本市」は北海道にありません。"]),
        (5, ["地域ブロック: 熊本県は地域ブロック「東北」に属していません。"]),
        (6, ["名称: このフィールドは空ではいけません。"]),
    ]
    assert Organization.objects.count() == 0


def test_resource_bureau_cannot_update_another_blocks_organization_by_name():
    other = factories.OrganizationFactory(
        name="北海道の団体", prefecture=factories.prefecture("01")
    )
    user = staff("kyushu", BUREAU, "kyushu")

    result = import_rows(
        ["", "北海道の団体", "", "民間企業", "", "", "", "", "書き換え"], user=user
    )

    assert [r.messages for r in result.sheet_rows] == [
        ["名称: この 名称 を持った 団体 が既に存在します。"]
    ]
    other.refresh_from_db()
    assert other.description == ""


# --- the admin ----------------------------------------------------------------


def admin_url(action: str) -> str:
    return reverse(f"admin:networks_organization_{action}")


def upload(client, content: bytes, name="organizations.csv"):
    file = io.BytesIO(content)
    file.name = name
    return client.post(admin_url("import"), {"import_file": file, "format": CSV, "resource": "0"})


def csv_file(*rows, encoding="utf-8-sig") -> bytes:
    return tablib.Dataset(*rows, headers=HEADERS).export("csv").encode(encoding)


def test_import_cp932_file_writes_organizations_with_the_user(client):
    editor = staff("editor", EDITOR)
    client.force_login(editor)
    preview = upload(
        client, csv_file(["", "熊本県", "", "地方自治体", "43", "", "", "", ""], encoding="cp932")
    )
    assert [(r.sheet_row, r.outcome) for r in preview.context["result"].sheet_rows] == [(2, "新規")]

    client.post(admin_url("process_import"), preview.context["confirm_form"].initial)

    organization = Organization.objects.get()
    assert (organization.name, organization.block.code) == ("熊本県", "kyushu")
    assert Organization.history.filter(history_user=editor).count() == 1


def test_import_bureau_organization_in_another_block_refuses_the_file(client):
    client.force_login(staff("kyushu", BUREAU, "kyushu"))
    content = csv_file(
        ["", "熊本の団体", "", "民間企業", "43", "", "", "", ""],
        ["", "札幌の団体", "", "民間企業", "", str(sapporo().code), "", "", ""],
    )

    preview = upload(client, content)

    assert [(r.sheet_row, r.outcome, r.messages) for r in preview.context["result"].sheet_rows] == [
        (2, "新規", []),
        (
            3,
            "エラー",
            ["都道府県: 「北海道」は担当の地域ブロック（九州）の外のため、取り込めません。"],
        ),
    ]
    assert "confirm_form" not in preview.context
    assert Organization.objects.count() == 0


def test_import_bureau_organization_without_a_place_gets_its_block(client):
    client.force_login(staff("kyushu", BUREAU, "kyushu"))
    preview = upload(
        client, csv_file(["", "九州の協議会", "", "協議会・懇談会", "", "", "", "", ""])
    )

    client.post(admin_url("process_import"), preview.context["confirm_form"].initial)

    assert list(Organization.objects.values_list("name", "block__code")) == [
        ("九州の協議会", "kyushu")
    ]


def test_export_bureau_gets_only_its_blocks_organizations_and_they_import_back_unchanged(client):
    factories.OrganizationFactory(name="熊本の団体", prefecture=factories.prefecture("43"))
    factories.OrganizationFactory(name="北海道の団体", prefecture=factories.prefecture("01"))
    factories.OrganizationFactory(name="総務省", kind=Organization.Kind.MINISTRY)
    client.force_login(staff("kyushu", BUREAU, "kyushu"))

    exported = client.post(admin_url("export"), {"format": CSV, "resource": "0"}).content
    preview = upload(client, exported)

    assert exported.startswith(b"\xef\xbb\xbf")
    lines = exported.decode("utf-8-sig").splitlines()
    assert lines[0] == "ID,名称,英語名称,種別,都道府県,市区町村,地域ブロック,ウェブサイト,説明"
    assert [line.split(",")[1] for line in lines[1:]] == ["熊本の団体"]
    assert [r.outcome for r in preview.context["result"].sheet_rows] == ["変更なし"]
