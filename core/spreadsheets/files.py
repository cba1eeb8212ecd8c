"""Spreadsheet files as Excel in Japan saves them: decoding, rows, the import formats.

CSV in: UTF-8 (with or without BOM) or CP932 (Shift_JIS); CSV out: UTF-8
with BOM, which Excel opens without garbling. XLSX in: the first sheet,
header in row 1. Every sheet row keeps its spreadsheet number, blank rows
included, so an error names the row a person sees.
"""

import csv
import io

import tablib
from django.utils.translation import gettext
from import_export.formats import base_formats


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


def build_dataset(rows: list[list]) -> tablib.Dataset:
    """A dataset of sheet rows, one per spreadsheet row (blank ones too, so the
    numbering stays the spreadsheet's); trailing blank columns and rows dropped."""

    def blank(value) -> bool:
        return value is None or str(value).strip() == ""

    if not rows:
        return tablib.Dataset()
    headers = ["" if value is None else str(value).strip() for value in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    body = [list(row) for row in rows[1:]]
    while body and all(blank(value) for value in body[-1]):
        body.pop()
    dataset = tablib.Dataset(headers=headers)
    for row in body:
        row = row[:width] + [None] * (width - len(row))
        dataset.append(row)
    return dataset


class ExcelCSV(base_formats.CSV):
    """CSV in: UTF-8 (BOM or not) or CP932; CSV out: UTF-8 with BOM.

    Marked binary so the admin hands over the file's bytes untouched (its
    `from_encoding` would decode them as UTF-8 only) and this class decodes.
    """

    CONTENT_TYPE = "text/csv; charset=utf-8"

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        text = decode_spreadsheet_text(in_stream)
        try:
            return build_dataset(list(csv.reader(io.StringIO(text, newline=""))))
        except csv.Error as error:
            raise UnreadableFile(
                gettext("CSV として読めません（%(error)s）。") % {"error": error}
            ) from None

    def export_data(self, dataset, **kwargs):
        return super().export_data(dataset, **kwargs).encode("utf-8-sig")


class ExcelXLSX(base_formats.XLSX):
    """XLSX in: the first sheet, header in row 1, one dataset row per sheet row."""

    def create_dataset(self, in_stream):
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        try:
            return build_dataset([list(row) for row in book.active.iter_rows(values_only=True)])
        finally:
            book.close()
