"""Local-government staff: which municipality (or prefecture) a user reports for."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .places import LocalGovernmentRow


class LocalGovernmentMembership(LocalGovernmentRow):
    """Ties a local government's staff user to its municipality or prefecture.

    As BureauMembership for a bureau: the role is the user's group
    (core.access.roles, the local role), this row says whose stages the user
    reports and corrects (the local role reads it).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="local_government_membership",
        verbose_name=_("ユーザー"),
    )

    history = HistoricalRecords()

    class Meta(LocalGovernmentRow.Meta):
        ordering = ["user__username"]
        verbose_name = _("地方公共団体の所属")
        verbose_name_plural = _("地方公共団体の所属")

    def __str__(self) -> str:
        return f"{self.user} – {self.local_government}"
