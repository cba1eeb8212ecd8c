"""Briefing sessions (説明会等) held for prefectures, blocks and nationally."""

import datetime

from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import dates
from core.asof import AsOfQuerySet, AsOfRule
from core.conditions import Condition
from core.softdelete import LiveManager, SoftDeletable, SoftDeleteQuerySet
from core.uploads import UploadValidator
from networks.models import Member, Organization, Prefecture, RegionalBlock


class BriefingQuerySet(AsOfQuerySet, SoftDeleteQuerySet):
    # A session is an event (core.asof): as of D, those dated D or later are planned.
    as_of_rule = AsOfRule.event(planned="planned")

    def held(self) -> "BriefingQuerySet":
        return self.filter(status=Briefing.Status.HELD)

    def planned(self) -> "BriefingQuerySet":
        return self.filter(status=Briefing.Status.PLANNED)

    def in_block(self, block: RegionalBlock) -> "BriefingQuerySet":
        return self.filter(block=block)

    def overdue(self, *, today: datetime.date | None = None) -> "BriefingQuerySet":
        """要更新 sessions (Briefing.overdue_condition) as of `today` (default: today in Japan)."""
        return self.filter(Briefing.overdue_condition(today or dates.today()).q())

    def with_overdue_flag(self, *, today: datetime.date) -> "BriefingQuerySet":
        """Each row with `is_overdue` (the same condition), for a list that flags them."""
        return self.annotate(
            is_overdue=ExpressionWrapper(
                Briefing.overdue_condition(today).q(), output_field=BooleanField()
            )
        )

    def for_list(self) -> "BriefingQuerySet":
        """Everything a list row shows, in a fixed number of queries."""
        return self.select_related("prefecture", "block", "host", "thread").prefetch_related(
            "members"
        )


class BriefingManager(LiveManager.from_queryset(BriefingQuerySet)):
    pass


