"""Who: organizations, task-force members and the bureaus' staff."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.links import row_url

from .places import BilingualName, Municipality, Prefecture, RegionalBlock


class OrganizationQuerySet(models.QuerySet):
    def in_block(self, block: RegionalBlock) -> "OrganizationQuerySet":
        return self.filter(Q(block=block) | Q(prefecture__block=block))


class Organization(BilingualName):
    """Anyone who takes part: a ministry, a council, a municipality, a company …"""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("省庁")
        ICT_BODY = "ict_body", _("ICT関連推進団体")
        INDUSTRY = "industry", _("業界団体")
        MEDICAL = "medical", _("医療関係団体")
        LOCAL_GOVERNMENT = "local_government", _("地方自治体")
        COMPANY = "company", _("民間企業")
        UNIVERSITY = "university", _("大学")
        NPO = "npo", _("NPO")
        CITIZENS = "citizens", _("市民団体")
        COUNCIL = "council", _("協議会・懇談会")
        NATIONAL_ASSOCIATION = (
            "national_association",
            _("地方六団体等（全国知事会・市長会・町村会）"),
        )
        OTHER = "other", _("その他")

    kind = models.CharField(_("種別"), max_length=30, choices=Kind.choices)
    block = models.ForeignKey(
        RegionalBlock,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("地域ブロック"),
        help_text=_("都道府県を指定した場合は、その地域ブロックが自動で設定されます。"),
    )
    prefecture = models.ForeignKey(
        Prefecture,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("都道府県"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("市区町村"),
    )
    url = models.URLField(_("ウェブサイト"), blank=True)
    description = models.TextField(_("説明"), blank=True)

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("団体")
        verbose_name_plural = _("団体")
        permissions = [
            ("import_organization", _("団体を一括取り込みできる")),
            ("export_organization", _("団体を書き出しできる")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="%(app_label)s_%(class)s_unique_name"),
        ]
        # The directory's order: its first page reads 50 entries of this index
        # instead of sorting all 3,900 organizations (8.1 -> 0.4 ms at scale 1).
        indexes = [models.Index(fields=["kind", "name"], name="networks_org_kind_name")]

    def save(self, *args, **kwargs):
        # A place is only ever stored consistently: the municipality fixes
        # the prefecture and the prefecture fixes the block.
        if self.municipality_id and not self.prefecture_id:
            self.prefecture_id = self.municipality.prefecture_id
        if self.prefecture_id and not self.block_id:
            self.block_id = self.prefecture.block_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return row_url("networks:organization_detail", self.pk)


class Member(models.Model):
    """A task-force member or official named in the record (e.g. 須藤座長)."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("座長")
        MEMBER = "member", _("構成員")
        MINISTER_AIDE = "minister_aide", _("総務大臣補佐官")
        OFFICIAL = "official", _("職員")
        OTHER = "other", _("その他")

    name = models.CharField(
        _("氏名"),
        max_length=100,
        help_text=_("資料の表記のとおり（例：関（治））。"),
    )
    name_en = models.CharField(_("氏名（英語）"), max_length=100, blank=True)
    role = models.CharField(_("役職"), max_length=20, choices=Role.choices)
    affiliation = models.CharField(_("所属"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("所属団体"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "name"]
        verbose_name = _("構成員・関係者")
        verbose_name_plural = _("構成員・関係者")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "role"], name="%(app_label)s_%(class)s_unique_name_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}{self.get_role_display()}"

    @property
    def display_name(self) -> str:
        if translation.get_language() == "en":
            return f"{self.name_en or self.name} ({self.get_role_display()})"
        return str(self)


class BureauMembership(models.Model):
    """Ties a staff user of a regional bureau (総合通信局) to its block.

    The role itself is the user's group (core.access.roles, with each group's
    permissions in portal/roles.py); this row says which block a bureau user
    may see and change (the bureau role in core.access.roles reads it).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="bureau_membership",
        verbose_name=_("ユーザー"),
    )
    block = models.ForeignKey(
        RegionalBlock,
        on_delete=models.PROTECT,
        related_name="bureau_memberships",
        verbose_name=_("地域ブロック"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["block", "user__username"]
        verbose_name = _("総合通信局の所属")
        verbose_name_plural = _("総合通信局の所属")

    def __str__(self) -> str:
        return f"{self.user} – {self.block}"

    def get_absolute_url(self) -> str:
        return self.block.get_absolute_url()
