"""`StaffResource`: the rules every staff import obeys (see the package docstring)."""

from __future__ import annotations

from diff_match_patch import diff_match_patch
from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.html import format_html_join
from django.utils.translation import gettext
from import_export import resources
from import_export.results import Result, RowResult

from core.access import EVERYTHING, declared_scope, user_scope
from core.softdelete import SoftDeletable

from .cells import TextWidget, normalize, same_text


class SheetRowResult(RowResult):
    """One row's outcome, numbered as a spreadsheet numbers it, with messages in Japanese."""

    def __init__(self):
        super().__init__()
        self.sheet_row = None
        self.is_blank = False
        self.messages: list[str] = []
        self.cells: list = []

    @property
    def outcome(self) -> str:
        return {
            self.IMPORT_TYPE_NEW: gettext("新規"),
            self.IMPORT_TYPE_UPDATE: gettext("変更"),
            self.IMPORT_TYPE_SKIP: gettext("変更なし"),
            self.IMPORT_TYPE_DELETE: gettext("削除"),
        }.get(self.import_type, gettext("エラー"))


class PreviewDiff(resources.Diff):
    """Each cell of the import preview as its old → new text, marked up with
    <del>, <ins> and <span> only.

    The library's diff (diff_match_patch.diff_prettyHtml) colours <ins> and
    <del> with style attributes, which the Content-Security-Policy refuses
    (style-src 'self'); the colours live in static/css/admin.css instead.
    """

    TAGS = {
        diff_match_patch.DIFF_DELETE: "del",
        diff_match_patch.DIFF_INSERT: "ins",
        diff_match_patch.DIFF_EQUAL: "span",
    }

    def as_html(self):
        dmp = diff_match_patch()
        cells = []
        for old, new in zip(self.left, self.right, strict=False):
            if old != new and self.new:
                old = ""
            diff = dmp.diff_main(force_str(old), force_str(new))
            dmp.diff_cleanupSemantic(diff)
            cells.append(
                format_html_join(
                    "", "<{0}>{1}</{0}>", ((self.TAGS[op], text) for op, text in diff if text)
                )
            )
        return cells


