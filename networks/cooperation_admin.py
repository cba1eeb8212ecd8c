"""Admin for the national network's work: needs, offers, matches, projects, dispatches, cases.

Rows are scoped by networks/permissions.py (a bureau reaches its block's).
A status (a match's, a project's, a dispatch's) is never typed into the
change form: the change page's 「状況を変更する」 button opens a small form
that offers the states the row may move to (networks.services.cooperation),
carries the row's version (core.admin.locking) and changes nothing when the
step is refused or the row changed since the form was opened.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import dates
from core.admin import HTTPS_URLS
from core.admin.history import AuditedAdmin
from core.admin.locking import RowVersionField, check_rows, current_versions, issue_token
from core.admin.scoped import ScopedAdmin
from core.search import folded

from .models import Case, Dispatch, Match, Need, Offer, Project, ProjectStatusChange
from .models.cooperation import municipality_error
from .services import cooperation
from .services.cooperation import TransitionError

TRANSITION_TEMPLATE = "admin/networks/transition.html"


# --- forms: who may take part ---------------------------------------------------------


class MembershipCheckedForm(forms.ModelForm):
    """Refuses an organization that is not a member of the network (or not a
    member municipality, for the fields that name a municipality)."""

    municipality_fields: tuple[str, ...] = ()
    member_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        for name, municipality in [
            *((n, True) for n in self.municipality_fields),
            *((n, False) for n in self.member_fields),
        ]:
            organization = cleaned.get(name)
            if organization is None or name not in self.fields:
                continue
            if municipality and municipality_error(organization, "") is not None:
                continue  # not a municipality at all: the model's clean() says so
            error = cooperation.membership_error(organization, municipality=municipality)
            if error is not None:
                self.add_error(name, error)
        return cleaned


class NeedForm(MembershipCheckedForm):
    municipality_fields = ("organization",)


class OfferForm(MembershipCheckedForm):
    member_fields = ("organization",)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("nationwide") or cleaned.get("blocks") or cleaned.get("prefectures")):
            raise forms.ValidationError(
                _("対応する地域を、全国・地域ブロック・都道府県のいずれかで指定してください。")
            )
        return cleaned


class MatchForm(forms.ModelForm):
    """A new match pairs an open need with an open offer (as record_match does)."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            for name, label in (("need", _("地域課題")), ("offer", _("ソリューション提案"))):
                row = cleaned.get(name)
                if row is not None and row.status != "open":
                    self.add_error(
                        name,
                        _("%(label)s「%(title)s」は募集を終了しています。")
                        % {"label": label, "title": row.title},
                    )
        return cleaned


class ProjectForm(MembershipCheckedForm):
    municipality_fields = ("lead",)


class DispatchForm(MembershipCheckedForm):
    municipality_fields = ("from_organization", "to_organization")


class CaseForm(MembershipCheckedForm):
    municipality_fields = ("organization",)


class TransitionForm(forms.Form):
    """The next status (only those allowed from the current one), its date, a note."""

    required_css_class = "required"
    versions = RowVersionField()
    to = forms.ChoiceField(label=_("変更後の状況"))
    edit_conflicts = ()

    def __init__(self, *args, obj, with_date: bool, with_note: bool, **kwargs):
        super().__init__(*args, **kwargs)
        status = type(obj).Status
        self.fields["to"].choices = [(s, status(s).label) for s in cooperation.allowed_next(obj)]
        if with_date:
            self.fields["on"] = forms.DateField(
                label=_("日付"), initial=dates.today, widget=forms.DateInput(attrs={"type": "date"})
            )
        if with_note:
            self.fields["note"] = forms.CharField(label=_("メモ"), max_length=300, required=False)

    def show_conflicts(self, conflicts, token: str) -> None:
        self.edit_conflicts = conflicts
        self.data = self.data.copy()
        self.data[self.add_prefix("versions")] = token


# --- the status step on the change page -------------------------------------------------


