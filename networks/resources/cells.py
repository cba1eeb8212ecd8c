"""Reading spreadsheet cells as staff in Japan write them (widgets for every import)."""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import widgets

from ..models import Municipality, Organization, Prefecture, RegionalBlock
from ..validators import check_digit

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