class SheetResult(Result):
    """The outcome of a file: every non-blank row, the counts, the columns left out."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ignored_columns: list[str] = []

    @property
    def sheet_rows(self) -> list[SheetRowResult]:
        return [row for row in self.rows if not row.is_blank]

    @property
    def counts(self) -> dict[str, int]:
        rows = self.sheet_rows
        return {
            "new": sum(row.is_new() for row in rows),
            "changed": sum(row.is_update() for row in rows),
            "unchanged": sum(row.is_skip() for row in rows),
            "errors": sum(not row.is_valid() for row in rows),
        }


# --- the shared resource ----------------------------------------------------


class StaffResource(resources.ModelResource):
    """A model resource for staff spreadsheets; subclasses declare their columns."""

    # Foreign keys an exported row shows, joined in the export's one query.
    export_related: tuple[str, ...] = ()

    class Meta:
        # Every row through save(): the audit trail sees each one.
        use_bulk = False
        use_transactions = True
        # An unchanged row is not saved again, so a round trip adds no history.
        skip_unchanged = True
        report_skipped = True
        # Field rules, choices, lengths, URLs and constraints from the model.
        clean_model_instances = True
        store_row_values = True

    def __init__(self, *, user=None, **kwargs):
        super().__init__(**kwargs)
        self.ignored_columns: list[str] = []
        self.extra_cells: dict[int, list[str]] = {}
        self.set_user(user)

    def set_user(self, user) -> None:
        self.user = user
        # How far the user reaches; without a user (a shell, a command): everywhere.
        self.user_scope = user_scope(user) if user is not None else EVERYTHING

    @property
    def confined(self) -> bool:
        """A confined user (a bureau), even one without a place (who then imports nothing)."""
        return self.user_scope.confined

    def in_reach(self, queryset):
        """The rows of `queryset` the user may act on (core.access.scope)."""
        if not self.confined:
            return queryset
        return declared_scope(self._meta.model).filter(queryset, self.user_scope)

    @classmethod
    def get_result_class(cls):
        return SheetResult

    @classmethod
    def get_diff_class(cls):
        return PreviewDiff

    @classmethod
    def get_row_result_class(cls):
        return SheetRowResult

    # --- which rows ------------------------------------------------------
    def base_queryset(self):
        return self._meta.model._default_manager.all()

    def get_queryset(self):
        """The rows an ID may name: a bureau's own block's only."""
        return self.in_reach(self.base_queryset())

    # --- soft-deleted rows (core.softdelete) ---------------------------------
    def live_rows(self, queryset):
        """The rows an import may read or write: never a soft-deleted one, for anyone.

        A deleted row is hidden from the public and from bureau staff;
        an import writing to it would change what nobody can see. An editor
        restores it first (core.admin.softdelete).
        """
        if issubclass(queryset.model, SoftDeletable):
            return queryset.filter(deleted_at__isnull=True)
        return queryset

    def out_of_reach(self, pk) -> ValidationError:
        """The error for an ID no import may touch: deleted, missing or another block's.

        Editors (who see deleted rows) are told a row is deleted; bureau
        staff cannot see deleted rows at all, so for them a deleted row, a
        missing one and another block's get the same answer.
        """
        model = self._meta.model
        if (
            not self.confined
            and issubclass(model, SoftDeletable)
            and model._base_manager.filter(pk=pk, deleted_at__isnull=False).exists()
        ):
            message = gettext(
                "ID「%(id)s」の行は削除されています。復元してから取り込んでください。"
            )
        else:
            message = gettext("ID「%(id)s」の行は見つからないか、変更できません。")
        return ValidationError({"id": message % {"id": pk}})

    def filter_export(self, queryset, **kwargs):
        """A bureau exports its own block's rows, whatever list it came from."""
        queryset = self.in_reach(queryset)
        if self.export_related:
            queryset = queryset.select_related(*self.export_related)
        return queryset

    # --- headers ---------------------------------------------------------
    def header_aliases(self) -> dict[str, str]:
        """Every accepted header (normalized) → the column name it stands for."""
        aliases = {}
        model_fields = {f.name: f for f in self._meta.model._meta.get_fields()}
        for name, field in self.fields.items():
            column = field.column_name
            names = [column, name]
            model_field = model_fields.get(name)
            if model_field is not None and hasattr(model_field, "verbose_name"):
                with translation.override("ja"):
                    names.append(str(model_field.verbose_name))
            for alias in names:
                aliases.setdefault(normalize(alias).casefold(), column)
        return aliases

    def before_import(self, dataset, **kwargs):
        if self.user is None and kwargs.get("user") is not None:
            self.set_user(kwargs["user"])
        if self.confined and self.user_scope.place is None:
            raise ValueError(self.unassigned_message())
        aliases = self.header_aliases()
        headers, seen, ignored = [], set(), []
        for header in dataset.headers or []:
            text = normalize(header)
            column = aliases.get(text.casefold())
            if column is None:
                if text:
                    ignored.append(text)
                headers.append(text)
                continue
            if column in seen:
                raise ValueError(gettext("列「%(column)s」が2回あります。") % {"column": column})
            seen.add(column)
            headers.append(column)
        if dataset.headers:
            dataset.headers = headers
        self.ignored_columns = ignored
        self.extra_cells = getattr(dataset, "extra_cells", {})
        if not seen:
            expected = "、".join(f.column_name for f in self.get_import_fields())
            raise ValueError(
                gettext("1行目に取り込める列の見出しがありません（%(expected)s）。")
                % {"expected": expected}
            )

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        result.ignored_columns = self.ignored_columns

    # --- one row ---------------------------------------------------------
    def get_instance(self, instance_loader, row):
        """The row an ID names, within reach; a bad or foreign ID is an error on the row."""
        id_field = self.fields["id"]
        try:
            pk = id_field.clean(row) if id_field.column_name in row else None
        except ValueError as error:
            raise ValidationError({"id": str(error)}) from None
        if pk is None:
            return self.match_without_id(row)
        try:
            return self.live_rows(self.get_queryset()).get(pk=pk)
        except ObjectDoesNotExist:
            raise self.out_of_reach(pk) from None

    def match_without_id(self, row):
        """An existing row a row without an ID stands for; None: a new row."""
        return None

    def import_row(self, row, instance_loader, **kwargs):
        # import-export counts data rows from 1; a spreadsheet shows the
        # header as row 1, so the first data row is row 2.
        sheet_row = kwargs["row_number"] + 1
        if kwargs["row_number"] not in self.extra_cells and all(
            normalize(value) == "" for value in row.values()
        ):
            result = self.get_row_result_class()()
            result.import_type = RowResult.IMPORT_TYPE_SKIP
            result.is_blank = True
            result.sheet_row = sheet_row
            return result
        result = super().import_row(row, instance_loader, **kwargs)
        result.sheet_row = sheet_row
        result.messages = self.describe_errors(result)
        headers = self.get_diff_headers()
        if result.diff is not None:
            result.cells = list(result.diff)
            if result.is_new():
                # The dry run's ID is rolled back; the real one comes on confirming.
                result.cells[headers.index(self.fields["id"].column_name)] = ""
        else:
            result.cells = [row.get(column, "") for column in headers]
        return result

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        extra = self.extra_cells.get(kwargs.get("row_number"))
        if extra:
            # A value right of the header has no column to go to: never dropped silently.
            shown = "、".join(gettext("%(letter)s列") % {"letter": letter} for letter in extra[:5])
            if len(extra) > 5:
                shown += gettext(" ほか")
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: gettext(
                        "見出しのない列（%(columns)s）に値があります。見出しを付けるか、値を消してください。"
                    )
                    % {"columns": shown}
                }
            )

    def import_instance(self, instance, row, **kwargs):
        if getattr(instance, "deleted_at", None) is not None:
            # However the row was found (by ID or otherwise): never written.
            raise self.out_of_reach(instance.pk)
        errors: dict = {}
        texts = [f.attribute for f in self.get_import_fields() if isinstance(f.widget, TextWidget)]
        before = {attribute: getattr(instance, attribute) for attribute in texts}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for attribute, old in before.items():
            # XLSX and Excel turn the admin's CRLF line breaks into LF: the
            # same text, so the row stays unchanged.
            if same_text(old, getattr(instance, attribute)):
                setattr(instance, attribute, old)
        problems = self.place(instance, failed=set(errors))
        problems += self.check_instance(instance, failed=set(errors) | {p[0] for p in problems})
        for field_name, message in problems:
            errors.setdefault(field_name, []).append(message)
        if errors:
            raise ValidationError(errors)

    def check_instance(self, instance, *, failed: set[str]) -> list[tuple[str, str]]:
        """(field name, message) for each rule of the model the row breaks."""
        return []

    def place(self, instance, *, failed: set[str]) -> list[tuple[str, str]]:
        """Keep a confined user's row in their place; a row without one gets theirs.

        Resources of rows with places below a block first fill in the block
        the row implies (networks.resources.PlacedResource).
        """
        if not self.confined:
            return []
        scope = self.user_scope
        declared = declared_scope(self._meta.model)
        field_name = self.place_field(declared)
        if field_name in failed:
            return []
        if scope.place is None:
            return [(NON_FIELD_ERRORS, self.unassigned_message())]
        declared.fill(instance, scope)
        if declared.contains(instance, scope):
            return []
        field_name, place = self.place_outside_block(instance)
        return [
            (
                field_name,
                gettext("「%(place)s」は担当の%(area)s（%(own)s）の外のため、取り込めません。")
                % {"place": place, "area": scope.level_label, "own": scope.place},
            )
        ]

    def place_field(self, declared) -> str:
        """The row's field on the way to the user's place (`block` for a bureau)."""
        path = declared.path(self.user_scope.level) or ""
        return path.split("__")[0]

    def place_outside_block(self, instance) -> tuple[str, str]:
        """(field name, place name) to blame for a row outside the user's place."""
        field_name = self.place_field(declared_scope(self._meta.model))
        if not field_name:
            # The model has no place at the user's level: the row as a whole is out of reach.
            return NON_FIELD_ERRORS, str(instance)
        return field_name, str(getattr(instance, field_name) or "")

    def unassigned_message(self) -> str:
        return gettext("%(area)sが割り当てられていないため、取り込めません。") % {
            "area": self.user_scope.level_label
        }

    # --- messages ----------------------------------------------------------
    def column_for(self, key: str) -> str | None:
        if key == NON_FIELD_ERRORS:
            return None
        for name, field in self.fields.items():
            if key in (name, field.attribute):
                return field.column_name
        try:
            return str(self._meta.model._meta.get_field(key).verbose_name)
        except Exception:
            return key

    def describe_errors(self, result: RowResult) -> list[str]:
        """Each error of a row as "column: what is wrong"."""
        messages = []
        error = result.validation_error
        if error is not None:
            if hasattr(error, "error_dict"):
                for key, texts in error.message_dict.items():
                    column = self.column_for(key)
                    messages += [f"{column}: {text}" if column else text for text in texts]
            else:
                messages += error.messages
        for failure in result.errors:
            messages.append(
                gettext("この行を保存できませんでした（%(error)s）。") % {"error": failure.error}
            )
        return messages
