"""The figures the portal shows, each defined once: key, label, definition, computation.

The home page shows them, the about page explains them (anchor
`figure-<key>`), and the coverage page's figures are explained from here too,
so a number and the sentence that defines it cannot drift apart.

Every figure is an aggregate over one model, paired with the date of the
latest record it counts (its "as of" date). Figures over the same model are
computed together, so any selection costs one query per model involved.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Max, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from briefings.models import Briefing
from threads.models import Activity, Participation, Progress


@dataclass(frozen=True)
class Figure:
    key: str
    label: Promise
    definition: Promise
    model: type[models.Model]
    value: models.Aggregate
    as_of: models.Aggregate
    # Counts records ahead of us (planned sessions): its date is the last one
    # planned rather than the date the count stands at.
    upcoming: bool = False

    @property
    def anchor(self) -> str:
        return f"figure-{self.key}"


@dataclass(frozen=True)
class FigureValue:
    figure: Figure
    value: int
    as_of: datetime.date | None


# The date each model's records are dated by, for date-range selections.
_DATE_FIELD = {Participation: "joined_on", Activity: "date", Briefing: "date"}

_HELD = Q(status=Briefing.Status.HELD)
_PLANNED = Q(status=Briefing.Status.PLANNED)
_DONE = Q(status=Progress.DONE)
_HELD_PREFECTURE = _HELD & Q(scope=Briefing.Scope.PREFECTURE)
_HELD_BLOCK = _HELD & Q(scope=Briefing.Scope.BLOCK)
_HELD_NATIONAL = _HELD & Q(scope=Briefing.Scope.NATIONAL)

FIGURES: dict[str, Figure] = {
    figure.key: figure
    for figure in (
        Figure(
            key="organizations",
            label=_("参加団体数"),
            definition=_(
                "推進体制（縦・横・斜めの糸）のいずれかに参加団体として登録されている団体の数。"
                "複数の推進体制に参加している団体も1団体と数えます。"
                "日付は、登録されている参加日のうち最も新しいものです。"
            ),
            model=Participation,
            value=Count("organization", distinct=True),
            as_of=Max("joined_on"),
        ),
        Figure(
            key="activities-done",
            label=_("実施済の活動数"),
            definition=_(
                "推進体制の活動（会合、説明、設立など日付のある取組）のうち、"
                "状況が「実施済」のものの数。予定・実施中の活動は含みません。"
                "日付は、数えた活動のうち最も新しいものの日付です。"
            ),
            model=Activity,
            value=Count("pk", filter=_DONE),
            as_of=Max("date", filter=_DONE),
        ),
        Figure(
            key="briefings-held",
            label=_("開催済の説明会等の回数"),
            definition=_(
                "状況が「開催済」の説明会等の回数。都道府県向け、地域ブロック向け、"
                "全国向けのすべてを含み、中止・延期・予定のものは含みません。"
                "日付は、最も新しい開催日です。"
            ),
            model=Briefing,
            value=Count("pk", filter=_HELD),
            as_of=Max("date", filter=_HELD),
        ),
        Figure(
            key="briefings-planned",
            label=_("開催予定の説明会等の回数"),
            definition=_(
                "状況が「予定」の説明会等の回数。日付は、予定されている開催日のうち"
                "最も遅いものです（その日までの予定が登録されています）。"
            ),
            model=Briefing,
            value=Count("pk", filter=_PLANNED),
            as_of=Max("date", filter=_PLANNED),
            upcoming=True,
        ),
        Figure(
            key="prefectures-reached",
            label=_("説明会等を開催した都道府県数"),
            definition=_(
                "都道府県を対象とする開催済の説明会等が開かれた都道府県の数"
                "（同じ都道府県で複数回開催しても1と数えます）。"
                "地域ブロック向け・全国向けの説明会等の開催地は含みません。"
                "日付は、数えた説明会等のうち最も新しい開催日です。"
            ),
            model=Briefing,
            value=Count("prefecture", filter=_HELD_PREFECTURE, distinct=True),
            as_of=Max("date", filter=_HELD_PREFECTURE),
        ),
        Figure(
            key="blocks-reached",
            label=_("説明会等を開催した地域ブロック数"),
            definition=_(
                "地域ブロックを対象とする開催済の説明会等（地域ICT利活用セミナー、"
                "協議会の会合など）が開かれた地域ブロックの数（全11ブロック中。"
                "同じブロックで複数回開催しても1と数えます）。"
                "日付は、数えた説明会等のうち最も新しい開催日です。"
            ),
            model=Briefing,
            value=Count("block", filter=_HELD_BLOCK, distinct=True),
            as_of=Max("date", filter=_HELD_BLOCK),
        ),
        Figure(
            key="national-sessions",
            label=_("全国向けの説明会等の回数"),
            definition=_(
                "全国を対象とする開催済の説明会等（全国市長会の会合、全国会議など）の回数。"
                "日付は、数えた説明会等のうち最も新しい開催日です。"
            ),
            model=Briefing,
            value=Count("pk", filter=_HELD_NATIONAL),
            as_of=Max("date", filter=_HELD_NATIONAL),
        ),
    )
}

HOME_FIGURES = (
    "organizations",
    "activities-done",
    "briefings-held",
    "briefings-planned",
    "prefectures-reached",
    "blocks-reached",
)
# Shown by the briefings app's coverage page, which links to /about/#figures.
COVERAGE_FIGURES = ("briefings-held", "prefectures-reached", "blocks-reached", "national-sessions")


def compute_figures(
    keys: Iterable[str] = HOME_FIGURES,
    *,
    date_after: datetime.date | None = None,
    date_before: datetime.date | None = None,
) -> list[FigureValue]:
    """The figures named by `keys`, in that order: one query per model involved.

    `date_after`/`date_before` (inclusive) keep only the records dated in that
    range, e.g. to compare with a figure reported as of a given day.
    """
    figures = [FIGURES[key] for key in keys]
    by_model: dict[type[models.Model], list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(figures):
        by_model.setdefault(figure.model, []).append((index, figure))

    results: dict[int, FigureValue] = {}
    for model, indexed in by_model.items():
        queryset = model._default_manager.all()
        date_field = _DATE_FIELD[model]
        if date_after:
            queryset = queryset.filter(**{f"{date_field}__gte": date_after})
        if date_before:
            queryset = queryset.filter(**{f"{date_field}__lte": date_before})
        aggregates = {}
        for index, figure in indexed:
            aggregates[f"value_{index}"] = figure.value
            aggregates[f"as_of_{index}"] = figure.as_of
        row = queryset.aggregate(**aggregates)
        for index, figure in indexed:
            results[index] = FigureValue(
                figure=figure, value=row[f"value_{index}"] or 0, as_of=row[f"as_of_{index}"]
            )
    return [results[index] for index in range(len(figures))]
