"""The briefing schedule's filters: one FilterSet for the pages (and later CSV/API).

`BriefingDateRangeFilterSet` holds the date range on its own so that the
coverage page validates `date_after`/`date_before` exactly as the schedule does.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import ALL, DisplayNameChoiceFilter, PortalFilterSet
from networks.filters import block_filter, prefecture_filter
from networks.models import Member

from .forms import DateInput, DateRangeForm
from .models import Briefing

# What `q` looks through; both languages of the place and host names.
SEARCH_FIELDS = (
    "title",
    "location_text",
    "notes",
    "prefecture__name",
    "prefecture__name_en",
    "host__name",
    "host__name_en",
)


class BriefingDateRangeFilterSet(PortalFilterSet):
    date_after = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label=_("開催日（から）"), widget=DateInput
    )
    date_before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label=_("開催日（まで）"), widget=DateInput
    )

    class Meta:
        model = Briefing
        fields: list[str] = []
        form = DateRangeForm


class BriefingFilterSet(BriefingDateRangeFilterSet):
    search_fields = SEARCH_FIELDS

    status = django_filters.ChoiceFilter(
        choices=Briefing.Status.choices, label=_("状況"), empty_label=ALL
    )
    scope = django_filters.ChoiceFilter(
        choices=Briefing.Scope.choices, label=_("対象"), empty_label=ALL
    )
    kind = django_filters.ChoiceFilter(
        choices=Briefing.Kind.choices, label=_("種別"), empty_label=ALL
    )
    block = block_filter()
    prefecture = prefecture_filter()
    member = DisplayNameChoiceFilter(
        # Only people who attended a live session: any other choice would list nothing.
        queryset=Member.objects.filter(
            briefings__isnull=False, briefings__deleted_at__isnull=True
        ).distinct(),
        field_name="members",
        label=_("参加した構成員等"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("指定された構成員等は見つかりません。一覧から選んでください。")
        },
    )
