"""The audit trail in the admin.

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
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from django.contrib.admin.utils import display_for_value, flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from core.access import is_editor

# Shown in a diff for an empty value, so "→" always has two sides.
EMPTY_VALUE = _("（空欄）")


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
