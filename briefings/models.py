"""Briefing sessions (説明会等) held for prefectures, blocks and nationally."""

import datetime
import functools

from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import dates
from core.asof import AsOfQuerySet, AsOfRule, Period
from core.conditions import Combined, Condition
from core.links import row_url
from core.provenance import (
    inferred_has_reason,
    provenance_field,
    provenance_is_valid,
    reason_field,
)
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

    def upcoming(self, *, today: datetime.date | None = None) -> "BriefingQuerySet":
        """Sessions still to come (Briefing.upcoming_condition): planned, dated today
        in Japan or later. A planned session whose date has passed is never upcoming."""
        return self.filter(Briefing.upcoming_condition(today or dates.today()).q())

    def open_for_application(self, *, today: datetime.date | None = None) -> "BriefingQuerySet":
        """申込受付中 (Briefing.open_for_application_condition) as of `today`."""
        return self.filter(Briefing.open_for_application_condition(today or dates.today()).q())

    def with_public_status(
        self, value: str, *, today: datetime.date | None = None
    ) -> "BriefingQuerySet":
        """Sessions whose status as the public pages show it (Briefing.PublicStatus) is `value`."""
        return self.filter(Briefing.public_status_q(value, today=today or dates.today()))

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

    class PublicStatus(models.TextChoices):
        """The status as the public pages show it: a planned session whose date has
        passed in Japan is not 予定 but 開催日経過・結果未登録 until staff record
        what happened (Briefing.public_status_on; staff call it 要更新)."""

        PLANNED = "planned", _("予定")
        UNRECORDED = "unrecorded", _("開催日経過・結果未登録")
        HELD = "held", _("開催済")
        CANCELLED = "cancelled", _("中止")
        POSTPONED = "postponed", _("延期")

    class ApplicationMethod(models.TextChoices):
        WEB = "web", _("ウェブの申込フォーム")
        EMAIL = "email", _("電子メール")
        FAX = "fax", _("FAX")
        PHONE = "phone", _("電話")
        OTHER = "other", _("その他（問合せ先へ）")
        NOT_REQUIRED = "not_required", _("申込不要")

    class Kind(models.TextChoices):
        LOCAL_GOVERNMENT = "local_government", _("地方自治体向け説明会")
        SEMINAR = "seminar", _("地域ICT利活用セミナー等")
        COUNCIL = "council", _("協議会・ワーキンググループ会合")
        NATIONAL_MEETING = "national_meeting", _("全国会議")
        SYMPOSIUM = "symposium", _("シンポジウム")
        OTHER = "other", _("その他")

    date = models.DateField(_("開催日"))
    date_text = models.CharField(
        _("開催日（資料の表記）"),
        max_length=100,
        blank=True,
        help_text=_(
            "例：3月6日。開催日を変更すると、この表記は公開ページに表示されなくなります"
            "（表記を書き直すと、その時点の開催日の表記として再び表示されます）。"
        ),
    )
    # The 開催日 the wording above was written for, set by save() whenever the
    # wording is written; the wording is shown only while the date is still
    # this one (date_text_current), so a moved session never reads
    # "2026年11月29日 … 資料の表記：3月22日".
    date_text_date = models.DateField(_("資料の表記が指す開催日"), null=True, editable=False)
    status = models.CharField(
        _("状況"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    scope = models.CharField(_("対象"), max_length=20, choices=Scope.choices)
    kind = models.CharField(_("種別"), max_length=30, choices=Kind.choices)
    # A combined session ("信越地域ICT利活用セミナー・地方自治体向け説明会") serves a
    # second scope and kind as well; filters and coverage count it for each.
    also_scope = models.CharField(
        _("併せて対象"),
        max_length=20,
        choices=Scope.choices,
        blank=True,
        help_text=_(
            "一つの会で二つの対象を兼ねる場合（例：地域ブロックのセミナーと、開催県の"
            "地方自治体向け説明会を兼ねる会）の、もう一つの対象。"
        ),
    )
    also_kind = models.CharField(_("併せて種別"), max_length=30, choices=Kind.choices, blank=True)
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
    host_provenance = provenance_field(_("主催の出典"))
    host_note = reason_field(_("主催の根拠"))
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

    # 参加案内: what a participant needs to attend, each optional.
    venue_name = models.CharField(_("会場名"), max_length=200, blank=True)
    venue_address = models.CharField(_("会場の所在地"), max_length=300, blank=True)
    start_time = models.TimeField(_("開始時刻"), null=True, blank=True)
    end_time = models.TimeField(_("終了時刻"), null=True, blank=True)
    audience = models.CharField(
        _("対象者"), max_length=300, blank=True, help_text=_("例：県内の市町村職員")
    )
    application_method = models.CharField(
        _("申込方法"), max_length=20, choices=ApplicationMethod.choices, blank=True
    )
    application_url = models.URLField(_("申込URL"), blank=True)
    application_deadline = models.DateField(
        _("申込締切日"), null=True, blank=True, help_text=_("開催日より後の日は指定できません。")
    )
    contact = models.TextField(
        _("問合せ先"), blank=True, help_text=_("例：九州総合通信局 情報通信部 電話 096-000-0000")
    )

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
            models.CheckConstraint(
                condition=~Q(also_scope="prefecture") | Q(prefecture__isnull=False),
                name="%(app_label)s_%(class)s_also_prefecture_has_prefecture",
                violation_error_message=_("併せて対象が都道府県の場合は、開催都道府県が必要です。"),
            ),
            models.CheckConstraint(
                condition=~Q(also_scope="block") | Q(block__isnull=False),
                name="%(app_label)s_%(class)s_also_block_has_block",
                violation_error_message=_(
                    "併せて対象が地域ブロックの場合は、地域ブロックが必要です。"
                ),
            ),
            models.CheckConstraint(
                condition=~Q(also_scope=F("scope")),
                name="%(app_label)s_%(class)s_also_scope_differs",
                violation_error_message=_("併せて対象には、対象と異なるものを選んでください。"),
            ),
            inferred_has_reason("host_provenance", "host_note", name="host_inferred_has_reason"),
            provenance_is_valid("host_provenance", name="host_provenance_valid"),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gt=F("start_time")),
                name="%(app_label)s_%(class)s_end_after_start",
                violation_error_message=_("終了時刻は開始時刻より後にしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(application_deadline__isnull=True)
                | Q(application_deadline__lte=F("date")),
                name="%(app_label)s_%(class)s_deadline_not_after_date",
                violation_error_message=_("申込締切日は開催日以前の日にしてください。"),
            ),
        ]
        indexes = [
            # The schedule and coverage filter by status and date range.
            models.Index(fields=["status", "date"], name="briefings_status_date"),
            # Block pages and the block filter.
            models.Index(fields=["block", "date"], name="briefings_block_date"),
            # The month calendar and date-range filters without a status.
            models.Index(fields=["date"], name="briefings_date"),
            # The coverage page's counts per prefecture and per block
            # (services.coverage): index-only ranges over live sessions.
            models.Index(
                fields=["prefecture", "status", "date"],
                condition=Q(deleted_at__isnull=True),
                name="briefings_live_pref_status",
            ),
            models.Index(
                fields=["block", "status", "date"],
                condition=Q(deleted_at__isnull=True),
                name="briefings_live_block_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    @classmethod
    def serves_scope(cls, scope: str, prefix: str = "") -> Q:
        """Sessions that serve `scope`, first or as well (a combined session serves two)."""
        return Q(**{f"{prefix}scope": scope}) | Q(**{f"{prefix}also_scope": scope})

    @classmethod
    def serves_kind(cls, kind: str, prefix: str = "") -> Q:
        return Q(**{f"{prefix}kind": kind}) | Q(**{f"{prefix}also_kind": kind})

    # --- the original wording (資料の表記) --------------------------------------
    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What was stored, so save() can tell whether the wording was rewritten.
        instance._stored_date_text = instance.__dict__.get("date_text")
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        if "date_text" in self.__dict__:
            self._stored_date_text = self.date_text

    def _date_text_rewritten(self) -> bool:
        if "date_text" not in self.__dict__:  # deferred and untouched
            return False
        return self._state.adding or self.date_text != getattr(self, "_stored_date_text", None)

    def save(self, *args, **kwargs):
        if self.prefecture_id and not self.block_id:
            self.block_id = self.prefecture.block_id
        # Wording written now (a new row, or a rewritten text) describes the
        # date the row has now; a later change of date alone leaves it behind.
        if self._date_text_rewritten():
            self.date_text_date = self.date if self.date_text else None
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "date_text" in update_fields:
                kwargs["update_fields"] = {*update_fields, "date_text_date"}
        super().save(*args, **kwargs)
        if "date_text" in self.__dict__:
            self._stored_date_text = self.date_text

    @property
    def date_text_current(self) -> str:
        """The source's wording of the date while it still describes this row's date, else ""."""
        if self.date_text and self.date_text_date == self.date:
            return self.date_text
        return ""

    def get_absolute_url(self) -> str:
        # Remembered (core.links): a list or calendar asks 50 to 120 rows a page.
        return row_url("briefings:briefing_detail", self.pk)

    # --- overdue (要更新) ---------------------------------------------------------
    # Each rule is built once per day and kept (a few days' worth): a list asks
    # every row for its public status, and Conditions are never changed.
    @classmethod
    @functools.lru_cache(maxsize=8)
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

    # --- upcoming (今後) and the public status --------------------------------
    @classmethod
    @functools.lru_cache(maxsize=8)
    def upcoming_condition(cls, today: datetime.date) -> Condition:
        """Upcoming (今後の説明会等): a live session recorded as planned and dated
        `today` in Japan or later (core.asof: still to come as of today). The
        complement, among planned ones, of overdue_condition. The one definition
        behind the home, block, prefecture and organization pages, the
        schedule's order and its 予定 filter, and the staff start page."""
        return Condition(
            status=cls.Status.PLANNED,
            deleted_at__isnull=True,
            **BriefingQuerySet.as_of_rule.pending_terms(today),
        )

    @classmethod
    def public_status_q(
        cls,
        value: str,
        *,
        today: datetime.date,
        as_of: datetime.date | None = None,
        prefix: str = "",
    ) -> Q:
        """Rows whose public status (PublicStatus) is `value` today, among rows
        read as of `as_of` (core.asof; None: as recorded). `prefix` reads it
        through a relation ("briefings__"). Raises ValueError for another value."""
        rule = BriefingQuerySet.as_of_rule
        public = cls.PublicStatus(value)

        def terms(lookups: dict) -> Q:
            return Q(**{prefix + key: wanted for key, wanted in lookups.items()})

        if public == cls.PublicStatus.PLANNED:
            return rule.status_is(cls.Status.PLANNED, as_of, prefix) & terms(
                rule.pending_terms(today)
            )
        if public == cls.PublicStatus.UNRECORDED:
            return rule.status_is(cls.Status.PLANNED, as_of, prefix) & terms(
                rule.happened_terms(today)
            )
        return rule.status_is(public.value, as_of, prefix)

    def public_status_on(self, today: datetime.date | None = None) -> "Briefing.PublicStatus":
        """This session's status as the public pages show it on `today` (default: today in Japan)."""
        if self.is_overdue_on(today):
            return Briefing.PublicStatus.UNRECORDED
        return Briefing.PublicStatus(self.status)

    @property
    def public_status(self) -> "Briefing.PublicStatus":
        return self.public_status_on()

    # --- attending (参加するには) -------------------------------------------------
    # Methods by which one applies; 申込不要 means there is nothing to apply for.
    APPLYING_METHODS = tuple(m for m in ApplicationMethod.values if m != "not_required")

    @classmethod
    @functools.lru_cache(maxsize=8)
    def open_for_application_condition(cls, today: datetime.date) -> Combined:
        """申込受付中: an upcoming session whose deadline has not passed (it is
        today or later), or one with no deadline that says how to apply (a
        method other than 申込不要, or an application URL)."""
        # `> ""` is "not blank", a lookup both SQL and Python answer alike.
        how_to_apply = Condition(application_method__in=cls.APPLYING_METHODS) | Condition(
            application_url__gt=""
        )
        return cls.upcoming_condition(today) & (
            Condition(application_deadline__gte=today)
            | (Condition(application_deadline__isnull=True) & how_to_apply)
        )

    def is_open_for_application_on(self, today: datetime.date | None = None) -> bool:
        return Briefing.open_for_application_condition(today or dates.today())(self)

    @property
    def is_open_for_application(self) -> bool:
        return self.is_open_for_application_on()

    ATTENDANCE_FIELDS = (
        "venue_name",
        "venue_address",
        "start_time",
        "end_time",
        "audience",
        "application_method",
        "application_url",
        "application_deadline",
        "contact",
    )

    @property
    def has_attendance_info(self) -> bool:
        """Whether anything of 参加するには is known (the detail page shows the section)."""
        return any(getattr(self, name) not in (None, "") for name in self.ATTENDANCE_FIELDS)


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


class ProgressReportQuerySet(models.QuerySet):
    def latest_reported(self) -> "ProgressReport | None":
        """The newest report (the one the home and about pages set beside the site's figures)."""
        return self.order_by("-as_of", "-pk").first()


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
    # The figure as numbers, and the period it counts (from period_from, as of
    # as_of: core.asof), so the site's own figure for that very period can be
    # set beside it.
    period_from = models.DateField(
        _("数えた期間の初日"),
        null=True,
        blank=True,
        help_text=_("例：「本年１月２４日以降」なら2017-01-24。期間の終わりは時点です。"),
    )
    period_text = models.CharField(
        _("期間（資料の表記）"), max_length=100, blank=True, help_text=_("例：（本年１月２４日～）")
    )
    reported_sessions = models.PositiveIntegerField(_("報告された開催回数"), null=True, blank=True)
    reported_prefectures = models.PositiveIntegerField(
        _("報告された都道府県数"), null=True, blank=True
    )
    reported_blocks = models.PositiveIntegerField(
        _("報告された地域ブロック数"), null=True, blank=True
    )
    planned_note = models.CharField(
        _("予定表の注記"), max_length=200, blank=True, help_text=_("例：※４月以降も順次実施")
    )

    objects = ProgressReportQuerySet.as_manager()
    history = HistoricalRecords()

    # Each reported number and the registered figure (core.figures) that counts
    # the same thing.
    REPORTED_FIGURES = (
        ("reported_sessions", "briefings-held"),
        ("reported_prefectures", "prefectures-reached"),
        ("reported_blocks", "blocks-reached"),
    )

    class Meta:
        ordering = ["-as_of", "pk"]
        verbose_name = _("開催状況報告")
        verbose_name_plural = _("開催状況報告")
        constraints = [
            models.UniqueConstraint(
                fields=["as_of", "title"], name="%(app_label)s_%(class)s_unique_asof_title"
            ),
            models.CheckConstraint(
                condition=Q(period_from__isnull=True) | Q(period_from__lte=F("as_of")),
                name="%(app_label)s_%(class)s_period_from_not_after_as_of",
                violation_error_message=_("数えた期間の初日は時点以前の日にしてください。"),
            ),
        ]

    def __str__(self) -> str:
        return _("%(title)s（%(date)s）") % {"title": self.title, "date": f"{self.as_of:%Y-%m-%d}"}

    def get_absolute_url(self) -> str:
        return reverse("briefings:briefing_list")

    @property
    def period(self) -> Period:
        """What the report counted: sessions dated from period_from, as of its date
        (core.asof: one dated that very day was still to come)."""
        return Period(date_from=self.period_from, date_to=self.as_of, as_of=self.as_of)

    @property
    def reported(self) -> tuple[tuple[str, int], ...]:
        """(figure key, reported number) for each number the report gives."""
        return tuple(
            (key, getattr(self, field))
            for field, key in self.REPORTED_FIGURES
            if getattr(self, field) is not None
        )
