"""Read-only briefing services: schedule order, month calendar, coverage statistics."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.utils import translation

from briefings.figures import COVERAGE_FIGURES
from briefings.models import Briefing
from briefings.services import (
    COLOUR_CLASSES,
    TILE_GRID,
    Schedule,
    colour_class,
    colour_scale,
    coverage_summary,
    month_calendar,
    order_for_schedule,
)
from core.asof import Period
from core.figures import compute
from networks.models import Prefecture
from tests.factories import BriefingFactory, block, prefecture

pytestmark = pytest.mark.django_db


D = datetime.date


# --- order_for_schedule ------------------------------------------------------


def test_order_for_schedule_puts_upcoming_first_next_one_on_top_then_newest_first():
    BriefingFactory(title="済1/20", status="held", date=D(2017, 1, 20))
    BriefingFactory(title="予3/24", status="planned", date=D(2017, 3, 24))
    BriefingFactory(title="済2/24", status="held", date=D(2017, 2, 24))
    BriefingFactory(title="予3/6", status="planned", date=D(2017, 3, 6))
    BriefingFactory(title="中止2/28", status="cancelled", date=D(2017, 2, 28))
    BriefingFactory(title="延期1/30", status="postponed", date=D(2017, 1, 30))
    ordered = order_for_schedule(Briefing.objects.all(), today=D(2017, 2, 24))
    titles = [b.title for b in ordered]
    assert titles == ["予3/6", "予3/24", "中止2/28", "済2/24", "延期1/30", "済1/20"]


def test_order_for_schedule_past_planned_sessions_are_not_upcoming():
    """On 2017-03-07, 3/6 has passed: it goes among the rest, by date, below what is to come."""
    BriefingFactory(title="予3/6", status="planned", date=D(2017, 3, 6))
    BriefingFactory(title="予3/24", status="planned", date=D(2017, 3, 24))
    BriefingFactory(title="済3/8", status="held", date=D(2017, 3, 8))
    BriefingFactory(title="済2/24", status="held", date=D(2017, 2, 24))
    ordered = order_for_schedule(Briefing.objects.all(), today=D(2017, 3, 7))
    assert [b.title for b in ordered] == ["予3/24", "済3/8", "予3/6", "済2/24"]


def test_order_for_schedule_today_defaults_to_today_in_japan(stand_on):
    BriefingFactory(title="予3/6", status="planned", date=D(2017, 3, 6))
    BriefingFactory(title="予3/24", status="planned", date=D(2017, 3, 24))
    stand_on(D(2017, 3, 6))
    assert [b.title for b in order_for_schedule(Briefing.objects.all())] == ["予3/6", "予3/24"]
    stand_on(D(2017, 3, 7))
    assert [b.title for b in order_for_schedule(Briefing.objects.all())] == ["予3/24", "予3/6"]


def test_order_for_schedule_breaks_same_day_ties_by_entry_order():
    first = BriefingFactory(status="planned", date=D(2017, 3, 6))
    second = BriefingFactory(status="planned", date=D(2017, 3, 6))
    ordered = order_for_schedule(Briefing.objects.all(), today=D(2017, 2, 24))
    assert list(ordered) == [first, second]


# --- Schedule (the paginated schedule) ------------------------------------------


def _mixed_schedule() -> None:
    """Upcoming, past planned (要更新), held, cancelled and postponed sessions, with
    same-day ties on either side of 2017-02-24 and a deleted one."""
    for day, status in (
        (D(2017, 3, 6), "planned"),
        (D(2017, 3, 6), "planned"),
        (D(2017, 3, 6), "cancelled"),
        (D(2017, 3, 24), "planned"),
        (D(2017, 2, 24), "planned"),
        (D(2017, 2, 24), "held"),
        (D(2017, 2, 20), "planned"),
        (D(2017, 2, 20), "held"),
        (D(2017, 1, 30), "postponed"),
        (D(2017, 4, 1), "postponed"),
        (D(2017, 1, 20), "held"),
    ):
        BriefingFactory(status=status, date=day)
    BriefingFactory(status="planned", date=D(2017, 3, 1)).soft_delete()


@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 5, 11, 50])
def test_schedule_pages_follow_order_for_schedule_exactly(per_page):
    """Every page, the one across the upcoming/rest boundary included, holds
    the rows order_for_schedule puts there, in its order."""
    _mixed_schedule()
    today = D(2017, 2, 24)
    expected = list(order_for_schedule(Briefing.objects.all(), today=today))
    paginator = Paginator(Schedule(Briefing.objects.all(), today=today), per_page)
    pages = [list(paginator.page(n).object_list) for n in paginator.page_range]
    assert paginator.count == 11
    assert [b for page in pages for b in page] == expected
    assert [len(page) for page in pages] == [
        min(per_page, 11 - start) for start in range(0, 11, per_page)
    ]


def test_schedule_counts_its_halves_in_one_query(django_assert_num_queries):
    _mixed_schedule()
    schedule = Schedule(Briefing.objects.all(), today=D(2017, 2, 24))
    with django_assert_num_queries(1):
        assert schedule.counts == (4, 11)
        assert schedule.count() == 11


@pytest.mark.parametrize(("start", "stop"), [(0, 2), (2, 7), (5, 9), (0, 11)])
def test_schedule_reads_a_page_in_one_query_also_across_the_boundary(
    django_assert_num_queries, start, stop
):
    """Upcoming rows 0-3, the rest 4-10: (2, 7) takes from both halves."""
    _mixed_schedule()
    schedule = Schedule(Briefing.objects.all(), today=D(2017, 2, 24))
    schedule.count()
    with django_assert_num_queries(1):
        rows = schedule[start:stop]
    assert len(rows) == stop - start


@pytest.mark.parametrize("n", [1, 3, 4, 5, 11, 12])
def test_schedule_head_is_the_first_rows_in_one_query_without_counting(
    django_assert_num_queries, n
):
    """A capped section (core.pagination.capped slices [:n]) reads one query,
    however the first n rows fall between the halves (upcoming rows 0-3)."""
    _mixed_schedule()
    today = D(2017, 2, 24)
    expected = list(order_for_schedule(Briefing.objects.all(), today=today))[:n]
    schedule = Schedule(Briefing.objects.all(), today=today)
    with django_assert_num_queries(1):
        assert schedule[:n] == expected
    assert schedule.head(0) == []


def test_schedule_of_an_empty_queryset_reads_nothing(django_assert_num_queries):
    _mixed_schedule()
    schedule = Schedule(Briefing.objects.none(), today=D(2017, 2, 24))
    with django_assert_num_queries(0):
        assert schedule.count() == 0
        assert schedule[0:50] == []


def test_schedule_refuses_a_stepped_slice():
    with pytest.raises(TypeError):
        Schedule(Briefing.objects.all(), today=D(2017, 2, 24))[0:10:2]


# --- month_calendar ------------------------------------------------------------


def test_month_calendar_starts_weeks_on_sunday_and_pads_the_month():
    cal = month_calendar(2017, 2)
    assert [w.number for w in cal.weekdays] == [6, 0, 1, 2, 3, 4, 5]
    # 1 February 2017 was a Wednesday; the 28th a Tuesday.
    assert [day.date for day in cal.weeks[0]][:4] == [None, None, None, D(2017, 2, 1)]
    assert [day.date for day in cal.weeks[-1]][2:] == [D(2017, 2, 28), None, None, None, None]
    assert len(cal.weeks) == 5
    assert (cal.first, cal.last) == (D(2017, 2, 1), D(2017, 2, 28))


def test_month_calendar_puts_each_briefing_on_its_day_and_nothing_outside_the_month():
    BriefingFactory(title="1月末", date=D(2017, 1, 31))
    a = BriefingFactory(title="A", date=D(2017, 2, 16))
    b = BriefingFactory(title="B", date=D(2017, 2, 16))
    c = BriefingFactory(title="C", date=D(2017, 2, 28))
    BriefingFactory(title="3月初", date=D(2017, 3, 1))
    cal = month_calendar(2017, 2)
    days = {day.date: day.briefings for week in cal.weeks for day in week if day.date}
    assert days[D(2017, 2, 16)] == (a, b)
    assert days[D(2017, 2, 28)] == (c,)
    assert sum(len(v) for v in days.values()) == 3
    assert cal.count == 3


def test_month_calendar_marks_today():
    cal = month_calendar(2017, 2, today=D(2017, 2, 24))
    today = [day.date for week in cal.weeks for day in week if day.is_today]
    assert today == [D(2017, 2, 24)]


def test_month_calendar_links_previous_and_next_months_across_years():
    cal = month_calendar(2017, 1)
    assert (cal.previous, cal.next) == (D(2016, 12, 1), D(2017, 2, 1))
    assert month_calendar(2016, 12).next == D(2017, 1, 1)


def test_month_calendar_has_no_link_beyond_the_representable_dates():
    assert month_calendar(1, 1).previous is None
    assert month_calendar(9999, 12).next is None
    assert month_calendar(9999, 12).weeks[-1][-1].date is None


@pytest.mark.parametrize(("year", "month"), [(2017, 13), (2017, 0), (0, 1), (99999, 1)])
def test_month_calendar_refuses_months_that_do_not_exist(year, month):
    with pytest.raises(ValueError):
        month_calendar(year, month)


def test_month_calendar_reads_the_month_and_the_nearest_months_in_three_queries(
    django_assert_num_queries,
):
    for day in (1, 2, 3):
        BriefingFactory(date=D(2017, 2, day))
    with django_assert_num_queries(3):
        cal = month_calendar(2017, 2)
        [b.prefecture.name for w in cal.weeks for d in w for b in d.briefings]


def test_month_calendar_finds_the_nearest_months_with_sessions():
    BriefingFactory(date=D(2016, 11, 30))
    BriefingFactory(date=D(2016, 10, 1))
    BriefingFactory(date=D(2017, 2, 15))
    BriefingFactory(date=D(2018, 1, 1))
    BriefingFactory(date=D(2019, 5, 1))
    cal = month_calendar(2017, 6)
    assert (cal.earlier_with_sessions, cal.later_with_sessions) == (D(2017, 2, 1), D(2018, 1, 1))
    cal = month_calendar(2017, 2)
    assert (cal.earlier_with_sessions, cal.later_with_sessions) == (D(2016, 11, 1), D(2018, 1, 1))
    cal = month_calendar(2019, 5)
    assert (cal.earlier_with_sessions, cal.later_with_sessions) == (D(2018, 1, 1), None)


def test_month_calendar_leaves_out_deleted_sessions_from_the_nearest_months():
    BriefingFactory(date=D(2017, 3, 6)).soft_delete()
    assert month_calendar(2017, 2).later_with_sessions is None


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2017, 2, 11), "建国記念の日"),
        (D(2017, 3, 20), "春分の日"),
        (D(2026, 11, 23), "勤労感謝の日"),
        (D(2026, 5, 6), "振替休日"),
    ],
)
def test_month_calendar_names_japans_public_holidays(day, name):
    cal = month_calendar(day.year, day.month)
    holidays = {d.date: d.holiday for week in cal.weeks for d in week if d.holiday}
    assert holidays[day] == name


def test_month_calendar_names_holidays_in_english():
    with translation.override("en"):
        cal = month_calendar(2017, 3)
    holidays = {d.date: d.holiday for week in cal.weeks for d in week if d.holiday}
    assert holidays == {D(2017, 3, 20): "Vernal Equinox Day"}


def test_month_calendar_february_2017_has_exactly_its_one_holiday():
    cal = month_calendar(2017, 2)
    assert [(d.date, d.holiday) for w in cal.weeks for d in w if d.holiday] == [
        (D(2017, 2, 11), "建国記念の日")
    ]


# --- tile grid --------------------------------------------------------------------


def test_tile_grid_has_every_prefecture_once_on_its_own_square():
    assert sorted(TILE_GRID) == [f"{n:02d}" for n in range(1, 48)]
    assert len(set(TILE_GRID.values())) == 47


def test_tile_grid_puts_hokkaido_top_right_and_okinawa_bottom_left():
    cols = [col for col, _row in TILE_GRID.values()]
    rows = [row for _col, row in TILE_GRID.values()]
    assert TILE_GRID["01"] == (max(cols), min(rows))
    assert TILE_GRID["47"] == (min(cols), max(rows))


@pytest.mark.parametrize(("n", "level"), [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (250, 3)])
def test_colour_class_of_a_count(n, level):
    assert colour_class(n).level == level


def test_colour_class_labels_cover_the_scale():
    assert [c.label for c in COLOUR_CLASSES] == ["0回", "1回", "2～3回", "4回以上"]


def steps(counts) -> list[tuple[int, int | None]]:
    return [(c.minimum, c.maximum) for c in colour_scale(counts)]


def test_colour_scale_keeps_the_fixed_steps_for_a_handful_of_sessions():
    # The 2017 record: no prefecture above 4 sessions.
    assert colour_scale([0, 1, 1, 2, 4, 0]) == COLOUR_CLASSES
    assert colour_scale([]) == COLOUR_CLASSES


def test_colour_scale_splits_national_counts_into_three_groups_of_tiles():
    counts = [0, 0, *range(100, 1000, 100)]  # 100 … 900, nine tiles above zero

    scale = colour_scale(counts)

    assert steps(counts) == [(0, 0), (1, 300), (301, 600), (601, None)]
    # Three tiles in each colour above zero, not every tile in the darkest.
    tiles = [colour_class(n, scale).level for n in counts]
    assert [tiles.count(level) for level in (0, 1, 2, 3)] == [2, 3, 3, 3]
    assert [c.label for c in scale] == ["0回", "1～300回", "301～600回", "601回以上"]
    # The same colours as the fixed steps, darkest on top.
    assert [c.fill for c in scale] == [c.fill for c in COLOUR_CLASSES]


def test_colour_scale_keeps_equal_counts_in_one_step_and_no_step_empty():
    assert steps([5, 5, 5, 5]) == [(0, 0), (1, None)]
    assert steps([5, 5, 5, 9]) == [(0, 0), (1, 5), (6, None)]
    scale = colour_scale([5, 5, 5, 9])
    assert scale[-1].fill == COLOUR_CLASSES[-1].fill  # the top step is the darkest


def test_coverage_summary_colours_the_map_by_its_own_scale():
    held = {"13": 9, "27": 6, "01": 5}
    for code, n in held.items():
        BriefingFactory.create_batch(n, prefecture=prefecture(code), status=Briefing.Status.HELD)

    summary = coverage_summary()

    assert [(c.minimum, c.maximum) for c in summary.colour_classes] == [
        (0, 0),
        (1, 5),
        (6, 6),
        (7, None),
    ]
    tiles = {p.prefecture.code: p.colour for p in summary.prefectures}
    assert tiles["13"] == summary.colour_classes[-1]
    assert tiles["01"] == summary.colour_classes[1]
    assert tiles["02"] == summary.colour_classes[0]


# --- coverage_summary ---------------------------------------------------------


def test_coverage_summary_with_no_briefings_is_all_zero():
    summary = coverage_summary()
    assert (summary.held, summary.prefectures_reached, summary.blocks_reached) == (0, 0, 0)
    assert (summary.national, summary.planned, summary.as_of) == (0, 0, None)
    assert len(summary.prefectures) == 47
    assert [row.total for row in summary.blocks] == [0] * 11
    assert summary.totals.counts == (0, 0, 0, 0, 0)


def test_coverage_summary_counts_distinct_places_by_scope():
    kumamoto, kagawa = prefecture("43"), prefecture("37")
    BriefingFactory(prefecture=kumamoto, date=D(2017, 2, 1))
    BriefingFactory(prefecture=kumamoto, date=D(2017, 2, 2))
    BriefingFactory(prefecture=kagawa, date=D(2017, 2, 3))
    # A block seminar held in Kumamoto reaches the block, not a prefecture.
    BriefingFactory(scope="block", kind="seminar", prefecture=kumamoto, date=D(2017, 2, 4))
    BriefingFactory(scope="block", kind="seminar", prefecture=None, block=block("kyushu"))
    BriefingFactory(scope="national", kind="national_meeting", prefecture=None)
    # Not held: counted nowhere in the figures.
    BriefingFactory(prefecture=prefecture("01"), status="planned", date=D(2017, 3, 6))
    BriefingFactory(prefecture=prefecture("02"), status="cancelled")
    summary = coverage_summary()
    assert summary.held == 6
    assert summary.prefectures_reached == 2
    assert summary.blocks_reached == 1
    assert summary.national == 1
    assert summary.planned == 1
    assert summary.as_of == D(2017, 2, 15)  # the factory's default date is the latest
    assert summary.prefectures_as_of == D(2017, 2, 3)
    assert summary.blocks_as_of == D(2017, 2, 15)


def test_coverage_summary_counts_each_prefecture_by_venue():
    kumamoto = prefecture("43")
    BriefingFactory(prefecture=kumamoto)
    BriefingFactory(scope="block", kind="seminar", prefecture=kumamoto)
    BriefingFactory(prefecture=kumamoto, status="planned", date=D(2017, 3, 6))
    # Planned, but its date has passed: not 予定 any more.
    BriefingFactory(prefecture=kumamoto, status="planned", date=D(2017, 2, 20))
    summary = coverage_summary(today=D(2017, 2, 24))
    rows = {p.prefecture.code: (p.held, p.planned) for p in summary.prefectures}
    assert rows["43"] == (2, 1)
    assert rows["37"] == (0, 0)
    assert [p.prefecture.code for p in summary.prefectures] == sorted(TILE_GRID)


def test_coverage_summary_block_status_matrix_and_totals():
    BriefingFactory(prefecture=prefecture("43"), status="held")
    BriefingFactory(prefecture=prefecture("43"), status="planned", date=D(2017, 3, 6))
    BriefingFactory(prefecture=prefecture("40"), status="planned", date=D(2017, 2, 20))
    BriefingFactory(prefecture=prefecture("37"), status="cancelled")
    BriefingFactory(prefecture=prefecture("37"), status="postponed")
    BriefingFactory(scope="national", kind="national_meeting", prefecture=None)
    summary = coverage_summary(today=D(2017, 2, 24))
    rows = {row.block.code: row.counts for row in summary.blocks}
    # Columns follow Briefing.PublicStatus: planned (from today on), unrecorded
    # (planned, date passed), held, cancelled, postponed.
    assert rows["kyushu"] == (1, 1, 1, 0, 0)
    assert rows["shikoku"] == (0, 0, 0, 1, 1)
    assert rows["hokkaido"] == (0, 0, 0, 0, 0)
    assert [row.block.code for row in summary.blocks][:2] == ["hokkaido", "tohoku"]
    assert summary.without_block.counts == (0, 0, 1, 0, 0)
    # The totals row counts every session, with a block or without.
    assert summary.totals.counts == (1, 1, 2, 1, 1)
    assert summary.totals.total == 6
    assert summary.upcoming == 1


def test_coverage_summary_date_range_is_inclusive_and_applies_everywhere():
    BriefingFactory(prefecture=prefecture("43"), date=D(2017, 1, 31))
    BriefingFactory(prefecture=prefecture("43"), date=D(2017, 2, 1))
    BriefingFactory(prefecture=prefecture("37"), date=D(2017, 2, 28))
    BriefingFactory(prefecture=prefecture("37"), date=D(2017, 3, 1))
    summary = coverage_summary(Period.through(D(2017, 2, 1), D(2017, 2, 28)))
    assert (summary.held, summary.prefectures_reached, summary.as_of) == (2, 2, D(2017, 2, 28))
    rows = {p.prefecture.code: p.held for p in summary.prefectures}
    assert (rows["43"], rows["37"]) == (1, 1)
    assert summary.totals.counts == (0, 0, 2, 0, 0)


def test_coverage_summary_open_ended_ranges():
    BriefingFactory(date=D(2017, 1, 31))
    BriefingFactory(date=D(2017, 2, 1))
    assert coverage_summary(Period.through(D(2017, 2, 1), None)).held == 1
    assert coverage_summary(Period.through(None, D(2017, 1, 31))).held == 1


def test_coverage_summary_as_of_a_date_counts_later_sessions_as_planned():
    """Figures, map and matrix read each session's status as of the period's date."""
    BriefingFactory(prefecture=prefecture("43"), date=D(2017, 2, 1))
    BriefingFactory(prefecture=prefecture("43"), date=D(2017, 3, 6))  # held today
    BriefingFactory(prefecture=prefecture("37"), date=D(2017, 3, 8), status="cancelled")
    period = Period(as_of=D(2017, 2, 24))

    summary = coverage_summary(period)

    assert (summary.held, summary.planned, summary.prefectures_reached) == (1, 2, 1)
    rows = {p.prefecture.code: (p.held, p.planned) for p in summary.prefectures}
    assert (rows["43"], rows["37"]) == ((1, 1), (0, 1))
    # As of 2017-02-24 the March sessions were still to come, whenever one looks.
    assert summary.totals.counts == (2, 0, 1, 0, 0)
    assert {item.period for item in summary.figures} == {period}


def test_coverage_summary_of_a_range_that_is_over_has_nothing_to_come():
    BriefingFactory(prefecture=prefecture("43"), status="planned", date=D(2017, 3, 6))
    summary = coverage_summary(Period.through(D(2017, 3, 1), D(2017, 3, 31)), today=D(2026, 1, 1))
    assert summary.totals.counts == (0, 1, 0, 0, 0)
    summary = coverage_summary(Period.through(D(2017, 3, 1), D(2017, 3, 31)), today=D(2017, 3, 1))
    assert summary.totals.counts == (1, 0, 0, 0, 0)


@pytest.mark.parametrize("n", [1, 3])
def test_coverage_summary_query_count_is_fixed(django_assert_num_queries, n):
    """The figures (one aggregate), the 47 prefectures with their blocks and
    counts, the 11 blocks with a count per status: three queries."""
    for i in range(n):
        BriefingFactory(prefecture=Prefecture.objects.get(code=f"{40 + i:02d}"))
    with django_assert_num_queries(3):
        summary = coverage_summary()
        [(p.prefecture.block.name, p.held) for p in summary.prefectures]
    assert summary.held == n


def test_coverage_summary_computes_other_figures_with_its_own(django_assert_num_queries):
    """`also`: a page showing the coverage beside other figures (the home page)
    reads the sessions once; the values are the registry's, as compute() gives them."""
    BriefingFactory(prefecture=prefecture("40"), status="held", date=D(2017, 2, 1))
    BriefingFactory(prefecture=prefecture("41"), status="planned", date=D(2099, 3, 1))
    also = ("activities-done", "briefings-held", "briefings-planned")
    with django_assert_num_queries(4):  # the three above, and the activities' aggregate
        summary = coverage_summary(also=also)
    alone = compute(also)
    assert [summary.figures[key].value for key in also] == [v.value for v in alone] == [0, 1, 1]
    assert [summary.figures[key].latest for key in also] == [v.latest for v in alone]
    # The coverage's own figures keep their order, whatever `also` names.
    assert [v.figure.key for v in summary.shown] == list(COVERAGE_FIGURES)


