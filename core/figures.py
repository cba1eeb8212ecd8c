"""The registry of figures the portal shows: each defined once, computed over a period.

A figure has a key, a label, the sentence that defines it (the about page
shows it under the anchor `figure-<key>`, which every page showing the
figure links to), and its computation: one aggregate over one model, plus
the date of the latest row it counts. Apps register their figures from their
own `figures.py` (imported by their AppConfig.ready); core imports no app.

`compute(keys, period)` reads the figures' models through their
`AsOfQuerySet.in_period(period)` (core.asof: the one meaning of "as of D"),
so an aggregate filters on the annotation `status_as_of`, never on today's
`status`. Figures over the same model are aggregated together: any
selection costs one query per model involved. Each value carries the period
it was counted over, so it can be set beside a figure a document reported
for the same period.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils import formats
from django.utils.functional import Promise

from .asof import STATUS_AS_OF, AsOfRule, Period

__all__ = [
    "STATUS_AS_OF",
    "Figure",
    "FigureValue",
    "Figures",
    "Grouped",
    "Period",
    "all_figures",
    "compute",
    "get",
    "register",
]


@dataclass(frozen=True)
class Figure:
    key: str
    label: Promise
    definition: Promise
    model: type[models.Model]
    value: models.Aggregate
    # The date of the latest row counted (shown beside the value as its date).
    latest: models.Aggregate
    # The value with its unit, e.g. ngettext_lazy("%(n)s回", "%(n)s回", "n").
    unit: Promise | None = None
    # Counts rows ahead of us (planned sessions): its date is the last one
    # planned rather than the date the count stands at.
    upcoming: bool = False

    @property
    def anchor(self) -> str:
        return f"figure-{self.key}"


@dataclass(frozen=True)
class FigureValue:
    figure: Figure
    value: int
    latest: datetime.date | None
    period: Period

    @property
    def display(self) -> str:
        """The value with its unit ("1,234回"), or the bare number, grouped by thousands."""
        if self.figure.unit is None:
            return str(Grouped(self.value))
        # The unit's plural form is chosen by the number; %s writes it grouped.
        return self.figure.unit % {"n": Grouped(self.value)}


class Grouped(int):
    """A count that writes itself with the active language's thousands
    separator (28,562), as a page shows it; still an int for ngettext."""

    def __str__(self) -> str:
        return formats.number_format(int(self), force_grouping=True)


@dataclass(frozen=True)
class Figures:
    """What `compute` returns: the values in the order asked, and any extra aggregates."""

    values: tuple[FigureValue, ...]
    extra: Mapping[str, object]
    period: Period

    def __iter__(self):
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, key: str) -> FigureValue:
        for value in self.values:
            if value.figure.key == key:
                return value
        raise KeyError(key)


_REGISTRY: dict[str, Figure] = {}


def register(*figures: Figure) -> None:
    """Add figures to the registry; a key may be registered once."""
    for figure in figures:
        if figure.key in _REGISTRY:
            raise ValueError(f"Figure {figure.key!r} is already registered")
        _REGISTRY[figure.key] = figure


def get(key: str) -> Figure:
    return _REGISTRY[key]


def all_figures() -> list[Figure]:
    """Every registered figure: by app in INSTALLED_APPS order, then as each app
    registered them (apps register when first imported, which varies)."""
    order = {config.label: index for index, config in enumerate(apps.get_app_configs())}
    registered = list(_REGISTRY.values())
    return sorted(
        registered,
        key=lambda f: (order[f.model._meta.app_label], registered.index(f)),
    )


def compute(
    keys: Iterable[str],
    period: Period = Period(),  # noqa: B008  (frozen: safe as a default)
    *,
    extra: Mapping[type[models.Model], Mapping[str, models.Aggregate]] | None = None,
) -> Figures:
    """The figures named by `keys` over `period`: one query per model involved.

    `extra` adds a caller's own aggregates over a model's rows in the same
    period to that model's query (e.g. the coverage page's counts of
    sessions without a block); their results are in `Figures.extra`.
    """
    figures = [get(key) for key in keys]
    extra = extra or {}
    by_model: dict[type[models.Model], list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(figures):
        by_model.setdefault(figure.model, []).append((index, figure))
    for model in extra:
        by_model.setdefault(model, [])

    values: dict[int, FigureValue] = {}
    extra_results: dict[str, object] = {}
    for model, indexed in by_model.items():
        rows = model._default_manager.in_period(period)
        aggregates = dict(extra.get(model, {}))
        for index, figure in indexed:
            aggregates[f"value_{index}"] = figure.value
            aggregates[f"latest_{index}"] = figure.latest
        row = rows.aggregate(
            **{
                name: _over_stored_fields(aggregate, rows.as_of_rule, period.as_of)
                for name, aggregate in aggregates.items()
            }
        )
        for index, figure in indexed:
            values[index] = FigureValue(
                figure=figure,
                value=row[f"value_{index}"] or 0,
                latest=row[f"latest_{index}"],
                period=period,
            )
        extra_results.update({name: row[name] for name in extra.get(model, {})})
    return Figures(
        values=tuple(values[index] for index in range(len(figures))),
        extra=extra_results,
        period=period,
    )


def _over_stored_fields(
    aggregate: models.Aggregate, rule: AsOfRule, as_of: datetime.date | None
) -> models.Aggregate:
    """`aggregate` with its filter on STATUS_AS_OF written over the stored
    fields (core.asof: AsOfRule.over_stored_fields), the same rows counted."""
    if aggregate.filter is None:
        return aggregate
    aggregate = aggregate.copy()
    aggregate.filter = rule.over_stored_fields(aggregate.filter, as_of)
    return aggregate
