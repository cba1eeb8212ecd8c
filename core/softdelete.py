"""Soft deletion for records the public must stop seeing but an editor may restore.

`objects` (the default manager, and so every reverse relation such as
`prefecture.briefings`) hides deleted rows; `all_objects` sees them all, for
the admin. Deleting saves a timestamp through `save()`, so the audit trail
records who deleted what.
"""

from django.db import models
from django.utils import timezone
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

