"""Reading spreadsheet cells as staff in Japan write them (widgets for every import).

The widgets of the domain's own rows (blocks, prefectures, municipalities,
organizations) build on `LookupWidget` in networks.resources.cells.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.utils import translation
from django.utils.translation import gettext
from import_export import widgets

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


class TimeWidget(widgets.Widget):
    """A time of day as staff type it: 13:30, １３：３０, 13時30分, 13時, or an Excel
    time cell; exported as 13:30."""

    PATTERN = re.compile(r"(\d{1,2})\s*(?::|時)\s*(?:(\d{1,2})\s*分?)?(?::(\d{1,2}))?")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.time().replace(second=0, microsecond=0)
        if isinstance(value, datetime.time):
            return value.replace(second=0, microsecond=0)
        text = normalize(value)
        if not text:
            return None
        match = self.PATTERN.fullmatch(text)
        if match:
            hour, minute = int(match.group(1)), int(match.group(2) or 0)
            try:
                return datetime.time(hour, minute)
            except ValueError:
                pass
        raise ValueError(
            gettext("「%(value)s」は時刻として読めません（例：13:30、13時30分）。")
            % {"value": value}
        )

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return value
        return value.strftime("%H:%M") if value else ""


class ChoiceWidget(widgets.Widget):
    """A choice by its label (予定 / Planned) or stored value (planned); exported as its label.

    An empty cell reads as `empty`: None (the field keeps its value or
    default), or "" for an optional choice stored as blank text.
    """

    def __init__(self, choices, *, empty=None, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices
        self.empty = empty
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
            return self.empty
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