class TransitionAdminMixin:
    """A 「状況を変更する」 page per row (`<id>/status/`), for admins of rows
    that move through a status with networks.services.cooperation."""

    transition_with_date = False
    transition_with_note = False

    def run_transition(self, obj, data: dict, user):
        raise NotImplementedError

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/status/",
                self.admin_site.admin_view(self.transition_view),
                name=f"{opts.app_label}_{opts.model_name}_transition",
            ),
            *super().get_urls(),
        ]

    def _change_url(self, obj) -> str:
        opts = self.opts
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])

    def transition_url(self, obj) -> str:
        opts = self.opts
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_transition", args=[quote(obj.pk)])

    def make_transition_form(self, obj, data=None) -> TransitionForm:
        initial = None
        if data is None:
            versions = current_versions(self.model, [obj.pk], lock=False)
            initial = {"versions": issue_token(self.model, versions)}
        return TransitionForm(
            data,
            initial=initial,
            obj=obj,
            with_date=self.transition_with_date,
            with_note=self.transition_with_note,
        )

    def transition_view(self, request, object_id):
        # get_object reads the block-scoped queryset: another block's id is 404.
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if not cooperation.allowed_next(obj):
            self.message_user(
                request,
                gettext("「%(status)s」は最終の状況のため、変更できません。")
                % {"status": obj.get_status_display()},
                messages.ERROR,
            )
            return HttpResponseRedirect(self._change_url(obj))
        if request.method == "POST":
            form = self.make_transition_form(obj, request.POST)
            if form.is_valid() and self._apply(request, obj, form):
                return HttpResponseRedirect(self._change_url(obj))
        else:
            form = self.make_transition_form(obj)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("状況を変更する"),
            "subtitle": str(obj),
            "opts": self.opts,
            "original": obj,
            "form": form,
            "edit_conflicts": form.edit_conflicts,
            "media": self.media + form.media,
            "back_url": self._change_url(obj),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, TRANSITION_TEMPLATE, context)

    def _apply(self, request, obj, form) -> bool:
        """Take the step, or say why not; False: nothing was changed."""
        try:
            with transaction.atomic():
                conflicts, token = check_rows(
                    self.model, [obj], form.cleaned_data["versions"], subject=str
                )
                if conflicts:
                    form.show_conflicts(conflicts, token)
                    for conflict in conflicts:
                        self.message_user(request, conflict.message, messages.ERROR)
                    return False
                self.run_transition(obj, form.cleaned_data, request.user)
        except TransitionError as error:
            # The services check before they write: the row is as it was.
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return False
        self.message_user(
            request,
            gettext("状況を「%(status)s」に変更しました。") % {"status": obj.get_status_display()},
            messages.SUCCESS,
        )
        return True

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if (
            obj is not None
            and not add
            and cooperation.allowed_next(obj)
            and self.has_change_permission(request, obj)
        ):
            context["transition_url"] = self.transition_url(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)


# --- the admins ----------------------------------------------------------------------------


class CooperationAdmin(ScopedAdmin, AuditedAdmin):
    """The project's admin base for every model of the network's work."""

    formfield_overrides = HTTPS_URLS


@admin.register(Need)
class NeedAdmin(CooperationAdmin):
    form = NeedForm
    list_display = ("title", "organization", "prefecture", "field", "status", "posted_on")
    list_filter = ("status", "field", "prefecture__block")
    list_select_related = ("organization", "prefecture", "field")
    search_fields = folded("title", "description", "organization__name")
    autocomplete_fields = ("organization", "field")
    date_hierarchy = "posted_on"
    fieldsets = (
        (None, {"fields": ("title", "organization", "field", "status", "posted_on")}),
        (_("内容"), {"fields": ("description",)}),
    )


@admin.register(Offer)
class OfferAdmin(CooperationAdmin):
    form = OfferForm
    list_display = ("title", "organization", "nationwide", "status", "posted_on")
    list_filter = ("status", "nationwide", "fields", "blocks")
    list_select_related = ("organization",)
    search_fields = folded("title", "description", "organization__name")
    autocomplete_fields = ("organization", "fields", "blocks", "prefectures")
    date_hierarchy = "posted_on"
    fieldsets = (
        (None, {"fields": ("title", "organization", "fields", "status", "posted_on")}),
        (_("対応する地域"), {"fields": ("nationwide", "blocks", "prefectures")}),
        (_("内容"), {"fields": ("description",)}),
    )


