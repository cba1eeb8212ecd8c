"""Write the README's screenshots to docs/screenshots/ (not part of the suite).

pytest collects `test_*.py` only, so this runs when named explicitly:

    DEBUG=off SECRET_KEY=x STATIC_MANIFEST=off \\
        .venv/bin/pytest tests/browser/screenshots.py -p no:cacheprovider

One full-page PNG per page type, desktop and Japanese (`<page type>.png`,
see `pages.PAGES`), plus the home page on a phone (`home-phone.png`) and in
English (`home-en.png`). Japanese needs the fonts-noto-cjk package.
"""

from pathlib import Path

import pytest

from tests.browser.pages import PAGES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _shoot(page, url: str, name: str) -> Path:
    response = page.goto(url)
    assert response.status == 200, url
    page.evaluate("document.fonts.ready")
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=path, full_page=True, animations="disabled", caret="hide")
    return path


def test_write_screenshots(site, page, phone_page):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    written = [_shoot(page, page_type.url(site), name) for name, page_type in PAGES.items()]
    written.append(_shoot(page, PAGES["home"].url(site, "en"), "home-en"))
    written.append(_shoot(phone_page, PAGES["home"].url(site), "home-phone"))
    assert all(path.stat().st_size > 10_000 for path in written)
