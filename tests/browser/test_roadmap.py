"""The roadmap pages in Chromium: axe in both languages, and a municipality's first visit."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import AXE_OPTIONS
from tests.browser.pages import PAGES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROADMAP_PAGES = ("roadmap", "roadmap-model", "roadmap-model-error", "municipality")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_roadmap_pages_have_no_accessibility_violations(language, site, page, axe):
    problems = []
    for name in ROADMAP_PAGES:
        url = PAGES[name].url(site, language)
        response = page.goto(url)
        if response.status != 200:
            problems.append(f"{url}: HTTP {response.status}")
        if page.locator("h1").count() != 1:
            problems.append(f"{url}: not one h1")
        results = axe.run(page, options=AXE_OPTIONS)
        if results.response["violations"]:
            problems.append(f"{url}:\n{results.generate_report()}")
    assert problems == []


def test_municipality_finds_the_roadmap_a_model_and_its_own_stage(site, page):
    municipality_url = PAGES["municipality"].url(site)  # 高松市, with a report
    page.goto(site + "/")
    page.get_by_role("navigation", name="メインメニュー").get_by_role(
        "link", name="ロードマップ"
    ).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("地域IoT実装推進ロードマップ")
    expect(
        page.get_by_role("cell", name="クラウド上の教材等を利活用可能な学校：100%（2020年度）")
    ).to_be_visible()
    page.get_by_role("link", name="テレワーク").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("テレワーク")
    expect(page.get_by_role("table", name="四半期末ごとの段階別の市区町村数")).to_be_visible()

    page.get_by_role("textbox", name="時点").fill("2019-03-31")
    page.get_by_role("button", name="この日の状況を見る").click()
    expect(page.get_by_text("2019年3月31日時点の状況です")).to_be_visible()
    page.goto(PAGES["roadmap-model-error"].url(site))
    expect(page.get_by_role("alert")).to_contain_text("日付の指定に誤りがあるため")

    page.goto(municipality_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("高松市")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="テレワーク"))
    expect(row).to_contain_text("実証中")
