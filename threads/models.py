"""What is being done: the three threads (縦・横・斜めの糸) and their record."""

from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.asof import AsOfQuerySet, AsOfRule
from core.dateprecision import DatedByPrecision, precision_field, precision_is_valid
from core.links import row_url
from core.provenance import Sourced, inferred_has_reason, provenance_is_valid
from core.softdelete import LiveManager, SoftDeletable, SoftDeleteQuerySet
from networks.models import Field, Organization, RegionalBlock


def _newest_updates(thread_ref) -> "StatusUpdateQuerySet":
    """A thread's live 取組状況 entries, newest first (the `thread` field matches `thread_ref`)."""
    return StatusUpdate.objects.filter(thread=thread_ref).order_by("-as_of", "-order", "-pk")


class ThreadQuerySet(models.QuerySet):
    def with_last_update(self) -> "ThreadQuerySet":
        """Each thread's newest 取組状況 date as `last_update_on` (a subquery, no rows read)."""
        return self.annotate(
            last_update_on=Subquery(_newest_updates(OuterRef("pk")).values("as_of")[:1])
        )

    def for_overview(self) -> "ThreadQuerySet":
        """Threads with their newest status update only (`latest_update`), in two
        queries whatever the length of their timelines: the newest entry per
        thread is picked in SQL by a correlated subquery."""
        # Per thread, not per update: the subquery runs once for each thread
        # (an index scan of its newest date), whatever the timelines' length.
        newest_ids = Thread.objects.annotate(
            newest=Subquery(_newest_updates(OuterRef("pk")).values("pk")[:1])
        ).values("newest")
        newest = StatusUpdate.objects.filter(pk__in=newest_ids)
        return self.with_last_update().prefetch_related(
            models.Prefetch("status_updates", queryset=newest, to_attr="newest_updates")
        )

    def for_detail(self) -> "ThreadQuerySet":
        """A thread page besides its timeline, activities and participants
        (each read a page or a capped list at a time, see threads.selectors),
        in two queries: the thread with its newest update's date, and its
        work items."""
        return self.with_last_update().prefetch_related(
            models.Prefetch(
                "work_items", queryset=WorkItem.objects.order_by("section", "order", "pk")
            ),
        )


class Thread(models.Model):
    """One part of the promotion framework (縦, 横①, 横②, 斜め)."""

    class Kind(models.TextChoices):
        VERTICAL = "vertical", _("縦の糸")
        HORIZONTAL = "horizontal", _("横の糸")
        DIAGONAL = "diagonal", _("斜めの糸")

    slug = models.SlugField(_("スラッグ"), max_length=50, unique=True)
    kind = models.CharField(_("種別"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("名称"), max_length=200)
    title_en = models.CharField(_("英語名称"), max_length=200, blank=True)
    tagline = models.CharField(
        _("見出し"), max_length=200, blank=True, help_text=_("例：各分野の機運を高める“縦の糸”")
    )
    summary = models.TextField(_("概要"), blank=True)
    purpose = models.TextField(_("趣旨"), blank=True)
    method = models.TextField(_("連携の方法"), blank=True)
    expected_participants = models.TextField(_("想定参加メンバー"), blank=True)
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    objects = ThreadQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("推進体制（糸）")
        verbose_name_plural = _("推進体制（糸）")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # Remembered (core.links): the directory links a thread from every row.
        return row_url("threads:thread_detail", self.slug)

    @property
    def latest_update(self) -> "StatusUpdate | None":
        """Needs `for_overview()`; the newest entry of the 取組状況 timeline."""
        updates = self.newest_updates
        return updates[0] if updates else None

    @property
    def display_title(self) -> str:
        if self.title_en and translation.get_language() == "en":
            return self.title_en
        return self.title


class WorkItem(models.Model):
    """A planned item of a thread: 取組内容 / 主な活動内容, or how members are invited."""

    class Section(models.TextChoices):
        WORK = "work", _("取組内容・主な活動内容")
        PARTICIPANTS = "participants", _("参加の呼びかけ")

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="work_items", verbose_name=_("推進体制")
    )
    section = models.CharField(
        _("区分"), max_length=20, choices=Section.choices, default=Section.WORK
    )
    heading = models.CharField(
        _("小見出し"), max_length=200, blank=True, help_text=_("例：① 関係府省")
    )
    text = models.TextField(_("内容"))
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["thread", "section", "order", "pk"]
        verbose_name = _("取組内容")
        verbose_name_plural = _("取組内容")

    def __str__(self) -> str:
        return self.text[:40]

    def get_absolute_url(self) -> str:
        return self.thread.get_absolute_url()


class ParticipationQuerySet(AsOfQuerySet):
    # A participation is a statement (core.asof): there from its joining date on;
    # the 2017 record gives no joining dates, so an undated one has always been there.
    as_of_rule = AsOfRule.statement(date_field="joined_on", undated_exists=True)


