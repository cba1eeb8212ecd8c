"""Admin for the bottom layer: blocks, prefectures, municipalities, fields, organizations, members.

Every admin here keeps `search_fields`, because the other apps' forms pick
these rows through autocomplete widgets.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import HTTPS_URLS
from core.admin.history import AuditedAdmin
from core.admin.imports import JapaneseImportExportMixin
from core.admin.scoped import ScopedAdmin
from core.search import folded

from .models import (
    BureauMembership,
    Field,
    Member,
    Municipality,
    Organization,
    Prefecture,
    RegionalBlock,
)
from .resources import OrganizationResource


class ReferenceFactAdmin(AuditedAdmin):
    """Rows loaded by the reference-data migration.

    Editors may correct a name, but the set of rows is a fact of law and
    their codes are published in URLs, so rows are neither added nor
    deleted here and codes are read-only.
    """

    readonly_fields = ("code",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RegionalBlock)
class RegionalBlockAdmin(ReferenceFactAdmin):
    list_display = ("name", "code", "bureau_name", "council_name", "order")
    list_filter = (("council_name", admin.EmptyFieldListFilter),)
    search_fields = folded("name", "name_en", "code", "bureau_name", "council_name")
    fieldsets = (
        (None, {"fields": ("code", "name", "name_en", "order")}),
        (_("総合通信局"), {"fields": ("bureau_name", "bureau_name_en")}),
        (_("地域の協議会・懇談会"), {"fields": ("council_name",)}),
    )


@admin.register(Prefecture)
class PrefectureAdmin(ReferenceFactAdmin):
    list_display = ("code", "name", "name_en", "kana", "block")
    list_filter = ("block",)
    list_select_related = ("block",)
    search_fields = folded("name", "name_en", "kana", "code")
    autocomplete_fields = ("block",)
    fieldsets = (
        (None, {"fields": ("code", "name", "name_en", "kana")}),
        (_("所属"), {"fields": ("block",)}),
    )


@admin.register(Municipality)
class MunicipalityAdmin(AuditedAdmin):
    list_display = ("code", "name", "kana", "kind", "prefecture", "parent")
    # No filter on `parent`: it would list every municipality in the sidebar.
    list_filter = ("kind", "prefecture__block", "prefecture")
    list_select_related = ("prefecture", "parent")
    search_fields = folded("name", "kana", "code")
    autocomplete_fields = ("prefecture", "parent")
    fieldsets = (
        (None, {"fields": ("code", "name", "kana", "kind")}),
        (_("所属"), {"fields": ("prefecture", "parent")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # The 団体コード is the row's identity: its page's URL, the key the
        # import and the survey import match on. Entered when a row is added,
        # never changed afterwards (a renumbered government is a new row).
        return ("code",) if obj is not None else ()


@admin.register(Field)
class FieldAdmin(AuditedAdmin):
    list_display = ("name", "name_en", "slug", "order")
    # Finds the fields still missing an English name.
    list_filter = (("name_en", admin.EmptyFieldListFilter),)
    search_fields = folded("name", "name_en", "slug")
    fieldsets = ((None, {"fields": ("name", "name_en", "slug", "order")}),)


@admin.register(Organization)
class OrganizationAdmin(ScopedAdmin, JapaneseImportExportMixin, AuditedAdmin):
    # Scoped by networks/permissions.py: a bureau changes its block's
    # organizations and sees the others read-only.
    resource_classes = [OrganizationResource]
    list_display = ("name", "kind", "block", "prefecture", "municipality")
    list_filter = ("kind", "block", "prefecture", ("name_en", admin.EmptyFieldListFilter))
    list_select_related = ("block", "prefecture", "municipality")
    search_fields = folded("name", "name_en", "description")
    autocomplete_fields = ("block", "prefecture", "municipality")
    formfield_overrides = HTTPS_URLS
    fieldsets = (
        (None, {"fields": ("name", "name_en", "kind")}),
        (_("所在地"), {"fields": ("municipality", "prefecture", "block")}),
        (_("詳細"), {"fields": ("url", "description")}),
    )


@admin.register(Member)
class MemberAdmin(AuditedAdmin):
    list_display = ("name", "role", "affiliation", "organization")
    list_filter = ("role",)
    list_select_related = ("organization",)
    search_fields = folded("name", "name_en", "affiliation", "organization__name")
    autocomplete_fields = ("organization",)
    fieldsets = (
        (None, {"fields": ("name", "name_en", "role")}),
        (_("所属"), {"fields": ("affiliation", "organization")}),
    )


@admin.register(BureauMembership)
class BureauMembershipAdmin(AuditedAdmin):
    list_display = ("user", "block")
    list_filter = ("block",)
    list_select_related = ("user", "block")
    search_fields = folded("user__username", "user__last_name", "user__first_name", "block__name")
    autocomplete_fields = ("user", "block")


# Registered in their own modules: the roadmap's admins, and the national
# network's applications and memberships (reviewed by editors) and its work.
from . import admin_membership, cooperation_admin, roadmap_admin  # noqa: E402, F401
