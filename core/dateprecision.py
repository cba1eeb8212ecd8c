"""How precisely a date is known, and how it is shown without inventing a day.

A source writes "1/19", "本年１月以降", "1月～2月" or "昨年末以降". The record
keeps a sortable date (the first day it can mean) beside the source's own
wording and its precision; pages show only what the precision allows: the
day, the month, the months of a period, or the year ("ごろ"), never a day
nobody stated.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    EXACT = "exact", _("日付まで確か")
    MONTH = "month", _("月まで確か")
    PERIOD = "period", _("期間（月単位）")
    APPROXIMATE = "approximate", _("おおよそ（年のみ確か）")


def precision_field(**kwargs) -> models.CharField:
    kwargs.setdefault(
        "help_text",
        _(
            "並べ替えに使う日付のうち、資料から確かな部分。公開ページは、確かな部分だけを"
            "表示します（例：本年１月以降→月まで、1月～2月→期間、昨年末以降→おおよそ）。"
        ),
    )
    # blank=True with a default: a form that leaves the field out keeps the
    # default (日付まで確か); a blank choice is refused by `precision_is_valid`.
    return models.CharField(
        _("日付の精度"),
        max_length=20,
        choices=DatePrecision.choices,
        default=DatePrecision.EXACT,
        blank=True,
        **kwargs,
    )


def precision_is_valid(field: str = "date_precision") -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": DatePrecision.values}),
        name=f"%(app_label)s_%(class)s_{field}_valid",
        violation_error_message=_("日付の精度を選んでください。"),
    )


def _month(value: datetime.date, *, year: bool = True) -> str:
    if translation.get_language() == "en":
        return date_format(value, "F Y" if year else "F")
    return f"{value.year}年{value.month}月" if year else f"{value.month}月"


def _day(value: datetime.date) -> str:
    if translation.get_language() == "en":
        return date_format(value, "j F Y")
    return f"{value.year}年{value.month}月{value.day}日"


def format_date(
    value: datetime.date | None,
    precision: str = DatePrecision.EXACT,
    end: datetime.date | None = None,
) -> str:
    """The date as far as it is known: 2017年1月19日, 2017年1月, 2017年1月～2月, 2016年ごろ."""
    if value is None:
        return ""
    english = translation.get_language() == "en"
    dash = "–" if english else "～"
    if precision == DatePrecision.APPROXIMATE:
        return f"around {value.year}" if english else f"{value.year}年ごろ"
    if precision in (DatePrecision.MONTH, DatePrecision.PERIOD):
        if end is None or (end.year, end.month) == (value.year, value.month):
            return _month(value)
        if end.year == value.year and not english:
            return f"{_month(value)}{dash}{_month(end, year=False)}"
        if end.year == value.year:
            return f"{_month(value, year=False)}{dash}{_month(end)}"
        return f"{_month(value)}{dash}{_month(end)}"
    if end is not None and end != value:
        return f"{_day(value)}{dash}{_day(end)}"
    return _day(value)


def machine_date(value: datetime.date | None, precision: str = DatePrecision.EXACT) -> str:
    """The `datetime` attribute of <time>: as precise as the date is known (2017-01, 2016)."""
    if value is None:
        return ""
    if precision == DatePrecision.APPROXIMATE:
        return f"{value.year:04d}"
    if precision in (DatePrecision.MONTH, DatePrecision.PERIOD):
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


class DatedByPrecision:
    """For a model with a sort date, its precision (`date_precision`) and maybe an
    end date: `date_display` and `date_machine` for templates. Subclasses name
    their fields in `date_attr` and `end_date_attr`."""

    date_attr = "date"
    end_date_attr: str | None = None

    @property
    def _dated(self) -> tuple[datetime.date | None, str, datetime.date | None]:
        end = getattr(self, self.end_date_attr) if self.end_date_attr else None
        return getattr(self, self.date_attr), self.date_precision, end

    @property
    def date_display(self) -> str:
        value, precision, end = self._dated
        return format_date(value, precision, end)

    @property
    def date_machine(self) -> str:
        value, precision, _end = self._dated
        return machine_date(value, precision)
