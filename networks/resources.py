"""Bulk import and export of organizations, and what every staff import shares.

Spreadsheets come from staff in Japan, so `StaffResource` reads them as they
write them: Japanese column headers (the English field names work too),
choices by their Japanese label or stored value, places by code or name,
dates as Excel writes them, full-width digits. It also holds the rules every
import here obeys:

- `ID` blank is a new row; a row with an ID updates that row, and an exported
  file imported again reports every row unchanged and writes nothing;
- a bureau user (networks.permissions.bureau_block) imports only its own
  block's rows: a place in another block is an error on that row, an ID
  outside the block is "not found or not yours" (never "exists"), and a row
  without a block gets the bureau's;
- every row is saved on its own through `save()`, so the audit trail records
  it and its user (no bulk path), all rows in one transaction (the admin,
  networks.admin_import, writes everything or nothing);
- every error names its column and says in Japanese what is wrong, on the
  row number a spreadsheet shows (the header is row 1).

A resource built without `user` (a shell, a management command) is not
confined to a block; the admin always passes the request's user.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import resources, widgets
from import_export.fields import Field
from import_export.results import Result, RowResult

from .models import Municipality, Organization, Prefecture, RegionalBlock
from .permissions import bureau_block, is_bureau_without_block
from .validators import check_digit

# --- reading cells ----------------------------------------------------------


def normalize(value) -> str:
    """A cell as text for matching: NFKC (full-width digits and letters folded), trimmed.

    Excel hands whole numbers over as floats (43.0) and may drop leading zeros.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def same_text(old, new) -> bool:
    """Equal but for line endings and surrounding whitespace."""

    def lines(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\r", "\n").strip()

    return isinstance(old, str) and isinstance(new, str) and lines(old) == lines(new)


class TextWidget(widgets.CharWidget):
    """Free text: kept as written, only trimmed; an empty cell is ""."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return "" if value is None else str(value).strip()


class URLWidget(TextWidget):
    """An address typed without a scheme becomes https://…, as in the admin forms."""

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if text and "://" not in text:
            text = f"https://{text}"
        return text


class CountWidget(widgets.Widget):
    """A whole number of 0 or more (参加者数, ID); "1,200" and "１２" are read too."""

    def clean(self, value, row=None, **kwargs):
        text = normalize(value).replace(",", "")
        if not text:
            return None
        if not re.fullmatch(r"[0-9]{1,9}", text):
            raise ValueError(
                gettext("「%(value)s」は0以上の整数ではありません。") % {"value": value}
            )
        return int(text)

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return value
        return "" if value is None else str(value)


class DateWidget(widgets.Widget):
    """A date as staff type it: 2017-02-15, 2017/2/15, 2017年2月15日, 平成29年2月15日,
    H29.2.15 (Excel's 和暦 display saved to CSV), or an Excel date cell."""

    # The year before each era's first year (平成元年 = 1989).
    ERAS = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988, "昭和": 1925, "S": 1925}
    WAREKI = re.compile(
        r"(令和|平成|昭和|[RHS])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?"
    )

    FORMATS = (
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y年%m月%d日",
        "%Y.%m.%d",
        "%Y/%m/%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    )

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = normalize(value)
        if not text:
            return None
        for format_ in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, format_).date()
            except ValueError:
                continue
        wareki = self.WAREKI.fullmatch(text.upper())
        if wareki:
            era, year, month, day = wareki.groups()
            year = self.ERAS[era] + (1 if year == "元" else int(year))
            try:
                return datetime.date(year, int(month), int(day))
            except ValueError:
                pass
        raise ValueError(
            gettext("「%(value)s」は日付として読めません（例：2017-02-15、2017/2/15）。")
            % {"value": value}
        )

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return value
        return value.isoformat() if value else ""


