"""Readable diffs between history records ("field: old → new").

One rule for every place staff read what changed: the history page
(history.AuditedAdmin) and the refusal of a stale form (locking). Values
are shown as the change form shows them: choice labels, dates in Japanese,
related rows by name, many-to-many members joined with 、, plus the
soft-deletion timestamp, which is not editable and so left out of the
library's own diff.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from django.contrib.admin.utils import display_for_value
from django.utils.translation import gettext_lazy as _
from simple_history.models import DeletedObject, ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

# Shown in a diff for an empty value, so "→" always has two sides.
EMPTY_VALUE = _("（空欄）")

# Not editable, so the library's diff leaves them out; staff must see them.
EXTRA_DIFF_FIELDS = ("deleted_at",)


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


def _extra_changes(record, previous, extra_fields) -> list[ModelChange]:
    return [
        ModelChange(name, getattr(previous, name), getattr(record, name))
        for name in extra_fields
        if hasattr(record, name) and getattr(previous, name) != getattr(record, name)
    ]


def _m2m_changes(records, pairs) -> dict[int, list[ModelChange]]:
    """The m2m changes of each record (by history_id), read in two queries
    per m2m field for all the pairs; the library's diff would take two per
    field and record."""
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


def annotate_changes(
    model,
    pairs,
    *,
    extra_fields=EXTRA_DIFF_FIELDS,
    helper_class=ReadableChanges,
    foreign_keys_are_objs: bool = True,
) -> None:
    """Set `history_delta_changes` (dicts of field, old, new, in the form's
    field order) on the first record of each (record, previous) pair.

    Queries: the related rows of foreign keys not already selected, and two
    per many-to-many field for all pairs together.
    """
    if not pairs:
        return
    records = [record for record, _previous in pairs]
    m2m_changes = _m2m_changes(records, pairs)
    m2m_names = [f.name for f in records[0]._history_m2m_fields]
    fields = [f.name for f in records[0].tracked_fields if f.editable]
    field_order = {f.name: i for i, f in enumerate(model._meta.get_fields())}
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
                *_extra_changes(record, previous, extra_fields),
            ],
            key=lambda c: field_order.get(c.field, 0),
        )
        helper = helper_class(model, record)
        record.history_delta_changes = helper.context_for_delta_changes(
            dataclasses.replace(delta, changes=changes)
        )
