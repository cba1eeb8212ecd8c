"""Admin for the roadmap: its models and KPIs, national targets, the local
governments' implementation reports and who reports for which government.

Reports are scoped by networks/permissions.py: a local government's staff
see, add and correct only their own government's reports, a bureau its
block's, editors all; viewers read. A report is never replaced by a later
one: a new stage is a new report (its history keeps corrections).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import HTTPS_URLS
from core.admin.history import AuditedAdmin
from core.admin.imports import JapaneseImportExportMixin
from core.admin.scoped import ScopedAdmin
from core.search import folded

from .models import ImplementationReport, LocalGovernmentMembership, NationalTarget, RoadmapModel
from .resources import ImplementationReportResource


@admin.register(RoadmapModel)
class RoadmapModelAdmin(AuditedAdmin):
    list_display = ("name", "field", "edition", "kpi_indicator", "kpi_target_fiscal_year", "order")
    list_filter = ("field", "edition", ("kpi_indicator", admin.EmptyFieldListFilter))
    list_select_related = ("field",)
    search_fields = folded("name", "name_en", "slug", "kpi_indicator")
    fieldsets = (
        (None, {"fields": ("field", "name", "name_en", "slug", "edition", "order")}),
        (_("説明"), {"fields": ("description",)}),
        (
            _("KPI"),
            {
                "fields": (
                    "kpi_indicator",
                    "kpi_target_value",
                    "kpi_unit",
                    "kpi_target_fiscal_year",
                )
            },
        ),
    )


@admin.register(NationalTarget)
class NationalTargetAdmin(AuditedAdmin):
    list_display = ("wording", "value", "unit", "deadline_fiscal_year", "source", "set_on")
    search_fields = folded("wording", "source")
    formfield_overrides = HTTPS_URLS
    fieldsets = (
        (None, {"fields": ("slug", "wording", "wording_en")}),
        (_("目標値"), {"fields": ("value", "unit", "deadline_fiscal_year")}),
        (_("出典"), {"fields": ("source", "source_url", "set_on", "set_on_text")}),
    )


@admin.register(ImplementationReport)
class ImplementationReportAdmin(ScopedAdmin, JapaneseImportExportMixin, AuditedAdmin):
    resource_classes = [ImplementationReportResource]
    list_display = ("as_of", "local_government", "model", "stage", "reported_by")
    list_filter = ("stage", "model__field", "model", "block", "as_of")
    list_select_related = ("municipality", "prefecture", "model", "reported_by")
    search_fields = folded("municipality__name", "municipality__code", "prefecture__name", "note")
    autocomplete_fields = ("municipality", "prefecture")
    date_hierarchy = "as_of"
    formfield_overrides = HTTPS_URLS
    fieldsets = (
        (_("団体"), {"fields": ("municipality", "prefecture")}),
        (None, {"fields": ("model", "stage", "as_of", "note", "url")}),
    )

    @admin.display(description=_("団体"))
    def local_government(self, obj):
        return obj.local_government

    def save_model(self, request, obj, form, change):
        if not change:
            obj.reported_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(LocalGovernmentMembership)
class LocalGovernmentMembershipAdmin(AuditedAdmin):
    list_display = ("user", "municipality", "prefecture")
    list_select_related = ("user", "municipality", "prefecture")
    search_fields = folded("user__username", "municipality__name", "municipality__code")
    autocomplete_fields = ("user", "municipality", "prefecture")
    fields = ("user", "municipality", "prefecture")
