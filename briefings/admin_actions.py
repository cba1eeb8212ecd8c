"""Admin actions of the briefing lifecycle (planned → held / cancelled / postponed; duplicate).

Each step is offered twice: as an action on the rows selected in the list,
and as a button on the change page (BriefingAdmin.step_view). Both show an
intermediate form, then call the service in briefings.services.lifecycle;
this module only checks permissions, runs the forms and reports.

- An action needs the model permission (change; duplicating also add); each
  row then needs `has_change_permission(request, obj)`, which applies the
  access rule (core.admin.scoped.ScopedAdmin). A bureau's list holds only its own block's
  rows, so another block's id posted to an action selects nothing.
- Several selected rows are done together or not at all: if one of them
  cannot take the step, every row is left as it was and each refusal is
  listed in a message.
- 開催済にする records one session's attendance and handouts, so it takes
  one row at a time: from the list it opens that row's form.
- The form carries the versions of its rows (core.admin.locking): if any of
  them changed after the form was opened, no row is changed and the form
  comes back with what changed, to be sent again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from core.admin import locking
from core.admin.steps import apply_to_rows

from .admin_forms import CancelForm, DuplicateForm, HeldForm, PostponeForm
from .models import Briefing
from .services import lifecycle
from .services.lifecycle import BriefingTransitionError

TEMPLATE = "admin/briefings/briefing/lifecycle_step.html"


@dataclass(frozen=True)
class Step:
    key: str  # the lifecycle step (lifecycle.STEPS)
    action: str  # the admin action's name
    url: str  # the change page button's path: <id>/<url>/
    form_class: type[forms.Form]
    run: Callable[[Briefing, forms.Form, object], Briefing]
    done: Promise  # success message, with %(titles)s
    many: bool = True  # one form for several selected rows
    needs_add: bool = False  # creates rows

    @property
    def label(self) -> Promise:
        return lifecycle.STEPS[self.key]

    def allowed(self, modeladmin, request, briefing: Briefing) -> bool:
        """May this user take this step on this briefing (not: does its state allow it)."""
        if self.needs_add and not modeladmin.has_add_permission(request):
            return False
        return modeladmin.has_change_permission(request, briefing)

    def make_form(self, modeladmin, briefings, data=None, files=None) -> forms.Form:
        kwargs = {"admin_site": modeladmin.admin_site} if self.form_class is HeldForm else {}
        if data is None:
            # Opened now: the versions to compare with when it comes back.
            versions = locking.current_versions(Briefing, [b.pk for b in briefings], lock=False)
            kwargs["initial"] = {"versions": locking.issue_token(Briefing, versions)}
        return self.form_class(data, files, prefix="step", **kwargs)


def _held(briefing, form, user):
    data = form.cleaned_data
    return lifecycle.mark_briefing_held(
        briefing,
        attendees=data["attendees"],
        organizations=data["organizations"],
        minutes=data["minutes"],
        materials=form.material_list(),
        by=user,
    )


def _cancelled(briefing, form, user):
    return lifecycle.mark_briefing_cancelled(briefing, reason=form.cleaned_data["reason"], by=user)


def _postponed(briefing, form, user):
    data = form.cleaned_data
    return lifecycle.mark_briefing_postponed(
        briefing, new_date=data["new_date"], note=data["note"], by=user
    )


def _duplicated(briefing, form, user):
    return lifecycle.duplicate_briefing(briefing, date=form.cleaned_data["date"], by=user)


HELD = Step(
    "held", "mark_held", "held", HeldForm, _held, _("開催済にしました：%(titles)s"), many=False
)
CANCELLED = Step(
    "cancelled", "mark_cancelled", "cancel", CancelForm, _cancelled, _("中止にしました：%(titles)s")
)
POSTPONED = Step(
    "postponed",
    "mark_postponed",
    "postpone",
    PostponeForm,
    _postponed,
    _("延期にしました：%(titles)s"),
)
DUPLICATED = Step(
    "duplicated",
    "duplicate",
    "duplicate",
    DuplicateForm,
    _duplicated,
    _("複製しました：%(titles)s。開催日などを確認してください。"),
    needs_add=True,
)
STEPS = (HELD, CANCELLED, POSTPONED, DUPLICATED)


def describe(briefing: Briefing) -> str:
    """「title」（date）, as messages name a session."""
    return gettext("「%(title)s」（%(date)s）") % {
        "title": briefing.title,
        "date": date_format(briefing.date, "DATE_FORMAT"),
    }


def _titles(briefings) -> str:
    return pgettext("列挙の区切り", "、").join(describe(b) for b in briefings)


def apply_step(modeladmin, request, step: Step, briefings, form) -> list[Briefing] | None:
    """Take `step` on every briefing, all or nothing (core.admin.steps).

    Returns the resulting briefings (the copies, for duplication), or None
    after adding an error message per refused row; then nothing was changed.
    If a row changed since the form was opened, that is the refusal, and the
    form is marked to show the changes (StepForm.show_conflicts).
    """
    results = apply_to_rows(
        modeladmin,
        request,
        briefings,
        form,
        run=lambda briefing: step.run(briefing, form, request.user),
        allowed=lambda briefing: step.allowed(modeladmin, request, briefing),
        describe=describe,
        errors=(BriefingTransitionError,),
        denied=gettext("この説明会等を変更する権限がありません。"),
        nothing_changed=gettext("どの説明会等も変更していません。"),
    )
    if results is not None:
        modeladmin.message_user(request, step.done % {"titles": _titles(results)}, messages.SUCCESS)
    return results


def render_step(modeladmin, request, step: Step, briefings, form, *, from_list: bool):
    """The intermediate page: what will change, and the step's form."""
    opts = modeladmin.opts
    single = briefings[0] if len(briefings) == 1 else None
    if from_list:
        back_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    else:
        back_url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(single.pk)]
        )
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": step.label,
        "subtitle": describe(single) if single else None,
        "opts": opts,
        "step": step,
        "rows": briefings,
        "single": single,
        "form": form,
        "edit_conflicts": form.edit_conflicts,
        "media": modeladmin.media + form.media,
        "from_list": from_list,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "back_url": back_url,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, TEMPLATE, context)


