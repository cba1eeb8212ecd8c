"""A municipality applies to the national network, an editor approves it in
the admin, and it then shows in the member directory; in a real browser,
with axe on the form's error state and no Content-Security-Policy violation
on the way."""

import pytest
from playwright.sync_api import expect

from core.access import EDITOR
from networks.models import NetworkApplication, NetworkMembership
from tests import factories
from tests.browser.helpers import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "network-review-2026"


def watch_csp(page) -> list[str]:
    """Chromium reports each CSP violation on the console; collect them."""
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


def submit(page, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def test_a_municipality_applies_an_editor_approves_and_it_is_listed(site, browser, axe, settings):
    factories.MunicipalityFactory(
        code="372013",
        prefecture=factories.prefecture("37"),
        name="高松市",
        kana="たかまつし",
        kind="city",
    )
    factories.staff_user(EDITOR, username="tanaka", password=PASSWORD, last_name="田中")

    # A visitor applies; a first try with a mistyped code is refused in words.
    visitor = browser.new_context(
        locale="ja-JP", viewport={"width": 1280, "height": 900}
    ).new_page()
    visitor_csp = watch_csp(visitor)
    visitor.goto(site + "/network/apply/")
    visitor.get_by_label("地方公共団体（市区町村）").check()
    visitor.get_by_label("全国地方公共団体コード（6桁）").fill("372012")
    visitor.get_by_label("担当者名").fill("高松 花子")
    visitor.get_by_label("メールアドレス").fill("hanako@example.lg.jp")
    visitor.get_by_label("防災").check()
    submit(visitor, "申し込む")
    alert = visitor.get_by_role("alert")
    expect(alert).to_contain_text("検査数字が正しくありません")
    assert_accessible(axe, visitor)

    visitor.get_by_label("全国地方公共団体コード（6桁）").fill("372013")
    submit(visitor, "申し込む")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("加入申込を受け付けました")
    application = NetworkApplication.objects.get()
    expect(visitor.locator(".receipt")).to_have_text(f"受付番号：{application.pk}")
    # Not published before approval.
    visitor.goto(site + "/network/members/?block=shikoku")
    expect(visitor.locator("p.result-count")).to_have_text("0団体")

    # An editor approves it in the admin.
    staff = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}).new_page()
    staff_csp = watch_csp(staff)
    staff.goto(site + "/admin/login/")
    staff.get_by_label("ユーザー名").fill("tanaka")
    staff.get_by_label("パスワード").fill(PASSWORD)
    submit(staff, "ログイン")
    staff.goto(site + "/admin/networks/networkapplication/")
    with staff.expect_navigation():
        staff.get_by_role("link", name="高松市（香川県）").click()
    with staff.expect_navigation():
        staff.get_by_role("link", name="承認する").click()
    staff.get_by_label("加入日").fill("2026-11-30")
    staff.get_by_label("審査メモ").fill("団体コードと担当者を確認済み")
    with staff.expect_navigation():
        staff.locator("input[name=apply]").click()
    expect(staff.locator(".messagelist")).to_contain_text("承認しました：高松市（香川県）")
    membership = NetworkMembership.objects.get()
    assert membership.organization.municipality.code == "372013"

    # The member now shows in the directory, under its block and field.
    visitor.goto(site + "/network/members/?block=shikoku&field=disaster")
    expect(visitor.locator("p.result-count")).to_have_text("1団体")
    table = visitor.get_by_role("table", name="全国ネットワーク会員")
    expect(table.get_by_role("link", name="高松市")).to_be_visible()
    expect(table).to_contain_text("防災")

    visitor.context.close()
    staff.context.close()
    problems = visitor_csp + staff_csp
    assert not problems, "\n".join(problems)
