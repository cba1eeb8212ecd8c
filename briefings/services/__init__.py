"""Briefing services: reads (`schedule`: schedule order, month calendar;
`coverage`: coverage figures, map and matrix; `feed`: the schedule as an
iCalendar feed) and writes (`lifecycle`: held, cancelled, postponed,
duplicated).

The names below are re-exported so callers keep importing from
`briefings.services`.
"""

from .coverage import (
    COLOUR_CLASSES,
    TILE_COLUMNS,
    TILE_GRID,
    TILE_PITCH,
    TILE_ROWS,
    TILE_SIZE,
    TILE_STROKE,
    BlockStatusCounts,
    ColourClass,
    CoverageSummary,
    PrefectureCoverage,
    colour_class,
    colour_scale,
    coverage_summary,
)
from .lifecycle import (
    BriefingTransitionError,
    duplicate_briefing,
    mark_briefing_cancelled,
    mark_briefing_held,
    mark_briefing_postponed,
)
from .schedule import (
    FIRST_WEEKDAY,
    WEEKDAY_NAMES,
    CalendarDay,
    MonthCalendar,
    Schedule,
    Weekday,
    month_calendar,
    order_for_schedule,
)

__all__ = [
    "COLOUR_CLASSES",
    "FIRST_WEEKDAY",
    "TILE_COLUMNS",
    "TILE_GRID",
    "TILE_PITCH",
    "TILE_ROWS",
    "TILE_SIZE",
    "TILE_STROKE",
    "WEEKDAY_NAMES",
    "BlockStatusCounts",
    "BriefingTransitionError",
    "CalendarDay",
    "ColourClass",
    "CoverageSummary",
    "MonthCalendar",
    "PrefectureCoverage",
    "Schedule",
    "Weekday",
    "colour_class",
    "colour_scale",
    "coverage_summary",
    "duplicate_briefing",
    "mark_briefing_cancelled",
    "mark_briefing_held",
    "mark_briefing_postponed",
    "month_calendar",
    "order_for_schedule",
]