@admin.register(Match)
class MatchAdmin(TransitionAdminMixin, CooperationAdmin):
    form = MatchForm
    transition_with_date = True
    list_display = ("need", "offer", "status", "proposed_on", "decided_on")
    list_filter = ("status",)
    list_select_related = ("need", "offer")
    search_fields = folded("need__title", "offer__title", "note")
    autocomplete_fields = ("need", "offer")
    date_hierarchy = "proposed_on"
    readonly_fields = ("status", "decided_on")
    fieldsets = (
        (None, {"fields": ("need", "offer", "status", "proposed_on", "decided_on", "note")}),
    )

    def run_transition(self, obj, data, user):
        cooperation.move_match(obj, to=data["to"], on=data["on"], by=user)


class ProjectStatusChangeInline(admin.TabularInline):
    """The dated history of the status, written only by the status step."""

    model = ProjectStatusChange
    fields = ("date", "from_status", "to_status", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Project)
class ProjectAdmin(TransitionAdminMixin, CooperationAdmin):
    form = ProjectForm
    transition_with_date = True
    transition_with_note = True
    inlines = (ProjectStatusChangeInline,)
    list_display = ("title", "lead", "field", "status", "status_since", "spread_from")
    list_filter = ("status", "field", "lead__block")
    list_select_related = ("lead", "field", "spread_from")
    search_fields = folded("title", "summary", "lead__name")
    autocomplete_fields = ("lead", "partners", "field", "spread_from")
    date_hierarchy = "status_since"
    fieldsets = (
        (None, {"fields": ("title", "lead", "partners", "field")}),
        (_("状況"), {"fields": ("status", "status_since")}),
        (_("横展開"), {"fields": ("spread_from",)}),
        (_("概要"), {"fields": ("summary",)}),
    )

    def get_inlines(self, request, obj):
        # A new project has no history yet: its first row is written on saving.
        return self.inlines if obj is not None else ()

    def get_readonly_fields(self, request, obj=None):
        # A new project starts as proposed on the date given; then only the step moves it.
        return ("status",) if obj is None else ("status", "status_since")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            cooperation.start_status_history(obj, on=obj.status_since)

    def run_transition(self, obj, data, user):
        cooperation.move_project(obj, to=data["to"], on=data["on"], note=data["note"], by=user)


@admin.register(Dispatch)
class DispatchAdmin(TransitionAdminMixin, CooperationAdmin):
    form = DispatchForm
    list_display = (
        "topic",
        "from_organization",
        "to_organization",
        "field",
        "start_on",
        "end_on",
        "status",
    )
    list_filter = ("status", "field", "to_organization__block")
    list_select_related = ("from_organization", "to_organization", "field")
    search_fields = folded("topic", "note", "from_organization__name", "to_organization__name")
    autocomplete_fields = ("from_organization", "to_organization", "field")
    date_hierarchy = "start_on"
    readonly_fields = ("status",)
    fieldsets = (
        (None, {"fields": ("topic", "field", "status")}),
        (_("派遣元・派遣先"), {"fields": ("from_organization", "to_organization")}),
        (_("期間"), {"fields": ("start_on", "end_on")}),
        (_("備考"), {"fields": ("note",)}),
    )

    def run_transition(self, obj, data, user):
        cooperation.move_dispatch(obj, to=data["to"], by=user)


@admin.register(Case)
class CaseAdmin(CooperationAdmin):
    form = CaseForm
    list_display = ("title", "organization", "field", "model", "stage", "council", "reported_on")
    list_filter = ("stage", "field", "council")
    list_select_related = ("organization", "field", "model", "council")
    search_fields = folded("title", "summary", "organization__name")
    autocomplete_fields = ("organization", "field", "council")
    date_hierarchy = "reported_on"
    fieldsets = (
        (None, {"fields": ("title", "organization", "field", "model", "stage")}),
        (_("報告"), {"fields": ("council", "reported_on")}),
        (_("内容"), {"fields": ("summary", "url")}),
    )
