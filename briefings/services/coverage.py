"""Read-only briefing statistics (the coverage page and map), in a fixed number of queries.

Every figure is counted from `Briefing` rows with aggregate queries; nothing
here writes, and nothing is typed in by hand. Each count of the table and the
matrix links to the schedule filtered to exactly the sessions it counts
(`schedule_url`, the one place that turns a count's terms into filters).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import dates
from core.figures import Figures, FigureValue, Period, compute
from core.links import row_url
from networks.models import Prefecture, RegionalBlock

from ..figures import COVERAGE_FIGURES
from ..models import Briefing, BriefingQuerySet

# The matrix's columns: the status as the public pages show it, so that 予定
# counts only what is still to come (Briefing.PublicStatus).
STATUSES = Briefing.PublicStatus
# The schedule's `block` value for sessions without a block (django-filter's null value).
NO_BLOCK = "null"


def schedule_url(period: Period, **filters: str) -> str:
    """The schedule (/briefings/) filtered to the sessions a coverage count counts:
    the period's date range and `filters` (block, prefecture, status: the
    schedule's own parameters, briefings/filters.py).

    Exact for the periods the coverage page reads (`Period.through(A, B)`: as
    of the day after B, every session in the range reads as recorded), as the
    schedule's `status` is the public one counted here.
    """
    params = {}
    if period.date_from:
        params["date_after"] = period.date_from.isoformat()
    if period.date_to:
        params["date_before"] = period.date_to.isoformat()
    params.update({key: value for key, value in filters.items() if value})
    query = urlencode(params)
    # Remembered (core.links): the coverage page links some 170 counts.
    return row_url("briefings:briefing_list") + (f"?{query}" if query else "")


# --- coverage ---------------------------------------------------------------

# The tile grid map of Japan: prefecture code → (column, row), one square per
# prefecture, Hokkaido top right and Okinawa bottom left.
TILE_GRID: dict[str, tuple[int, int]] = {
    "01": (12, 0),
    "02": (12, 1),
    "03": (12, 2),
    "04": (12, 3),
    "05": (11, 2),
    "06": (11, 3),
    "07": (11, 4),
    "08": (12, 5),
    "09": (11, 5),
    "10": (10, 5),
    "11": (10, 6),
    "12": (12, 6),
    "13": (11, 6),
    "14": (10, 7),
    "15": (10, 4),
    "16": (9, 4),
    "17": (8, 4),
    "18": (7, 5),
    "19": (9, 6),
    "20": (9, 5),
    "21": (8, 5),
    "22": (9, 7),
    "23": (8, 6),
    "24": (7, 7),
    "25": (7, 6),
    "26": (6, 6),
    "27": (5, 7),
    "28": (5, 6),
    "29": (6, 7),
    "30": (6, 8),
    "31": (4, 6),
    "32": (3, 6),
    "33": (4, 7),
    "34": (3, 7),
    "35": (2, 7),
    "36": (4, 9),
    "37": (4, 8),
    "38": (3, 8),
    "39": (3, 9),
    "40": (1, 7),
    "41": (0, 7),
    "42": (0, 8),
    "43": (1, 8),
    "44": (2, 8),
    "45": (2, 9),
    "46": (1, 9),
    "47": (0, 10),
}
TILE_COLUMNS = 1 + max(col for col, _row in TILE_GRID.values())
TILE_ROWS = 1 + max(row for _col, row in TILE_GRID.values())
TILE_SIZE = 56  # SVG user units; the map scales to its container
TILE_PITCH = 60  # size plus the gap between tiles


@dataclass(frozen=True)
class ColourClass:
    """One step of the map's colour scale: `minimum`..`maximum` held sessions."""

    level: int
    minimum: int
    maximum: int | None  # None: no upper bound
    fill: str
    ink: str  # text on `fill`; every pair is at least 4.5:1

    def contains(self, n: int) -> bool:
        return n >= self.minimum and (self.maximum is None or n <= self.maximum)

    @property
    def label(self) -> str:
        if self.maximum is None:
            return _("%(n)d回以上") % {"n": self.minimum}
        if self.minimum == self.maximum:
            return _("%(n)d回") % {"n": self.minimum}
        return _("%(low)d～%(high)d回") % {"low": self.minimum, "high": self.maximum}


