"""The audit trail in the admin (core.admin.history.AuditedAdmin).

Every tracked model records who changed what; the history page lists each
record's changes as "field: old → new"; it and each past version follow the
block rule like the change page (404 for another block's row); only editors
revert, everyone else reads.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from briefings.models import Briefing, BriefingMaterial, ProgressReport
from networks.models import (
    BureauMembership,
    Field,
    Member,
    Municipality,
    Organization,
    Prefecture,
    RegionalBlock,
)
from tests import factories
from tests.admin_urls import admin_url, change_form_data
from threads.models import Activity, Participation, StatusUpdate, Thread, WorkItem

pytestmark = pytest.mark.django_db

User = get_user_model()


# --- helpers ------------------------------------------------------------------


def version_url(obj, record) -> str:
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, record.pk]
    )


def history_records(response) -> list:
    return list(response.context["page_obj"])


def changes(record) -> list[tuple[str, str, str]]:
    return [
        (c["field"], str(c["old"]), str(c["new"]))
        for c in getattr(record, "history_delta_changes", [])
    ]


# --- every tracked model keeps a history ------------------------------------------


def _membership():
    user = User.objects.create_user("member-of-kyushu")
    return BureauMembership.objects.create(user=user, block=factories.block("kyushu"))


# (model, makes one row, a field to change, its new value)
TRACKED = [
    pytest.param(Thread, factories.ThreadFactory, "title", "新しい糸の名前", id="thread"),
    pytest.param(WorkItem, factories.WorkItemFactory, "text", "新しい取組", id="workitem"),
    pytest.param(Activity, factories.ActivityFactory, "title", "新しい活動", id="activity"),
    pytest.param(StatusUpdate, factories.StatusUpdateFactory, "text", "新しい状況", id="status"),
    pytest.param(Participation, factories.ParticipationFactory, "role", "幹事", id="participation"),
    pytest.param(Organization, factories.OrganizationFactory, "name", "新しい団体名", id="org"),
    pytest.param(Member, factories.MemberFactory, "name", "新しい構成員名", id="member"),
    pytest.param(Briefing, factories.BriefingFactory, "title", "新しい説明会", id="briefing"),
    pytest.param(
        BriefingMaterial,
        lambda: BriefingMaterial.objects.create(
            briefing=factories.BriefingFactory(), title="資料", url="https://example.jp/1.pdf"
        ),
        "title",
        "新しい資料名",
        id="material",
    ),
    pytest.param(BureauMembership, _membership, "block", "kanto", id="membership"),
    pytest.param(
        ProgressReport, factories.ProgressReportFactory, "title", "新しい表題", id="report"
    ),
    pytest.param(Field, factories.FieldFactory, "name", "新しい分野名", id="field"),
    pytest.param(
        RegionalBlock, factories.RegionalBlockFactory, "council_name", "試験協議会", id="block"
    ),
    pytest.param(Prefecture, factories.PrefectureFactory, "name_en", "Trial", id="prefecture"),
    pytest.param(
        Municipality, factories.MunicipalityFactory, "kana", "しけんし", id="municipality"
    ),
]


# Registered in the admin but kept by their own packages' logs, not by this project.
UNTRACKED_APPS = {"auth", "axes"}


def test_history_every_model_staff_edit_in_the_admin_is_audited():
    """A model the admin lets anyone change has a history and an AuditedAdmin
    (its history page, revert for editors, stale forms refused)."""
    from django.contrib import admin

    from core.admin.history import AuditedAdmin

    unaudited = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label not in UNTRACKED_APPS
        and not (hasattr(model, "history") and isinstance(model_admin, AuditedAdmin))
    ]
    assert unaudited == []


@pytest.mark.parametrize(("model", "make", "field", "new"), TRACKED)
def test_history_tracked_model_records_change_with_user_and_values(editor, model, make, field, new):
    obj = make()
    old = getattr(obj, field)
    if field == "block":
        new = factories.block(new)
    setattr(obj, field, new)
    obj._history_user = editor

    obj.save()

    created, changed = obj.history.order_by("history_date")
    assert (created.history_type, changed.history_type) == ("+", "~")
    assert changed.history_user == editor
    delta = changed.diff_against(created, foreign_keys_are_objs=True)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [(field, old, new)]


# --- the history page shows the diff -----------------------------------------------


def test_history_admin_edit_records_editor_and_shows_old_and_new(client, editor):
    briefing = factories.BriefingFactory(title="旧い開催概要", status=Briefing.Status.PLANNED)
    client.force_login(editor)
    form = client.get(admin_url(Briefing, "change", briefing.pk))
    data = change_form_data(form)
    data.update(title="新しい開催概要", status=Briefing.Status.HELD, audience_size="40")

    response = client.post(admin_url(Briefing, "change", briefing.pk), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = briefing.history.order_by("-history_date").first()
    assert latest.history_user == editor
    page = client.get(admin_url(Briefing, "history", briefing.pk))
    assert page.status_code == 200
    records = history_records(page)
    assert records[0].history_user == editor
    assert changes(records[0]) == [
        ("状況", "予定", "開催済"),
        ("開催概要", "旧い開催概要", "新しい開催概要"),
        ("参加者数", "（空欄）", "40"),
    ]
    html = page.content.decode()
    assert "<strong>開催概要:</strong>" in html
    assert "旧い開催概要\n" in html and "新しい開催概要" in html
    for heading in ("変更者", "変更理由", "変更内容", "操作", "対象（版）"):
        assert f'<th scope="col">{heading}</th>' in html


def test_history_diff_names_related_rows_and_m2m_members(client, editor):
    kumamoto_lab = factories.OrganizationFactory(name="熊本県IoT推進ラボ")
    activity = factories.ActivityFactory(thread=factories.ThreadFactory(), title="会合")
    activity._history_user = editor
    activity.organizations.add(kumamoto_lab)
    activity.field = factories.field("education")
    activity.save()
    client.force_login(editor)

    page = client.get(admin_url(Activity, "history", activity.pk))

    newest, added, _created = history_records(page)
    assert changes(newest) == [("分野", "（空欄）", "教育")]
    assert changes(added) == [("関係団体", "（空欄）", "熊本県IoT推進ラボ")]
    assert newest.history_user == editor


def test_history_diff_of_oldest_record_on_a_page_compares_with_next_page(
    client, editor, monkeypatch
):
    from django.contrib import admin

    thread = factories.ThreadFactory(title="一")
    for title in ("二", "三"):
        thread.title = title
        thread.save()
    monkeypatch.setattr(admin.site._registry[Thread], "history_list_per_page", 2)
    client.force_login(editor)

    page = client.get(admin_url(Thread, "history", thread.pk))

    assert [changes(r) for r in history_records(page)] == [
        [("名称", "二", "三")],
        [("名称", "一", "二")],
    ]


def test_history_page_for_removed_row_stays_readable_to_editor(client, editor):
    thread = factories.ThreadFactory(title="廃止された糸")
    pk = thread.pk
    thread.delete()
    client.force_login(editor)

    page = client.get(admin_url(Thread, "history", pk))

    assert page.status_code == 200
    assert [r.history_type for r in history_records(page)] == ["-", "+"]


# --- who may read which history ------------------------------------------------------


def _diagonal_update(block_code: str) -> StatusUpdate:
    thread = factories.ThreadFactory(kind=Thread.Kind.DIAGONAL)
    return factories.StatusUpdateFactory(thread=thread, block=factories.block(block_code))


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda code: factories.BriefingFactory(block=factories.block(code)), id="b"),
        pytest.param(_diagonal_update, id="statusupdate"),
        pytest.param(
            lambda code: factories.ActivityFactory(
                thread=factories.ThreadFactory(kind=Thread.Kind.DIAGONAL),
                block=factories.block(code),
            ),
            id="activity",
        ),
    ],
)
def test_history_bureau_reads_own_block_and_gets_404_for_another(client, kyushu_bureau, make):
    own, other = make("kyushu"), make("kanto")
    model = type(own)
    client.force_login(kyushu_bureau)

    assert client.get(admin_url(model, "history", own.pk)).status_code == 200
    assert client.get(admin_url(model, "history", other.pk)).status_code == 404
    record = other.history.get()
    assert client.get(version_url(other, record)).status_code == 404


def test_history_bureau_gets_404_for_removed_row_of_another_block(client, kyushu_bureau):
    activity = factories.ActivityFactory(
        thread=factories.ThreadFactory(kind=Thread.Kind.DIAGONAL), block=factories.block("kanto")
    )
    pk = activity.pk
    activity.delete()
    client.force_login(kyushu_bureau)

    assert client.get(admin_url(Activity, "history", pk)).status_code == 404


def test_history_unknown_or_malformed_id_is_404(client, editor):
    client.force_login(editor)

    assert client.get(admin_url(Briefing, "history", 999999)).status_code == 404
    assert client.get("/admin/briefings/briefing/abc/history/").status_code == 404


def test_history_viewer_reads_every_block_without_revert(client, viewer):
    briefing = factories.BriefingFactory(block=factories.block("kanto"), title="関東の説明会")
    client.force_login(viewer)

    page = client.get(admin_url(Briefing, "history", briefing.pk))
    version = client.get(version_url(briefing, briefing.history.get()))

    assert page.status_code == 200
    assert page.context["revert_disabled"] is True
    assert version.status_code == 200
    assert version.context["revert_disabled"] is True
    html = version.content.decode()
    assert 'value="この版に戻す"' not in html
    assert 'name="title"' not in html  # shown read-only
    assert "関東の説明会" in html
    breadcrumbs = html.split('<div class="breadcrumbs">')[1].split("</div>")[0]
    assert '<a href="/admin/briefings/">説明会</a>' in breadcrumbs
    assert '<a href="/admin/briefings/briefing/">説明会等</a>' in breadcrumbs
    assert "過去の版" in breadcrumbs
    assert "Historical" not in html


# --- revert ------------------------------------------------------------------------


def _briefing_with_two_versions(block_code: str = "kyushu") -> tuple[Briefing, object]:
    briefing = factories.BriefingFactory(block=factories.block(block_code), title="元の開催概要")
    first = briefing.history.get()
    briefing.title = "誤って書き換えた開催概要"
    briefing.save()
    return briefing, first


def test_revert_editor_restores_old_version_and_history_names_editor(client, editor):
    briefing, first = _briefing_with_two_versions()
    client.force_login(editor)
    page = client.get(version_url(briefing, first))
    assert page.context["revert_disabled"] is False
    assert 'value="この版に戻す"' in page.content.decode()

    response = client.post(version_url(briefing, first), change_form_data(page))

    assert response.status_code == 302
    briefing.refresh_from_db()
    assert briefing.title == "元の開催概要"
    latest = briefing.history.order_by("-history_date").first()
    assert (latest.history_user, latest.title) == (editor, "元の開催概要")


@pytest.mark.parametrize("role", ["bureau", "viewer"])
def test_revert_by_non_editor_is_403_and_changes_nothing(client, role, kyushu_bureau, viewer):
    user = kyushu_bureau if role == "bureau" else viewer
    briefing, first = _briefing_with_two_versions("kyushu")
    client.force_login(user)
    page = client.get(version_url(briefing, first))
    assert page.status_code == 200
    assert 'value="この版に戻す"' not in page.content.decode()
    assert 'name="title"' not in page.content.decode()
    data = {"title": "元の開催概要", "status": "held", "scope": "prefecture", "kind": "seminar"}

    response = client.post(version_url(briefing, first), data)

    assert response.status_code == 403
    briefing.refresh_from_db()
    assert briefing.title == "誤って書き換えた開催概要"
    assert briefing.history.count() == 2


def test_history_page_queries_do_not_grow_with_records(client, editor):
    """The diffs of a page, m2m fields included, are read in a fixed number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(versions: int) -> int:
        briefing = factories.BriefingFactory()
        for n in range(versions):
            briefing.title = f"版{n}"
            briefing.save()
            briefing.members.add(factories.MemberFactory())
        with CaptureQueriesContext(connection) as queries:
            response = client.get(admin_url(Briefing, "history", briefing.pk))
        assert len(response.context["page_obj"]) == 1 + 2 * versions
        return len(queries)

    client.force_login(editor)
    queries_for(1)  # warm the session and the content types

    assert queries_for(1) == queries_for(4)


