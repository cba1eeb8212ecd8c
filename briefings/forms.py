"""Forms behind the briefing filters (the FilterSets in `filters.py` build on them)."""

from django import forms
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