def test_prefecture_coverage_short_name_drops_the_suffix_in_japanese_only():
    summary = coverage_summary()
    names = {p.prefecture.code: p for p in summary.prefectures}
    assert [names[c].short_name for c in ("01", "13", "26", "27", "37")] == [
        "北海道",
        "東京",
        "京都",
        "大阪",
        "香川",
    ]
    with translation.override("en"):
        assert names["37"].short_name == "Kagawa"


def test_prefecture_coverage_tiles_do_not_overlap_and_fit_the_map():
    summary = coverage_summary()
    corners = {(p.x, p.y) for p in summary.prefectures}
    assert len(corners) == 47
    assert max(p.x for p in summary.prefectures) + summary.tile_size == summary.map_width
    assert max(p.y for p in summary.prefectures) + summary.tile_size == summary.map_height


# --- with the 2017 source document ----------------------------------------------


def test_coverage_summary_of_the_seed_all_time(seeded):
    summary = coverage_summary()
    assert summary.held == 22
    assert summary.prefectures_reached == 10
    assert summary.blocks_reached == 8
    assert summary.national == 3
    assert summary.planned == 10
    assert summary.as_of == D(2017, 2, 24)
    reached = set(
        Briefing.objects.held()
        .filter(scope="block")
        .values_list("block__code", flat=True)
        .distinct()
    )
    assert reached == {
        "hokuriku",
        "tohoku",
        "okinawa",
        "kanto",
        "chugoku",
        "kyushu",
        "tokai",
        "shikoku",
    }