# --- the Japanese catalogue of simple-history and axes ----------------------------------


def test_ja_catalogue_mo_is_compiled_from_po(tmp_path):
    """locale/ja is hand-maintained: compile it with `msgfmt -o django.mo django.po`."""
    import gettext
    import shutil
    import subprocess
    from pathlib import Path

    from django.conf import settings

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")
    po = Path(settings.BASE_DIR) / "locale" / "ja" / "LC_MESSAGES" / "django.po"
    fresh = tmp_path / "django.mo"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(fresh), str(po)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr

    def catalog(path):
        with path.open("rb") as fp:
            return {k: v for k, v in gettext.GNUTranslations(fp)._catalog.items() if k}

    assert catalog(po.with_suffix(".mo")) == catalog(fresh)


@pytest.mark.parametrize(
    ("msgid", "japanese"),
    [
        ("Changed by", "変更者"),
        ("Change reason", "変更理由"),
        ("Changes", "変更内容"),
        ("Revert", "この版に戻す"),
        ("Created", "作成"),
        ("Account locked: too many login attempts. Please try again later.", None),
        ("access attempts", "ログイン試行の記録"),
        # Django's own translation is kept, not overridden.
        ("History", "履歴"),
    ],
)
def test_ja_catalogue_translates_library_strings(msgid, japanese):
    from django.utils import translation

    with translation.override("ja"):
        text = translation.gettext(msgid)

    assert text != msgid
    if japanese is not None:
        assert text == japanese
