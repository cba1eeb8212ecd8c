"""A stored SVG handout with script, opened in Chromium: its script must not
run on the portal's origin (the issue's probe read the admin's CSRF token
this way), and the browser must download it instead of showing it."""

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import Error as PlaywrightError

from briefings.models import BriefingMaterial
from tests import upload_files as files
from tests.factories import BriefingFactory, ensure_reference_data, prefecture

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_stored_svg_handout_downloads_without_running_its_script(
    live_server, page, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    ensure_reference_data()
    briefing = BriefingFactory(prefecture=prefecture("43"), audience_size=30)
    # Written straight to storage, as a handout uploaded before the rule was.
    material = BriefingMaterial(briefing=briefing, order=1, title="地図")
    material.file.save("chizu.svg", ContentFile(files.svg()), save=True)
    downloads = []
    page.on("download", lambda download: downloads.append(download))

    try:
        page.goto(live_server.url + material.href)
    except PlaywrightError as error:  # what goto says of a download
        assert "Download is starting" in error.message
    page.goto(live_server.url + briefing.get_absolute_url())

    assert page.evaluate("localStorage.getItem('handout-ran')") is None
    assert [d.suggested_filename for d in downloads] == ["chizu.svg"]
