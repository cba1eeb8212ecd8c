"""Forms behind the briefing filters (the FilterSets in `filters.py` build on them)."""

import datetime

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from core.filters import FilterForm


class DateRangeForm(FilterForm):
    """Checks that a date range runs forwards; the FilterSet adds the fields."""

    def clean(self):
        cleaned_data = super().clean()
        date_after = cleaned_data.get("date_after")
        date_before = cleaned_data.get("date_before")
        if date_after and date_before and date_after > date_before:
            raise forms.ValidationError(
                _("期間の開始日が終了日より後になっています。"), code="reversed_range"
            )
        return cleaned_data


class DateInput(forms.DateInput):
    """The browser's date picker; it sends and shows ISO dates (2017-02-24)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MonthForm(forms.Form):
    """The calendar's month picker (GET): a year the calendar can show and a month."""

    year = forms.IntegerField(
        label=_("年"),
        min_value=datetime.MINYEAR,
        max_value=datetime.MAXYEAR,
        error_messages={
            "required": _("年を入力してください。"),
            "invalid": _("年は数字で入力してください。"),
            "min_value": _("年は%(limit_value)s以上で入力してください。"),
            "max_value": _("年は%(limit_value)s以下で入力してください。"),
        },
    )
    month = forms.TypedChoiceField(
        label=_("月"),
        choices=sorted(MONTHS.items()),
        coerce=int,
        error_messages={
            "required": _("月を選んでください。"),
            "invalid_choice": _("月は1から12までの中から選んでください。"),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
