"""Spreadsheet files as Excel in Japan saves them: decoding, rows, the import and export formats.

CSV in: UTF-8 (with or without BOM) or CP932 (Shift_JIS); CSV out: UTF-8
with BOM, which Excel opens without garbling. XLSX in: the first sheet,
header in row 1; XLSX out: dates and numbers as native cells, text always as
text. Every sheet row keeps its spreadsheet number, blank rows included, so
an error names the row a person sees.

Both formats read within the limits of core.spreadsheets.limits (size,
expanded size, rows) and write text through core.spreadsheets.safe, so no
cell of an export runs as a formula. A value in a column without a header
is kept aside (`dataset.extra_cells`) for StaffResource to report on its row.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator

import tablib
from django.utils.translation import gettext
from import_export.formats import base_formats
from openpyxl.utils import get_column_letter

from . import limits
from .safe import looks_like_formula, spreadsheet_safe, spreadsheet_unescape

# A row as the cells it has: (column index from 0, value).
Cells = Iterable[tuple[int, object]]


class UnreadableFile(ValueError):
    """A file whose text or layout cannot be read; the message says why in Japanese."""


def decode_spreadsheet_text(data) -> str:
    """Text of a CSV saved by Excel: UTF-8 (with or without BOM), else CP932 (Shift_JIS)."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(
        gettext(
            "文字コードを判別できません。UTF-8 または Shift_JIS で保存した CSV を選んでください。"
        )
    )


def _blank(value) -> bool:
    return value is None or str(value).strip() == ""


def build_dataset(rows: Iterable[Cells]) -> tablib.Dataset:
    """A dataset of sheet rows, one per spreadsheet row (blank ones too, so the
    numbering stays the spreadsheet's); trailing blank columns and rows dropped.

    Reads `rows` one at a time and stops at the row limit (limits.max_rows).
    Values in columns right of the header are not data: `dataset.extra_cells`
    maps the data row's number (the first row below the header is 1, as
    import-export counts) to the letters of those columns.
    """
    rows = iter(rows)
    header_cells = dict(next(rows, ()))
    named = [index for index, value in header_cells.items() if not _blank(value)]
    width = max(named) + 1 if named else 0
    headers = [
        "" if header_cells.get(index) is None else str(header_cells[index]).strip()
        for index in range(width)
    ]
    dataset = tablib.Dataset(headers=headers) if headers else tablib.Dataset()
    dataset.extra_cells = {}
    limit = limits.max_rows()
    blank_run = 0
    for number, cells in enumerate(rows, start=1):
        values = [None] * width
        extra = []
        for index, value in cells:
            if index < width:
                values[index] = value
            elif not _blank(value):
                extra.append(index)
        if not extra and all(_blank(value) for value in values):
            # Blank rows count only if a row with a value follows; past twice
            # the limit reading stops all the same.
            blank_run += 1
            if number > 2 * limit:
                raise limits.too_many_rows()
            continue
        if number > limit:
            raise limits.too_many_rows()
        for _ in range(blank_run):
            dataset.append([None] * width)
        blank_run = 0
        if extra:
            dataset.extra_cells[number] = [get_column_letter(i + 1) for i in sorted(extra)]
        dataset.append(values)
    return dataset


# --- CSV ----------------------------------------------------------------------


def _csv_rows(text: str) -> Iterator[Cells]:
    for row in csv.reader(io.StringIO(text, newline="")):
        # What an export escaped (core.spreadsheets.safe) comes back as it was.
        yield ((index, spreadsheet_unescape(value)) for index, value in enumerate(row))


class ExcelCSV(base_formats.CSV):
    """CSV in: UTF-8 (BOM or not) or CP932; CSV out: UTF-8 with BOM, formula-like text escaped.

    Marked binary so the admin hands over the file's bytes untouched (its
    `from_encoding` would decode them as UTF-8 only) and this class decodes.
    """

    CONTENT_TYPE = "text/csv; charset=utf-8"
    # Every value exported as the text a person reads (choices by label).
    native_cells = False

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        limits.check_file_size(len(in_stream))
        text = decode_spreadsheet_text(in_stream)
        try:
            return build_dataset(_csv_rows(text))
        except csv.Error as error:
            raise UnreadableFile(
                gettext("CSV として読めません（%(error)s）。") % {"error": error}
            ) from None

    def export_data(self, dataset, **kwargs):
        safe = tablib.Dataset(
            *[[spreadsheet_safe(value) for value in row] for row in dataset],
            headers=[spreadsheet_safe(header) for header in dataset.headers or []] or None,
        )
        return super().export_data(safe, **kwargs).encode("utf-8-sig")


