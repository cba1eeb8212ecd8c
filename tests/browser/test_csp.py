"""No Content-Security-Policy violation on any page, public or admin, in Chromium.

The policy (portal/settings.py) forbids inline scripts, inline styles and
eval; a page that still uses one would be quietly broken for its users, so
every page type is opened in a real browser and every violation it reports is
collected: the `securitypolicyviolation` events (recorded by a script that
Playwright adds to every document before the page's own) and Chromium's
console messages about the policy. The test fails listing each violation
with its page, directive and blocked resource.

One browser context per role (anonymous visitor, superuser, bureau user) and
two tests in all, since each transactional test pays for a flush and a seed
load.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from briefings import admin_actions
from briefings.models import Briefing
from core.access import BUREAU
from networks.models import Project
from tests import factories
from tests.browser.helpers import PASSWORD, Visitor
from tests.browser.pages import PAGES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_public_pages_have_no_csp_violations(site, browser):
    visitor = Visitor.open(browser, site)
    for language in ("ja", "en"):
        prefix = "" if language == "ja" else f"/{language}"
        for page_type in PAGES.values():
            visitor.visit(page_type.url("", language))
        visitor.visit(f"{prefix}/no-such-page/", status=404)
    visitor.close()

    assert visitor.visited == 2 * (len(PAGES) + 1)
    assert not visitor.problems, "\n".join(
        ["Content-Security-Policy violations:", *visitor.problems]
    )


def test_admin_pages_have_no_csp_violations(site, browser):
    problems = []

    # The login page, then the lockout page django-axes answers after five failures.
    visitor = Visitor.open(browser, site)
    visitor.visit(reverse("admin:login"))
    for _ in range(5):
        visitor.log_in("csp-locked-out", "wrong-password")
    lockout_heading = visitor.page.get_by_role("heading", level=1).inner_text()
    visitor.collect("lockout page")
    visitor.close()
    assert lockout_heading == "ログインが一時的に制限されています"
    problems += visitor.problems

    get_user_model().objects.create_superuser("csp-admin", password=PASSWORD)
    factories.staff_user(BUREAU, "kyushu", username="csp-kyushu", password=PASSWORD)
    visitor = Visitor.open(browser, site)
    visitor.log_in("csp-admin")
    visitor.collect("login as superuser")
    _walk_admin(visitor)
    _use_widgets(visitor)
    _import_organizations(visitor)
    _lifecycle_steps(visitor)
    # The network's 状況を変更する form (networks.cooperation_admin).
    project = Project.objects.order_by("pk").first()
    visitor.visit(reverse("admin:networks_project_transition", args=[project.pk]))
    visitor.close()
    problems += visitor.problems

    visitor = Visitor.open(browser, site)
    visitor.log_in("csp-kyushu")
    visitor.collect("login as bureau user")
    visitor.visit(reverse("admin:index"))
    assert visitor.page.locator("#staff-start-upcoming").count() == 1  # the bureau's start page
    visitor.visit(reverse("admin:briefings_briefing_changelist"))
    visitor.close()
    problems += visitor.problems

    assert not problems, "\n".join(["Content-Security-Policy violations:", *problems])


# Rows for the models the seed leaves empty, so that every change form is opened.
def _local_membership():
    from networks.models import LocalGovernmentMembership

    user = get_user_model().objects.create_user("csp-local")
    return LocalGovernmentMembership.objects.create(
        user=user, municipality=factories.MunicipalityFactory()
    )


MAKERS = {
    "networks.municipality": factories.MunicipalityFactory,
    "briefings.progressreport": factories.ProgressReportFactory,
    "networks.implementationreport": factories.ImplementationReportFactory,
    "networks.localgovernmentmembership": _local_membership,
    "networks.networkapplication": factories.NetworkApplicationFactory,
    "networks.networkmembership": factories.NetworkMembershipFactory,
    "networks.need": factories.NeedFactory,
    "networks.offer": factories.OfferFactory,
    "networks.match": factories.MatchFactory,
    "networks.project": factories.ProjectFactory,
    "networks.dispatch": factories.DispatchFactory,
    "networks.case": factories.CaseFactory,
}


def _walk_admin(visitor: Visitor) -> None:
    """The start page, each app's index, and for every registered model its
    changelist, add form, change form, delete confirmation, history and one
    past version."""
    user = get_user_model().objects.get(username="csp-admin")
    request = RequestFactory().get("/admin/")
    request.user = user
    visitor.visit(reverse("admin:index"))
    visitor.visit(reverse("admin:password_change"))
    opened_change_forms = set()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        label = opts.label_lower
        name = f"admin:{opts.app_label}_{opts.model_name}"
        visitor.visit(reverse(f"{name}_changelist"))
        if model_admin.has_add_permission(request):
            visitor.visit(reverse(f"{name}_add"))
        obj = model_admin.get_queryset(request).order_by("pk").first()
        if obj is None and label in MAKERS:
            obj = MAKERS[label]()
        if obj is None:
            continue
        visitor.visit(reverse(f"{name}_change", args=[obj.pk]))
        opened_change_forms.add(label)
        if model_admin.has_delete_permission(request, obj):
            visitor.visit(reverse(f"{name}_delete", args=[obj.pk]))
        if isinstance(model_admin, SimpleHistoryAdmin):
            visitor.visit(reverse(f"{name}_history", args=[obj.pk]))
            # The paginator's border, now from admin.css rather than a style attribute.
            paginator = visitor.page.locator("#change-history + .paginator")
            assert paginator.evaluate("e => getComputedStyle(e).borderTopStyle") == "none"
            version = obj.history.order_by("history_id").first()
            visitor.visit(reverse(f"{name}_simple_history", args=[obj.pk, version.history_id]))
    for app_label in {model._meta.app_label for model in admin.site._registry}:
        visitor.visit(reverse("admin:app_list", args=[app_label]))
    # axes' AccessFailureLog is written only when that log is switched on.
    missing = {m._meta.label_lower for m in admin.site._registry} - opened_change_forms
    assert missing <= {"axes.accessfailurelog"}


def _use_widgets(visitor: Visitor) -> None:
    """The admin's scripts at work on a briefing's change form: an
    autocomplete's dropdown, the date picker, a new inline row, and the
    "add another" popup window of a related model."""
    briefing = Briefing.objects.order_by("pk").first()
    visitor.visit(reverse("admin:briefings_briefing_change", args=[briefing.pk]))
    page = visitor.page
    page.locator(".field-prefecture .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill("熊本")
    page.locator(".select2-results__option", has_text="熊本県").wait_for()
    page.keyboard.press("Escape")
    page.locator(".field-date .datetimeshortcuts a").last.click()
    page.locator(".calendarbox").first.wait_for()
    page.locator(".add-row a").click()
    with page.expect_popup() as popup_info:
        page.locator(".field-host .related-widget-wrapper-link.add-related").click()
    popup = popup_info.value
    popup.wait_for_load_state("load")
    popup_events = popup.evaluate("window.__cspViolations")
    popup.close()
    visitor.problems += [f"add-another popup: {event}" for event in popup_events]
    visitor.collect("widgets on the briefing change form")


def _import_organizations(visitor: Visitor) -> None:
    """The import and export pages, the preview of an uploaded CSV, and the list after confirming it."""
    for model in ("networks_organization", "briefings_briefing"):
        visitor.visit(reverse(f"admin:{model}_import"))
        visitor.visit(reverse(f"admin:{model}_export"))
    visitor.visit(reverse("admin:networks_organization_import"))
    csv = "ID,名称,英語名称,種別,都道府県,市区町村,地域ブロック,ウェブサイト,説明\n,熊本県,,地方自治体,43,,,,\n"
    visitor.page.get_by_label("フォーマット").select_option(label="csv")
    visitor.page.locator("input[type=file]").set_input_files(
        {"name": "organizations.csv", "mimeType": "text/csv", "buffer": csv.encode("utf-8")}
    )
    visitor.submit("確定")
    assert visitor.page.locator("#import-summary").count() == 1
    # The diff's colours, now from admin.css rather than style attributes.
    inserted = visitor.page.locator("#import-rows ins").first
    assert inserted.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(230, 255, 230)"
    visitor.collect("import preview")
    visitor.submit("取り込みを実行")
    assert visitor.page.locator(".messagelist .success").count() == 1
    visitor.collect("import confirmed")


def _lifecycle_steps(visitor: Visitor) -> None:
    """Each lifecycle form of a planned session, from its change page and from the list."""
    planned = Briefing.objects.filter(status=Briefing.Status.PLANNED).order_by("date").first()
    for step in admin_actions.STEPS:
        visitor.visit(reverse(f"admin:briefings_briefing_{step.url}", args=[planned.pk]))
    visitor.visit(reverse("admin:briefings_briefing_changelist") + "?status=planned")
    page = visitor.page
    page.locator(f"input[name=_selected_action][value='{planned.pk}']").check()
    page.get_by_label("操作").select_option(value="mark_cancelled")
    visitor.submit("実行")
    assert page.locator("input[name=action][value=mark_cancelled]").count() == 1
    visitor.collect("cancel from the list")
