"""An editor records a project's progress in the admin, as staff would:
the change page's 「状況を変更する」 button, the allowed next states only, the
dated history row on the change page and on the public project page; no
Content-Security-Policy violation on the way."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from networks.models import Project
from networks.services import cooperation
from tests import factories
from tests.browser.helpers import PASSWORD, Visitor
from tests.factories import ensure_reference_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_editor_moves_a_project_forward_and_the_public_page_shows_it(
    live_server, browser, settings
):
    ensure_reference_data()
    get_user_model().objects.create_superuser("tanaka", password=PASSWORD)
    project = factories.ProjectFactory(title="見守りIoT")
    cooperation.start_status_history(project, on=project.status_since)
    visitor = Visitor.open(browser, live_server.url)
    visitor.log_in("tanaka")
    visitor.visit(reverse("admin:networks_project_change", args=[project.pk]))
    page = visitor.page

    with page.expect_navigation():
        page.get_by_role("link", name="状況を変更する").click()
    options = page.locator("#id_to option").all_inner_texts()
    page.select_option("#id_to", label="採択")
    page.fill("#id_on", "2017-08-01")
    page.fill("#id_note", "採択通知")
    with page.expect_navigation():
        page.get_by_role("button", name="変更する").click()

    assert options == ["採択", "取下げ"]
    assert "状況を「採択」に変更しました。" in page.locator(".messagelist").inner_text()
    assert "採択通知" in page.locator("#status_changes-group").inner_text()
    assert Project.objects.get(pk=project.pk).status == "selected"
    visitor.visit(project.get_absolute_url())
    history = page.get_by_role("table", name="状況の履歴（古い順）").inner_text()
    assert "提案 → 採択" in history
    problems = visitor.problems
    visitor.close()
    assert not problems, "\n".join(problems)
