"""The public schedule on today's date, in Chromium: what a municipality's staff
member sees in 2026, the folded filters and the tile map on a phone and a desktop,
the calendar's month picker."""

import datetime
import re

import pytest
import time_machine
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# 2026-11-30 12:00 in Japan: the March 2017 sessions are long past.
IN_2026 = datetime.datetime(2026, 11, 30, 3, tzinfo=datetime.UTC)


@pytest.fixture
def in_2026():
    with time_machine.travel(IN_2026, tick=True):
        yield


def _fukuoka_session():
    """A real upcoming session in 九州, with what a participant needs."""
    from briefings.models import Briefing
    from networks.models import Prefecture

    return Briefing.objects.create(
        date=datetime.date(2026, 12, 10),
        status=Briefing.Status.PLANNED,
        scope=Briefing.Scope.PREFECTURE,
        kind=Briefing.Kind.LOCAL_GOVERNMENT,
        title="地域IoT実装推進 地方自治体向け説明会（福岡）",
        prefecture=Prefecture.objects.get(code="40"),
        venue_name="福岡合同庁舎 大会議室",
        venue_address="福岡県福岡市博多区博多駅東2-11-1",
        start_time=datetime.time(13, 30),
        end_time=datetime.time(16, 0),
        audience="九州の地方自治体職員",
        application_method=Briefing.ApplicationMethod.WEB,
        application_url="https://example.jp/apply",
        application_deadline=datetime.date(2026, 12, 3),
        contact="九州総合通信局 情報通信部",
    )


def test_saga_staff_finds_what_is_planned_in_the_region_and_how_to_attend(site, page, axe, in_2026):
    session = _fukuoka_session()
    page.goto(site + "/prefectures/41/")

    own = page.get_by_role("table", name="今後の説明会等（開催日の近い順）")
    expect(own.locator("tbody tr")).to_have_text(["該当する説明会はありません。"])
    region = page.get_by_role("region", name="この地域（九州ブロック）の説明会等")
    rows = region.locator("tbody tr")
    # The real upcoming session first; the March 2017 ones after it, not as 予定.
    expect(rows.first).to_contain_text("2026年12月10日")
    expect(rows.first).to_contain_text("予定")
    expect(rows.first).to_contain_text("申込受付中")
    expect(region.locator(".status-unrecorded")).to_have_text(
        ["開催日経過・結果未登録", "開催日経過・結果未登録"]
    )
    expect(page.locator(".status-planned")).to_have_count(1)
    assert_accessible(axe, page)

    region.get_by_role("link", name=session.title).click()
    expect(page).to_have_url(site + session.get_absolute_url())
    attend = page.get_by_role("region", name="参加するには")
    expect(attend).to_contain_text("福岡合同庁舎 大会議室")
    expect(attend).to_contain_text("13:30～16:00")
    expect(attend).to_contain_text("2026年12月3日")
    expect(attend.get_by_role("link", name="https://example.jp/apply")).to_be_visible()
    expect(attend).to_contain_text("申込受付中")
    assert_accessible(axe, page)


def test_home_in_2026_lists_real_upcoming_sessions_not_march_2017(site, page, in_2026):
    _fukuoka_session()
    page.goto(site + "/")
    upcoming = page.get_by_role("table", name="開催予定")
    expect(upcoming.locator("tbody tr")).to_have_count(1)
    expect(upcoming).to_contain_text("2026年12月10日")
    expect(upcoming).not_to_contain_text("2017年")


def test_schedule_on_a_phone_shows_results_first_with_folded_filters(site, phone_page, axe):
    phone_page.goto(site + "/briefings/?block=kyushu")
    summary = phone_page.locator("details.filter-panel > summary")
    expect(summary).to_have_text("絞り込み：地域ブロック 九州")
    block = phone_page.get_by_label("地域ブロック", exact=True)
    expect(block).to_be_hidden()
    first = phone_page.get_by_role("table", name="説明会等").locator("tbody tr").first
    # The first result is on the phone's first screen, above the fold.
    top = first.bounding_box()["y"]
    assert top < phone_page.viewport_size["height"] - 100, top
    assert_accessible(axe, phone_page)

    summary.click()
    expect(block).to_be_visible()
    expect(block).to_have_value("kyushu")
    assert_accessible(axe, phone_page)


def test_schedule_on_a_desktop_shows_the_filters_unfolded(site, page):
    page.goto(site + "/briefings/")
    expect(page.locator("details.filter-panel > summary")).to_be_hidden()
    expect(page.get_by_label("地域ブロック", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="絞り込む")).to_be_visible()


def _label_sizes(page) -> list[float]:
    """Each tile label's font size as rendered, in CSS pixels (SVG units × the map's scale)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.tile-map-svg text')].map(t =>
            parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
    )


@pytest.mark.parametrize("path", ["/briefings/coverage/", "/", "/en/briefings/coverage/", "/en/"])
def test_tile_map_labels_are_at_least_12px_on_a_desktop(site, page, path):
    page.goto(site + path)
    sizes = _label_sizes(page)
    assert len(sizes) == 94  # name and count on 47 tiles
    assert min(sizes) >= 12, min(sizes)
    # English names stay inside their tiles.
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('.tile-map .tile')].filter(a => {
            const r = a.querySelector('rect').getBoundingClientRect();
            const t = a.querySelector('text').getBoundingClientRect();
            return t.left < r.left || t.right > r.right;
        }).map(a => a.getAttribute('aria-label'))"""
    )
    assert overflow == []


@pytest.mark.parametrize("path", ["/briefings/coverage/", "/"])
def test_tile_map_gives_way_to_the_table_on_a_phone(site, phone_page, path):
    phone_page.goto(site + path)
    expect(phone_page.locator("figure.tile-map")).to_be_hidden()
    note = phone_page.locator(".tile-map-phone-note")
    expect(note).to_be_visible()
    note.get_by_role("link", name="都道府県別の開催回数を表で見る").click()
    expect(phone_page).to_have_url(re.compile(r"/briefings/coverage/#prefecture-table$"))
    expect(phone_page.get_by_role("table", name="都道府県別の説明会等の回数")).to_be_visible()


def test_calendar_month_picker_and_holidays_work_without_script(site, browser):
    context = browser.new_context(locale="ja-JP", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + "/briefings/calendar/2017/2/")
        expect(page.locator("td.holiday .holiday-name")).to_have_text(["祝日：建国記念の日"])
        page.get_by_label("年", exact=True).fill("2017")
        page.get_by_label("月", exact=True).select_option(label="3月")
        page.get_by_role("button", name="表示").click()
        expect(page).to_have_url(site + "/briefings/calendar/2017/3/")
        expect(page.get_by_role("heading", level=1)).to_have_text("2017年3月の説明会等")
        expect(page.locator("td.holiday .holiday-name")).to_have_text(["祝日：春分の日"])
        page.get_by_role("link", name="次の月（2017年4月）→").click()
        expect(page).to_have_url(site + "/briefings/calendar/2017/4/")
        page.get_by_label("月", exact=True).select_option(label="8月")
        page.get_by_role("button", name="表示").click()
        expect(page).to_have_url(site + "/briefings/calendar/2017/8/")
        page.get_by_role("link", name="← 説明会等のある前の月（2017年3月）").click()
        expect(page).to_have_url(site + "/briefings/calendar/2017/3/")
    finally:
        context.close()
