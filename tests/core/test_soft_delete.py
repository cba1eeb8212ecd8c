"""Soft deletion of briefings and status updates (core.admin.softdelete.SoftDeleteAdmin).

Deleting in the admin sets `deleted_at` through save() (the history records
who), touches nothing related, and hides the row from every public page and
from the admin list; editors (and viewers) can list deleted rows with the
filter 削除済みを表示, editors restore them with 復元する. Bureau staff never
see a deleted row, not even one of their own block (decided in
core/admin/softdelete.py: only an editor can act on it).
"""

import datetime
import re

import pytest
from django.urls import reverse

from briefings.models import Briefing, BriefingMaterial
from briefings.services import coverage_summary
from tests import factories
from tests.admin_urls import admin_url, change_form_data
from threads.models import StatusUpdate, Thread

pytestmark = pytest.mark.django_db

KUMAMOTO = "43"


def deleted_briefing(**kwargs) -> Briefing:
    briefing = factories.BriefingFactory(**kwargs)
    briefing.soft_delete()
    return briefing


def changelist_ids(response) -> list[int]:
    return sorted(obj.pk for obj in response.context["cl"].result_list)


def offered_actions(response) -> set[str]:
    form = response.context["action_form"]
    return set(dict(form.fields["action"].choices)) if form is not None else set()


def action_data(action: str, *objs) -> dict:
    return {"action": action, "_selected_action": [str(o.pk) for o in objs], "post": "yes"}


# --- deleting in the admin ---------------------------------------------------------


def test_delete_page_explains_soft_deletion_without_listing_related_rows(client, editor):
    briefing = factories.BriefingFactory(title="熊本県説明会")
    BriefingMaterial.objects.create(briefing=briefing, title="資料1", url="https://example.jp/1")
    client.force_login(editor)

    response = client.get(admin_url(Briefing, "delete", briefing.pk))

    assert response.status_code == 200
    html = response.content.decode()
    assert "説明会等「2017-02-15 熊本県説明会」を削除しますか？" in html
    assert "削除すると公開ページに表示されなくなります。" in html
    assert "編集者（総務省）が復元できます。" in html
    assert "資料1" not in html
    assert dict(response.context["model_count"]) == {"説明会等": 1}


def test_delete_sets_deleted_at_keeps_row_and_related_and_records_editor(client, editor):
    briefing = factories.BriefingFactory()
    material = BriefingMaterial.objects.create(
        briefing=briefing, title="資料1", url="https://example.jp/1"
    )
    client.force_login(editor)

    response = client.post(admin_url(Briefing, "delete", briefing.pk), {"post": "yes"})

    assert response.status_code == 302
    briefing = Briefing.all_objects.get(pk=briefing.pk)
    assert briefing.deleted_at is not None
    assert not Briefing.objects.filter(pk=briefing.pk).exists()
    assert BriefingMaterial.objects.filter(pk=material.pk).exists()
    latest = briefing.history.order_by("-history_date").first()
    assert (latest.history_type, latest.history_user, latest.history_change_reason) == (
        "~",
        editor,
        "削除",
    )
    assert latest.deleted_at == briefing.deleted_at


def test_delete_selected_action_soft_deletes_each_row_with_history(client, editor):
    first, second = factories.BriefingFactory.create_batch(2)
    client.force_login(editor)
    confirm = client.post(
        admin_url(Briefing, "changelist"),
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk]},
    )
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "選択した説明会等を削除しますか？" in html
    assert "公開ページに表示されなくなります" in html

    response = client.post(
        admin_url(Briefing, "changelist"), action_data("delete_selected", first, second)
    )

    assert response.status_code == 302
    assert Briefing.objects.count() == 0
    assert Briefing.all_objects.count() == 2
    for briefing in (first, second):
        latest = briefing.history.order_by("-history_date").first()
        assert (latest.history_user, latest.history_change_reason) == (editor, "削除")


def test_delete_status_update_in_thread_inline_is_soft(client, editor):
    thread = factories.ThreadFactory()
    update = factories.StatusUpdateFactory(thread=thread, text="取り下げる状況")
    client.force_login(editor)
    data = change_form_data(client.get(admin_url(Thread, "change", thread.pk)))
    prefix = next(k for k, v in data.items() if v == str(update.pk) and k.endswith("-id"))
    data[prefix.replace("-id", "-DELETE")] = "on"

    response = client.post(admin_url(Thread, "change", thread.pk), data)

    assert response.status_code == 302
    update = StatusUpdate.all_objects.get(pk=update.pk)
    assert update.deleted_at is not None
    latest = update.history.order_by("-history_date").first()
    assert (latest.history_user, latest.history_change_reason) == (editor, "削除")


def test_bureau_deletes_own_block_row_softly(client, kyushu_bureau):
    briefing = factories.BriefingFactory(prefecture=factories.prefecture(KUMAMOTO))
    client.force_login(kyushu_bureau)

    response = client.post(admin_url(Briefing, "delete", briefing.pk), {"post": "yes"})

    assert response.status_code == 302
    latest = Briefing.all_objects.get(pk=briefing.pk).history.order_by("-history_date").first()
    assert (latest.history_user, latest.history_change_reason) == (kyushu_bureau, "削除")
    assert latest.deleted_at is not None


