"""Exporting briefings from the admin: CSV and XLSX as Excel opens them, a
bureau's block only, a round trip, a fixed query count."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from briefings.models import Briefing
from tests import factories
from tests.briefings.import_helpers import CSV, XLSX, confirm, import_url, outcomes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, editor):
    """The editor (tests/conftest.py), logged in."""
    client.force_login(editor)
    return editor


@pytest.fixture
def kyushu(client, kyushu_bureau):
    """The 九州 bureau (tests/conftest.py), logged in."""
    client.force_login(kyushu_bureau)
    return kyushu_bureau


# --- the admin: export ---------------------------------------------------------


def export(client, format_=CSV):
    return client.post(import_url("export"), {"format": format_, "resource": "0"})


def test_export_csv_opens_in_excel_with_japanese_headers(client, editor):
    factories.BriefingFactory(title="熊本県内説明会")

    response = export(client)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "ID,開催日,状況,対象,種別,開催概要,開催箇所,都道府県,地域ブロック,主催,"
        "関連する推進体制,参加者数,備考,資料URL,中止の理由,"
        "会場名,会場の所在地,開始時刻,終了時刻,対象者,申込方法,申込URL,申込締切日,問合せ先,"
        "併せて対象,併せて種別,主催の出典,主催の根拠"
    )
    assert lines[1].split(",")[2:9] == [
        "開催済",
        "都道府県",
        "地方自治体向け説明会",
        "熊本県内説明会",
        "",
        "熊本県",
        "九州",
    ]


def test_export_xlsx_has_japanese_headers_and_native_dates(client, editor):
    factories.BriefingFactory()

    response = export(client, XLSX)

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]][:3] == ["ID", "開催日", "状況"]
    assert sheet["B2"].value == datetime.datetime(2017, 2, 15)


def test_export_bureau_gets_only_its_block(client, kyushu):
    factories.BriefingFactory(title="熊本の説明会")
    factories.BriefingFactory(title="北海道の説明会", prefecture=factories.prefecture("01"))

    response = export(client)

    body = response.content.decode("utf-8-sig")
    assert "熊本の説明会" in body
    assert "北海道の説明会" not in body


@pytest.mark.parametrize(
    ("format_", "name"), [(CSV, "export.csv"), (XLSX, "export.xlsx")], ids=["csv", "xlsx"]
)
def test_export_then_import_reports_every_row_unchanged(client, editor, format_, name):
    factories.BriefingFactory(title="一つ目", notes="※備考\r\n二行目", audience_size=20)
    factories.BriefingFactory(
        title="二つ目",
        status=Briefing.Status.CANCELLED,
        scope=Briefing.Scope.NATIONAL,
        prefecture=None,
    )
    exported = export(client, format_).content

    preview = upload(client, exported, name=name, format_=format_)
    confirm(client, preview)

    assert [o[1] for o in outcomes(preview)] == ["変更なし", "変更なし"]
    assert Briefing.history.count() == 2


@pytest.mark.parametrize("format_", [CSV, XLSX], ids=["csv", "xlsx"])
def test_export_query_count_does_not_grow_with_rows(client, editor, format_):
    """Each row's prefecture, block, host and thread come joined, not one query each."""

    def count_export_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert export(client, format_).status_code == 200
        return len(queries)

    host, thread = factories.OrganizationFactory(), factories.ThreadFactory()
    factories.BriefingFactory(host=host, thread=thread)
    one = count_export_queries()
    factories.BriefingFactory.create_batch(2, host=factories.OrganizationFactory(), thread=thread)

    assert count_export_queries() == one
