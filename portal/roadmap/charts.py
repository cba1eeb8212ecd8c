"""The model page's pictures: the prefecture tile map coloured by implementation
rate (the coverage map's grid and include, briefings/includes/tile_map.html)
and the trend's stacked bars. Both are inline SVG with presentation
attributes (the strict CSP allows no style), each beside a table with the
same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from briefings.services.coverage import (
    COLOUR_CLASSES,
    TILE_GRID,
    CoverageSummary,
    PrefectureCoverage,
)

from .selectors import ModelDetail, Stage, TrendPoint


@dataclass(frozen=True)
class RateClass:
    """One step of the map's scale: implementation rates from `low` (inclusive)
    up to `high` (exclusive; None: no bound)."""

    low: float
    high: float | None
    fill: str
    ink: str
    label: str

    def contains(self, value: float) -> bool:
        return value >= self.low and (self.high is None or value < self.high)


# The coverage map's colours (ink on fill at least 4.5:1), by rate.
RATE_CLASSES = (
    RateClass(0, 1e-9, COLOUR_CLASSES[0].fill, COLOUR_CLASSES[0].ink, _("0%")),
    RateClass(1e-9, 0.1, COLOUR_CLASSES[1].fill, COLOUR_CLASSES[1].ink, _("10%未満")),
    RateClass(0.1, 0.3, COLOUR_CLASSES[2].fill, COLOUR_CLASSES[2].ink, _("10%～30%未満")),
    RateClass(0.3, None, COLOUR_CLASSES[3].fill, COLOUR_CLASSES[3].ink, _("30%以上")),
)


@dataclass(frozen=True)
class RateTile(PrefectureCoverage):
    """A prefecture's tile: its implementing municipalities of all (`held` is the count)."""

    total: int = 0

    @property
    def share(self) -> float:
        return self.held / self.total if self.total else 0.0

    @property
    def colour(self) -> RateClass:
        return next(c for c in RATE_CLASSES if c.contains(self.share))

    @property
    def value_text(self) -> str:
        return f"{round(self.share * 100)}%"

    @property
    def label(self) -> str:
        return _("%(name)s：実装済 %(n)d / %(total)d 市区町村") % {
            "name": self.prefecture.display_name,
            "n": self.held,
            "total": self.total,
        }


@dataclass(frozen=True)
class RateMap:
    """What the tile map include reads, for one model's implementation rates."""

    prefectures: tuple[RateTile, ...]
    colour_classes = RATE_CLASSES
    tile_size = CoverageSummary.tile_size
    tile_stroke = CoverageSummary.tile_stroke
    map_width = CoverageSummary.map_width
    map_height = CoverageSummary.map_height


def rate_map(detail: ModelDetail) -> RateMap:
    return RateMap(
        prefectures=tuple(
            RateTile(prefecture=p.prefecture, held=p.implemented, planned=0, total=p.total)
            for p in detail.prefectures
            if p.prefecture.code in TILE_GRID
        )
    )


# --- the trend ------------------------------------------------------------------

BAR_WIDTH = 200  # SVG user units of a bar at 100%
# One colour per stage, light to dark as a model is implemented, then 報告なし.
STAGE_FILLS = ("#e5e7eb", "#c6dbef", "#7aa6d6", "#2b6cb0", "#0b3d7a")


@dataclass(frozen=True)
class BarSegment:
    # Written into SVG attributes as they are: never localized (no "12,5").
    x: str
    width: str
    fill: str


@dataclass(frozen=True)
class TrendRow:
    point: TrendPoint
    segments: list[BarSegment]


def stage_legend() -> list[tuple[str, str]]:
    return list(zip((s.label for s in Stage), STAGE_FILLS, strict=True))


def trend_rows(points: list[TrendPoint]) -> list[TrendRow]:
    """Each quarter's stacked bar: the share of municipalities at each stage."""
    rows = []
    for point in points:
        segments, x = [], 0.0
        for cell, fill in zip(point.stages.cells, STAGE_FILLS, strict=False):
            width = (cell.share or 0) * BAR_WIDTH
            if width:
                segments.append(BarSegment(f"{x:.2f}", f"{width:.2f}", fill))
            x += width
        rows.append(TrendRow(point, segments))
    return rows
