"""The national network's work (横の糸①) and the councils' good practice (斜めの糸).

Needs (地域課題) of municipalities and offers of companies are matched by
editors (Match); concrete projects (具体的プロジェクト) move through their
status with a dated history and may copy another project (横展開); staff of a
municipality that implements are dispatched to one that wants to (職員派遣);
the block councils report good-practice cases (優良事例).

Every municipality here is an Organization of kind 地方自治体 linked to its
Municipality (its 団体コード), so a municipality is one row wherever it
appears. Status changes of matches, projects and dispatches go through
networks.services.cooperation, which holds the allowed transitions.
The network's membership itself is networks.models.membership's.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.links import row_url

from .organizations import Organization
from .places import Field, Prefecture, RegionalBlock
from .roadmap import RoadmapModel


def status_is_valid(choices: type[models.TextChoices]) -> Q:
    return Q(status__in=choices.values)


def municipality_error(organization: Organization | None, label) -> ValidationError | None:
    """Why `organization` cannot stand for a municipality here (None: it can)."""
    if organization is None:
        return None
    if organization.kind != Organization.Kind.LOCAL_GOVERNMENT or not organization.municipality_id:
        return ValidationError(
            _(
                "%(label)sには、市区町村（団体コードのある地方自治体）を選んでください。"
                "「%(name)s」は市区町村ではありません。"
            )
            % {"label": label, "name": organization.name}
        )
    return None


class OpenClosed(models.TextChoices):
    OPEN = "open", _("募集中")
    CLOSED = "closed", _("終了")


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("提案")
    IN_TALKS = "in_talks", _("協議中")
    AGREED = "agreed", _("合意")
    DECLINED = "declined", _("不成立")


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", _("提案")
    SELECTED = "selected", _("採択")
    UNDER_WAY = "under_way", _("実施中")
    IMPLEMENTED = "implemented", _("実装済")
    WITHDRAWN = "withdrawn", _("取下げ")


class DispatchStatus(models.TextChoices):
    REQUESTED = "requested", _("依頼")
    ARRANGED = "arranged", _("調整済")
    DONE = "done", _("派遣済")


class CaseStage(models.TextChoices):
    CONSIDERING = "considering", _("検討中")
    TRIAL = "trial", _("実証")
    IMPLEMENTED = "implemented", _("実装済")


DECIDED = (MatchStatus.AGREED, MatchStatus.DECLINED)
UNDECIDED = (MatchStatus.PROPOSED, MatchStatus.IN_TALKS)


# --- needs and offers ---------------------------------------------------------------


class NeedQuerySet(models.QuerySet):
    def open(self) -> NeedQuerySet:
        return self.filter(status=OpenClosed.OPEN)

    def in_block(self, block: RegionalBlock) -> NeedQuerySet:
        return self.filter(prefecture__block=block)


class Need(models.Model):
    """地域課題: a municipality's challenge, in one field."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="needs",
        verbose_name=_("市区町村"),
        help_text=_("課題を挙げた市区町村（種別「地方自治体」で団体コードのある団体）。"),
    )
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="needs", verbose_name=_("分野")
    )
    prefecture = models.ForeignKey(
        Prefecture,
        on_delete=models.PROTECT,
        related_name="needs",
        verbose_name=_("都道府県"),
        editable=False,
        help_text=_("市区町村の都道府県が自動で設定されます。"),
    )
    title = models.CharField(_("課題"), max_length=200)
    description = models.TextField(_("内容"), blank=True)
    status = models.CharField(
        _("状況"), max_length=10, choices=OpenClosed.choices, default=OpenClosed.OPEN
    )
    posted_on = models.DateField(_("掲載日"))

    objects = NeedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-posted_on", "pk"]
        verbose_name = _("地域課題")
        verbose_name_plural = _("地域課題")
        constraints = [
            models.CheckConstraint(
                condition=status_is_valid(OpenClosed), name="%(app_label)s_%(class)s_status_valid"
            ),
        ]
        indexes = [
            # The needs page lists open needs newest first.
            models.Index(fields=["status", "-posted_on"], name="networks_need_status_posted"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # The need's place is its municipality's, so a block filter finds it.
        self.prefecture_id = self.organization.prefecture_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return row_url("cooperation:need_list") + f"#need-{self.pk}"

    def clean(self):
        organization = self.organization if self.organization_id else None
        error = municipality_error(organization, _("市区町村"))
        if error is not None:
            raise ValidationError({"organization": error})
        if organization is not None:
            # Known before the save, so the admin's scope check sees the place.
            self.prefecture_id = organization.prefecture_id


class OfferQuerySet(models.QuerySet):
    def open(self) -> OfferQuerySet:
        return self.filter(status=OpenClosed.OPEN)

    def serving_block(self, block: RegionalBlock) -> OfferQuerySet:
        """Offers that serve `block`: nationwide, the block, or one of its prefectures."""
        through_blocks = Offer.blocks.through.objects.filter(
            offer=OuterRef("pk"), regionalblock=block
        )
        through_prefectures = Offer.prefectures.through.objects.filter(
            offer=OuterRef("pk"), prefecture__block=block
        )
        return self.filter(
            Q(nationwide=True) | Exists(through_blocks) | Exists(through_prefectures)
        )

    def in_field(self, field: Field) -> OfferQuerySet:
        return self.filter(
            Exists(Offer.fields.through.objects.filter(offer=OuterRef("pk"), field=field))
        )


class Offer(models.Model):
    """A company's (or another organization's) solution, in its fields and area."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="offers", verbose_name=_("提供団体")
    )
    fields = models.ManyToManyField(Field, related_name="offers", verbose_name=_("分野"))
    nationwide = models.BooleanField(_("全国で対応"), default=False)
    blocks = models.ManyToManyField(
        RegionalBlock, blank=True, related_name="offers", verbose_name=_("対応する地域ブロック")
    )
    prefectures = models.ManyToManyField(
        Prefecture, blank=True, related_name="offers", verbose_name=_("対応する都道府県")
    )
    title = models.CharField(_("提案"), max_length=200)
    description = models.TextField(_("内容"), blank=True)
    status = models.CharField(
        _("状況"), max_length=10, choices=OpenClosed.choices, default=OpenClosed.OPEN
    )
    posted_on = models.DateField(_("掲載日"))

    objects = OfferQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[fields, blocks, prefectures])

    class Meta:
        ordering = ["-posted_on", "pk"]
        verbose_name = _("ソリューション提案")
        verbose_name_plural = _("ソリューション提案")
        constraints = [
            models.CheckConstraint(
                condition=status_is_valid(OpenClosed), name="%(app_label)s_%(class)s_status_valid"
            ),
        ]
        indexes = [
            # The offers page lists open offers newest first.
            models.Index(fields=["status", "-posted_on"], name="networks_offer_status_posted"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return row_url("cooperation:offer_list") + f"#offer-{self.pk}"


class Match(models.Model):
    """An editor's pairing of a need with an offer, and how far it got."""

    Status = MatchStatus

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="matches", verbose_name=_("地域課題")
    )
    offer = models.ForeignKey(
        Offer,
        on_delete=models.CASCADE,
        related_name="matches",
        verbose_name=_("ソリューション提案"),
    )
    status = models.CharField(
        _("状況"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_on = models.DateField(_("提案日"))
    decided_on = models.DateField(
        _("決定日"), null=True, blank=True, help_text=_("合意または不成立になった日。")
    )
    note = models.TextField(_("備考"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-proposed_on", "pk"]
        verbose_name = _("マッチング")
        verbose_name_plural = _("マッチング")
        constraints = [
            models.UniqueConstraint(
                fields=["need", "offer"], name="%(app_label)s_%(class)s_unique_need_offer"
            ),
            models.CheckConstraint(
                condition=status_is_valid(MatchStatus), name="%(app_label)s_%(class)s_status_valid"
            ),
            # A decided match has its date, an open one none.
            models.CheckConstraint(
                condition=(
                    Q(status__in=DECIDED, decided_on__isnull=False)
                    | Q(status__in=UNDECIDED, decided_on__isnull=True)
                ),
                name="%(app_label)s_%(class)s_decided_on_when_decided",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("proposed_on")),
                name="%(app_label)s_%(class)s_decided_after_proposed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.need} × {self.offer}"

    def get_absolute_url(self) -> str:
        return self.need.get_absolute_url()


# --- projects ------------------------------------------------------------------------


class ProjectQuerySet(models.QuerySet):
    def public(self) -> ProjectQuerySet:
        """Every project is public once recorded: the roadmap's call is public."""
        return self

    def in_block(self, block: RegionalBlock) -> ProjectQuerySet:
        return self.filter(lead__block=block)


class Project(models.Model):
    """具体的プロジェクト: a member's project for the roadmap, run with the ministry."""

    Status = ProjectStatus

    title = models.CharField(_("名称"), max_length=200)
    lead = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="led_projects",
        verbose_name=_("代表市区町村"),
    )
    partners = models.ManyToManyField(
        Organization, blank=True, related_name="partner_projects", verbose_name=_("連携団体")
    )
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="projects", verbose_name=_("分野")
    )
    summary = models.TextField(_("概要"), blank=True)
    status = models.CharField(
        _("状況"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    status_since = models.DateField(_("現在の状況になった日"))
    spread_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="spread_to",
        verbose_name=_("横展開元のプロジェクト"),
        help_text=_("このプロジェクトが取り入れたモデルのプロジェクト（横展開）。"),
    )

    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        ordering = ["-status_since", "pk"]
        verbose_name = _("具体的プロジェクト")
        verbose_name_plural = _("具体的プロジェクト")
        constraints = [
            models.CheckConstraint(
                condition=status_is_valid(ProjectStatus),
                name="%(app_label)s_%(class)s_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(spread_from=F("pk")),
                name="%(app_label)s_%(class)s_not_spread_from_self",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return row_url("cooperation:project_detail", self.pk)

    def clean(self):
        errors = {}
        lead = self.lead if self.lead_id else None
        error = municipality_error(lead, _("代表市区町村"))
        if error is not None:
            errors["lead"] = error
        if self.pk and self.spread_from_id:
            # Walk up the chain: a project may not copy itself through others.
            seen, current = {self.pk}, self.spread_from
            while current is not None:
                if current.pk in seen:
                    errors["spread_from"] = ValidationError(
                        _(
                            "横展開元をたどると、このプロジェクト自身に戻ります。別のプロジェクトを選んでください。"
                        )
                    )
                    break
                seen.add(current.pk)
                current = current.spread_from
        if errors:
            raise ValidationError(errors)


class ProjectStatusChange(models.Model):
    """One dated step of a project's status (written by the service, never edited)."""

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("プロジェクト"),
    )
    date = models.DateField(_("日付"))
    from_status = models.CharField(
        _("変更前"), max_length=12, choices=ProjectStatus.choices, blank=True
    )
    to_status = models.CharField(_("変更後"), max_length=12, choices=ProjectStatus.choices)
    note = models.CharField(_("メモ"), max_length=300, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("プロジェクトの状況の履歴")
        verbose_name_plural = _("プロジェクトの状況の履歴")
        constraints = [
            models.CheckConstraint(
                condition=Q(to_status__in=ProjectStatus.values),
                name="%(app_label)s_%(class)s_to_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_to_status_display()}"


# --- staff dispatch ------------------------------------------------------------------


class Dispatch(models.Model):
    """職員派遣: staff of a municipality that implements IoT sent to one that wants to."""

    Status = DispatchStatus

    from_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="dispatches_sent",
        verbose_name=_("派遣元の市区町村"),
    )
    to_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="dispatches_received",
        verbose_name=_("派遣先の市区町村"),
    )
    topic = models.CharField(_("テーマ"), max_length=200)
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="dispatches", verbose_name=_("分野")
    )
    start_on = models.DateField(_("開始日"))
    end_on = models.DateField(_("終了日"), null=True, blank=True)
    status = models.CharField(
        _("状況"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    note = models.TextField(_("備考"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_on", "pk"]
        verbose_name = _("職員派遣")
        verbose_name_plural = _("職員派遣")
        constraints = [
            models.CheckConstraint(
                condition=status_is_valid(DispatchStatus),
                name="%(app_label)s_%(class)s_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=F("start_on")),
                name="%(app_label)s_%(class)s_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(from_organization=F("to_organization")),
                name="%(app_label)s_%(class)s_between_two_municipalities",
            ),
        ]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return self.to_organization.get_absolute_url()

    def clean(self):
        errors = {}
        for name, label in (
            ("from_organization", _("派遣元の市区町村")),
            ("to_organization", _("派遣先の市区町村")),
        ):
            organization = getattr(self, name) if getattr(self, f"{name}_id") else None
            error = municipality_error(organization, label)
            if error is not None:
                errors[name] = error
        if self.from_organization_id and self.from_organization_id == self.to_organization_id:
            errors["to_organization"] = ValidationError(
                _("派遣先には、派遣元とは別の市区町村を選んでください。")
            )
        if self.start_on and self.end_on and self.end_on < self.start_on:
            errors["end_on"] = ValidationError(
                _("終了日は開始日（%(start)s）以降の日付にしてください。")
                % {"start": self.start_on.isoformat()}
            )
        if errors:
            raise ValidationError(errors)


# --- good-practice cases -------------------------------------------------------------


class CaseQuerySet(models.QuerySet):
    def in_block(self, block: RegionalBlock) -> CaseQuerySet:
        return self.filter(council=block)


class Case(models.Model):
    """優良事例: a municipality's good practice, reported by its block's council."""

    Stage = CaseStage

    title = models.CharField(_("名称"), max_length=200)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="cases", verbose_name=_("市区町村")
    )
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="cases", verbose_name=_("分野")
    )
    model = models.ForeignKey(
        RoadmapModel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("ロードマップのモデル"),
        help_text=_("事例が実装するロードマップの分野別モデル（分野のモデルから選びます）。"),
    )
    stage = models.CharField(_("段階"), max_length=12, choices=Stage.choices)
    summary = models.TextField(_("概要"), blank=True)
    url = models.URLField(_("参考URL"), blank=True)
    council = models.ForeignKey(
        RegionalBlock,
        on_delete=models.PROTECT,
        related_name="reported_cases",
        verbose_name=_("報告した協議会（地域ブロック）"),
        help_text=_("事例を報告した地域ブロックの協議会・懇談会。市区町村のある地域ブロックです。"),
    )
    reported_on = models.DateField(_("報告日"))

    objects = CaseQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_on", "pk"]
        verbose_name = _("優良事例")
        verbose_name_plural = _("優良事例")
        constraints = [
            models.CheckConstraint(
                condition=Q(stage__in=CaseStage.values),
                name="%(app_label)s_%(class)s_stage_valid",
            ),
        ]
        indexes = [
            # Block pages list the block's cases newest first.
            models.Index(fields=["council", "-reported_on"], name="networks_case_council_date"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return row_url("cooperation:case_list") + f"#case-{self.pk}"

    def clean(self):
        organization = self.organization if self.organization_id else None
        error = municipality_error(organization, _("市区町村"))
        if error is not None:
            raise ValidationError({"organization": error})
        if self.model_id and self.field_id and self.model.field_id != self.field_id:
            raise ValidationError(
                {
                    "model": _(
                        "「%(model)s」は%(field)s分野のモデルです。事例の分野のモデルを選んでください。"
                    )
                    % {"model": self.model, "field": self.model.field}
                }
            )
        if (
            organization is not None
            and self.council_id
            and organization.block_id != self.council_id
        ):
            raise ValidationError(
                {
                    "council": _(
                        "「%(name)s」は%(block)sブロックの市区町村です。"
                        "その地域ブロックの協議会を選んでください。"
                    )
                    % {"name": organization.name, "block": organization.block}
                }
            )
