"""Who, where and which field: the bottom layer every other app builds on.

This module imports neither `threads` nor `briefings`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .validators import validate_lg_code


class BilingualName(models.Model):
    """`name` in Japanese, `name_en` in English, shown by the active language."""

    name = models.CharField(_("名称"), max_length=200)
    name_en = models.CharField(_("英語名称"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        if self.name_en and translation.get_language() == "en":
            return self.name_en
        return self.name


class RegionalBlock(BilingualName):
    """One of the 11 blocks, each served by a regional telecommunications bureau."""

    code = models.SlugField(_("コード"), max_length=20, unique=True)
    bureau_name = models.CharField(_("総合通信局"), max_length=100)
    bureau_name_en = models.CharField(_("総合通信局（英語）"), max_length=100, blank=True)
    council_name = models.CharField(
        _("地域の協議会・懇談会"),
        max_length=200,
        blank=True,
        help_text=_("斜めの糸の活動の場となる地域ブロックの組織体（情報通信懇談会等）。"),
    )
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("地域ブロック")
        verbose_name_plural = _("地域ブロック")

    def get_absolute_url(self) -> str:
        return reverse("networks:block_detail", args=[self.code])

    @property
    def display_bureau_name(self) -> str:
        if self.bureau_name_en and translation.get_language() == "en":
            return self.bureau_name_en
        return self.bureau_name


class Prefecture(BilingualName):
    """都道府県, keyed by its two-digit JIS X 0401 code."""

    code = models.CharField(_("都道府県コード"), max_length=2, unique=True)
    kana = models.CharField(_("かな"), max_length=50)
    block = models.ForeignKey(
        RegionalBlock,
        on_delete=models.PROTECT,
        related_name="prefectures",
        verbose_name=_("地域ブロック"),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("都道府県")
        verbose_name_plural = _("都道府県")

    def get_absolute_url(self) -> str:
        return reverse("networks:prefecture_detail", args=[self.code])


class Municipality(models.Model):
    """市区町村, keyed by its six-digit 全国地方公共団体コード."""

    class Kind(models.TextChoices):
        DESIGNATED_CITY = "designated_city", _("政令指定都市")
        CITY = "city", _("市")
        WARD = "ward", _("区（行政区）")
        SPECIAL_WARD = "special_ward", _("特別区")
        TOWN = "town", _("町")
        VILLAGE = "village", _("村")

    code = models.CharField(
        _("団体コード"), max_length=6, unique=True, validators=[validate_lg_code]
    )
    prefecture = models.ForeignKey(
        Prefecture,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("都道府県"),
    )
    name = models.CharField(_("名称"), max_length=100)
    kana = models.CharField(_("かな"), max_length=100, blank=True)
    kind = models.CharField(_("種別"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wards",
        verbose_name=_("所属する市"),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("市区町村")
        verbose_name_plural = _("市区町村")
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | Q(kind="ward"),
                name="%(app_label)s_%(class)s_only_wards_have_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Field(BilingualName):
    """A roadmap field (分野): 教育, 医療・介護・健康, 防災 …"""

    slug = models.SlugField(_("スラッグ"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("分野")
        verbose_name_plural = _("分野")


class OrganizationQuerySet(models.QuerySet):
    def in_block(self, block: RegionalBlock) -> "OrganizationQuerySet":
        return self.filter(Q(block=block) | Q(prefecture__block=block))


class Organization(BilingualName):
    """Anyone who takes part: a ministry, a council, a municipality, a company …"""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("省庁")
        ICT_BODY = "ict_body", _("ICT関連推進団体")
        INDUSTRY = "industry", _("業界団体")
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

    def save(self, *args, **kwargs):
        # A place is only ever stored consistently: the municipality fixes
        # the prefecture and the prefecture fixes the block.
        if self.municipality_id and not self.prefecture_id:
            self.prefecture_id = self.municipality.prefecture_id
        if self.prefecture_id and not self.block_id:
            self.block_id = self.prefecture.block_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("networks:organization_detail", args=[self.pk])


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