def test_coverage_summary_of_the_seed_in_february_2017(seeded):
    summary = coverage_summary(Period.through(D(2017, 2, 1), D(2017, 2, 28)))
    assert summary.held == 15
    assert summary.prefectures_reached == 8
    assert summary.blocks_reached == 6
    assert summary.national == 1
    assert (summary.as_of, summary.prefectures_as_of) == (D(2017, 2, 24), D(2017, 2, 17))
    assert (summary.blocks_as_of, summary.national_as_of) == (D(2017, 2, 24), D(2017, 2, 20))


def test_coverage_summary_of_the_seed_in_january_2017(seeded):
    summary = coverage_summary(Period.through(D(2017, 1, 1), D(2017, 1, 31)))
    assert (summary.held, summary.prefectures_reached) == (7, 2)
    assert (summary.blocks_reached, summary.national) == (3, 2)


@pytest.mark.parametrize(
    ("today", "planned", "unrecorded"),
    [
        # On the record's own date the ten March sessions are still to come …
        (D(2017, 2, 24), 10, 0),
        # … in 2026 their date has passed and no outcome is recorded.
        (D(2026, 11, 30), 0, 10),
    ],
)
def test_coverage_summary_of_the_seed_block_status_matrix(seeded, today, planned, unrecorded):
    summary = coverage_summary(today=today)
    # (to come or passed: the planned ones, held)
    rows = {
        row.block.code: (row.counts[0] + row.counts[1], row.counts[2]) for row in summary.blocks
    }
    assert rows == {
        "hokkaido": (1, 0),
        "tohoku": (3, 1),
        "kanto": (0, 2),
        "shinetsu": (1, 0),
        "hokuriku": (0, 3),
        "tokai": (0, 2),
        "kinki": (1, 3),
        "chugoku": (1, 2),
        "shikoku": (1, 2),
        "kyushu": (2, 3),
        "okinawa": (0, 1),
    }
    assert summary.without_block.counts == (0, 0, 3, 0, 0)
    assert summary.totals.counts == (planned, unrecorded, 22, 0, 0)
    assert summary.upcoming == planned
