"""Reads behind the roadmap pages, each a fixed number of queries at any scale.

A municipality's stage of a model on D is its latest report up to D
(ImplementationReport.as_of_rule, core.asof); rates count municipalities as
Japan counts them (`Municipality.objects.counted()`: 市町村 and 特別区, not
the wards of designated cities), over the imported list.
"""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, Max, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from core.asof import Period
from core.figures import Figures, compute
from networks.models import (
    Field,
    ImplementationReport,
    Municipality,
    NationalTarget,
    Prefecture,
    RegionalBlock,
    RoadmapModel,
)

Stage = ImplementationReport.Stage
IMPLEMENTED = Stage.IMPLEMENTED
ROADMAP_FIGURES = ("roadmap-implementing-municipalities", "roadmap-reporting-municipalities")
# How many implementing municipalities near a municipality each model lists.
NEIGHBOURS = 3
# The trend: stage counts at the end of this many quarters, up to the date.
TREND_QUARTERS = 8
_NOT_A_WARD = ~Q(municipalities__kind=Municipality.Kind.WARD)


def reports_on(as_of: datetime.date | None, **about):
    """The municipalities' stages as of the date (None: the record as it
    stands); `about` narrows to some models or places (core.asof.AsOfRule.latest)."""
    return ImplementationReport.objects.as_of(as_of, **about).of_municipalities()


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def percent(value: float | None) -> str:
    """A share as the pages print it: 12.3% (— without a denominator)."""
    return "—" if value is None else f"{value * 100:.1f}%"


class Shared:
    """A share of municipalities, printed by `percent`."""

    @property
    def percent(self) -> str:
        return percent(self.share)


@dataclass(frozen=True)
class StageCell(Shared):
    label: str
    count: int
    share: float | None


@dataclass(frozen=True)
class StageCounts:
    """How many of `total` municipalities are at each stage of one model."""

    counts: dict[str, int]
    total: int

    @property
    def implemented(self) -> int:
        return self.counts.get(IMPLEMENTED, 0)

    @property
    def implemented_share(self) -> float | None:
        return share(self.implemented, self.total)

    @property
    def implemented_percent(self) -> str:
        return percent(self.implemented_share)

    @property
    def cells(self) -> list[StageCell]:
        """Each stage in implementation order, then the municipalities with no report."""
        cells = [StageCell(s.label, self.counts.get(s, 0), None) for s in Stage]
        unreported = max(self.total - sum(self.counts.values()), 0)
        cells.append(StageCell(_("報告なし"), unreported, None))
        return [StageCell(c.label, c.count, share(c.count, self.total)) for c in cells]


@dataclass(frozen=True)
class ModelPicture:
    model: RoadmapModel
    stages: StageCounts


@dataclass
class FieldModels:
    field: Field
    models: list[ModelPicture] = field(default_factory=list)


@dataclass(frozen=True)
class Overview:
    """/roadmap/: every field and model with its KPI, and the national picture."""

    as_of: datetime.date | None
    fields: list[FieldModels]
    targets: list[NationalTarget]
    total: int  # the denominator: municipalities in the imported list
    latest: datetime.date | None  # the newest report counted
    figures: Figures