# Written into the SVG as presentation attributes (not CSS), so the map keeps
# its colours on a page that does not load css/briefings.css. Contrast of ink
# on fill: 15.8, 12.3, 5.4 and 10.7 to 1.
COLOUR_CLASSES: tuple[ColourClass, ...] = (
    ColourClass(0, 0, 0, fill="#f2f4f7", ink="#1a1a1a"),
    ColourClass(1, 1, 1, fill="#c6dbef", ink="#1a1a1a"),
    ColourClass(2, 2, 3, fill="#2b6cb0", ink="#ffffff"),
    ColourClass(3, 4, None, fill="#0b3d7a", ink="#ffffff"),
)
TILE_STROKE = "#6b7280"  # 4.8:1 against the white page


def colour_class(n: int, scale: tuple[ColourClass, ...] = COLOUR_CLASSES) -> ColourClass:
    return next(c for c in scale if c.contains(n))


def colour_scale(
    counts: Iterable[int], step: type[ColourClass] = ColourClass
) -> tuple[ColourClass, ...]:
    """A map's colour steps for the counts it shows.

    The fixed steps of COLOUR_CLASSES (0, 1, 2-3, 4 and more) while no count
    is above the last one's minimum: a handful of sessions, as in the 2017
    record, read best one by one. Beyond that they would paint every tile
    the darkest colour (at national scale each prefecture has hundreds), so
    the counts above zero are split into three groups of about the same size
    (terciles), each a colour of its own; equal counts stay in one group.
    `step` is the class that words the legend (sessions here, cases and
    projects on a block's map).
    """
    above_zero = sorted(n for n in counts if n > 0)
    if not above_zero or above_zero[-1] <= COLOUR_CLASSES[-1].minimum:
        ranges = [(c.minimum, c.maximum) for c in COLOUR_CLASSES[1:]]
    else:
        thirds = {above_zero[-(-len(above_zero) * k // 3) - 1] for k in (1, 2)}
        ranges, start = [], 1
        for bound in sorted(b for b in thirds if b < above_zero[-1]):
            ranges.append((start, bound))
            start = bound + 1
        ranges.append((start, None))
    # The darkest colour for the top step however many steps there are.
    palette = COLOUR_CLASSES[len(COLOUR_CLASSES) - len(ranges) :]
    return (
        step(0, 0, 0, fill=COLOUR_CLASSES[0].fill, ink=COLOUR_CLASSES[0].ink),
        *(
            step(c.level, low, high, fill=c.fill, ink=c.ink)
            for c, (low, high) in zip(palette, ranges, strict=True)
        ),
    )


@dataclass(frozen=True)
class PrefectureCoverage:
    """One prefecture's sessions in the range, counted by venue (`Briefing.prefecture`):
    held, and still to come (予定, from today on)."""

    prefecture: Prefecture
    held: int
    planned: int
    period: Period = Period()  # noqa: RUF009  (frozen)
    scale: tuple[ColourClass, ...] = COLOUR_CLASSES  # the map's (colour_scale)

    # The tile map's own label and value text (includes/tile_map.html) are for
    # maps of something else; here it words them. Present and empty, so that
    # the template's 47 lookups find them rather than fail (three caught
    # exceptions each in Django's variable resolution).
    label = ""
    value_text = ""

    @property
    def held_url(self) -> str:
        return schedule_url(self.period, prefecture=self.prefecture.code, status=STATUSES.HELD)

    @property
    def planned_url(self) -> str:
        return schedule_url(self.period, prefecture=self.prefecture.code, status=STATUSES.PLANNED)

    @property
    def colour(self) -> ColourClass:
        return colour_class(self.held, self.scale)

    @property
    def short_name(self) -> str:
        """The tile label: 香川 for 香川県 (北海道 stays whole), Kagawa in English."""
        name = self.prefecture.display_name
        if translation.get_language() != "en" and name != "北海道" and name[-1] in "都府県":
            return name[:-1]
        return name

    @property
    def label_length(self) -> int | None:
        """The width to fit a long label into (SVG `textLength`, glyphs narrowed,
        size kept): English names of eight letters or more (Kumamoto, Kagoshima …)
        would otherwise run over their tile's edges. None: the label fits as it is."""
        return TILE_SIZE - 6 if len(self.short_name) >= 8 else None

    # Tile geometry in SVG user units, for the template.
    @property
    def x(self) -> int:
        return TILE_GRID[self.prefecture.code][0] * TILE_PITCH

    @property
    def y(self) -> int:
        return TILE_GRID[self.prefecture.code][1] * TILE_PITCH

    @property
    def centre_x(self) -> int:
        return self.x + TILE_SIZE // 2

    @property
    def name_y(self) -> int:
        return self.y + 24

    @property
    def count_y(self) -> int:
        return self.y + 46


@dataclass(frozen=True)
class StatusCell:
    """One count of the matrix, the status it counts and the list it links to."""

    count: int
    status: str
    label: str
    url: str


@dataclass(frozen=True)
class BlockStatusCounts:
    """One row of the block × status matrix; `counts` follows `STATUSES` (PublicStatus).

    `block_param` is the schedule's `block` value for the row: a block's code,
    NO_BLOCK for the sessions without one, "" for the totals (every session).
    """

    block: RegionalBlock | None
    counts: tuple[int, ...]
    period: Period = Period()  # noqa: RUF009  (frozen)
    block_param: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def cells(self) -> tuple[StatusCell, ...]:
        return tuple(
            StatusCell(
                count=count,
                status=status.value,
                label=status.label,
                url=schedule_url(self.period, block=self.block_param, status=status.value),
            )
            for status, count in zip(STATUSES, self.counts, strict=True)
        )

    @property
    def total_url(self) -> str:
        return schedule_url(self.period, block=self.block_param)


@dataclass(frozen=True)
class CoverageSummary:
    """The coverage page's figures (from the registry, briefings/figures.py), map and matrix."""

    period: Period
    figures: Figures  # COVERAGE_FIGURES, then briefings-planned
    prefectures: tuple[PrefectureCoverage, ...]  # all 47, by code
    blocks: tuple[BlockStatusCounts, ...]  # all 11, in block order
    without_block: BlockStatusCounts  # sessions with no block (national ones)

    colour_classes: tuple[ColourClass, ...] = COLOUR_CLASSES  # the map's legend

    statuses = STATUSES.choices
    tile_size = TILE_SIZE
    tile_stroke = TILE_STROKE
    map_width = TILE_COLUMNS * TILE_PITCH - (TILE_PITCH - TILE_SIZE)
    map_height = TILE_ROWS * TILE_PITCH - (TILE_PITCH - TILE_SIZE)

    @property
    def date_after(self) -> datetime.date | None:
        return self.period.date_from

    @property
    def date_before(self) -> datetime.date | None:
        return self.period.date_to

    @property
    def shown(self) -> tuple[FigureValue, ...]:
        """The figures the page lists, in COVERAGE_FIGURES order."""
        return self.figures.values[: len(COVERAGE_FIGURES)]

    # Each figure's value, and the date of the latest session it counts (its
    # "現在" date, as /about/#figures defines it).
    @property
    def held(self) -> int:
        return self.figures["briefings-held"].value

    @property
    def planned(self) -> int:
        return self.figures["briefings-planned"].value

    @property
    def prefectures_reached(self) -> int:
        return self.figures["prefectures-reached"].value

    @property
    def blocks_reached(self) -> int:
        return self.figures["blocks-reached"].value

    @property
    def national(self) -> int:
        return self.figures["national-sessions"].value

    @property
    def as_of(self) -> datetime.date | None:
        return self.figures["briefings-held"].latest

    @property
    def prefectures_as_of(self) -> datetime.date | None:
        return self.figures["prefectures-reached"].latest

    @property
    def blocks_as_of(self) -> datetime.date | None:
        return self.figures["blocks-reached"].latest

    @property
    def national_as_of(self) -> datetime.date | None:
        return self.figures["national-sessions"].latest

    @property
    def totals(self) -> BlockStatusCounts:
        """The matrix's totals row: every session in the range, with a block or without."""
        rows = (*self.blocks, self.without_block)
        return BlockStatusCounts(
            block=None,
            counts=tuple(sum(col) for col in zip(*(r.counts for r in rows), strict=True)),
            period=self.period,
        )

    @property
    def upcoming(self) -> int:
        """Sessions in the range still to come (予定: planned, dated today or later)."""
        return self.totals.counts[list(STATUSES).index(STATUSES.PLANNED)]


def coverage_summary(
    period: Period = Period(),  # noqa: B008  (frozen)
    *,
    today: datetime.date | None = None,
    also: Iterable[str] = (),
) -> CoverageSummary:
    """Sessions and the places they reached in `period`, each by its status as of
    the period's date (core.asof; the page's range is `Period.through(after, before)`),
    shown as the public pages show it (Briefing.PublicStatus): a planned
    session whose date has passed counts as 開催日経過・結果未登録. Passed as
    of the period's date if that is earlier than `today` (default: today in
    Japan): as of 2017-02-24, a session planned for 2017-03-06 was still to
    come; a range through B (read as of B+1) that is over has nothing to come.

    Three queries: the figures (one aggregate, core.figures), the 47
    prefectures annotated with their counts, the 11 blocks annotated with a
    count per status. `also` names more figures to compute with the coverage's
    own (`figures[key]`), so a page that shows both reads the sessions once
    (and each other model once).
    """
    today = today or dates.today()
    if period.as_of is not None:
        today = min(today, period.as_of)

    def public(status: str, prefix: str = "") -> Q:
        return Briefing.public_status_q(status, today=today, as_of=period.as_of, prefix=prefix)

    keys = (*COVERAGE_FIGURES, "briefings-planned")
    figures = compute(
        (*keys, *(key for key in dict.fromkeys(also) if key not in keys)),
        period,
        extra={
            Briefing: {
                f"without_block_{status}": Count(
                    "pk", filter=Q(block__isnull=True) & public(status)
                )
                for status in STATUSES.values
            }
        },
    )

    # Each place's count is a subquery over the live sessions (the default
    # manager) that the partial indexes on (prefecture, status, date) and
    # (block, status, date) answer without reading the table: 47 and 11 short
    # index ranges, where a join grouped by place read every session twice.
    in_period = BriefingQuerySet.as_of_rule.in_period(period)

    def count(status: str, place: str) -> Coalesce:
        sessions = (
            Briefing.objects.filter(in_period, public(status), **{place: OuterRef("pk")})
            .order_by()
            .values(place)
            .annotate(n=Count("*"))
            .values("n")
        )
        return Coalesce(Subquery(sessions, output_field=IntegerField()), 0)

    prefectures = (
        Prefecture.objects.select_related("block")
        .annotate(
            held_count=count(STATUSES.HELD, "prefecture"),
            planned_count=count(STATUSES.PLANNED, "prefecture"),
        )
        .order_by("code")
    )
    blocks = RegionalBlock.objects.annotate(
        **{f"count_{status}": count(status, "block") for status in STATUSES.values}
    ).order_by("order", "code")

    prefectures = [p for p in prefectures if p.code in TILE_GRID]
    scale = colour_scale(p.held_count for p in prefectures)
    return CoverageSummary(
        period=period,
        figures=figures,
        prefectures=tuple(
            PrefectureCoverage(
                prefecture=p,
                held=p.held_count,
                planned=p.planned_count,
                period=period,
                scale=scale,
            )
            for p in prefectures
        ),
        colour_classes=scale,
        blocks=tuple(
            BlockStatusCounts(
                block=b,
                counts=tuple(getattr(b, f"count_{status}") for status in STATUSES.values),
                period=period,
                block_param=b.code,
            )
            for b in blocks
        ),
        without_block=BlockStatusCounts(
            block=None,
            counts=tuple(figures.extra[f"without_block_{status}"] for status in STATUSES.values),
            period=period,
            block_param=NO_BLOCK,
        ),
    )
