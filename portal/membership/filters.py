"""Filters of the member directory: kind, place, field and name."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import ALL, FilterForm, PortalFilterSet
from networks.filters import block_filter, field_filter, prefecture_filter
from networks.models import NetworkMembership, Organization


class MemberFilterSet(PortalFilterSet):
    search_fields = ("organization__name", "organization__name_en")
    search_label = _("名称")

    kind = django_filters.ChoiceFilter(
        field_name="organization__kind",
        choices=Organization.Kind.choices,
        label=_("種別"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("種別「%(value)s」はありません。一覧から選んでください。")
        },
    )
    prefecture = prefecture_filter(field_name="organization__prefecture")
    block = block_filter(field_name="organization__block")
    field = field_filter(field_name="fields", label=_("関心のある分野"))

    class Meta:
        model = NetworkMembership
        fields: list[str] = []
        form = FilterForm

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Joining through `fields` may repeat a row.
        return super().filter_queryset(queryset).distinct()