def stage_counts_by_model(as_of: datetime.date | None, **about) -> tuple[dict, dict]:
    """{model id: {stage: count}} and {model id: newest as_of} of the municipalities'
    stages; `about` narrows to some models (e.g. a field's), ranked alone."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    latest: dict[int, datetime.date] = {}
    rows = (
        reports_on(as_of, **about)
        .order_by()
        .values("model_id", "stage")
        .annotate(n=Count("pk"), newest=Max("as_of"))
    )
    for row in rows:
        counts[row["model_id"]][row["stage"]] = row["n"]
        latest[row["model_id"]] = max(row["newest"], latest.get(row["model_id"], row["newest"]))
    return counts, latest


def overview(as_of: datetime.date | None = None) -> Overview:
    """Six queries: fields, models, targets, the denominator, the stage counts, the figures."""
    counts, latest = stage_counts_by_model(as_of)
    total = Municipality.objects.counted().count()
    fields = [FieldModels(f) for f in Field.objects.order_by("order", "slug")]
    by_field = {f.field.pk: f for f in fields}
    for model in RoadmapModel.objects.order_by("field__order", "order", "slug"):
        by_field[model.field_id].models.append(
            ModelPicture(model, StageCounts(counts.get(model.pk, {}), total))
        )
    return Overview(
        as_of=as_of,
        fields=fields,
        targets=list(NationalTarget.objects.all()),
        total=total,
        latest=max(latest.values(), default=None),
        figures=compute(ROADMAP_FIGURES, Period(as_of=as_of)),
    )


def field_models(field: Field, as_of: datetime.date | None = None) -> list[ModelPicture]:
    """A field's models with the municipalities at each stage (three queries:
    the stage counts, the denominator, the models), for the field's page."""
    counts, _latest = stage_counts_by_model(as_of, model__field=field)
    total = Municipality.objects.counted().count()
    return [
        ModelPicture(model, StageCounts(counts.get(model.pk, {}), total))
        for model in RoadmapModel.objects.filter(field=field).order_by("order", "slug")
    ]


# --- one model ----------------------------------------------------------------


@dataclass(frozen=True)
class PrefectureRate(Shared):
    prefecture: Prefecture
    implemented: int
    total: int

    @property
    def share(self) -> float | None:
        return share(self.implemented, self.total)


@dataclass(frozen=True)
class ModelDetail:
    model: RoadmapModel
    as_of: datetime.date | None
    stages: StageCounts
    latest: datetime.date | None
    prefectures: list[PrefectureRate]


def model_detail(model: RoadmapModel, as_of: datetime.date | None) -> ModelDetail:
    """Two queries: the 47 prefectures with their denominators, and the stage
    counts per prefecture (the national counts are their sums)."""
    prefectures = list(
        Prefecture.objects.select_related("block")
        .annotate(total=Count("municipalities", filter=_NOT_A_WARD))
        .order_by("code")
    )
    per_prefecture: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    national: dict[str, int] = defaultdict(int)
    latest = None
    rows = (
        reports_on(as_of, model=model)
        .order_by()
        .values("municipality__prefecture_id", "stage")
        .annotate(n=Count("pk"), newest=Max("as_of"))
    )
    for row in rows:
        per_prefecture[row["municipality__prefecture_id"]][row["stage"]] += row["n"]
        national[row["stage"]] += row["n"]
        latest = max(latest or row["newest"], row["newest"])
    total = sum(p.total for p in prefectures)
    return ModelDetail(
        model=model,
        as_of=as_of,
        stages=StageCounts(dict(national), total),
        latest=latest,
        prefectures=[
            PrefectureRate(p, per_prefecture[p.pk].get(IMPLEMENTED, 0), p.total)
            for p in prefectures
        ],
    )


def implementing_municipalities(model: RoadmapModel, as_of: datetime.date | None):
    """The reports by which municipalities stand at 実装済, by code (paginate it)."""
    return (
        reports_on(as_of, model=model)
        .implemented()
        .select_related("municipality__prefecture")
        .order_by("municipality__code")
    )


@dataclass(frozen=True)
class TrendPoint:
    date: datetime.date
    stages: StageCounts


def quarter_ends(until: datetime.date, n: int = TREND_QUARTERS) -> list[datetime.date]:
    """The last `n` quarter ends (3/31, 6/30, 9/30, 12/31) up to `until`, oldest first."""
    ends = []
    year, month = until.year, until.month - (until.month - 1) % 3 + 2
    while len(ends) < n and year >= datetime.MINYEAR:
        end = datetime.date(year, month, calendar.monthrange(year, month)[1])
        if end <= until:
            ends.append(end)
        month -= 3
        if month < 1:
            month += 12
            year -= 1
    return sorted(ends)