class Participation(Sourced):
    """An organization taking part in a thread, for a period; stated by the
    source or inferred (core.provenance: the public pages mark inferred ones
    with their reason, and 参加団体数 counts stated ones)."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="participations", verbose_name=_("推進体制")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("団体"),
    )
    role = models.CharField(_("役割"), max_length=200, blank=True)
    joined_on = models.DateField(_("参加日"), null=True, blank=True)
    left_on = models.DateField(_("退会日"), null=True, blank=True)

    objects = ParticipationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["thread", "organization__name"]
        verbose_name = _("参加団体")
        verbose_name_plural = _("参加団体")
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "organization"],
                name="%(app_label)s_%(class)s_unique_thread_organization",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(joined_on__isnull=True)
                | Q(left_on__gte=F("joined_on")),
                name="%(app_label)s_%(class)s_left_after_joined",
            ),
            inferred_has_reason(),
            provenance_is_valid(),
        ]

    def __str__(self) -> str:
        return f"{self.organization} – {self.thread}"

    def get_absolute_url(self) -> str:
        return self.thread.get_absolute_url()


class Progress(models.TextChoices):
    PLANNED = "planned", _("予定")
    IN_PROGRESS = "in_progress", _("実施中")
    DONE = "done", _("実施済")


class ActivityQuerySet(AsOfQuerySet):
    # An activity is an event (core.asof): as of D, those dated D or later are planned.
    as_of_rule = AsOfRule.event(planned=Progress.PLANNED)

    def done(self) -> "ActivityQuerySet":
        return self.filter(status=Progress.DONE)

    def in_block(self, block: RegionalBlock) -> "ActivityQuerySet":
        return self.filter(block=block)


class Activity(DatedByPrecision, models.Model):
    """A dated event of a thread, e.g. 1/19 Ｌアラート運営諮問委員会作業部会.

    `date` sorts; `date_precision` says how much of it the source states
    (core.dateprecision), so "1月～2月" shows as 2017年1月～2月, not as days."""

    end_date_attr = "end_date"

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="activities", verbose_name=_("推進体制")
    )
    date = models.DateField(_("日付"), help_text=_("並べ替えに使う日付（期間の場合は開始日）。"))
    end_date = models.DateField(_("終了日"), null=True, blank=True)
    date_precision = precision_field()
    date_text = models.CharField(
        _("日付（資料の表記）"), max_length=100, blank=True, help_text=_("例：1月～2月")
    )
    title = models.CharField(_("名称"), max_length=300)
    description = models.TextField(_("内容"), blank=True)
    field = models.ForeignKey(
        Field,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("分野"),
    )
    block = models.ForeignKey(
        RegionalBlock,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("地域ブロック"),
    )
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="activities", verbose_name=_("関係団体")
    )
    status = models.CharField(
        _("状況"), max_length=20, choices=Progress.choices, default=Progress.DONE
    )

    objects = ActivityQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[organizations])

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("活動")
        verbose_name_plural = _("活動")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
                name="%(app_label)s_%(class)s_end_after_start",
            ),
            precision_is_valid(),
        ]
        indexes = [
            # Thread pages list a thread's activities newest first.
            models.Index(fields=["thread", "-date"], name="threads_activity_thread_date"),
            # Block pages list a block's activities newest first.
            models.Index(fields=["block", "-date"], name="threads_activity_block_date"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.thread.get_absolute_url()


class StatusUpdateQuerySet(AsOfQuerySet, SoftDeleteQuerySet):
    # A 取組状況 entry is a statement (core.asof): it exists from its 時点 on.
    as_of_rule = AsOfRule.statement(date_field="as_of", status_field="status")


class StatusUpdateManager(LiveManager.from_queryset(StatusUpdateQuerySet)):
    pass


class StatusUpdate(DatedByPrecision, SoftDeletable):
    """One entry of a thread's 取組状況 timeline; deleting it is soft.

    `as_of` sorts; `date_precision` says how much of it the source states
    (core.dateprecision): "本年１月以降" is 2017年1月, never 2017年1月1日."""

    date_attr = "as_of"

    thread = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        related_name="status_updates",
        verbose_name=_("推進体制"),
    )
    as_of = models.DateField(_("時点"))
    date_precision = precision_field()
    date_text = models.CharField(
        _("時点（資料の表記）"), max_length=100, blank=True, help_text=_("例：昨年末以降")
    )
    status = models.CharField(_("状況"), max_length=20, choices=Progress.choices)
    text = models.TextField(_("内容"))
    block = models.ForeignKey(
        RegionalBlock,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_updates",
        verbose_name=_("地域ブロック"),
        help_text=_("斜めの糸の、ある地域ブロックについての取組状況の場合。"),
    )
    order = models.PositiveSmallIntegerField(
        _("表示順"), default=0, help_text=_("同じ時点の項目の並び順。")
    )

    # Public pages (and reverse relations) see live entries only.
    objects = StatusUpdateManager()
    all_objects = StatusUpdateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["thread", "as_of", "order", "pk"]
        get_latest_by = ["as_of", "order"]
        verbose_name = _("取組状況")
        verbose_name_plural = _("取組状況")
        constraints = [precision_is_valid()]
        indexes = [
            # The timeline and "latest status" read a thread's updates by date.
            models.Index(fields=["thread", "as_of"], name="threads_status_thread_asof"),
            # The home page's latest updates across threads, newest first.
            models.Index(fields=["-as_of", "-order", "-id"], name="threads_status_newest"),
            # A thread page counts its live timeline for the pagination: an
            # index-only scan, where threads_status_thread_asof reads every row's
            # deleted_at from the table (7,000 entries: 2.9 -> 1.0 ms).
            models.Index(
                fields=["thread", "as_of"],
                condition=Q(deleted_at__isnull=True),
                name="threads_status_live_thread",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:40]

    def get_absolute_url(self) -> str:
        return self.thread.get_absolute_url()
