"""What a first-time visitor does, in a real browser against the seeded site.

Locators go by role and accessible name (what a screen reader user hears),
so a broken label or heading fails here as well as in axe.
"""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.pages import PAGES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _rows(table) -> list[tuple[str, ...]]:
    """Each body row's date, first line of the place and the title link."""
    rows = []
    for row in table.locator("tbody tr").all():
        cells = row.get_by_role("cell").all()
        rows.append(
            (
                cells[0].inner_text(),
                cells[1].inner_text().splitlines()[0],
                cells[2].get_by_role("link").inner_text(),
            )
        )
    return rows


def test_home_follow_diagonal_thread_shows_status_timeline(site, page):
    page.goto(site + "/")
    framework = page.get_by_role("region", name="推進体制")
    framework.get_by_role("link", name="斜めの糸", exact=True).click()

    expect(page).to_have_url(site + "/threads/diagonal/")
    expect(page.get_by_role("heading", level=1)).to_have_text("斜めの糸")
    expect(page.get_by_role("heading", name="取組状況", exact=True, level=2)).to_be_visible()
    timeline = page.locator("ol.timeline")
    # The two dated entries of the 2017 record, newest first, each as far as
    # the document states it (本年１月以降: a month, not a day).
    expect(timeline.get_by_role("heading", level=3)).to_have_text(["2017年2月24日", "2017年1月"])
    expect(timeline.locator(".updates > li")).to_have_count(2)
    expect(page.locator(".freshness")).to_have_text("最終更新 2017年2月24日")


def test_briefings_filter_kyushu_february_2017_lists_its_three_sessions(site, page):
    page.goto(site + "/briefings/")
    page.get_by_label("地域ブロック", exact=True).select_option(label="九州")
    page.get_by_label("開催日（から）", exact=True).fill("2017-02-01")
    page.get_by_label("開催日（まで）", exact=True).fill("2017-02-28")
    page.get_by_role("button", name="絞り込む").click()

    page.wait_for_url(re.compile(r"/briefings/\?"))
    query = {k: v for k, v in parse_qsl(urlsplit(page.url).query) if v}
    assert query == {"block": "kyushu", "date_after": "2017-02-01", "date_before": "2017-02-28"}
    expect(page.locator("p.result-count")).to_have_text("3件")
    table = page.get_by_role("table", name="説明会等")
    assert _rows(table) == [
        ("2017年2月16日", "佐賀県", "地方自治体向け説明会"),
        ("2017年2月15日", "熊本県", "九州地域ICT利活用セミナー"),
        ("2017年2月14日", "長崎県", "地方自治体向け説明会"),
    ]
    # The form keeps what was chosen.
    expect(page.get_by_label("地域ブロック", exact=True)).to_have_value("kyushu")
    expect(page.get_by_label("開催日（から）", exact=True)).to_have_value("2017-02-01")


def test_coverage_map_tile_opens_kagawa_prefecture_page(site, page):
    page.goto(site + "/briefings/coverage/")
    map_ = page.get_by_role("group", name="都道府県別の開催回数の地図")
    expect(map_.get_by_role("link")).to_have_count(47)
    map_.get_by_role("link", name="香川県：開催 1回", exact=True).click()

    expect(page).to_have_url(site + "/prefectures/37/")
    expect(page.get_by_role("heading", level=1)).to_have_text("香川県")


def test_language_switcher_goes_to_english_and_back(site, page):
    page.goto(site + "/prefectures/37/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    page.get_by_role("link", name="English", exact=True).click()

    expect(page).to_have_url(site + "/en/prefectures/37/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kagawa")
    # The current language is marked, not linked.
    expect(page.get_by_role("link", name="English", exact=True)).to_have_count(0)
    expect(page.locator('[aria-current="true"]')).to_have_text("English")

    page.get_by_role("link", name="日本語", exact=True).click()
    expect(page).to_have_url(site + "/prefectures/37/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.get_by_role("heading", level=1)).to_have_text("香川県")


def _horizontal_overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_phone_pages_have_no_horizontal_scroll_and_nav_works(site, phone_page):
    phone_page.goto(site + "/")
    assert _horizontal_overflow(phone_page) <= 0
    menu = phone_page.get_by_role("navigation", name="メインメニュー")
    links = menu.get_by_role("link")
    expect(links).to_have_count(8)
    for link in links.all():
        expect(link).to_be_in_viewport()
    menu.get_by_role("link", name="説明会", exact=True).click()
    expect(phone_page).to_have_url(site + "/briefings/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("説明会等の開催状況")

    # Every page type, in both languages, fits the phone's width.
    overflowing = []
    for name, page_type in PAGES.items():
        for language in ("ja", "en"):
            phone_page.goto(page_type.url(site, language))
            if _horizontal_overflow(phone_page) > 0:
                overflowing.append((name, language))
    assert overflowing == []


def test_keyboard_first_tab_focuses_skip_link_and_enter_moves_to_main(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="本文へ移動")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/#main")
    expect(page.get_by_role("main")).to_be_focused()
