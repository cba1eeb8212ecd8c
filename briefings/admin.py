"""Admin for briefing sessions (説明会等) and the progress reports quoted from the record.

The lifecycle steps (開催済にする, 中止にする, 延期にする, 複製する) are actions
in the list and buttons on the change page (briefings.admin_actions); a
planned session whose date has passed in Japan is flagged 要更新 in the
list, with a filter (`?overdue=yes`) and its count.
"""

import datetime
from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.db import models
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import dates
from core.admin import HTTPS_URLS
from core.admin.history import AuditedAdmin
from core.admin.imports import JapaneseImportExportMixin
from core.admin.scoped import ScopedAdmin
from core.admin.softdelete import SoftDeleteAdmin
from core.search import folded

from . import admin_actions
from .admin_actions import ACTIONS
from .admin_forms import BriefingAdminForm, BriefingMaterialForm, BriefingMaterialInlineFormSet
from .models import Briefing, BriefingMaterial, ProgressReport
from .resources import BriefingResource
from .services import lifecycle


class OverdueFilter(admin.SimpleListFilter):
    """要更新: planned sessions whose date has passed (the start page links here)."""

    title = _("要更新")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("要更新（%(count)d件）") % {"count": model_admin.overdue_count(request)})]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.live().overdue(today=BriefingAdmin.today(request))
        return queryset


class _ServesFilter(admin.SimpleListFilter):
    """A combined session (a block seminar that is also the venue prefecture's
    briefing) serves two scopes and kinds: found under each, as on the public
    list (briefings/filters.py) and in the figures."""

    # Not `choices`: SimpleListFilter.choices() draws the sidebar.
    options: type[models.TextChoices]
    condition: str  # the Briefing class method: serves_scope or serves_kind

    def lookups(self, request, model_admin):
        return self.options.choices

    def queryset(self, request, queryset):
        value = self.value()
        if value not in self.options.values:
            return queryset  # nothing chosen, or a value that is no choice (a hand-typed URL)
        return queryset.filter(getattr(Briefing, self.condition)(value))


class ServesScopeFilter(_ServesFilter):
    title = _("対象")
    parameter_name = "serves_scope"
    options = Briefing.Scope
    condition = "serves_scope"


class ServesKindFilter(_ServesFilter):
    title = _("種別")
    parameter_name = "serves_kind"
    options = Briefing.Kind
    condition = "serves_kind"


class BriefingMaterialInline(admin.TabularInline):
    """資料1, 資料2 … in their order; each an uploaded file or a link."""

    model = BriefingMaterial
    form = BriefingMaterialForm
    formset = BriefingMaterialInlineFormSet
    fields = ("order", "title", "file", "url")
    ordering = ("order", "pk")
    extra = 1
    formfield_overrides = HTTPS_URLS