def test_bureau_cannot_delete_another_blocks_row(client, kyushu_bureau):
    tokyo = factories.BriefingFactory(prefecture=factories.prefecture("13"))
    client.force_login(kyushu_bureau)

    single = client.post(admin_url(Briefing, "delete", tokyo.pk), {"post": "yes"})
    client.post(admin_url(Briefing, "changelist"), action_data("delete_selected", tokyo))

    assert single.status_code == 404
    tokyo = Briefing.objects.get(pk=tokyo.pk)
    assert tokyo.deleted_at is None
    assert tokyo.history.count() == 1


# --- the admin list ----------------------------------------------------------------------


def test_changelist_hides_deleted_rows_by_default_even_for_editors(client, editor):
    live = factories.BriefingFactory()
    deleted_briefing()
    client.force_login(editor)

    response = client.get(admin_url(Briefing, "changelist"))

    assert changelist_ids(response) == [live.pk]


def test_changelist_filter_shows_deleted_rows_to_editors(client, editor):
    live = factories.BriefingFactory()
    deleted = deleted_briefing()
    client.force_login(editor)

    included = client.get(admin_url(Briefing, "changelist") + "?deleted=include")
    only = client.get(admin_url(Briefing, "changelist") + "?deleted=only")

    assert changelist_ids(included) == sorted([live.pk, deleted.pk])
    assert changelist_ids(only) == [deleted.pk]
    html = only.content.decode()
    assert "削除済みを表示" in html
    assert "削除済みのみ" in html
    assert '<th scope="col" class="column-deleted_at_column">' in html


def test_changelist_filter_default_choice_reads_hidden(client, editor):
    client.force_login(editor)

    response = client.get(admin_url(StatusUpdate, "changelist"))

    spec = next(f for f in response.context["cl"].filter_specs if f.title == "削除済みを表示")
    labels = [c["display"] for c in spec.choices(response.context["cl"])]
    assert labels == ["表示しない", "削除済みも含める", "削除済みのみ"]


def test_changelist_viewer_may_list_deleted_rows_but_not_restore(client, viewer):
    deleted = deleted_briefing()
    client.force_login(viewer)

    response = client.get(admin_url(Briefing, "changelist") + "?deleted=only")

    assert changelist_ids(response) == [deleted.pk]
    assert "restore_selected" not in offered_actions(response)
    assert client.get(admin_url(Briefing, "change", deleted.pk)).status_code == 200


def test_bureau_never_sees_deleted_rows_of_own_block(client, kyushu_bureau):
    live = factories.BriefingFactory(prefecture=factories.prefecture(KUMAMOTO))
    deleted = deleted_briefing(prefecture=factories.prefecture(KUMAMOTO))
    client.force_login(kyushu_bureau)

    listing = client.get(admin_url(Briefing, "changelist"))
    asked = client.get(admin_url(Briefing, "changelist") + "?deleted=only")

    assert changelist_ids(listing) == [live.pk]
    assert "削除済みを表示" not in listing.content.decode()
    # An unknown filter parameter sends the bureau back to the plain list.
    assert asked.status_code == 302
    assert asked["Location"].endswith("?e=1")
    for action in ("change", "history", "delete"):
        assert client.get(admin_url(Briefing, action, deleted.pk)).status_code == 404


def test_change_page_of_deleted_row_warns_editor(client, editor):
    deleted = deleted_briefing()
    client.force_login(editor)

    response = client.get(admin_url(Briefing, "change", deleted.pk))

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "この項目は削除済みで、公開ページには表示されていません。"
    ]


# --- restoring -------------------------------------------------------------------------


def test_restore_action_brings_rows_back_and_records_editor(client, editor):
    briefing = deleted_briefing()
    update = factories.StatusUpdateFactory()
    update.soft_delete()
    client.force_login(editor)

    for model, obj in ((Briefing, briefing), (StatusUpdate, update)):
        response = client.post(
            admin_url(model, "changelist") + "?deleted=only", action_data("restore_selected", obj)
        )
        assert response.status_code == 302
        obj = model.objects.get(pk=obj.pk)
        assert obj.deleted_at is None
        latest = obj.history.order_by("-history_date").first()
        assert (latest.history_user, latest.history_change_reason) == (editor, "復元")


def test_restore_action_reports_count(client, editor):
    first, second = deleted_briefing(), deleted_briefing()
    live = factories.BriefingFactory()
    client.force_login(editor)

    response = client.post(
        admin_url(Briefing, "changelist") + "?deleted=include",
        action_data("restore_selected", first, second, live),
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "2件を復元しました。公開ページに再び表示されます。"
    ]
    assert live.history.count() == 1


def test_restore_action_is_offered_to_editors_only(client, editor, viewer, kyushu_bureau):
    offered = {}
    for user in (editor, viewer, kyushu_bureau):
        client.force_login(user)
        response = client.get(admin_url(Briefing, "changelist"))
        offered[user.username] = "restore_selected" in offered_actions(response)

    assert offered == {"editor": True, "auditor": False, "kyushu": False}


