"""Browser tests: Playwright driving Debian's Chromium against `live_server`.

On a developer's machine without Chromium they skip with the reason; in CI
(`CI=true`) a missing browser fails the run instead of passing silently.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# the live_server fixture makes from it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _chromium_missing_reason() -> str | None:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (make install-test)"
    return None


@pytest.fixture(scope="session", autouse=True)
def _live_server_over_plain_http():
    """`live_server` builds its middleware once, when it starts: turn the
    production HTTPS redirect and secure cookies off before that, for the
    whole session (a function-scoped `settings` override comes too late)."""
    from django.conf import settings

    names = ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE")
    saved = {name: getattr(settings, name) for name in names}
    for name in names:
        setattr(settings, name, False)
    yield
    for name, value in saved.items():
        setattr(settings, name, value)


@pytest.fixture(scope="session")
def browser():
    reason = _chromium_missing_reason()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs the browser tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        locale="ja-JP", viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def site(live_server):
    """The live server's address, with the whole 2017 record and the roadmap loaded.

    Browser tests are transactional (the server thread must see committed
    rows): mark them `django_db(transaction=True, serialized_rollback=True)`
    so the reference data from the data migration survives the flush.
    """
    from django.core.management import call_command

    from tests.factories import ensure_reference_data

    ensure_reference_data()
    call_command("load_seed", verbosity=0)
    call_command("load_roadmap", verbosity=0)
    return live_server.url
