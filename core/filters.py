"""The base, the form and the filters behind every public list.

Every public list's FilterSet is a `PortalFilterSet`:

- `q` is declared here once: the words of `q` (core.search.parse_query) must
  each occur, folded (NFKC, upper case: `ICT`, `ict` and `ＩＣＴ` alike), in
  one of the subclass's `search_fields`; at most `search_max_length`
  characters and `core.search.MAX_TERMS` words, each refused with one
  message naming the field. A subclass declares only `search_fields` (and a
  `search_label` or `search_max_length` where its page says otherwise);
- a bad value of any filter empties the list (`qs`), and the form says what
  was wrong: a list never widens silently;
- `FilterSet(data)` works alone: the queryset defaults to the model's default
  manager, the public one (soft-deleted rows hidden), so an API can use
  `FilterSetClass(request.GET)`.

Choices offer `ALL` as the empty choice and pick rows with
`DisplayNameChoiceFilter`. `active_filters(filterset)` says in words which
filters a list has (a folded filter form's summary).
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from .search import MAX_QUERY_LENGTH, MAX_TERMS, matches, terms_of

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


class SearchField(forms.CharField):
    """The `q` box: at most `max_length` characters and `max_terms` words.

    Each limit is refused with one message that names the field, so every
    list says it the same way.
    """

    default_error_messages = {
        "max_length": _(
            "%(label)sは%(limit_value)d文字以内で入力してください"
            "（%(show_value)d文字入力されています）。"
        ),
        # Django's own Japanese for this says "enter some characters".
        "null_characters_not_allowed": _("制御文字（NUL）は使えません。取り除いてください。"),
        "max_terms": _(
            "%(label)sは%(limit_value)d語以内で入力してください（%(show_value)d語入力されています）。"
        ),
    }

    def __init__(self, *, max_terms: int = MAX_TERMS, **kwargs):
        super().__init__(**kwargs)
        self.max_terms = max_terms
        # validate() checks the length with the field's label in the message.
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        if self.max_length is not None and len(value) > self.max_length:
            raise ValidationError(
                self.error_messages["max_length"],
                code="max_length",
                params={
                    "label": self.label,
                    "limit_value": self.max_length,
                    "show_value": len(value),
                },
            )
        terms = len(terms_of(value))
        if terms > self.max_terms:
            raise ValidationError(
                self.error_messages["max_terms"],
                code="max_terms",
                params={"label": self.label, "limit_value": self.max_terms, "show_value": terms},
            )


class SearchFilter(django_filters.CharFilter):
    """`q`: every word must occur in one of `search_fields` (core.search.matches)."""

    field_class = SearchField

    def __init__(self, *, search_fields: tuple[str, ...], **kwargs):
        super().__init__(**kwargs)
        self.search_fields = search_fields

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        # The form has checked the value's length and number of words.
        terms = terms_of(value or "")
        return qs.filter(matches(self.search_fields, terms)) if terms else qs


class PortalFilterSet(django_filters.FilterSet):
    """The base of every public list's FilterSet (see the module docstring)."""

    # What `q` looks through; a FilterSet without them has no `q`.
    search_fields: tuple[str, ...] = ()
    search_label = _("キーワード")
    search_max_length = MAX_QUERY_LENGTH

    class Meta:
        form = FilterForm

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        if cls.search_fields:
            # Built here rather than declared on the class so that `q` comes
            # last in every form, after the subclass's own filters.
            filters["q"] = SearchFilter(
                field_name="q",
                search_fields=cls.search_fields,
                label=cls.search_label,
                max_length=cls.search_max_length,
            )
        return filters

    @property
    def qs(self) -> QuerySet:
        """The filtered rows; none at all when any value is bad (the form says which)."""
        if self.is_bound and not self.is_valid():
            return self.queryset.none()
        return super().qs


def _shown(field: forms.Field, value) -> str:
    """A cleaned filter value as its form shows it (a choice's label, a date in words)."""
    if getattr(field, "null_label", None) and value == getattr(field, "null_value", None):
        return str(field.null_label)
    if isinstance(field, forms.ModelChoiceField):
        return field.label_from_instance(value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    return str(value)


def active_filters(filterset: django_filters.FilterSet) -> list[tuple[str, str]]:
    """(label, value as shown) of each filter given a good value, in the form's
    order; none when a value is bad (the form then says what is wrong)."""
    if not filterset.is_bound or not filterset.is_valid():
        return []
    active = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        active.append((str(field.label), _shown(field, value)))
    return active