@pytest.mark.parametrize("role", ["bureau", "viewer"])
def test_restore_by_non_editor_changes_nothing(client, role, viewer, kyushu_bureau):
    user = kyushu_bureau if role == "bureau" else viewer
    briefing = deleted_briefing(prefecture=factories.prefecture(KUMAMOTO))
    client.force_login(user)

    client.post(
        admin_url(Briefing, "changelist") + "?deleted=only",
        action_data("restore_selected", briefing),
    )

    briefing = Briefing.all_objects.get(pk=briefing.pk)
    assert briefing.deleted_at is not None
    assert briefing.history.count() == 2


def test_history_shows_deletion_and_restore_with_user(client, editor):
    briefing = factories.BriefingFactory()
    client.force_login(editor)
    client.post(admin_url(Briefing, "delete", briefing.pk), {"post": "yes"})
    client.post(
        admin_url(Briefing, "changelist") + "?deleted=only",
        action_data("restore_selected", briefing),
    )

    page = client.get(admin_url(Briefing, "history", briefing.pk))

    restored, deleted, _created = page.context["page_obj"]
    assert (restored.history_change_reason, restored.history_user) == ("復元", editor)
    assert (deleted.history_change_reason, deleted.history_user) == ("削除", editor)
    assert [c["field"] for c in restored.history_delta_changes] == ["削除日時"]
    assert str(restored.history_delta_changes[0]["new"]) == "（空欄）"
    assert str(deleted.history_delta_changes[0]["old"]) == "（空欄）"


def test_autocomplete_never_offers_deleted_rows(rf, editor):
    from django.contrib import admin
    from django.urls import resolve

    live = factories.BriefingFactory(title="説明会A")
    deleted_briefing(title="説明会B")
    # The search an autocomplete widget runs (no admin form picks a briefing yet).
    request = rf.get(reverse("admin:autocomplete"))
    request.resolver_match = resolve(request.path)
    request.user = editor
    briefing_admin = admin.site._registry[Briefing]

    found, _duplicates = briefing_admin.get_search_results(
        request, briefing_admin.get_queryset(request), "説明会"
    )

    assert list(found) == [live]


# --- the public pages -------------------------------------------------------------------


@pytest.fixture
def two_briefings():
    """A live and a deleted session in 熊本県, held and planned, with unique titles."""
    kumamoto = factories.prefecture(KUMAMOTO)
    live = factories.BriefingFactory(prefecture=kumamoto, title="残る説明会")
    deleted_briefing(prefecture=kumamoto, title="消えた説明会")
    deleted_briefing(
        prefecture=kumamoto,
        title="消えた予定の説明会",
        status=Briefing.Status.PLANNED,
        date=datetime.date(2099, 1, 1),
    )
    return live


@pytest.mark.parametrize(
    "url",
    [
        "/briefings/",
        "/briefings/?q=説明会",
        f"/prefectures/{KUMAMOTO}/",
        "/blocks/kyushu/",
        "/",
        "/search/?q=説明会",
    ],
)
def test_public_pages_leave_out_deleted_briefings(client, two_briefings, url):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "残る説明会" in html
    assert "消えた" not in html


def test_public_detail_of_deleted_briefing_is_404(client, two_briefings):
    deleted = Briefing.all_objects.get(title="消えた説明会")

    assert client.get(deleted.get_absolute_url()).status_code == 404
    assert client.get(two_briefings.get_absolute_url()).status_code == 200


def test_coverage_counts_leave_out_deleted_briefings(client, two_briefings):
    summary = coverage_summary()
    html = client.get("/briefings/coverage/").content.decode()

    kumamoto = next(p for p in summary.prefectures if p.prefecture.code == KUMAMOTO)
    kyushu = next(b for b in summary.blocks if b.block.code == "kyushu")
    assert (summary.held, summary.planned) == (1, 0)
    assert (kumamoto.held, kumamoto.planned) == (1, 0)
    assert kyushu.total == 1
    assert 'aria-label="熊本県：開催 1回"' in html


def test_public_pages_leave_out_deleted_status_updates(client):
    thread = factories.ThreadFactory(title="縦の糸")
    factories.StatusUpdateFactory(
        thread=thread, text="残る取組状況", as_of=datetime.date(2017, 1, 1)
    )
    deleted = factories.StatusUpdateFactory(
        thread=thread, text="消えた取組状況", as_of=datetime.date(2017, 2, 1)
    )
    deleted.soft_delete()

    for url in (thread.get_absolute_url(), "/threads/", "/", "/search/?q=取組状況"):
        html = client.get(url).content.decode()
        assert "消えた" not in html, url
        assert "残る" in html, url


def test_home_figures_leave_out_deleted_briefings(client, two_briefings):
    response = client.get("/")

    figures = {f.figure.key: f.value for f in response.context["figures"]}
    assert (figures["briefings-held"], figures["briefings-planned"]) == (1, 0)
    html = response.content.decode()
    assert not re.search("消えた", html)
