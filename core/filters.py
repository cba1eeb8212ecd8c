"""The form and the filters behind every public list.

Each app's FilterSet sets `Meta.form = FilterForm`, offers `ALL` as the empty
choice, picks rows with `DisplayNameChoiceFilter` and searches with one
`WordsFilter` named `q`.
"""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

ALL = _("すべて")


class FilterForm(forms.Form):
    """The form of every public filter: labels stand above their controls
    (templates/includes/filter_form.html), so no trailing colon."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class DisplayNameChoiceField(ModelChoiceField):
    """A choice of model rows labelled in the active language.

    Rows label themselves by `display_name` (blocks, prefectures, fields,
    members); a filter over rows that do not passes `label_from`, a function
    of the row.
    """

    def __init__(self, *args, label_from=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_from = label_from

    def label_from_instance(self, obj) -> str:
        if self.label_from is not None:
            return self.label_from(obj)
        return obj.display_name


class DisplayNameChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = DisplayNameChoiceField


class WordsFilter(django_filters.CharFilter):
    """`q`: every word (split on any space, 全角 included) must appear in one of `search_fields`.

    Each word is an `icontains` over the fields, which the trigram indexes
    (core.trigram) serve on PostgreSQL.
    """

    def __init__(self, *, search_fields: tuple[str, ...], **kwargs):
        super().__init__(**kwargs)
        self.search_fields = search_fields

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        for term in (value or "").split():
            match = Q()
            for field in self.search_fields:
                match |= Q(**{f"{field}__icontains": term})
            qs = qs.filter(match)
        return qs
