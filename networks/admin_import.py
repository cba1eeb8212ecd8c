"""Bulk import and export in the admin as staff in Japan use it: `JapaneseImportExportMixin`.

- Files: CSV as Excel in Japan saves it (UTF-8 with BOM, or Shift_JIS/CP932)
  and XLSX; exports are CSV in UTF-8 with BOM (Excel opens it without
  garbling) and XLSX, with the same Japanese headers.
- The resource gets the request's user, so a bureau imports and exports only
  its own block's rows (networks.resources.StaffResource).
- The preview lists every row, numbered as the spreadsheet numbers it, as
  新規 / 変更 / 変更なし / エラー with the reasons; confirming writes all rows
  in one transaction or, if any row is wrong, nothing.
- Rows are saved one by one through the request (HistoryRequestMiddleware),
  so the audit trail records the importing user.
- Every refused import (an unreadable file, rows with errors in the preview
  or at confirmation) is logged on `portal.security` (core/security_log.py)
  with counts and reasons, never a cell's value.
- An export whose changelist filter cannot be applied (`?foo=bar`,
  `?date__gte=abc`, links from an old bookmark) goes back to the list with a
  message, as the changelist itself does, instead of a 500.
"""

import csv
import io

import tablib
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ExportForm

from core.security_log import log_refused_import


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


def describe_errors(result) -> str:
    """Counts only: a row's errors quote its cells, which stay out of the logs."""
    return (
        f"{len(result.row_errors())} rows with errors, "
        f"{len(result.invalid_rows)} invalid rows, {len(result.base_errors)} file errors"
    )


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


class JapaneseImportExportMixin(ImportExportMixin):
    """Import and export for a ModelAdmin whose resources are StaffResources."""

    import_formats = [ExcelCSV, ExcelXLSX]
    # import-export's own XLSX writes dates and numbers as native cells.
    export_formats = [ExcelCSV, base_formats.XLSX]
    import_template_name = "admin/import_export_ja/import.html"
    export_template_name = "admin/import_export_ja/export.html"
    # Every column is exported, so an export imports back unchanged.
    export_form_class = ExportForm

    def get_resource_kwargs(self, request, *args, **kwargs):
        kwargs = super().get_resource_kwargs(request, *args, **kwargs)
        kwargs["user"] = request.user
        return kwargs

    def export_action(self, request):
        # import-export builds the export's queryset from the changelist's
        # filters without the changelist view's handling of a bad one.
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            messages.error(
                request,
                gettext(
                    "絞り込みの条件を読み取れないため、書き出しませんでした。一覧で条件を選び直してから書き出してください。"
                ),
            )
            info = self.get_model_info()
            url = reverse(f"admin:{info[0]}_{info[1]}_changelist", current_app=self.admin_site.name)
            return HttpResponseRedirect(url)

    def get_export_queryset(self, request):
        queryset = super().get_export_queryset(request)
        # The export's changelist skips the query that would show a filter the
        # database cannot take (`?id__in=99999999999999999999` on SQLite):
        # try it here, before a file is half written.
        try:
            queryset.exists()
        except (ValueError, OverflowError) as exc:
            raise IncorrectLookupParameters(exc) from exc
        return queryset

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        # One wrong row rolls back the whole file, also when confirming.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return kwargs

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if request.method == "POST":
            form, result = context.get("form"), context.get("result")
            if form is not None and form.errors:
                reasons = "; ".join(
                    f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()
                )
                log_refused_import(request, model=self.opts.label, reason=reasons)
            elif result is not None and (result.has_errors() or result.has_validation_errors()):
                log_refused_import(request, model=self.opts.label, reason=describe_errors(result))
        return response

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnreadableFile):
            form.add_error("import_file", str(e))
            return
        form.add_error(
            "import_file",
            gettext(
                "ファイルを読めませんでした（%(error)s）。選んだ形式（CSV または XLSX）とファイルが合っているか確かめてください。"
            )
            % {"error": type(e).__name__},
        )

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Rows changed in between (another user, a deleted host …):
            # import_data rolled everything back.
            log_refused_import(
                request, model=self.opts.label, reason=f"at confirmation, {describe_errors(result)}"
            )
            messages.error(
                request,
                gettext(
                    "取り込みを中止しました。%(count)s 行に誤りがあるため、何も書き込んでいません。もう一度ファイルを選んで確認してください。"
                )
                % {"count": result.counts["errors"] or len(result.base_errors)},
            )
            info = self.get_model_info()
            url = reverse(f"admin:{info[0]}_{info[1]}_import", current_app=self.admin_site.name)
            return HttpResponseRedirect(url)
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        counts = result.counts
        messages.success(
            request,
            gettext(
                "%(model)sを取り込みました：新規 %(new)s 行、変更 %(changed)s 行、変更なし %(unchanged)s 行。"
            )
            % {"model": self.opts.verbose_name_plural, **counts},
        )