class ChoiceWidget(widgets.Widget):
    """A choice by its label (予定 / Planned) or stored value (planned); exported as its label."""

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices
        self._lookup = None

    def lookup(self) -> dict[str, str]:
        if self._lookup is None:
            self._lookup = {}
            for choice in self.choices:
                self._lookup[choice.value.casefold()] = choice.value
                for language in ("ja", "en"):
                    with translation.override(language):
                        self._lookup[normalize(choice.label).casefold()] = choice.value
        return self._lookup

    def clean(self, value, row=None, **kwargs):
        text = normalize(value)
        if not text:
            return None
        try:
            return self.lookup()[text.casefold()]
        except KeyError:
            labels = "、".join(str(choice.label) for choice in self.choices)
            raise ValueError(
                gettext("「%(value)s」は選べる値ではありません（%(labels)s）。")
                % {"value": value, "labels": labels}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return str(self.choices(value).label) if value else ""


class LookupWidget(widgets.Widget):
    """A row of a small reference table by any of its codes or names; exported by name."""

    model = None
    not_found = ""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._index = None

    def keys(self, obj) -> list[str]:
        raise NotImplementedError

    def index(self) -> dict:
        if self._index is None:
            self._index = {
                normalize(key).casefold(): obj
                for obj in self.model.objects.all()
                for key in self.keys(obj)
                if key
            }
        return self._index

    def clean(self, value, row=None, **kwargs):
        text = normalize(value)
        if not text:
            return None
        obj = self.index().get(text.casefold())
        if obj is None:
            raise ValueError(self.not_found % {"value": value})
        return obj

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class PrefectureWidget(LookupWidget):
    """都道府県 by JIS code ("43", 43, "１") or name ("熊本県", "熊本", "Kumamoto")."""

    model = Prefecture
    not_found = _("都道府県「%(value)s」が見つかりません（例：43、熊本県）。")

    def keys(self, obj):
        short = obj.name[:-1] if obj.name[-1] in "都府県" else ""
        return [obj.code, obj.code.lstrip("0"), obj.name, short, obj.name_en]


class BlockWidget(LookupWidget):
    """地域ブロック by code ("kyushu") or name ("九州", "九州総合通信局")."""

    model = RegionalBlock
    not_found = _("地域ブロック「%(value)s」が見つかりません（例：kyushu、九州）。")

    def keys(self, obj):
        return [obj.code, obj.name, obj.name_en, obj.bureau_name]


class MunicipalityWidget(widgets.Widget):
    """市区町村 by its six-digit 団体コード; Excel's dropped leading zero is put back."""

    def clean(self, value, row=None, **kwargs):
        text = normalize(value)
        if not text:
            return None
        candidates = [text]
        if text.isdigit() and len(text) <= 6:
            candidates.append(text.zfill(6))
            if len(text) <= 5:
                # A five-digit code written without its check digit.
                five = text.zfill(5)
                candidates.append(f"{five}{check_digit(five)}")
        found = Municipality.objects.filter(code__in=candidates).select_related("prefecture")
        match = next((m for code in candidates for m in found if m.code == code), None)
        if match is None:
            raise ValueError(
                gettext(
                    "市区町村コード「%(value)s」が見つかりません（6桁の団体コード、例：431001）。"
                )
                % {"value": value}
            )
        return match

    def render(self, value, obj=None, **kwargs):
        return value.code if value else ""


class OrganizationWidget(widgets.Widget):
    """An organization by its registered name (主催)."""

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        match = Organization.objects.filter(name=text).first()
        if match is None:
            raise ValueError(
                gettext("団体「%(value)s」は登録されていません。先に団体として登録してください。")
                % {"value": text}
            )
        return match

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


# --- results the preview shows ----------------------------------------------


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
        self.set_user(user)

    def set_user(self, user) -> None:
        self.user = user
        self.block = bureau_block(user) if user is not None else None
        # A bureau user, even one without a block (who then imports nothing).
        self.confined = self.block is not None or (
            user is not None and is_bureau_without_block(user)
        )

    @classmethod
    def get_result_class(cls):
        return SheetResult

    @classmethod
    def get_row_result_class(cls):
        return SheetRowResult

    # --- which rows ------------------------------------------------------
    def base_queryset(self):
        return self._meta.model._default_manager.all()

    def get_queryset(self):
        """The rows an ID may name: a bureau's own block's only."""
        queryset = self.base_queryset()
        if not self.confined:
            return queryset
        if self.block is None:
            return queryset.none()
        return queryset.filter(block=self.block)

    def filter_export(self, queryset, **kwargs):
        """A bureau exports its own block's rows, whatever list it came from."""
        if self.confined:
            queryset = queryset.filter(block=self.block) if self.block else queryset.none()
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
        if self.confined and self.block is None:
            raise ValueError(gettext("地域ブロックが割り当てられていないため、取り込めません。"))
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
            return self.get_queryset().get(pk=pk)
        except ObjectDoesNotExist:
            # The same answer whether the row is missing or another block's.
            raise ValidationError(
                {"id": gettext("ID「%(id)s」の行は見つからないか、変更できません。") % {"id": pk}}
            ) from None

    def match_without_id(self, row):
        """An existing row a row without an ID stands for; None: a new row."""
        return None

    def import_row(self, row, instance_loader, **kwargs):
        # import-export counts data rows from 1; a spreadsheet shows the
        # header as row 1, so the first data row is row 2.
        sheet_row = kwargs["row_number"] + 1
        if all(normalize(value) == "" for value in row.values()):
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

    def import_instance(self, instance, row, **kwargs):
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
        """Fill in the prefecture and block a row implies, and keep a bureau in its block.

        A municipality fixes the prefecture and a prefecture fixes the block,
        as the models' save() would; a contradiction is an error, as is a
        place outside a bureau user's block. A bureau's row without a block
        gets the bureau's.
        """
        if failed & {"municipality", "prefecture", "block"}:
            return []
        municipality = getattr(instance, "municipality", None)
        if municipality is not None:
            if instance.prefecture_id is None:
                instance.prefecture = municipality.prefecture
            elif instance.prefecture_id != municipality.prefecture_id:
                return [
                    (
                        "municipality",
                        gettext("市区町村「%(municipality)s」は%(prefecture)sにありません。")
                        % {
                            "municipality": municipality.name,
                            "prefecture": instance.prefecture.name,
                        },
                    )
                ]
        if instance.prefecture_id is not None:
            prefecture = instance.prefecture
            if instance.block_id is None:
                instance.block = prefecture.block
            elif instance.block_id != prefecture.block_id:
                return [
                    (
                        "block",
                        gettext("%(prefecture)sは地域ブロック「%(block)s」に属していません。")
                        % {"prefecture": prefecture.name, "block": instance.block.name},
                    )
                ]
        if not self.confined:
            return []
        if self.block is None:
            return [
                (
                    NON_FIELD_ERRORS,
                    gettext("地域ブロックが割り当てられていないため、取り込めません。"),
                )
            ]
        if instance.block_id is None:
            instance.block = self.block
        elif instance.block_id != self.block.pk:
            if instance.prefecture_id is not None:
                field_name, place = "prefecture", instance.prefecture.name
            else:
                field_name, place = "block", instance.block.name
            return [
                (
                    field_name,
                    gettext(
                        "「%(place)s」は担当の地域ブロック（%(own)s）の外のため、取り込めません。"
                    )
                    % {"place": place, "own": self.block.name},
                )
            ]
        return []

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


# --- organizations ------------------------------------------------------------


class OrganizationResource(StaffResource):
    """団体: 名称 is unique, so a row without an ID updates the organization of that name."""

    # Finds the row (StaffResource.get_instance); never written onto it.
    id = Field(attribute="id", column_name="ID", widget=CountWidget(), readonly=True)
    name = Field(attribute="name", column_name="名称", widget=TextWidget())
    name_en = Field(attribute="name_en", column_name="英語名称", widget=TextWidget())
    kind = Field(
        attribute="kind",
        column_name="種別",
        widget=ChoiceWidget(Organization.Kind),
        saves_null_values=False,
    )
    prefecture = Field(attribute="prefecture", column_name="都道府県", widget=PrefectureWidget())
    municipality = Field(
        attribute="municipality", column_name="市区町村", widget=MunicipalityWidget()
    )
    block = Field(attribute="block", column_name="地域ブロック", widget=BlockWidget())
    url = Field(attribute="url", column_name="ウェブサイト", widget=URLWidget())
    description = Field(attribute="description", column_name="説明", widget=TextWidget())

    export_related = ("prefecture", "municipality", "block")

    class Meta(StaffResource.Meta):
        model = Organization
        name = "団体"
        fields = (
            "id",
            "name",
            "name_en",
            "kind",
            "prefecture",
            "municipality",
            "block",
            "url",
            "description",
        )

    def match_without_id(self, row):
        column = self.fields["name"].column_name
        name = "" if row.get(column) is None else str(row[column]).strip()
        if not name:
            return None
        return self.get_queryset().filter(name=name).first()
