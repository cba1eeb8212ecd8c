"""The import preview's cells (core.spreadsheets.resources.PreviewDiff): old → new
text marked up with <del>/<ins>/<span> and no style attribute, which the
Content-Security-Policy (style-src 'self') would refuse."""

import pytest
import tablib

from networks.models import Organization
from networks.resources import OrganizationResource
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


def preview_cells(*rows) -> list[list[str]]:
    result = OrganizationResource().import_data(
        tablib.Dataset(*rows, headers=HEADERS), dry_run=True
    )
    return [[str(cell) for cell in row.cells] for row in result.sheet_rows]


def test_preview_new_row_marks_each_cell_inserted_and_escapes_it():
    cells = preview_cells(
        ["", "<b>熊本</b>ラボ", "", "民間企業", "43", "", "", "", "一行目\n二行目"]
    )

    assert cells == [
        [
            "",
            "<ins>&lt;b&gt;熊本&lt;/b&gt;ラボ</ins>",
            "",
            "<ins>民間企業</ins>",
            "<ins>熊本県</ins>",
            "",
            "<ins>九州</ins>",
            "",
            "<ins>一行目\n二行目</ins>",
        ]
    ]


def test_preview_changed_row_marks_old_and_new_text():
    organization = factories.OrganizationFactory(
        name="熊本県IoT推進ラボ", kind=Organization.Kind.COMPANY, description="旧い説明"
    )

    cells = preview_cells(
        [str(organization.pk), "熊本県IoT推進ラボ", "", "民間企業", "", "", "", "", "新しい説明"]
    )

    assert cells[0][1] == "<span>熊本県IoT推進ラボ</span>"
    assert cells[0][8] == "<del>旧</del><ins>新し</ins><span>い説明</span>"
