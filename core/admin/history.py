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
  many-to-many fields and the soft-deletion timestamp (core.admin.changes).

It also refuses a stale change form (core.admin.locking): a form opened
before someone else saved the same row does not overwrite their edit, and
draws its forms with the admin's faster renderer (core.admin.rendering) and
its list with one pass over the rows (core.admin.changelist).
"""

from __future__ import annotations

from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from core.access import is_editor

from .changelist import OneScanChangeListMixin
from .changes import EXTRA_DIFF_FIELDS, ReadableChanges, annotate_changes
from .locking import EditLockAdmin
from .rendering import AdminRenderedMixin


class AuditedAdmin(OneScanChangeListMixin, AdminRenderedMixin, EditLockAdmin, SimpleHistoryAdmin):
    """History pages scoped like the change page, diffs, revert for editors
    only; stale forms refused (locking.EditLockAdmin)."""

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
    extra_diff_fields = EXTRA_DIFF_FIELDS

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
        annotate_changes(
            self.model,
            [(r, p) for r, p in zip(records, older, strict=True) if p is not None],
            extra_fields=self.extra_diff_fields,
            helper_class=lambda model, record: self.get_historical_record_context_helper(
                request, record
            ),
            foreign_keys_are_objs=foreign_keys_are_objs,
        )
