"""The roadmap (地域IoT実装推進ロードマップ): its models and KPIs, national
targets, and each local government's reported implementation stage.

A stage is a dated report by (or for) one local government, a municipality
or a prefecture, about one roadmap model. Reports are never overwritten by
later ones: the stage on a date is the latest report up to that date
(core.asof, `ImplementationReport.as_of_rule`), computed in SQL.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import dates
from core.asof import AsOfQuerySet, AsOfRule

from .places import BilingualName, Field, LocalGovernmentRow, Municipality


class RoadmapModel(BilingualName):
    """A field's implementation model (分野別モデル), with its KPI."""

    class Edition(models.TextChoices):
        DEC_2016 = "2016-12", _("2016年12月（策定）")
        MAY_2017 = "2017-05", _("2017年5月（改定）")

    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="roadmap_models", verbose_name=_("分野")
    )
    slug = models.SlugField(_("スラッグ"), max_length=60, unique=True)
    description = models.TextField(_("説明"), blank=True)
    edition = models.CharField(
        _("ロードマップの版"), max_length=7, choices=Edition.choices, default=Edition.DEC_2016
    )
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    kpi_indicator = models.TextField(
        _("KPI（指標）"),
        blank=True,
        help_text=_("ロードマップの表記のとおり。不明な場合は空欄のままにしてください。"),
    )
    kpi_target_value = models.DecimalField(
        _("KPI目標値"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    kpi_unit = models.CharField(_("KPIの単位"), max_length=20, blank=True)
    kpi_target_fiscal_year = models.PositiveSmallIntegerField(
        _("KPI目標年度（西暦）"), null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["field__order", "order", "slug"]
        verbose_name = _("ロードマップのモデル")
        verbose_name_plural = _("ロードマップのモデル")
        constraints = [
            models.CheckConstraint(
                condition=Q(kpi_target_fiscal_year__isnull=True)
                | Q(kpi_target_fiscal_year__gte=2000, kpi_target_fiscal_year__lte=2100),
                name="%(app_label)s_%(class)s_plausible_fiscal_year",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("networks:roadmap_model", args=[self.slug])

    @property
    def has_kpi(self) -> bool:
        return bool(self.kpi_indicator)


class NationalTarget(models.Model):
    """A national target set after the roadmap (e.g. 800 local governments by FY2020)."""

    slug = models.SlugField(_("スラッグ"), max_length=60, unique=True)
    wording = models.TextField(_("目標（表記のとおり）"))
    wording_en = models.TextField(_("目標（英語）"), blank=True)
    value = models.DecimalField(_("目標値"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("単位"), max_length=20, blank=True)
    deadline_fiscal_year = models.PositiveSmallIntegerField(
        _("期限（年度・西暦）"), null=True, blank=True
    )
    source = models.CharField(_("出典"), max_length=300)
    source_url = models.URLField(_("出典のURL"), blank=True)
    set_on = models.DateField(_("設定日"), null=True, blank=True)
    set_on_text = models.CharField(
        _("設定日（資料の表記）"), max_length=50, blank=True, help_text=_("例：2019年6月")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["set_on", "slug"]
        verbose_name = _("国の目標")
        verbose_name_plural = _("国の目標")

    def __str__(self) -> str:
        return self.wording

    def get_absolute_url(self) -> str:
        return reverse("networks:roadmap") + f"#target-{self.slug}"


class ImplementationReportQuerySet(AsOfQuerySet):
    # The stage of a local government's model on D: its latest report up to D.
    as_of_rule = AsOfRule.statement(
        date_field="as_of",
        status_field="stage",
        # One of municipality and prefecture is empty (a named constraint).
        latest_per=("municipality", "prefecture", "model"),
    )

    def of_municipalities(self) -> "ImplementationReportQuerySet":
        """Reports of the municipalities Japan counts (市町村・特別区)."""
        return self.filter(municipality__isnull=False).exclude(
            municipality__kind=Municipality.Kind.WARD
        )

    def implemented(self) -> "ImplementationReportQuerySet":
        return self.filter(stage=ImplementationReport.Stage.IMPLEMENTED)


class ImplementationReport(LocalGovernmentRow):
    """One local government's stage of one roadmap model, as reported on a date."""

    class Stage(models.TextChoices):
        # In the order a model is implemented; a later report may go back.
        NOT_STARTED = "not_started", _("未着手")
        CONSIDERING = "considering", _("検討中")
        PLANNED = "planned", _("計画策定済")
        PILOTING = "piloting", _("実証中")
        IMPLEMENTED = "implemented", _("実装済")

    # The block the local government lies in (from save()): the bureau's scope.
    block = models.ForeignKey(
        "networks.RegionalBlock",
        on_delete=models.PROTECT,
        editable=False,
        related_name="implementation_reports",
        verbose_name=_("地域ブロック"),
    )
    model = models.ForeignKey(
        RoadmapModel,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("ロードマップのモデル"),
    )
    stage = models.CharField(_("段階"), max_length=20, choices=Stage.choices)
    as_of = models.DateField(_("時点"))
    note = models.CharField(_("備考"), max_length=500, blank=True)
    url = models.URLField(_("関連URL"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("報告者"),
    )
    created = models.DateTimeField(_("登録日時"), auto_now_add=True)

    objects = ImplementationReportQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta(LocalGovernmentRow.Meta):
        ordering = ["-as_of", "-pk"]
        verbose_name = _("実装状況の報告")
        verbose_name_plural = _("実装状況の報告")
        permissions = [
            ("import_implementationreport", _("実装状況を一括取り込みできる")),
            ("export_implementationreport", _("実装状況を書き出しできる")),
        ]
        indexes = [
            # The latest report per municipality and model up to a date (as_of).
            models.Index(
                fields=["municipality", "model", "as_of"], name="networks_report_muni_latest"
            ),
            models.Index(
                fields=["prefecture", "model", "as_of"], name="networks_report_pref_latest"
            ),
            # Every local government's latest report per model, read in order
            # (core.asof: AsOfRule.latest on PostgreSQL, e.g. the national counts).
            ImplementationReportQuerySet.as_of_rule.latest_index("networks_report_latest"),
            # The national picture of one model on a date.
            models.Index(fields=["model", "as_of"], name="networks_report_model_date"),
        ]

    def __str__(self) -> str:
        return f"{self.local_government} {self.model}: {self.get_stage_display()} ({self.as_of})"

    def clean(self):
        super().clean()
        # A stage is reported as it stands, never ahead of time.
        if self.as_of and self.as_of > dates.today():
            raise ValidationError({"as_of": _("時点に今日より後の日付は指定できません。")})

    def save(self, *args, **kwargs):
        place = self.municipality.prefecture if self.municipality_id else self.prefecture
        if place is not None:
            self.block_id = place.block_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        if self.municipality_id:
            return self.municipality.get_absolute_url()
        return self.prefecture.get_absolute_url()
