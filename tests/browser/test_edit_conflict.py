"""Two members of staff edit the same briefing in two browsers
(core.admin.locking): the page really carries its version, the second save
is refused with what changed, and saving again keeps both edits; no
Content-Security-Policy violation on the way."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from briefings.models import Briefing
from tests import factories
from tests.browser.helpers import PASSWORD, Visitor
from tests.factories import ensure_reference_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def save(visitor: Visitor) -> None:
    with visitor.page.expect_navigation():
        visitor.page.locator("input[name=_save]").click()


def test_second_save_in_another_browser_refused_then_saved(live_server, browser):
    ensure_reference_data()
    users = get_user_model().objects
    users.create_superuser("tanaka", password=PASSWORD, last_name="田中")
    users.create_superuser("sato", password=PASSWORD, last_name="佐藤")
    briefing = factories.BriefingFactory(title="元の開催概要", notes="")
    url = reverse("admin:briefings_briefing_change", args=[briefing.pk])
    tanaka, sato = Visitor.open(browser, live_server.url), Visitor.open(browser, live_server.url)
    tanaka.log_in("tanaka")
    sato.log_in("sato")
    tanaka.visit(url)
    sato.visit(url)

    tanaka.page.fill("#id_title", "田中の開催概要")
    save(tanaka)
    sato.page.fill("#id_notes", "佐藤の備考")
    save(sato)

    page = sato.page
    assert "田中さんが変更しました" in page.locator(".errorlist.nonfield").inner_text()
    change = page.locator(".edit-conflicts li").inner_text()
    assert change == "開催概要: 元の開催概要 → 田中の開催概要"
    assert page.input_value("#id_title") == "田中の開催概要"
    assert page.input_value("#id_notes") == "佐藤の備考"
    assert Briefing.objects.get(pk=briefing.pk).notes == ""
    sato.collect("the refused form")

    save(sato)

    briefing.refresh_from_db()
    assert (briefing.title, briefing.notes) == ("田中の開催概要", "佐藤の備考")
    problems = tanaka.problems + sato.problems
    tanaka.close()
    sato.close()
    assert not problems, "\n".join(problems)


def test_stale_cancel_form_in_a_browser_refused_then_applied(live_server, browser):
    ensure_reference_data()
    users = get_user_model().objects
    users.create_superuser("tanaka", password=PASSWORD, last_name="田中")
    users.create_superuser("sato", password=PASSWORD, last_name="佐藤")
    briefing = factories.BriefingFactory(title="元の開催概要", status=Briefing.Status.PLANNED)
    tanaka, sato = Visitor.open(browser, live_server.url), Visitor.open(browser, live_server.url)
    tanaka.log_in("tanaka")
    sato.log_in("sato")
    sato.visit(reverse("admin:briefings_briefing_cancel", args=[briefing.pk]))
    tanaka.visit(reverse("admin:briefings_briefing_change", args=[briefing.pk]))
    tanaka.page.fill("#id_title", "田中の開催概要")
    save(tanaka)

    sato.page.get_by_label("中止の理由").fill("台風の接近")
    sato.submit("中止にする")

    page = sato.page
    assert "田中さんが変更しました" in page.locator(".messagelist").inner_text()
    assert page.locator(".edit-conflicts li").inner_text() == (
        "開催概要: 元の開催概要 → 田中の開催概要"
    )
    assert page.get_by_label("中止の理由").input_value() == "台風の接近"
    assert Briefing.objects.get(pk=briefing.pk).status == Briefing.Status.PLANNED
    sato.collect("the refused step")

    sato.submit("中止にする")

    briefing.refresh_from_db()
    assert (briefing.status, briefing.title) == (Briefing.Status.CANCELLED, "田中の開催概要")
    problems = tanaka.problems + sato.problems
    tanaka.close()
    sato.close()
    assert not problems, "\n".join(problems)
