"""Filters of the organization directory: kind, place, thread and name."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import ALL, DisplayNameChoiceFilter, FilterForm, PortalFilterSet
from core.search import MAX_QUERY_LENGTH
from networks.filters import block_filter, prefecture_filter
from networks.models import Organization, RegionalBlock
from threads.models import Thread

# The site's one limit (core.search); no organization name is longer.
Q_MAX_LENGTH = MAX_QUERY_LENGTH


def thread_title(thread: Thread) -> str:
    return thread.display_title


class OrganizationFilterSet(PortalFilterSet):
    search_fields = ("name", "name_en")
    search_label = _("名称")

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
        queryset=Thread.objects.all(),
        to_field_name="slug",
        field_name="participations__thread",
        label=_("参加している推進体制"),
        label_from=thread_title,
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("推進体制「%(value)s」はありません。一覧から選んでください。")
        },
    )

    class Meta:
        model = Organization
        fields: list[str] = []
        form = FilterForm

    def in_block(self, queryset: QuerySet, name: str, value: RegionalBlock) -> QuerySet:
        return queryset.in_block(value)
