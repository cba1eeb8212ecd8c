"""Imports are bounded (core.spreadsheets.limits): too large a file, too many rows
or a zip bomb is refused with the limit named, quickly, and leaves nothing behind.

Most tests set small limits to stay fast; one runs with the real defaults and
measures the wall time of the probe's files."""

import io
import re
import zipfile

import openpyxl
import pytest
import tablib
from django.urls import reverse

from core.spreadsheets import ExcelXLSX
from networks.models import Organization

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"
HEADERS = ["ID", "名称", "種別"]


@pytest.fixture
def editor(client, editor):
    """The editor (tests/conftest.py), logged in."""
    client.force_login(editor)
    return editor


def rows(count: int) -> list[list[str]]:
    return [["", f"団体{number}", "民間企業"] for number in range(1, count + 1)]


def csv_file(data_rows) -> bytes:
    return tablib.Dataset(*data_rows, headers=HEADERS).export("csv").encode("utf-8-sig")


def xlsx_file(data_rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [HEADERS, *data_rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, content: bytes, format_=CSV):
    file = io.BytesIO(content)
    file.name = "organizations.xlsx" if format_ == XLSX else "organizations.csv"
    return client.post(
        reverse("admin:networks_organization_import"),
        {"import_file": file, "format": format_, "resource": "0"},
    )


def file_errors(response) -> list[str]:
    return response.context["form"].errors.get("import_file", [])


def outcomes(response) -> list[tuple[int, str]]:
    return [(row.sheet_row, row.outcome) for row in response.context["result"].sheet_rows]


# --- size -------------------------------------------------------------------------


@pytest.mark.parametrize("format_", [CSV, XLSX], ids=["csv", "xlsx"])
def test_import_file_over_the_size_limit_is_refused_before_it_is_stored(
    client, editor, settings, import_preview_dir, format_
):
    settings.IMPORT_MAX_BYTES = 6 * 1024
    content = (csv_file if format_ == CSV else xlsx_file)(rows(300))
    assert 7 * 1024 < len(content) < 20 * 1024

    response = upload(client, content, format_)

    [error] = file_errors(response)
    assert re.fullmatch(
        r"ファイルの大きさが上限（6 KB）を超えています（このファイルは \d+(\.\d)? KB）。"
        r"分けて取り込んでください。",
        error,
    )
    assert "result" not in response.context
    assert not import_preview_dir.exists()
    assert Organization.objects.count() == 0


def test_import_file_at_the_size_limit_is_read(client, editor, settings):
    content = csv_file(rows(2))
    settings.IMPORT_MAX_BYTES = len(content)

    response = upload(client, content)

    assert outcomes(response) == [(2, "新規"), (3, "新規")]


# --- rows -------------------------------------------------------------------------


@pytest.mark.parametrize("format_", [CSV, XLSX], ids=["csv", "xlsx"])
def test_import_rows_over_the_limit_are_refused_naming_it(client, editor, settings, format_):
    settings.IMPORT_MAX_ROWS = 3
    content = (csv_file if format_ == CSV else xlsx_file)(rows(4))

    response = upload(client, content, format_)

    assert file_errors(response) == [
        "行数が上限（3行）を超えています。見出しの下が3行以下になるように分けて取り込んでください。"
    ]
    assert "result" not in response.context


@pytest.mark.parametrize("format_", [CSV, XLSX], ids=["csv", "xlsx"])
def test_import_rows_at_the_limit_with_blank_rows_after_them_are_read(
    client, editor, settings, format_
):
    settings.IMPORT_MAX_ROWS = 3
    # Blank rows at the end (Excel keeps formatted empty rows) do not count.
    content = (csv_file if format_ == CSV else xlsx_file)([*rows(3), ["", "", ""], ["", "", ""]])

    response = upload(client, content, format_)

    assert outcomes(response) == [(2, "新規"), (3, "新規"), (4, "新規")]


def test_import_blank_rows_past_twice_the_limit_stop_the_reading(client, editor, settings):
    settings.IMPORT_MAX_ROWS = 3
    content = csv_file([*rows(3), *[["", "", ""]] * 4])

    response = upload(client, content)

    assert file_errors(response) == [
        "行数が上限（3行）を超えています。見出しの下が3行以下になるように分けて取り込んでください。"
    ]


def xlsx_with_sheet_xml(sheet_xml: str) -> bytes:
    """A real workbook whose first sheet is replaced by `sheet_xml`."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_file([])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                archive.writestr(info.filename, sheet_xml)
            else:
                archive.writestr(info, source.read(info))
    return out.getvalue()


def sheet_xml(body: str, dimension: str = "A1:C2") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>'
    )


def inline(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_import_xlsx_declaring_the_whole_sheet_reads_only_its_cells():
    """A sheet may declare A1:XFD1048576: openpyxl would pad each of its rows to
    16,384 cells; only the cells in the file are read."""
    header = f'<row r="1">{inline("A1", "ID")}{inline("B1", "名称")}{inline("C1", "種別")}</row>'
    body = "".join(
        f'<row r="{row}">{inline(f"B{row}", f"団体{row}")}{inline(f"C{row}", "民間企業")}</row>'
        for row in range(2, 3002)
    )
    content = xlsx_with_sheet_xml(sheet_xml(header + body, dimension="A1:XFD1048576"))

    dataset = ExcelXLSX().create_dataset(content)

    assert (dataset.headers, dataset.height, dataset.extra_cells) == (HEADERS, 3000, {})
    assert dataset[2999] == (None, "団体3001", "民間企業")


def test_import_xlsx_cell_far_right_of_the_header_is_found_cheaply():
    """One cell in column XFD per row; and the declared range (A1:C2) is too
    small, which would make openpyxl stop at row 2 without a word."""
    header = f'<row r="1">{inline("A1", "ID")}{inline("B1", "名称")}{inline("C1", "種別")}</row>'
    body = "".join(
        f'<row r="{row}">{inline(f"B{row}", "団体")}{inline(f"XFD{row}", "遠い値")}</row>'
        for row in range(2, 3002)
    )
    content = xlsx_with_sheet_xml(sheet_xml(header + body))

    dataset = ExcelXLSX().create_dataset(content)

    assert dataset.height == 3000
    assert set(map(tuple, dataset.extra_cells.values())) == {("XFD",)}


def test_import_xlsx_zip_bomb_is_refused_unopened(client, editor, settings):
    settings.IMPORT_MAX_BYTES = 100_000
    # 1 MB of rows that compresses to a few kilobytes.
    body = f'<row r="1">{inline("A1", "ID")}</row>' + "<row/>" * 200_000
    content = xlsx_with_sheet_xml(sheet_xml(body))
    assert len(content) < 100_000

    response = upload(client, content, XLSX)

    assert file_errors(response) == [
        "XLSX ファイルの中身が、展開すると上限（390.6 KB）を超えます。"
        "分けて取り込むか、CSV で保存してください。"
    ]


def with_shared_strings(count: int) -> bytes:
    """A real workbook with `count` empty shared strings (openpyxl parses each, ~45 µs)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_file([])))
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "<si><t/></si>" * count
        + "</sst>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            archive.writestr(info, data)
        archive.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