def run_action(modeladmin, request, queryset, step: Step):
    """An action's two rounds: show the form, then (with `apply`) take the step."""
    briefings = list(queryset)
    if not briefings:
        modeladmin.message_user(
            request, gettext("対象の説明会等が見つかりません。"), messages.ERROR
        )
        return None
    if not step.many:
        if len(briefings) > 1:
            modeladmin.message_user(
                request,
                gettext("「%(step)s」は1件ずつ行います。説明会等を1件だけ選んでください。")
                % {"step": step.label},
                messages.ERROR,
            )
            return None
        return HttpResponseRedirect(step_url(modeladmin, briefings[0], step))
    if "apply" in request.POST:
        form = step.make_form(modeladmin, briefings, request.POST, request.FILES)
        if form.is_valid():
            applied = apply_step(modeladmin, request, step, briefings, form)
            if applied is not None or not form.edit_conflicts:
                return None  # back to the list, which shows the messages
            # Stale: the form again, with what changed since it was opened.
    else:
        form = step.make_form(modeladmin, briefings)
    return render_step(modeladmin, request, step, briefings, form, from_list=True)


def step_url(modeladmin, briefing: Briefing, step: Step) -> str:
    opts = modeladmin.opts
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_{step.url}", args=[quote(briefing.pk)]
    )


def step_view(modeladmin, request, briefing: Briefing, step: Step):
    """The change page's button: one briefing, already found through the
    admin's (block-scoped) queryset."""
    if not step.allowed(modeladmin, request, briefing):
        raise PermissionDenied
    opts = modeladmin.opts
    change_url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(briefing.pk)]
    )
    error = lifecycle.step_error(briefing, step.key)
    if error is not None:
        modeladmin.message_user(request, str(error), messages.ERROR)
        return HttpResponseRedirect(change_url)
    if request.method == "POST":
        form = step.make_form(modeladmin, [briefing], request.POST, request.FILES)
        if form.is_valid():
            results = apply_step(modeladmin, request, step, [briefing], form)
            if results is not None:
                result = results[0]
                return HttpResponseRedirect(
                    reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_change",
                        args=[quote(result.pk)],
                    )
                )
        # Invalid or refused: the form again, with the messages above it.
    else:
        form = step.make_form(modeladmin, [briefing])
    return render_step(modeladmin, request, step, [briefing], form, from_list=False)


@admin.action(description=HELD.label, permissions=["change"])
def mark_held(modeladmin, request, queryset):
    return run_action(modeladmin, request, queryset, HELD)


@admin.action(description=CANCELLED.label, permissions=["change"])
def mark_cancelled(modeladmin, request, queryset):
    return run_action(modeladmin, request, queryset, CANCELLED)


@admin.action(description=POSTPONED.label, permissions=["change"])
def mark_postponed(modeladmin, request, queryset):
    return run_action(modeladmin, request, queryset, POSTPONED)


@admin.action(description=DUPLICATED.label, permissions=["add", "change"])
def duplicate(modeladmin, request, queryset):
    return run_action(modeladmin, request, queryset, DUPLICATED)


ACTIONS: list = [mark_held, mark_cancelled, mark_postponed, duplicate]
