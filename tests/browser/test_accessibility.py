"""axe-core (WCAG 2.1 A and AA) on every public page type, in Japanese and English."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import AXE_OPTIONS
from tests.browser.pages import PAGES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _check(page, axe, url: str, language: str) -> list[str]:
    """Open the page; return what is wrong with it (nothing, when all is well)."""
    problems = []
    response = page.goto(url)
    if response.status != 200:
        problems.append(f"{url}: HTTP {response.status}")
    lang = page.locator("html").get_attribute("lang")
    if lang != language:
        problems.append(f'{url}: html lang="{lang}"')
    h1_count = page.locator("h1").count()
    if h1_count != 1:
        problems.append(f"{url}: {h1_count} h1 elements")
    results = axe.run(page, options=AXE_OPTIONS)
    if results.response["violations"]:
        problems.append(f"{url}:\n{results.generate_report()}")
    return problems


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_type_has_no_accessibility_violations(language, site, page, axe):
    """One test per language rather than per page: each test pays for a flush
    and a seed load; the problems list names every page that fails."""
    problems = []
    for name, page_type in PAGES.items():
        if name != "briefings-error":  # checked with its message below
            problems += _check(page, axe, page_type.url(site, language), language)
    assert problems == []


def test_briefings_bad_date_shows_message_without_accessibility_violations(site, page, axe):
    page_type = PAGES["briefings-error"]

    assert _check(page, axe, page_type.url(site, "ja"), "ja") == []
    alert = page.get_by_role("alert")
    expect(alert.locator("p")).to_have_text(
        "指定された条件に誤りがあるため、一覧を表示できません。次の項目を直してください。"
    )
    expect(alert.get_by_role("link")).to_have_text(["開催日（から）"])
    expect(alert.get_by_role("link")).to_have_attribute("href", "#id_date_after")

    assert _check(page, axe, page_type.url(site, "en"), "en") == []
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("listitem")).to_have_count(1)
    expect(alert.get_by_role("link")).to_have_attribute("href", "#id_date_after")
