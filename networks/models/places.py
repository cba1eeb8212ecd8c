"""Where and which field: blocks, prefectures, municipalities and the roadmap's fields."""

from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.links import row_url

from ..validators import check_digit, validate_lg_code


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

    # Editors correct these in the admin: every change is audited.
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("地域ブロック")
        verbose_name_plural = _("地域ブロック")

    def get_absolute_url(self) -> str:
        return row_url("networks:block_detail", self.code)

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

    # Editors correct these in the admin: every change is audited.
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("都道府県")
        verbose_name_plural = _("都道府県")

    def get_absolute_url(self) -> str:
        return row_url("networks:prefecture_detail", self.code)

    @property
    def lg_code(self) -> str:
        """Its six-digit 全国地方公共団体コード (東京都: 130001)."""
        return f"{self.code}000{check_digit(self.code + '000')}"


class MunicipalityQuerySet(models.QuerySet):
    def counted(self) -> "MunicipalityQuerySet":
        """The municipalities Japan counts (市町村 and 特別区): not the wards of
        designated cities, which are parts of their city."""
        return self.exclude(kind=Municipality.Kind.WARD)


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

    objects = MunicipalityQuerySet.as_manager()

    # Editors correct these in the admin: every change is audited.
    history = HistoricalRecords()

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

    def get_absolute_url(self) -> str:
        return row_url("networks:municipality_detail", self.code)


class LocalGovernmentRow(models.Model):
    """A row about one local government: a municipality, or a prefecture itself."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("市区町村"),
    )
    prefecture = models.ForeignKey(
        Prefecture,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("都道府県（都道府県自身）"),
        help_text=_("都道府県自身の場合に指定します（市区町村とはどちらか一方）。"),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality__isnull=False, prefecture__isnull=True)
                | Q(municipality__isnull=True, prefecture__isnull=False),
                name="%(app_label)s_%(class)s_one_local_government",
                violation_error_message=_("市区町村か都道府県のどちらか一方を指定してください。"),
            ),
        ]

    @property
    def local_government(self):
        return self.municipality or self.prefecture

    @local_government.setter
    def local_government(self, value) -> None:
        """A Municipality or a Prefecture (an import's 団体コード)."""
        self.municipality = value if isinstance(value, Municipality) else None
        self.prefecture = value if isinstance(value, Prefecture) else None

    @property
    def lg_code(self) -> str:
        return self.municipality.code if self.municipality_id else self.prefecture.lg_code


class Field(BilingualName):
    """A roadmap field (分野): 教育, 医療・介護・健康, 防災 …"""

    slug = models.SlugField(_("スラッグ"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    # Editors correct these in the admin: every change is audited.
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("分野")
        verbose_name_plural = _("分野")

    def get_absolute_url(self) -> str:
        return row_url("cooperation:field_detail", self.slug)