def trend(model: RoadmapModel, until: datetime.date, total: int) -> list[TrendPoint]:
    """Stage counts at each quarter end up to `until`, in one query (one pass
    over the model's reports, core.asof: AsOfQuerySet.counts_on)."""
    dates = quarter_ends(until)
    counts = (
        ImplementationReport.objects.of_municipalities()
        .filter(model=model, as_of__lte=until)
        .counts_on(dates, by="stage")
    )
    return [TrendPoint(date, StageCounts(c, total)) for date, c in zip(dates, counts, strict=True)]


# --- places -------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceRate(Shared):
    model: RoadmapModel
    implemented: int
    total: int

    @property
    def share(self) -> float | None:
        return share(self.implemented, self.total)


def place_rates(place: Prefecture | RegionalBlock, as_of=None) -> list[PlaceRate]:
    """Each model's implemented / municipalities of a prefecture or a block (three queries)."""
    path = "prefecture" if isinstance(place, Prefecture) else "prefecture__block"
    total = Municipality.objects.counted().filter(**{path: place}).count()
    implemented = dict(
        reports_on(as_of, **{f"municipality__{path}": place})
        .implemented()
        .order_by()
        .values_list("model_id")
        .annotate(n=Count("pk"))
    )
    return [
        PlaceRate(m, implemented.get(m.pk, 0), total)
        for m in RoadmapModel.objects.select_related("field")
    ]


# --- one municipality ---------------------------------------------------------


@dataclass(frozen=True)
class MunicipalityModel:
    model: RoadmapModel
    report: ImplementationReport | None
    prefecture: PlaceRate
    national: PlaceRate
    neighbours: list[Municipality]

    @property
    def implemented(self) -> bool:
        return self.report is not None and self.report.stage == IMPLEMENTED


def municipality_models(municipality: Municipality, as_of=None) -> list[MunicipalityModel]:
    """Its stage of every model beside its prefecture's and Japan's rates, and
    for each model it has not implemented, the nearest municipalities that
    have: in its prefecture first, then in its block. Five queries."""
    prefecture = municipality.prefecture
    totals = Municipality.objects.counted().aggregate(
        national=Count("pk"), prefecture=Count("pk", filter=Q(prefecture=prefecture))
    )
    own = {r.model_id: r for r in reports_on(as_of, municipality=municipality)}
    implemented = (
        reports_on(as_of)
        .implemented()
        .order_by()
        .values("model_id")
        .annotate(
            national=Count("pk"),
            prefecture=Count("pk", filter=Q(municipality__prefecture=prefecture)),
        )
    )
    counts = {row["model_id"]: row for row in implemented}
    nearest = _nearest_implementing(municipality, as_of)
    result = []
    for model in RoadmapModel.objects.select_related("field"):
        row = counts.get(model.pk, {})
        report = own.get(model.pk)
        done = report is not None and report.stage == IMPLEMENTED
        result.append(
            MunicipalityModel(
                model=model,
                report=report,
                prefecture=PlaceRate(model, row.get("prefecture", 0), totals["prefecture"]),
                national=PlaceRate(model, row.get("national", 0), totals["national"]),
                neighbours=[] if done else nearest.get(model.pk, []),
            )
        )
    return result


def _nearest_implementing(municipality: Municipality, as_of) -> dict[int, list[Municipality]]:
    """Per model, up to NEIGHBOURS implementing municipalities of the same
    block, those of the same prefecture first, by code (one query)."""
    same_prefecture = Case(
        When(municipality__prefecture_id=municipality.prefecture_id, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    rows = (
        reports_on(as_of, municipality__prefecture__block_id=municipality.prefecture.block_id)
        .implemented()
        .exclude(municipality=municipality)
        .select_related("municipality__prefecture")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("model_id")],
                order_by=[same_prefecture.asc(), F("municipality__code").asc()],
            )
        )
        .filter(rank__lte=NEIGHBOURS)
        .order_by("model_id", "rank")
    )
    nearest: dict[int, list[Municipality]] = defaultdict(list)
    for report in rows:
        nearest[report.model_id].append(report.municipality)
    return nearest