def test_import_xlsx_with_more_cells_and_strings_than_rows_allow_is_refused_unparsed(
    client, editor, settings
):
    settings.IMPORT_MAX_ROWS = 10  # 40 cells and strings a row: 400
    content = with_shared_strings(401)

    response = upload(client, content, XLSX)

    assert file_errors(response) == [
        "XLSX ファイルのセルと文字列の数が上限（400）を超えています。分けて取り込んでください。"
    ]


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        pytest.param(
            sheet_xml("&row;").replace("?>", '?><!DOCTYPE w [<!ENTITY row "<row/>">]>', 1),
            "DOCTYPE",
            id="dtd",
        ),
        pytest.param(
            sheet_xml("").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
            "UTF-16",
            id="utf-16",
        ),
        pytest.param(
            sheet_xml("").replace('encoding="UTF-8"', 'encoding="cp037"'), "cp037", id="cp037"
        ),
    ],
)
def test_import_xlsx_whose_cells_cannot_be_counted_is_refused(client, editor, xml, reason):
    """Entities, or an encoding in which "<c" is other bytes, would hide cells from the count."""
    content = xlsx_with_sheet_xml(xml)

    response = upload(client, content, XLSX)

    assert file_errors(response) == [f"XLSX として読めません（{reason}）。"]


# --- the probe's files, with the real limits ----------------------------------------


def test_import_probe_files_are_refused_by_their_limits(client, editor, settings):
    """Each is refused by the limit it breaks, counted before it is parsed (how
    fast, on a quiet machine, is for `make bench`, not for a timed test)."""
    assert (settings.IMPORT_MAX_BYTES, settings.IMPORT_MAX_ROWS) == (5 * 1024 * 1024, 5000)
    twenty_thousand_rows = xlsx_file([[number] for number in range(20_000)])
    fifty_megabytes = csv_file(rows(1)) + b"x" * (50 * 1024 * 1024)
    # 30 KB that openpyxl would spend most of a minute on.
    million_strings = with_shared_strings(1_000_000)

    errors = []
    files = [(twenty_thousand_rows, XLSX), (fifty_megabytes, CSV), (million_strings, XLSX)]
    for content, format_ in files:
        errors += file_errors(upload(client, content, format_))

    assert errors == [
        "行数が上限（5,000行）を超えています。見出しの下が5,000行以下になるように分けて取り込んでください。",
        "ファイルの大きさが上限（5 MB）を超えています（このファイルは 50 MB）。分けて取り込んでください。",
        "XLSX ファイルのセルと文字列の数が上限（200,000）を超えています。分けて取り込んでください。",
    ]