class Briefing(SoftDeletable):
    """A briefing session; deleting it is soft (an editor can restore it)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("予定")
        HELD = "held", _("開催済")
        CANCELLED = "cancelled", _("中止")
        POSTPONED = "postponed", _("延期")

    class Scope(models.TextChoices):
        PREFECTURE = "prefecture", _("都道府県")
        BLOCK = "block", _("地域ブロック")
        NATIONAL = "national", _("全国")

    class Kind(models.TextChoices):
        LOCAL_GOVERNMENT = "local_government", _("地方自治体向け説明会")
        SEMINAR = "seminar", _("地域ICT利活用セミナー等")
        COUNCIL = "council", _("協議会・ワーキンググループ会合")
        NATIONAL_MEETING = "national_meeting", _("全国会議")
        SYMPOSIUM = "symposium", _("シンポジウム")
        OTHER = "other", _("その他")

    date = models.DateField(_("開催日"))
    date_text = models.CharField(
        _("開催日（資料の表記）"), max_length=100, blank=True, help_text=_("例：3月6日")
    )
    status = models.CharField(
        _("状況"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    scope = models.CharField(_("対象"), max_length=20, choices=Scope.choices)
    kind = models.CharField(_("種別"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("開催概要"), max_length=300)
    location_text = models.CharField(
        _("開催箇所（資料の表記）"), max_length=200, blank=True, help_text=_("例：全国市長会")
    )
    prefecture = models.ForeignKey(
        Prefecture,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="briefings",
        verbose_name=_("開催都道府県"),
    )
    block = models.ForeignKey(
        RegionalBlock,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="briefings",
        verbose_name=_("地域ブロック"),
        help_text=_("空欄の場合は開催都道府県の地域ブロックが設定されます。"),
    )
    host = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_briefings",
        verbose_name=_("主催"),
    )
    thread = models.ForeignKey(
        "threads.Thread",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="briefings",
        verbose_name=_("関連する推進体制"),
    )
    members = models.ManyToManyField(
        Member, blank=True, related_name="briefings", verbose_name=_("参加した構成員等")
    )
    notes = models.TextField(_("備考"), blank=True, help_text=_("例：※太田総務大臣補佐官説明"))
    audience_size = models.PositiveIntegerField(_("参加者数"), null=True, blank=True)
    attending_organizations = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="attended_briefings",
        verbose_name=_("参加団体"),
    )
    minutes = models.TextField(_("議事概要"), blank=True)
    cancellation_reason = models.TextField(_("中止の理由"), blank=True)
    materials_url = models.URLField(_("資料URL"), blank=True)

    # Public pages (and reverse relations such as prefecture.briefings) see
    # live sessions only; the admin reads all_objects.
    objects = BriefingManager()
    all_objects = BriefingQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[members, attending_organizations])

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("説明会等")
        verbose_name_plural = _("説明会等")
        permissions = [
            ("import_briefing", _("説明会等を一括取り込みできる")),
            ("export_briefing", _("説明会等を書き出しできる")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancellation_reason=""),
                name="%(app_label)s_%(class)s_cancelled_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(scope="prefecture") | Q(prefecture__isnull=False),
                name="%(app_label)s_%(class)s_prefecture_scope_has_prefecture",
            ),
            models.CheckConstraint(
                condition=~Q(scope="block") | Q(block__isnull=False),
                name="%(app_label)s_%(class)s_block_scope_has_block",
            ),
        ]
        indexes = [
            # The schedule and coverage filter by status and date range.
            models.Index(fields=["status", "date"], name="briefings_status_date"),
            # Block pages and the block filter.
            models.Index(fields=["block", "date"], name="briefings_block_date"),
            # The month calendar and date-range filters without a status.
            models.Index(fields=["date"], name="briefings_date"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def save(self, *args, **kwargs):
        if self.prefecture_id and not self.block_id:
            self.block_id = self.prefecture.block_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("briefings:briefing_detail", args=[self.pk])

    # --- overdue (要更新) ---------------------------------------------------------
    @classmethod
    def overdue_condition(cls, today: datetime.date) -> Condition:
        """要更新: a live session still recorded as planned although, as of `today`,
        it has taken place (core.asof: dated before today in Japan). So a session
        dated D is overdue from D+1 00:00 JST; postponed ones wait for a new date.
        The one definition behind the list filter, the flag column, the staff
        start page (BriefingQuerySet.overdue) and `is_overdue_on`."""
        return Condition(
            status=cls.Status.PLANNED,
            deleted_at__isnull=True,
            **BriefingQuerySet.as_of_rule.happened_terms(today),
        )

    def is_overdue_on(self, today: datetime.date | None = None) -> bool:
        """Whether this session is 要更新 as of `today` (default: today in Japan)."""
        return Briefing.overdue_condition(today or dates.today())(self)


FILE_VALIDATOR = UploadValidator(max_bytes_setting="MATERIAL_MAX_UPLOAD_BYTES")


class BriefingMaterial(models.Model):
    """One handout of a session (資料1, 資料2 …): an uploaded file or a link."""

    briefing = models.ForeignKey(
        Briefing, on_delete=models.CASCADE, related_name="materials", verbose_name=_("説明会等")
    )
    order = models.PositiveSmallIntegerField(_("番号"), default=1)
    title = models.CharField(_("資料名"), max_length=200)
    # Only handout kinds, up to the size limit: core.uploads is the one rule,
    # on the field so that every form (admin inline, held form) applies it.
    file = models.FileField(
        _("ファイル"),
        upload_to="briefings/materials/%Y/%m/",
        blank=True,
        validators=[FILE_VALIDATOR],
    )
    url = models.URLField(_("URL"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["briefing", "order", "pk"]
        verbose_name = _("資料")
        verbose_name_plural = _("資料")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="%(app_label)s_%(class)s_file_or_url",
            ),
        ]

    def __str__(self) -> str:
        return _("資料%(number)s %(title)s") % {"number": self.order, "title": self.title}

    def get_absolute_url(self) -> str:
        return self.briefing.get_absolute_url()

    @property
    def href(self) -> str:
        """Where the public opens it: an uploaded file through the portal's own
        view (briefings:material_file), a link as given."""
        if self.file:
            return reverse("briefings:material_file", args=[self.pk])
        return self.url


class ProgressReport(models.Model):
    """A reported figure quoted as written, e.g. "合計２０回（平成２９年２月２４日現在）".

    Figures the portal shows are computed from Briefing rows; a report keeps
    what the source document itself said, with its date, so the two can be
    compared rather than one overwriting the other.
    """

    as_of = models.DateField(_("時点"))
    title = models.CharField(_("表題"), max_length=300)
    summary = models.TextField(_("概要"), blank=True)
    quoted_figure = models.TextField(_("資料中の数値（原文）"), blank=True)
    source = models.CharField(_("出典"), max_length=300, blank=True)

    class Meta:
        ordering = ["-as_of", "pk"]
        verbose_name = _("開催状況報告")
        verbose_name_plural = _("開催状況報告")
        constraints = [
            models.UniqueConstraint(
                fields=["as_of", "title"], name="%(app_label)s_%(class)s_unique_asof_title"
            ),
        ]

    def __str__(self) -> str:
        return _("%(title)s（%(date)s）") % {"title": self.title, "date": f"{self.as_of:%Y-%m-%d}"}

    def get_absolute_url(self) -> str:
        return reverse("briefings:briefing_list")
