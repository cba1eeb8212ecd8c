"""Bulk import and export in the admin as staff in Japan use it: `JapaneseImportExportMixin`.

- Files: CSV as Excel in Japan saves it (UTF-8 with BOM, or Shift_JIS/CP932)
  and XLSX; exports are CSV in UTF-8 with BOM (Excel opens it without
  garbling) and XLSX, with the same Japanese headers.
- The resource gets the request's user, so a bureau imports and exports only
  its own block's rows (core.spreadsheets.StaffResource).
- The preview lists every row, numbered as the spreadsheet numbers it, as
  新規 / 変更 / 変更なし / エラー with the reasons; confirming writes all rows
  in one transaction or, if any row is wrong, nothing.
- Rows are saved one by one through the request (HistoryRequestMiddleware),
  so the audit trail records the importing user.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ExportForm

from core.spreadsheets import ExcelCSV, ExcelXLSX, UnreadableFile


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

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        # One wrong row rolls back the whole file, also when confirming.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return kwargs

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
