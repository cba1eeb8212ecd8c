"""Rows an import must not take as they come: values right of the header, and
IDs of soft-deleted briefings (for every role)."""

import io

import openpyxl
import pytest
import tablib
from django.urls import reverse

from briefings.models import Briefing
from briefings.resources import BriefingResource
from core.access import BUREAU, EDITOR
from core.softdelete import soft_delete_record
from networks.models import Organization
from networks.resources import OrganizationResource
from tests import factories
from tests.briefings.import_helpers import CSV, HEADERS, PLANNED_KUMAMOTO, XLSX

pytestmark = pytest.mark.django_db

PLANNED = PLANNED_KUMAMOTO


def staff(client, role: str, block: str | None = None):
    user = factories.staff_user(role, block, username=role)
    client.force_login(user)
    return user


def csv_file(rows) -> bytes:
    # Written by hand: tablib would pad every row to the header's width.
    lines = [",".join(HEADERS)] + [",".join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def xlsx_file(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in [HEADERS, *rows]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, content: bytes, format_=CSV):
    file = io.BytesIO(content)
    file.name = "schedule.xlsx" if format_ == XLSX else "schedule.csv"
    return client.post(
        reverse("admin:briefings_briefing_import"),
        {"import_file": file, "format": format_, "resource": "0"},
    )


def outcomes(response) -> list[tuple[int, str, list[str]]]:
    return [(r.sheet_row, r.outcome, r.messages) for r in response.context["result"].sheet_rows]


# --- values right of the header ------------------------------------------------


@pytest.mark.parametrize("format_", [CSV, XLSX], ids=["csv", "xlsx"])
def test_import_value_in_a_column_without_header_is_an_error_on_its_row(client, format_):
    staff(client, EDITOR)
    rows = [
        [*PLANNED, "", " "],  # blank cells past the header: fine
        [*PLANNED, "", "メモ", "", "追記"],
        ["", "", "", "", "", "", "", "", "", "はみ出し"],  # nothing but the stray value
    ]

    preview = upload(client, (csv_file if format_ == CSV else xlsx_file)(rows), format_)

    assert outcomes(preview) == [
        (2, "新規", []),
        (
            3,
            "エラー",
            ["見出しのない列（K列、M列）に値があります。見出しを付けるか、値を消してください。"],
        ),
        (
            4,
            "エラー",
            ["見出しのない列（J列）に値があります。見出しを付けるか、値を消してください。"],
        ),
    ]
    assert "confirm_form" not in preview.context
    assert Briefing.all_objects.count() == 0


# --- soft-deleted briefings ------------------------------------------------------


@pytest.fixture
def deleted(db):
    """A Kyushu briefing an editor deleted: hidden from the public and from bureaus."""
    briefing = factories.BriefingFactory(title="削除された説明会")
    soft_delete_record(briefing, by=None)
    return briefing


def changing(briefing) -> list[str]:
    return [
        str(briefing.pk),
        "2017-02-15",
        "中止",
        "都道府県",
        "地方自治体向け説明会",
        "書き換え",
        "43",
        "",
        "理由",
    ]


def assert_untouched(briefing) -> None:
    briefing.refresh_from_db()
    assert (briefing.title, briefing.status, briefing.is_deleted) == (
        "削除された説明会",
        Briefing.Status.HELD,
        True,
    )
    assert briefing.history.count() == 2  # created, deleted


def test_import_editor_id_of_a_deleted_briefing_must_be_restored_first(client, deleted):
    staff(client, EDITOR)

    preview = upload(client, csv_file([changing(deleted)]))

    assert outcomes(preview) == [
        (
            2,
            "エラー",
            [f"ID: ID「{deleted.pk}」の行は削除されています。復元してから取り込んでください。"],
        )
    ]
    assert_untouched(deleted)


def test_import_bureau_id_of_its_blocks_deleted_briefing_is_not_found(client, deleted):
    staff(client, BUREAU, "kyushu")

    preview = upload(client, csv_file([changing(deleted)]))

    assert outcomes(preview) == [
        (2, "エラー", [f"ID: ID「{deleted.pk}」の行は見つからないか、変更できません。"])
    ]
    assert_untouched(deleted)


def test_import_briefing_deleted_between_preview_and_confirm_writes_nothing(client):
    user = staff(client, EDITOR)
    briefing = factories.BriefingFactory(title="削除された説明会")
    preview = upload(client, csv_file([changing(briefing), PLANNED]))
    assert [row[1] for row in outcomes(preview)] == ["変更", "新規"]
    soft_delete_record(briefing, by=user)

    client.post(
        reverse("admin:briefings_briefing_process_import"), preview.context["confirm_form"].initial
    )

    assert_untouched(briefing)
    assert Briefing.all_objects.count() == 1


def test_resource_without_a_user_never_writes_a_deleted_briefing(deleted):
    result = BriefingResource().import_data(tablib.Dataset(changing(deleted), headers=HEADERS))

    assert result.sheet_rows[0].messages == [
        f"ID: ID「{deleted.pk}」の行は削除されています。復元してから取り込んでください。"
    ]
    assert_untouched(deleted)


def test_resource_organization_by_id_is_updated_as_before():
    """Organizations are not soft-deletable: an ID finds the row as it always did."""
    organization = factories.OrganizationFactory(name="熊本の団体")
    headers = ["ID", "名称", "種別", "説明"]

    result = OrganizationResource().import_data(
        tablib.Dataset([str(organization.pk), "熊本の団体", "大学", "説明"], headers=headers)
    )

    assert [row.outcome for row in result.sheet_rows] == ["変更"]
    organization.refresh_from_db()
    assert (organization.kind, organization.description) == (Organization.Kind.UNIVERSITY, "説明")