@admin.register(Briefing)
class BriefingAdmin(ScopedAdmin, SoftDeleteAdmin, JapaneseImportExportMixin, AuditedAdmin):
    resource_classes = [BriefingResource]
    form = BriefingAdminForm
    inlines = [BriefingMaterialInline]
    actions = ACTIONS
    list_display = (
        "date",
        "title",
        "status",
        "overdue_flag",
        "scope",
        "kind",
        "prefecture",
        "block",
        "host",
    )
    list_filter = (OverdueFilter, "status", ServesScopeFilter, ServesKindFilter, "block", "thread")
    # Members are not a column, so only the foreign keys shown need joining.
    list_select_related = ("prefecture", "block", "host")
    search_fields = folded("title", "location_text", "notes", "prefecture__name")
    search_help_text = _("開催概要・開催箇所・備考・都道府県名で検索します。")
    date_hierarchy = "date"
    autocomplete_fields = (
        "prefecture",
        "block",
        "host",
        "thread",
        "members",
        "attending_organizations",
    )
    formfield_overrides = HTTPS_URLS
    # Set by the model when the wording is written (Briefing.date_text_date).
    readonly_fields = ("date_text_date",)
    fieldsets = (
        (None, {"fields": ("title", "status", ("scope", "kind"), ("also_scope", "also_kind"))}),
        (_("日時"), {"fields": ("date", "date_text", "date_text_date")}),
        (_("開催地"), {"fields": ("prefecture", "block", "location_text")}),
        (
            _("主催・参加者"),
            {"fields": ("host", ("host_provenance", "host_note"), "thread", "members")},
        ),
        (
            _("参加案内"),
            {
                "fields": (
                    ("venue_name", "venue_address"),
                    ("start_time", "end_time"),
                    "audience",
                    ("application_method", "application_deadline"),
                    "application_url",
                    "contact",
                ),
                "description": _(
                    "参加を希望する方への案内です。分かっている項目だけを入力してください。"
                    "公開ページの「参加するには」に表示され、申込方法・申込URL・申込締切日から"
                    "「申込受付中」が判断されます。"
                ),
            },
        ),
        (
            _("開催の記録"),
            {
                "fields": ("audience_size", "attending_organizations", "minutes"),
                "description": _("開催済の説明会等の記録です。公開ページに表示されます。"),
            },
        ),
        (_("中止"), {"fields": ("cancellation_reason",)}),
        (_("備考・資料"), {"fields": ("notes", "materials_url")}),
    )

    # --- today, once per request ------------------------------------------
    @staticmethod
    def today(request) -> datetime.date:
        """Today in Japan, fixed for the whole request (core.dates.today)."""
        if not hasattr(request, "_briefings_today"):
            request._briefings_today = dates.today()
        return request._briefings_today

    # --- overdue (要更新) -----------------------------------------------------
    def get_queryset(self, request):
        return super().get_queryset(request).with_overdue_flag(today=self.today(request))

    @admin.display(description=_("要更新"), ordering="-is_overdue", empty_value="")
    def overdue_flag(self, obj) -> str:
        return gettext("要更新") if obj.is_overdue else ""

    def overdue_count(self, request) -> int:
        """Overdue sessions this user may see; counted once per request."""
        if not hasattr(request, "_briefings_overdue_count"):
            request._briefings_overdue_count = (
                self.get_queryset(request).live().overdue(today=self.today(request)).count()
            )
        return request._briefings_overdue_count

    def changelist_view(self, request, extra_context=None):
        showing_overdue = request.GET.get(OverdueFilter.parameter_name) == "yes"
        if request.method == "GET" and IS_POPUP_VAR not in request.GET and not showing_overdue:
            count = self.overdue_count(request)
            if count:
                url = "{}?{}=yes".format(
                    reverse("admin:briefings_briefing_changelist"), OverdueFilter.parameter_name
                )
                self.message_user(
                    request,
                    format_html(
                        '{} <a href="{}">{}</a>',
                        gettext(
                            "予定のまま開催日を過ぎた説明会等（要更新）が%(count)d件あります。"
                            "開催済・中止・延期のいずれかに更新してください。"
                        )
                        % {"count": count},
                        url,
                        gettext("要更新の説明会等を表示"),
                    ),
                    messages.WARNING,
                )
        return super().changelist_view(request, extra_context)

    # --- the lifecycle steps on the change page ----------------------------
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        step_urls = [
            path(
                f"<path:object_id>/{step.url}/",
                self.admin_site.admin_view(partial(self.step_view, step=step)),
                name="{}_{}_{}".format(*info, step.url),
            )
            for step in admin_actions.STEPS
        ]
        return step_urls + super().get_urls()

    def step_view(self, request, object_id, step):
        # get_object reads the block-scoped queryset: another block's id is 404.
        briefing = self.get_object(request, unquote(object_id))
        if briefing is None:
            raise Http404
        return admin_actions.step_view(self, request, briefing, step)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and not add:
            available = lifecycle.available_steps(obj)
            context["lifecycle_links"] = [
                {"label": step.label, "url": admin_actions.step_url(self, obj, step)}
                for step in admin_actions.STEPS
                if step.key in available and step.allowed(self, request, obj)
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)


@admin.register(ProgressReport)
class ProgressReportAdmin(AuditedAdmin):
    list_display = ("as_of", "title", "quoted_figure", "source")
    list_filter = ("source",)
    search_fields = folded("title", "summary", "quoted_figure", "source")
    date_hierarchy = "as_of"
    fieldsets = (
        (None, {"fields": ("as_of", "title", "source")}),
        (_("内容"), {"fields": ("quoted_figure", "summary", "planned_note")}),
        (
            _("報告された数値と数えた期間"),
            {
                "fields": (
                    ("period_from", "period_text"),
                    ("reported_sessions", "reported_prefectures", "reported_blocks"),
                ),
                "description": _(
                    "資料が報告した数値と、その数値が数えた期間（初日から時点まで）。"
                    "ホームに、同じ期間についてこのサイトが数えた値と並べて表示します。"
                ),
            },
        ),
    )
