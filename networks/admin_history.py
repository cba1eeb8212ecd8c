"""The audit trail and soft deletion in the admin.

`AuditedAdmin` serves the history page of every tracked model
(django-simple-history) with three changes to the library's behaviour:

- The page and each past version answer 404 for a row the user cannot see
  (another block's, for a bureau), exactly like the change page. The library
  falls back to the last historical record when `get_queryset` misses, which
  would show another block's history to anyone who guesses an id.
- Only editors (and superusers) revert. The library hides the "Revert" button
  for read-only users but still saves a POST to the version page; here that
  POST answers 403 and the version page is read-only for everyone else.
- Every record lists its changes as "field: old → new" against the record
  before it (also across pages), with choice labels, dates in Japanese, the
  many-to-many fields and the soft-deletion timestamp.

`SoftDeleteAdmin`: deleting (the delete page and the "delete selected" action)
sets `deleted_at` through `save()`, so the audit trail records who deleted
what, and nothing related is touched. Deleted rows:

- leave the public pages (the models' default manager hides them);
- are hidden from the changelist by default; editors and viewers (監査) get
  the filter 削除済みを表示 and may open a deleted row (read its history);
  editors restore rows with the action 復元する;
- are invisible to bureau staff (総合通信局): the list, the change page and
  the history answer 404 for a deleted row, even of their own block, since
  only an editor can act on it and a bureau should not work on a row the
  public no longer sees.

`SoftDeleteInlineMixin` does the same for an inline's "delete" checkbox
(status updates on a thread's page). The writes themselves are
`soft_delete_record` and `restore_record`.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import display_for_value, flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from .permissions import is_editor, is_viewer

# Shown in a diff for an empty value, so "→" always has two sides.
EMPTY_VALUE = _("（空欄）")


# --- writes ---------------------------------------------------------------


@transaction.atomic
def soft_delete_record(obj, *, by) -> bool:
    """Hide `obj` (a SoftDeletable) from the public.

    Side effects: sets `deleted_at` with one `save()`, which writes one
    history row by `by` with the change reason 削除. A row already deleted
    is left alone. Returns whether the row was deleted now.
    """
    if obj.is_deleted:
        return False
    obj._history_user = by
    obj._change_reason = gettext("削除")
    try:
        obj.soft_delete()
    finally:
        del obj._change_reason
    return True


@transaction.atomic
def restore_record(obj, *, by) -> bool:
    """Bring a soft-deleted `obj` back to the public pages.

    Side effects: clears `deleted_at` with one `save()`, which writes one
    history row by `by` with the change reason 復元. A live row is left
    alone. Returns whether the row was restored now.
    """
    if not obj.is_deleted:
        return False
    obj._history_user = by
    obj._change_reason = gettext("復元")
    try:
        obj.restore()
    finally:
        del obj._change_reason
    return True


def can_see_deleted(user) -> bool:
    """Editors (to restore) and viewers (to audit) see deleted rows in the admin."""
    return is_editor(user) or is_viewer(user)


# --- the audit trail ----------------------------------------------------


class ReadableChanges(HistoricalRecordContextHelper):
    """Formats a diff the way the change form shows values: choice labels,
    localized dates, related objects by name, lists joined with 、."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            related = super().prepare_delta_change_value(change, value)
            return "、".join(self._display(item) for item in related) or str(EMPTY_VALUE)
        if value is None or value == "":
            return str(EMPTY_VALUE)
        if field.flatchoices:
            return str(dict(field.flatchoices).get(value, value))
        return self._display(value)

    @staticmethod
    def _display(value) -> str:
        if isinstance(value, DeletedObject):
            # The library reports an empty foreign key as a deleted row without a pk.
            return str(value) if value.pk is not None else str(EMPTY_VALUE)
        return str(display_for_value(value, str(EMPTY_VALUE)))


