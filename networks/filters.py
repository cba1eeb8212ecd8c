"""Filters of the organization directory, and the choice filter other apps reuse.

`networks` imports no other app: the `thread` filter reaches the Thread model
through `Organization.participations` (see `selectors.thread_model`).
"""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from .models import Organization, Prefecture, RegionalBlock
from .selectors import thread_model

# Longer queries are refused with a message: no organization name is longer,
# and a 10,000-character value would only make a slow LIKE.
Q_MAX_LENGTH = 100

ALL = _("すべて")


class FilterForm(forms.Form):
    """The form of every public filter: labels stand above their controls
    (templates/includes/filter_form.html), so no trailing colon."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class DisplayNameChoiceField(ModelChoiceField):
    """A choice of model rows labelled in the active language.

    Rows label themselves by `display_name` (blocks, prefectures, fields) or
    `display_title` (threads).
    """

    def label_from_instance(self, obj) -> str:
        label = getattr(obj, "display_name", None)
        return label if label is not None else obj.display_title


class DisplayNameChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = DisplayNameChoiceField


def block_filter(**kwargs) -> DisplayNameChoiceFilter:
    """A regional block chosen by its code (`?block=kyushu`), shared by every list."""
    return DisplayNameChoiceFilter(
        queryset=RegionalBlock.objects.all(),
        to_field_name="code",
        label=_("地域ブロック"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("地域ブロック「%(value)s」はありません。一覧から選んでください。")
        },
        **kwargs,
    )


def prefecture_filter(**kwargs) -> DisplayNameChoiceFilter:
    """A prefecture chosen by its JIS code (`?prefecture=43`), shared by every list."""
    return DisplayNameChoiceFilter(
        queryset=Prefecture.objects.all(),
        to_field_name="code",
        label=_("都道府県"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _(
                "都道府県コード「%(value)s」はありません。01（北海道）から47（沖縄県）までの"
                "2桁で指定するか、一覧から選んでください。"
            )
        },
        **kwargs,
    )


def threads(request) -> QuerySet:
    return thread_model().objects.all()


class OrganizationFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=Organization.Kind.choices,
        label=_("種別"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("種別「%(value)s」はありません。一覧から選んでください。")
        },
    )
    prefecture = prefecture_filter()
    block = block_filter(method="in_block")
    thread = DisplayNameChoiceFilter(
        queryset=threads,
        to_field_name="slug",
        field_name="participations__thread",
        label=_("参加している推進体制"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("推進体制「%(value)s」はありません。一覧から選んでください。")
        },
    )
    q = django_filters.CharFilter(
        method="search",
        label=_("名称"),
        max_length=Q_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "名称は%(limit_value)d文字以内で入力してください"
                "（%(show_value)d文字入力されています）。"
            )
        },
    )

    class Meta:
        model = Organization
        fields: list[str] = []
        form = FilterForm

    def in_block(self, queryset: QuerySet, name: str, value: RegionalBlock) -> QuerySet:
        return queryset.in_block(value)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Every word (split on any space, 全角 included) must be in the Japanese or English name."""
        for term in value.split():
            queryset = queryset.filter(Q(name__icontains=term) | Q(name_en__icontains=term))
        return queryset
