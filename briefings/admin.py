"""Admin for briefing sessions (説明会等) and the progress reports quoted from the record."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin

from networks.admin import HTTPS_URLS
from networks.admin_history import AuditedAdmin, SoftDeleteAdmin
from networks.admin_mixins import BlockScopedAdmin

from .admin_actions import ACTIONS
from .models import Briefing, ProgressReport
from .resources import BriefingResource


@admin.register(Briefing)
class BriefingAdmin(BlockScopedAdmin, SoftDeleteAdmin, ImportExportModelAdmin, AuditedAdmin):
    resource_classes = [BriefingResource]
    actions = ACTIONS
    list_display = ("date", "title", "status", "scope", "kind", "prefecture", "block", "host")
    list_filter = ("status", "scope", "kind", "block", "thread")
    # Members are not a column, so only the foreign keys shown need joining.
    list_select_related = ("prefecture", "block", "host")
    search_fields = ("title", "location_text", "notes", "prefecture__name")
    search_help_text = _("開催概要・開催箇所・備考・都道府県名で検索します。")
    date_hierarchy = "date"
    autocomplete_fields = ("prefecture", "block", "host", "thread", "members")
    formfield_overrides = HTTPS_URLS
    fieldsets = (
        (None, {"fields": ("title", "status", "scope", "kind")}),
        (_("日時"), {"fields": ("date", "date_text")}),
        (_("開催地"), {"fields": ("prefecture", "block", "location_text")}),
        (_("主催・参加者"), {"fields": ("host", "thread", "members", "audience_size")}),
        (_("備考・資料"), {"fields": ("notes", "materials_url")}),
    )


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ("as_of", "title", "quoted_figure", "source")
    list_filter = ("source",)
    search_fields = ("title", "summary", "quoted_figure", "source")
    date_hierarchy = "as_of"
    fieldsets = (
        (None, {"fields": ("as_of", "title", "source")}),
        (_("内容"), {"fields": ("quoted_figure", "summary")}),
    )
