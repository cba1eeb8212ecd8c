import pytest

from tests.browser.helpers import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_page_opens_without_accessibility_violations(live_server, page, axe):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "地域IoT実装推進ポータル"
    assert_accessible(axe, page)
