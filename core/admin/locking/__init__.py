"""A stale form never overwrites another person's edit (optimistic locking).

The version of a row is the id of its latest history record
(django-simple-history): every save and every many-to-many change of a
tracked model writes one, so a new id means the row changed. No version
column is needed, and the history says who changed what, which the refusal
shows.

- Rendering a change form, each row it edits (the page's row and every
  existing inline row of a tracked model) carries its version in a hidden,
  signed field (`VERSION_FIELD`), so a version cannot be typed in or moved
  to another row.
- Saving, inside the admin's transaction, the rows are locked
  (SELECT … FOR UPDATE; SQLite serialises writers anyway) and their latest
  record read again. A row whose version moved, and whose fields on this form
  (or its deletion) changed since, refuses the whole save: nothing is
  written, no history record is made. A save that changed nothing, or only
  fields this form does not show, is no conflict. A missing or forged
  version is refused like a stale one.
- The form comes back with the message at the top, the changes since it was
  opened ("field: old → new", who, when; core.admin.changes), and the
  person's own edits kept over the current values: a field they changed
  keeps their input (marked when the other person changed it too), every
  other field shows the current value, and the version is the current one.
  Saving again then applies only their edits.
- A form shown again after an ordinary validation error keeps the version
  it was opened with.

`EditLockAdmin` (mixed into history.AuditedAdmin, and into any other admin
with an inline of a tracked model) applies this to every change form, its
inlines and the revert page; `check_rows` serves forms that act on rows
without editing them as a form (the briefing lifecycle steps).

versions.py: the versions, their token, what changed since (EditConflict);
forms.py: the ModelForm side (carry, check, offer the current values).

Why not django-concurrency: it adds a version column to every tracked model
(and so to every history table), a migration per app, and its refusal says
only "record modified"; the history already versions every row and says
who changed what.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import router, transaction

from .forms import RowVersionField, versioned_form, versioned_formset
from .versions import (
    VERSION_FIELD,
    EditConflict,
    check_rows,
    current_versions,
    is_tracked,
    issue_token,
    read_token,
)

__all__ = [
    "VERSION_FIELD",
    "EditConflict",
    "EditLockAdmin",
    "RowVersionField",
    "check_rows",
    "current_versions",
    "is_tracked",
    "issue_token",
    "read_token",
]


# --- the admin ------------------------------------------------------------------


def page_forms(context) -> list:
    """The page's form and its inline forms, from a change form's context."""
    adminform = context.get("adminform")
    found = [adminform.form] if adminform is not None else []
    for inline in context.get("inline_admin_formsets") or []:
        found += inline.formset.forms
    return found


class EditLockAdmin(admin.ModelAdmin):
    """Every change form (and inline, and the revert page) carries the
    versions of its rows and refuses a stale save."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None or obj.pk is None or not is_tracked(self.model):
            return form  # an add form, or a row without history (its inlines may have one)
        return versioned_form(form)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if obj is not None and obj.pk is not None and is_tracked(inline.model):
                formset = versioned_formset(formset)
            yield formset, inline

    @staticmethod
    def _add_edit_lock_context(context) -> None:
        found = page_forms(context)
        context["edit_versions"] = [f[VERSION_FIELD] for f in found if VERSION_FIELD in f.fields]
        context["edit_conflicts"] = [
            f.edit_conflict for f in found if getattr(f, "edit_conflict", None)
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        self._add_edit_lock_context(context)
        return super().render_change_form(request, context, add, change, form_url, obj)

    # The revert page (SimpleHistoryAdmin) is a change form too.
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        # The library saves without a transaction; the row lock needs one.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def render_history_view(self, request, template, context, **kwargs):
        self._add_edit_lock_context(context)
        return super().render_history_view(request, template, context, **kwargs)
