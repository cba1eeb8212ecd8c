"""Bulk inserts for the demo that keep the audit trail whole.

The project otherwise writes tracked models row by row, since
django-simple-history records `save()` and `delete()` only
(tests/test_no_bulk_writes.py). The demo writes several hundred thousand
rows and must finish within a minute, so it inserts in bulk AND writes the
history a `save()` would have written: one "+" row per object
(`simple_history.utils.bulk_create_with_history`), dated when staff would
have entered the record (`obj._history_date`), by no user, with the change
reason DEMO_REASON; and for the many-to-many fields the history tracks
(briefing members and attending organizations, activity organizations),
the same links in that row's snapshot (the historical m2m tables), so the
history page shows each record as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import models
from simple_history.utils import bulk_create_with_history

BATCH_SIZE = 2_000
# Stored data, in the record's language like the lifecycle's change reasons.
DEMO_REASON = "デモデータ生成"


def insert(model: type[models.Model], objs: Sequence[models.Model]) -> list[models.Model]:
    """Insert rows of a model the audit trail does not track (a through table,
    a historical table); returns them with their primary keys."""
    if hasattr(model._meta, "simple_history_manager_attribute"):
        raise TypeError(f"{model.__name__} is tracked: use insert_with_history")
    return model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)


def insert_with_history(model: type[models.Model], objs: Sequence[models.Model]) -> list:
    """Insert `objs` of a tracked model with one creation history row each.

    Side effects: the rows and their history rows, in one transaction per
    call (the library's). Returns the objects with their primary keys.
    """
    if not objs:
        return []
    return bulk_create_with_history(
        list(objs), model, batch_size=BATCH_SIZE, default_change_reason=DEMO_REASON
    )


def link_with_history(
    model: type[models.Model], field_name: str, pairs: Sequence[tuple[int, int]]
) -> int:
    """Add many-to-many links (object pk, related pk) of `model.field_name`
    for objects just made by `insert_with_history`, and put the same links
    into the snapshot of each object's creation history row.

    Side effects: rows in the through table and in its historical table.
    Returns the number of links.
    """
    if not pairs:
        return 0
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    links = insert(through, [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs])

    history_model = model.history.model
    pks = [a for a, _b in pairs]
    # The objects were made together, so their pks form a range: one query.
    history_ids = dict(
        history_model.objects.filter(
            id__gte=min(pks), id__lte=max(pks), history_type="+", history_change_reason=DEMO_REASON
        ).values_list("id", "history_id")
    )
    snapshot = getattr(history_model, field_name).model
    insert(
        snapshot,
        [
            snapshot(
                **{
                    "id": link.pk,
                    f"{source}_id": getattr(link, f"{source}_id"),
                    f"{target}_id": getattr(link, f"{target}_id"),
                    "history_id": history_ids[getattr(link, f"{source}_id")],
                }
            )
            for link in links
        ],
    )
    return len(links)