class AuditedAdmin(SimpleHistoryAdmin):
    """History pages scoped like the change page, diffs, revert for editors only."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    # --- who may read, who may revert ------------------------------------
    def has_change_history_permission(self, request, obj=None):
        # Reverting rewrites a row from the past: an editor's decision, even
        # where a bureau may change the row itself.
        return is_editor(request.user) and self.has_change_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        return super().revert_disabled(request, obj) or not self.has_change_history_permission(
            request, obj
        )

    def _get_history_subject(self, request, object_id: str):
        """The row whose history is asked for, or 404 when the user may not see it.

        A row removed for good keeps its history, readable to whoever could
        read the row (judged on its last recorded state).
        """
        object_id = unquote(object_id)
        obj = self.get_object(request, object_id)
        if obj is not None:
            return obj
        try:
            pk = self.opts.pk.to_python(object_id)
        except ValidationError:
            raise Http404 from None
        if self.model._base_manager.filter(pk=pk).exists():
            # It exists but lies outside the user's rows: look exactly like a missing one.
            raise Http404
        history = getattr(self.model, self.opts.simple_history_manager_attribute)
        last = history.filter(**{self.opts.pk.attname: pk}).order_by("-history_date").first()
        if last is None or not self.has_view_permission(request, last.instance):
            raise Http404
        return last.instance

    def history_view(self, request, object_id, extra_context=None):
        self._get_history_subject(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = self._get_history_subject(request, object_id)
        if request.method == "POST" and not self.has_change_history_permission(request, obj):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if self._is_version_page(request) and self.revert_disabled(request, obj):
            # A past version is shown, not offered for editing.
            return flatten_fieldsets(self.get_fieldsets(request, obj))
        return fields

    def _is_version_page(self, request) -> bool:
        match = getattr(request, "resolver_match", None)
        return match is not None and match.url_name == (
            f"{self.opts.app_label}_{self.opts.model_name}_simple_history"
        )

    # --- the diff -------------------------------------------------------
    # Not editable, so the library's diff leaves them out; staff must see them.
    extra_diff_fields = ("deleted_at",)

    def _extra_changes(self, record, previous) -> list[ModelChange]:
        return [
            ModelChange(name, getattr(previous, name), getattr(record, name))
            for name in self.extra_diff_fields
            if hasattr(record, name) and getattr(previous, name) != getattr(record, name)
        ]

    def _m2m_changes(self, records, pairs) -> dict[int, list[ModelChange]]:
        """The m2m changes of each record (by history_id), read in two queries
        per m2m field for the whole page; the library's diff would take two
        per field and record."""
        changes: dict[int, list[ModelChange]] = defaultdict(list)
        ids = {r.history_id for pair in pairs for r in pair}
        for field in records[0]._history_m2m_fields:
            target = get_m2m_reverse_field_name(field)
            rows = getattr(records[0], field.name).model._default_manager.filter(history_id__in=ids)
            members: dict[int, set] = defaultdict(set)
            for history_id, pk in rows.values_list("history_id", f"{target}_id"):
                members[history_id].add(pk)
            related = field.related_model
            found = related._base_manager.in_bulk(set().union(*members.values()))

            def as_rows(pks, target=target, related=related, found=found):
                # The shape the library's diff gives: one dict per through row.
                return [{target: found.get(pk) or DeletedObject(related, pk)} for pk in sorted(pks)]

            for record, previous in pairs:
                old, new = members[previous.history_id], members[record.history_id]
                if old != new:
                    changes[record.history_id].append(
                        ModelChange(field.name, as_rows(old), as_rows(new))
                    )
        return changes

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        records = list(historical_records)
        if not records:
            return
        for record in records:
            if record.history_change_reason is None:
                # The library's template would print "None" in the reason column.
                record.history_change_reason = ""
        # The oldest record of a page is compared with the newest of the next page.
        older = [*records[1:], records[-1].prev_record]
        pairs = [(r, p) for r, p in zip(records, older, strict=True) if p is not None]
        if not pairs:
            return
        m2m_changes = self._m2m_changes(records, pairs)
        m2m_names = [f.name for f in records[0]._history_m2m_fields]
        fields = [f.name for f in records[0].tracked_fields if f.editable]
        field_order = {f.name: i for i, f in enumerate(self.opts.get_fields())}
        for record, previous in pairs:
            delta = record.diff_against(
                previous,
                included_fields=[name for name in fields if name not in m2m_names],
                foreign_keys_are_objs=foreign_keys_are_objs,
            )
            changes = sorted(
                [
                    *delta.changes,
                    *m2m_changes[record.history_id],
                    *self._extra_changes(record, previous),
                ],
                key=lambda c: field_order.get(c.field, 0),
            )
            helper = self.get_historical_record_context_helper(request, record)
            record.history_delta_changes = helper.context_for_delta_changes(
                dataclasses.replace(delta, changes=changes)
            )


# --- soft deletion -------------------------------------------------------


class DeletedFilter(admin.SimpleListFilter):
    """Deleted rows stay out of the list unless asked for (editors and viewers)."""

    title = _("削除済みを表示")
    parameter_name = "deleted"
    INCLUDE = "include"
    ONLY = "only"

    def lookups(self, request, model_admin):
        return ((self.INCLUDE, _("削除済みも含める")), (self.ONLY, _("削除済みのみ")))

    def choices(self, changelist):
        choices = list(super().choices(changelist))
        # The library's "All" is in fact the default: live rows only.
        choices[0]["display"] = _("表示しない")
        return choices

    def queryset(self, request, queryset):
        if self.value() == self.INCLUDE:
            return queryset
        if self.value() == self.ONLY:
            return queryset.filter(deleted_at__isnull=False)
        return queryset.filter(deleted_at__isnull=True)


@admin.display(description=_("削除日時"), empty_value="")
def deleted_at_column(obj):
    return obj.deleted_at


class SoftDeleteAdmin(admin.ModelAdmin):
    """Delete = hide from the public; editors restore. See the module docstring."""

    delete_confirmation_template = "admin/soft_delete_confirmation.html"
    delete_selected_confirmation_template = "admin/soft_delete_selected_confirmation.html"

    # --- which rows ------------------------------------------------------
    def get_queryset(self, request):
        if can_see_deleted(request.user):
            queryset = self.model.all_objects.get_queryset()
        else:
            queryset = self.model._default_manager.get_queryset()
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        if can_see_deleted(request.user):
            return (*filters, DeletedFilter)
        return filters

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if request.GET.get(DeletedFilter.parameter_name) and can_see_deleted(request.user):
            return (*columns, deleted_at_column)
        return columns

    def get_search_results(self, request, queryset, search_term):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            # Other forms must not pick a deleted row.
            queryset = queryset.filter(deleted_at__isnull=True)
        return super().get_search_results(request, queryset, search_term)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.is_deleted:
            self.message_user(
                request,
                _("この項目は削除済みで、公開ページには表示されていません。"),
                messages.WARNING,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- deleting --------------------------------------------------------
    def get_deleted_objects(self, objs, request):
        # Nothing related is deleted, so the confirmation lists only the rows
        # themselves (Django would list every related row as "will be deleted").
        objs = list(objs)
        return (
            [str(obj) for obj in objs],
            {self.opts.verbose_name_plural: len(objs)},
            set(),
            [],
        )

    def delete_model(self, request, obj):
        soft_delete_record(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        # One save per row, so the audit trail records each deletion.
        for obj in queryset.filter(deleted_at__isnull=True):
            soft_delete_record(obj, by=request.user)

    # --- restoring -------------------------------------------------------
    def has_restore_permission(self, request, obj=None) -> bool:
        return is_editor(request.user) and self.has_change_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Added here rather than in `actions`, which each admin sets for its own.
        if (
            self.actions is not None
            and IS_POPUP_VAR not in request.GET
            and self.has_restore_permission(request)
        ):
            actions["restore_selected"] = self.get_action("restore_selected")
        return actions

    @admin.action(
        description=_("選択した%(verbose_name_plural)sを復元する"), permissions=["restore"]
    )
    def restore_selected(self, request, queryset):
        restored = sum(
            restore_record(obj, by=request.user)
            for obj in queryset.filter(deleted_at__isnull=False)
        )
        if restored:
            self.message_user(
                request,
                gettext("%(count)d件を復元しました。公開ページに再び表示されます。")
                % {"count": restored},
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                gettext("選択した項目に削除済みのものはありません。"),
                messages.WARNING,
            )


class SoftDeleteInlineMixin:
    """For an inline of a soft-deletable model: its "delete" checkbox hides
    the row (with the audit trail) instead of removing it."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        user = request.user

        class SoftDeleteFormSet(formset):
            def delete_existing(self, obj, commit=True):
                if commit:
                    soft_delete_record(obj, by=user)

        return SoftDeleteFormSet
