"""Admin of the national network: editors review applications and record leaving.

承認する / 却下する (applications) and 退会を記録する (memberships) are actions
on the rows selected in the list and buttons on the change page. Each shows
a small form (joined date, a note, the leaving date), carrying the versions
of its rows (core.admin.locking): a row saved by someone else after the form
was opened refuses the step and nothing changes. Several rows are done
together or not at all; a row that cannot take the step (an application
already rejected, a member who has left) is named in a message and nothing
changes. The writes are networks.services.membership's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from core import dates
from core.admin import locking
from core.admin.history import AuditedAdmin
from core.admin.locking import RowVersionField
from core.admin.scoped import ScopedAdmin
from core.admin.steps import apply_to_rows
from core.search import folded

from .models import NetworkApplication, NetworkMembership
from .services import membership as service

TEMPLATE = "admin/networks/review_step.html"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class StepForm(forms.Form):
    """Carries the versions of the rows it was opened for."""

    required_css_class = "required"
    versions = RowVersionField()
    edit_conflicts = ()

    def show_conflicts(self, conflicts, token: str) -> None:
        self.edit_conflicts = conflicts
        self.data = self.data.copy()
        self.data[self.add_prefix("versions")] = token


class ApproveForm(StepForm):
    joined_on = forms.DateField(
        label=_("加入日"), widget=DateInput, initial=dates.today, required=True
    )
    note = forms.CharField(label=_("審査メモ"), widget=forms.Textarea, required=False)


class RejectForm(StepForm):
    note = forms.CharField(
        label=_("却下の理由（審査メモ）"),
        widget=forms.Textarea,
        error_messages={"required": _("却下の理由を書いてください。")},
    )


class LeaveForm(StepForm):
    left_on = forms.DateField(label=_("退会日"), widget=DateInput, initial=dates.today)
    note = forms.CharField(label=_("備考"), widget=forms.Textarea, required=False)


@dataclass(frozen=True)
class Step:
    action: str  # the admin action's name, and the change page's path
    label: Promise
    form_class: type[StepForm]
    run: Callable  # (row, cleaned_data, user) -> result
    success: Promise  # with %(rows)s
    available: Callable  # (row) -> whether its state allows the step (the change page's button)


APPROVE = Step(
    "approve",
    _("承認する"),
    ApproveForm,
    lambda row, data, user: service.approve_application(
        row, by=user, joined_on=data["joined_on"], note=data["note"]
    ),
    _("承認しました：%(rows)s"),
    lambda row: row.status == NetworkApplication.Status.PENDING,
)
REJECT = Step(
    "reject",
    _("却下する"),
    RejectForm,
    lambda row, data, user: service.reject_application(row, by=user, note=data["note"]),
    _("却下しました：%(rows)s"),
    lambda row: row.status == NetworkApplication.Status.PENDING,
)
LEAVE = Step(
    "leave",
    _("退会を記録する"),
    LeaveForm,
    lambda row, data, user: service.leave_network(
        row, by=user, left_on=data["left_on"], note=data["note"]
    ),
    _("退会を記録しました：%(rows)s"),
    lambda row: row.left_on is None,
)


def _names(rows) -> str:
    return pgettext("列挙の区切り", "、").join(str(row) for row in rows)


class ReviewStepsAdmin:
    """The steps of one admin (`steps`), as actions and change page buttons."""

    steps: tuple[Step, ...] = ()

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            for step in self.steps:
                actions[step.action] = (
                    partial(self._action, step=step),
                    step.action,
                    step.label,
                )
        return actions

    def _action(self, modeladmin, request, queryset, step: Step):
        return self.run_step(request, list(queryset), step, from_list=True)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                f"<path:object_id>/{step.action}/",
                self.admin_site.admin_view(partial(self.step_view, step=step)),
                name="{}_{}_{}".format(*info, step.action),
            )
            for step in self.steps
        ] + super().get_urls()

    def step_view(self, request, object_id, step: Step):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return self.run_step(request, [obj], step, from_list=False)

    def step_links(self, request, obj) -> list[dict]:
        if not self.has_change_permission(request, obj):
            return []
        info = self.opts.app_label, self.opts.model_name
        return [
            {
                "label": step.label,
                "url": reverse("admin:{}_{}_{}".format(*info, step.action), args=[quote(obj.pk)]),
            }
            for step in self.steps
            if step.available(obj)
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and not add:
            context["review_links"] = self.step_links(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- the two rounds ----------------------------------------------------------

    def run_step(self, request, rows, step: Step, *, from_list: bool):
        changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        if not rows:
            self.message_user(request, gettext("対象が選ばれていません。"), messages.ERROR)
            return HttpResponseRedirect(changelist)
        if "apply" in request.POST:
            form = step.form_class(request.POST, prefix="step")
            if form.is_valid() and self.apply_step(request, rows, step, form):
                if from_list:
                    return None  # the list, with the messages
                return HttpResponseRedirect(
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                        args=[quote(rows[0].pk)],
                    )
                )
        else:
            versions = locking.current_versions(self.model, [r.pk for r in rows], lock=False)
            form = step.form_class(
                prefix="step", initial={"versions": locking.issue_token(self.model, versions)}
            )
        context = {
            **self.admin_site.each_context(request),
            "title": step.label,
            "opts": self.opts,
            "step": step,
            "rows": rows,
            "form": form,
            "edit_conflicts": form.edit_conflicts,
            "from_list": from_list,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "back_url": changelist,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, TEMPLATE, context)

    def apply_step(self, request, rows, step: Step, form) -> bool:
        """All rows or none (core.admin.steps); False after messages saying why
        nothing changed."""
        results = apply_to_rows(
            self,
            request,
            rows,
            form,
            run=lambda row: step.run(row, form.cleaned_data, request.user),
            allowed=lambda row: self.has_change_permission(request, row),
            describe=str,
            errors=(service.NetworkMembershipError,),
            denied=gettext("この項目を変更する権限がありません。"),
            nothing_changed=gettext("何も変更していません。"),
        )
        if results is None:
            return False
        self.message_user(request, step.success % {"rows": _names(rows)}, messages.SUCCESS)
        return True


class CurrentListFilter(admin.SimpleListFilter):
    """Current members, or those who left (in the membership list)."""

    title = _("在籍")
    parameter_name = "current"

    def lookups(self, request, model_admin):
        return [("yes", _("現会員")), ("no", _("退会済み"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(left_on__isnull=True)
        if self.value() == "no":
            return queryset.filter(left_on__isnull=False)
        return queryset


@admin.register(NetworkApplication)
class NetworkApplicationAdmin(ReviewStepsAdmin, ScopedAdmin, AuditedAdmin):
    """Applications come from the public form; editors review them here."""

    steps = (APPROVE, REJECT)
    list_display = ("__str__", "applicant_kind", "prefecture", "status", "created", "reviewed_by")
    list_filter = ("status", "applicant_kind", "prefecture__block")
    list_select_related = ("municipality__prefecture", "prefecture", "reviewed_by")
    search_fields = folded(
        "organization_name", "municipality__name", "municipality__code", "contact_name", "email"
    )
    date_hierarchy = "created"
    readonly_fields = (
        "applicant_kind",
        "municipality",
        "organization_name",
        "organization_kind",
        "prefecture",
        "status",
        "reviewed_by",
        "reviewed_at",
        "organization",
        "created",
    )
    fieldsets = (
        (
            _("申込者"),
            {
                "fields": (
                    "applicant_kind",
                    "municipality",
                    "organization_name",
                    "organization_kind",
                    "prefecture",
                )
            },
        ),
        (_("連絡先"), {"fields": ("contact_name", "email", "fields", "message")}),
        (
            _("審査"),
            {"fields": ("status", "review_note", "reviewed_by", "reviewed_at", "organization")},
        ),
        (None, {"fields": ("created",)}),
    )
    filter_horizontal = ("fields",)

    def has_add_permission(self, request):
        return False  # applications come through /network/apply/


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(ReviewStepsAdmin, ScopedAdmin, AuditedAdmin):
    steps = (LEAVE,)
    list_display = ("organization", "joined_on", "left_on")
    list_filter = (CurrentListFilter, "organization__kind", "organization__block")
    list_select_related = ("organization",)
    search_fields = folded("organization__name", "organization__name_en", "note")
    autocomplete_fields = ("organization",)
    date_hierarchy = "joined_on"
    fieldsets = ((None, {"fields": ("organization", "joined_on", "left_on", "fields", "note")}),)
    filter_horizontal = ("fields",)
