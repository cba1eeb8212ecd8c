"""Admin for the threads (縦・横・斜めの糸) and their record.

A thread's page edits everything recorded under it through inlines; the
standalone admins below serve search and filtering across threads.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.admin.history import AuditedAdmin
from core.admin.inlines import LatestRowsTabularInline
from core.admin.scoped import ScopedAdmin
from core.admin.softdelete import SoftDeleteAdmin, SoftDeleteInlineMixin
from core.search import folded

from .models import Activity, Participation, StatusUpdate, Thread, WorkItem

# Tabular inlines put a text area in every row; a few lines keep the page scannable.
COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})}}


@admin.display(description=_("内容"))
def short_text(obj: WorkItem | StatusUpdate) -> str:
    return Truncator(obj.text).chars(60)


class WorkItemInline(admin.TabularInline):
    model = WorkItem
    extra = 0
    fields = ("section", "heading", "text", "order")
    formfield_overrides = COMPACT_TEXT


class ParticipationInline(LatestRowsTabularInline):
    model = Participation
    extra = 0
    latest_ordering = ("-pk",)  # the most recently added
    latest_select_related = ("organization",)
    fields = ("organization", "role", "provenance", "provenance_note", "joined_on", "left_on")
    autocomplete_fields = ("organization",)


class ActivityInline(LatestRowsTabularInline):
    model = Activity
    extra = 0
    latest_ordering = ("-date", "-pk")
    fields = ("date", "date_precision", "date_text", "title", "field", "block", "status")
    # A dozen fields and eleven blocks: plain selects, their choices read once.
    shared_choice_fields = ("field", "block")
    # Description, end date and organizations are edited on the activity's own page.
    show_change_link = True


class StatusUpdateInline(SoftDeleteInlineMixin, LatestRowsTabularInline):
    model = StatusUpdate
    extra = 0
    latest_ordering = ("-as_of", "-order", "-pk")
    fields = ("as_of", "date_precision", "date_text", "status", "text", "block", "order")
    shared_choice_fields = ("block",)
    formfield_overrides = COMPACT_TEXT


@admin.register(Thread)
class ThreadAdmin(AuditedAdmin):
    list_display = ("title", "kind", "slug", "order")
    list_filter = ("kind",)
    search_fields = folded("title", "title_en", "slug", "tagline")
    fieldsets = (
        (None, {"fields": ("title", "title_en", "slug", "kind", "order")}),
        (
            _("説明"),
            {"fields": ("tagline", "summary", "purpose", "method", "expected_participants")},
        ),
    )
    inlines = (WorkItemInline, ParticipationInline, ActivityInline, StatusUpdateInline)


@admin.register(WorkItem)
class WorkItemAdmin(AuditedAdmin):
    list_display = (short_text, "heading", "section", "thread", "order")
    list_filter = ("section", "thread")
    list_select_related = ("thread",)
    search_fields = folded("text", "heading", "thread__title")
    autocomplete_fields = ("thread",)
    fieldsets = ((None, {"fields": ("thread", "section", "heading", "text", "order")}),)


@admin.register(Participation)
class ParticipationAdmin(AuditedAdmin):
    list_display = ("organization", "thread", "role", "provenance", "joined_on", "left_on")
    list_filter = ("thread", "provenance", "organization__kind")
    list_select_related = ("organization", "thread")
    search_fields = folded("organization__name", "role", "thread__title")
    autocomplete_fields = ("thread", "organization")
    fieldsets = (
        (None, {"fields": ("thread", "organization", "role")}),
        (_("出典"), {"fields": ("provenance", "provenance_note")}),
        (_("期間"), {"fields": ("joined_on", "left_on")}),
    )


@admin.register(Activity)
class ActivityAdmin(ScopedAdmin, AuditedAdmin):
    list_display = ("date", "date_text", "title", "thread", "field", "block", "status")
    list_filter = ("status", "thread", "field", "block")
    # Read per page: joined, the list's ORDER BY sorted every activity with its thread.
    list_select_related = ()
    list_prefetch_related = ("thread", "field", "block")
    search_fields = folded("title", "description", "date_text")
    date_hierarchy = "date"
    autocomplete_fields = ("thread", "field", "block", "organizations")
    fieldsets = (
        (None, {"fields": ("thread", "title", "status")}),
        (_("日付"), {"fields": ("date", "end_date", "date_precision", "date_text")}),
        (_("分野・地域・関係団体"), {"fields": ("field", "block", "organizations")}),
        (_("内容"), {"fields": ("description",)}),
    )


@admin.register(StatusUpdate)
class StatusUpdateAdmin(ScopedAdmin, SoftDeleteAdmin, AuditedAdmin):
    list_display = ("as_of", "date_text", "thread", "block", "status", short_text, "order")
    list_filter = ("status", "thread", "block")
    # Read per page (see ActivityAdmin); the order still joins the thread, for its order.
    list_select_related = ()
    list_prefetch_related = ("thread", "block")
    search_fields = folded("text", "date_text", "thread__title")
    date_hierarchy = "as_of"
    autocomplete_fields = ("thread", "block")
    fieldsets = (
        (None, {"fields": ("thread", "block", "status", "text")}),
        (_("時点"), {"fields": ("as_of", "date_precision", "date_text", "order")}),
    )
