"""Bulk import and export in the admin as staff in Japan use it: `JapaneseImportExportMixin`.

- Files: CSV as Excel in Japan saves it (UTF-8 with BOM, or Shift_JIS/CP932)
  and XLSX; exports are CSV in UTF-8 with BOM (Excel opens it without
  garbling) and XLSX, with the same Japanese headers. No exported cell runs
  as a formula (core.spreadsheets.safe).
- A file over the limits (core.spreadsheets.limits) is refused with the
  limit named: too large before it is stored or read, too many rows as soon
  as the first row past the limit is read.
- The resource gets the request's user, so a bureau imports and exports only
  its own block's rows (core.spreadsheets.StaffResource).
- The preview lists every row, numbered as the spreadsheet numbers it, as
  新規 / 変更 / 変更なし / エラー with the reasons; confirming writes all rows
  in one transaction or, if any row is wrong, nothing. 取り消す cancels.
- The uploaded file waits for the confirmation in IMPORT_PREVIEW_DIR
  (core.spreadsheets.previews) and is deleted when the import is
  confirmed, cancelled, refused or fails; files older than a day are
  removed at the start of each import.
- Rows are saved one by one through the request (HistoryRequestMiddleware),
  so the audit trail records the importing user.
- Every refused import (an unreadable file, rows with errors in the preview
  or at confirmation) is logged on `security` (core/security_log.py)
  with counts and reasons, never a cell's value.
- An export whose changelist filter cannot be applied (`?foo=bar`,
  `?date__gte=abc`, links from an old bookmark) goes back to the list with a
  message, as the changelist itself does, instead of a 500.
"""

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from import_export.forms import ExportForm, ImportForm

from core.security_log import log_refused_import
from core.spreadsheets import ExcelCSV, ExcelXLSX, OverLimit, UnreadableFile, limits
from core.spreadsheets.previews import (
    PreviewFileStorage,
    discard_preview_file,
    remove_stale_preview_files,
)


def describe_errors(result) -> str:
    """Counts only: a row's errors quote its cells, which stay out of the logs."""
    return (
        f"{len(result.row_errors())} rows with errors, "
        f"{len(result.invalid_rows)} invalid rows, {len(result.base_errors)} file errors"
    )


class SpreadsheetImportForm(ImportForm):
    """The upload form: a file over IMPORT_MAX_BYTES is refused before it is stored or read."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            limits.check_file_size(upload.size)
        except OverLimit as error:
            raise ValidationError(str(error)) from None
        return upload


class JapaneseImportExportMixin(ImportExportMixin):
    """Import and export for a ModelAdmin whose resources are StaffResources."""

    import_formats = [ExcelCSV, ExcelXLSX]
    # Both write dates and numbers as the format holds them and text safely.
    export_formats = [ExcelCSV, ExcelXLSX]
    import_template_name = "admin/import_export_ja/import.html"
    export_template_name = "admin/import_export_ja/export.html"
    import_form_class = SpreadsheetImportForm
    tmp_storage_class = PreviewFileStorage
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

    # --- export -------------------------------------------------------------
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

    def get_export_data(self, file_format, request, queryset, **kwargs):
        # import-export asks for native cells only for its own XLSX class
        # (an exact type check); each format here says what it needs.
        if not self.has_export_permission(request):
            raise PermissionDenied
        data = self.get_data_for_export(
            request, queryset, force_native_type=file_format.native_cells, **kwargs
        )
        return file_format.export_data(data)

    # --- the upload and its preview -------------------------------------------
    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        context["import_limits"] = {
            "size": limits.human_size(limits.max_bytes()),
            "rows": f"{limits.max_rows():,}",
        }
        return context

    def import_action(self, request, **kwargs):
        remove_stale_preview_files()
        kept = False
        try:
            response = super().import_action(request, **kwargs)
            # Only a preview that may be confirmed needs its file.
            context = getattr(response, "context_data", None) or {}
            kept = "confirm_form" in context
            if request.method == "POST":
                self.log_refusal(request, context)
            return response
        finally:
            if not kept:
                upload = request.FILES.get("import_file")
                discard_preview_file(getattr(upload, "tmp_storage_name", None))

    def log_refusal(self, request, context) -> None:
        form, result = context.get("form"), context.get("result")
        if form is not None and form.errors:
            reasons = "; ".join(
                f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()
            )
            log_refused_import(request, model=self.opts.label, reason=reasons)
        elif result is not None and (result.has_errors() or result.has_validation_errors()):
            log_refused_import(request, model=self.opts.label, reason=describe_errors(result))

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, (UnreadableFile, OverLimit)):
            form.add_error("import_file", str(e))
            return
        form.add_error(
            "import_file",
            gettext(
                "ファイルを読めませんでした（%(error)s）。選んだ形式（CSV または XLSX）とファイルが合っているか確かめてください。"
            )
            % {"error": type(e).__name__},
        )

    # --- confirming or cancelling -----------------------------------------------
    def import_url(self) -> str:
        info = self.get_model_info()
        return reverse(f"admin:{info[0]}_{info[1]}_import", current_app=self.admin_site.name)

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        storage = PreviewFileStorage(name=request.POST.get("import_file_name", ""))
        try:
            if "cancel" in request.POST:
                messages.info(
                    request, gettext("取り込みを取り消しました。何も書き込んでいません。")
                )
                return HttpResponseRedirect(self.import_url())
            if not storage.exists():
                messages.error(
                    request,
                    gettext(
                        "確認したファイルはもうありません（取り込み済み、取り消し済み、または1日以上前のもの）。何も書き込んでいません。もう一度ファイルを選んでください。"
                    ),
                )
                return HttpResponseRedirect(self.import_url())
            try:
                return super().process_import(request, **kwargs)
            except (UnreadableFile, OverLimit) as error:
                # Only a hand-made confirmation gets here: a preview refuses these first.
                messages.error(request, str(error))
                return HttpResponseRedirect(self.import_url())
        finally:
            storage.remove()

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
            return HttpResponseRedirect(self.import_url())
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
