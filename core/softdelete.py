"""Soft deletion for records the public must stop seeing but an editor may restore.

`objects` (the default manager, and so every reverse relation such as
`prefecture.briefings`) hides deleted rows; `all_objects` sees them all, for
the admin. Deleting saves a timestamp through `save()`, so the audit trail
records who deleted what. The writes are `soft_delete_record` and
`restore_record`; the admin side is core.admin.softdelete.
"""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class SoftDeleteQuerySet(models.QuerySet):
    def live(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class LiveManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeletable(models.Model):
    deleted_at = models.DateTimeField(_("削除日時"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def soft_delete(self) -> None:
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at"])

    def restore(self) -> None:
        self.deleted_at = None
        self.save(update_fields=["deleted_at"])


# --- writes ---------------------------------------------------------------


@transaction.atomic
def soft_delete_record(obj: SoftDeletable, *, by) -> bool:
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
def restore_record(obj: SoftDeletable, *, by) -> bool:
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
