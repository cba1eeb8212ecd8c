"""The briefing schedule's filters: one FilterSet for the pages (and later CSV/API).

`BriefingDateRangeFilterSet` holds the date range on its own so that the
coverage page validates `date_after`/`date_before` exactly as the schedule does.

`status` reads the status as the pages show it (Briefing.PublicStatus), not
as stored: `planned` (予定) is what is still to come, from today in Japan on
(BriefingQuerySet.upcoming); `unrecorded` (開催日経過・結果未登録) is a planned
session whose date has passed and whose outcome staff have not recorded yet
(the admin's 要更新); `held`, `cancelled` and `postponed` are as stored.
`application=open` is 申込受付中 (BriefingQuerySet.open_for_application);
`block=null` is the sessions with no block (national ones and the like).
"""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from core import dates
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
        choices=Briefing.PublicStatus.choices,
        label=_("状況"),
        empty_label=ALL,
        method="filter_status",
    )
    # A combined session serves two scopes and kinds: it is found under each.
    scope = django_filters.ChoiceFilter(
        choices=Briefing.Scope.choices, label=_("対象"), empty_label=ALL, method="filter_scope"
    )
    kind = django_filters.ChoiceFilter(
        choices=Briefing.Kind.choices, label=_("種別"), empty_label=ALL, method="filter_kind"
    )
    block = block_filter(null_label=_("地域ブロックなし（全国等）"))
    prefecture = prefecture_filter()
    member = DisplayNameChoiceFilter(
        # Only people who attended a live session: any other choice would list
        # nothing. EXISTS stops at a member's first live session (an index
        # probe each) where JOIN … DISTINCT read every attendance.
        queryset=Member.objects.filter(
            Exists(
                Briefing.members.through.objects.filter(
                    member=OuterRef("pk"), briefing__deleted_at__isnull=True
                )
            )
        ),
        field_name="members",
        label=_("参加した構成員等"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("指定された構成員等は見つかりません。一覧から選んでください。")
        },
    )
    application = django_filters.ChoiceFilter(
        choices=[("open", _("申込受付中"))],
        label=_("申込"),
        empty_label=ALL,
        method="filter_application",
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        # One "today" (in Japan) for every filter of the request.
        self.today = today or dates.today()

    def filter_scope(self, queryset, name, value):
        return queryset.filter(Briefing.serves_scope(value)) if value else queryset

    def filter_kind(self, queryset, name, value):
        return queryset.filter(Briefing.serves_kind(value)) if value else queryset

    def filter_status(self, queryset, name, value):
        return queryset.with_public_status(value, today=self.today) if value else queryset

    def filter_application(self, queryset, name, value):
        return queryset.open_for_application(today=self.today) if value == "open" else queryset
