"""The national public-private network (官民連携の全国ネットワーク): who applied, who is a member.

`NetworkMembership` is an organization's time in the network (joined, and
left: leaving keeps the row, so the history stays); it is not a task-force
`Member`. `NetworkApplication` is what a visitor sent through the public
form; nothing of it is published until an editor approves it
(networks.services.membership), which creates or links the Organization and
its one current membership.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .organizations import Organization
from .places import Field, Municipality, Prefecture


class NetworkMembershipQuerySet(models.QuerySet):
    def current(self) -> "NetworkMembershipQuerySet":
        """Memberships not ended: the network's members today."""
        return self.filter(left_on__isnull=True)


class NetworkMembership(models.Model):
    """An organization's membership of the national network, from joining to leaving."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="network_memberships",
        verbose_name=_("団体"),
    )
    joined_on = models.DateField(_("加入日"))
    left_on = models.DateField(
        _("退会日"), null=True, blank=True, help_text=_("退会しても記録は残ります。")
    )
    fields = models.ManyToManyField(
        Field, blank=True, related_name="network_memberships", verbose_name=_("関心のある分野")
    )
    note = models.TextField(_("備考"), blank=True)

    objects = NetworkMembershipQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[fields])

    class Meta:
        ordering = ["-joined_on", "pk"]
        verbose_name = _("全国ネットワークの会員")
        verbose_name_plural = _("全国ネットワークの会員")
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="%(app_label)s_%(class)s_left_after_joined",
                violation_error_message=_("退会日は加入日以降の日付にしてください。"),
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(left_on__isnull=True),
                name="%(app_label)s_%(class)s_one_current_per_organization",
                violation_error_message=_("この団体は既に全国ネットワークの会員です。"),
            ),
        ]

    def __str__(self) -> str:
        return str(self.organization)

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class NetworkApplication(models.Model):
    """An application to join the network, sent through the public form."""

    class ApplicantKind(models.TextChoices):
        MUNICIPALITY = "municipality", _("地方公共団体（市区町村）")
        ORGANIZATION = "organization", _("企業・団体")

    class Status(models.TextChoices):
        PENDING = "pending", _("審査中")
        APPROVED = "approved", _("承認")
        REJECTED = "rejected", _("却下")

    applicant_kind = models.CharField(
        _("申込者の種別"), max_length=20, choices=ApplicantKind.choices
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_applications",
        verbose_name=_("市区町村"),
        help_text=_("全国地方公共団体コードで指定します。"),
    )
    organization_name = models.CharField(_("企業・団体名"), max_length=200, blank=True)
    organization_kind = models.CharField(
        _("企業・団体の種別"), max_length=30, choices=Organization.Kind.choices, blank=True
    )
    prefecture = models.ForeignKey(
        Prefecture,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_applications",
        verbose_name=_("都道府県"),
    )
    contact_name = models.CharField(_("担当者名"), max_length=100)
    email = models.EmailField(_("メールアドレス"))
    fields = models.ManyToManyField(
        Field, blank=True, related_name="network_applications", verbose_name=_("関心のある分野")
    )
    message = models.TextField(_("連絡事項"), blank=True)
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    review_note = models.TextField(_("審査メモ"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("審査者"),
    )
    reviewed_at = models.DateTimeField(_("審査日時"), null=True, blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_applications",
        verbose_name=_("承認後の団体"),
    )
    created = models.DateTimeField(_("受付日時"), default=timezone.now, editable=False)

    history = HistoricalRecords(m2m_fields=[fields])

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("全国ネットワークへの加入申込")
        verbose_name_plural = _("全国ネットワークへの加入申込")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        applicant_kind="municipality",
                        municipality__isnull=False,
                        organization_name="",
                    )
                    | (
                        Q(applicant_kind="organization", municipality__isnull=True)
                        & ~Q(organization_name="")
                        & ~Q(organization_kind="")
                    )
                ),
                name="%(app_label)s_%(class)s_applicant_identified",
                violation_error_message=_(
                    "地方公共団体は団体コードで、企業・団体は名称と種別で指定してください。"
                ),
            ),
            models.CheckConstraint(
                condition=Q(status="pending", reviewed_at__isnull=True)
                | (~Q(status="pending") & Q(reviewed_at__isnull=False)),
                name="%(app_label)s_%(class)s_reviewed_when_decided",
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(organization__isnull=False),
                name="%(app_label)s_%(class)s_approved_has_organization",
            ),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(status="pending"),
                name="%(app_label)s_%(class)s_one_pending_per_municipality",
                violation_error_message=_("この市区町村の申込は既に審査中です。"),
            ),
        ]

    def __str__(self) -> str:
        return self.applicant_name

    @property
    def applicant_name(self) -> str:
        """The applicant as staff read it; a municipality with its prefecture
        (names repeat across Japan)."""
        if self.municipality_id:
            return f"{self.municipality.name}（{self.municipality.prefecture.name}）"
        return self.organization_name