# --- XLSX ---------------------------------------------------------------------


# A cell (<c>) or a shared string (<si>) written with a namespace prefix (<x:c>).
PREFIXED_ELEMENT = re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|si)[\s/>]")


def _count_elements(content: bytes) -> int:
    """Cells and shared strings in an XML part, counted without parsing it."""
    plain = sum(
        content.count(b"<" + name + end)
        for name in (b"c", b"si")
        for end in (b" ", b"\t", b"\r", b"\n", b"/", b">")
    )
    return plain + len(PREFIXED_ELEMENT.findall(content))


XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")


def _uncountable(content: bytes) -> str | None:
    """Why the elements of a part cannot be counted from its bytes, if they cannot.

    Excel writes XML in UTF-8 and without a DTD. In UTF-16 or another
    declared encoding "<c" is other bytes, and a DTD's entities could
    multiply elements: the count would not see them.
    """
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        return "DOCTYPE"
    if content[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<", b"\x00\x00"):
        return "UTF-16"
    declared = XML_ENCODING.match(content)
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return declared.group(1).decode("ascii", "replace")
    return None


def _check_parts(data: bytes) -> None:
    """Refuse an XLSX that would cost too much to open, before openpyxl opens it.

    The zip directory gives each part's size, and zipfile never expands a
    part beyond it, so a zip bomb is refused unexpanded; then every part is
    read (within that size) and its cells and strings counted
    (limits.check_elements); a part whose elements cannot be counted from
    its bytes is refused.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        limits.check_expanded_size(sum(part.file_size for part in parts))
        elements = 0
        for part in parts:
            content = archive.read(part)
            reason = _uncountable(content)
            if reason:
                raise UnreadableFile(
                    gettext("XLSX として読めません（%(error)s）。") % {"error": reason}
                )
            elements += _count_elements(content)
        limits.check_elements(elements)


def _cells_as_read(cells, *args, **kwargs):
    return cells


def _xlsx_rows(sheet) -> Iterator[Cells]:
    """Each row of a read-only sheet as the cells the file holds.

    openpyxl trusts the range a sheet declares: it pads every row to the
    declared width (A1:XFD… makes each row 16,384 values) and stops at the
    declared last row (a range declared too small drops rows without a
    word); without a range it pads a row to its rightmost cell. So the
    declared range is dropped and each row comes as its own cells (openpyxl
    3.1's `ReadOnlyWorksheet._get_row` is what pads them; openpyxl is pinned).
    """
    sheet.reset_dimensions()
    sheet._get_row = _cells_as_read
    for cells in sheet.iter_rows(values_only=True):
        yield ((cell["column"] - 1, cell["value"]) for cell in cells)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class ExcelXLSX(base_formats.XLSX):
    """XLSX in: the first sheet, header in row 1, one dataset row per sheet row.
    XLSX out: native dates and numbers, every text a string cell (never a formula)."""

    native_cells = True

    def create_dataset(self, in_stream):
        import openpyxl

        limits.check_file_size(len(in_stream))
        _check_parts(in_stream)
        book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        try:
            return build_dataset(_xlsx_rows(book.active))
        finally:
            book.close()

    def export_data(self, dataset, **kwargs):
        import openpyxl
        from openpyxl.styles import Alignment, Font

        book = openpyxl.Workbook()
        sheet = book.active
        widths: dict[int, int] = {}
        rows = [dataset.headers or [], *dataset]
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column)
                self.write_cell(cell, value)
                if row_number == 1:
                    cell.font = Font(bold=True)
                elif isinstance(value, str) and "\n" in value:
                    cell.alignment = Alignment(wrap_text=True)
                longest = max(_display_width(line) for line in str(value or "").split("\n"))
                widths[column] = max(widths.get(column, 0), longest)
        sheet.freeze_panes = "A2"
        for column, width in widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    @staticmethod
    def write_cell(cell, value) -> None:
        """Dates and numbers as they are; text as a string cell, even "=…"."""
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        if not isinstance(value, str):
            cell.value = value
            return
        # Control characters cannot be stored in XLSX; openpyxl would refuse
        # the whole file.
        value = ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", value)
        cell.value = value
        # openpyxl makes any text starting with "=" a formula (<f>): undone here.
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True
