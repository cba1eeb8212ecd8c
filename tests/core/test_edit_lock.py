"""A stale form never overwrites another person's edit (core.admin.locking).

Two members of staff open the same change form; 田中 saves first; 佐藤's
form, opened before, is refused: nothing is written, the form comes back
with what 田中 changed, and 佐藤's own edits kept over the current values,
so saving it again applies only them.
"""

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from briefings.models import Briefing
from core.access import EDITOR
from core.admin.locking import VERSION_FIELD, issue_token
from tests import factories
from tests.admin_urls import admin_url, change_form_data, row_versions
from tests.factories import staff_user
from threads.models import Activity, StatusUpdate, Thread

pytestmark = pytest.mark.django_db

REFUSED = (
    "{subject}は、あなたがフォームを開いた後に{who}さんが変更しました（{when}）。"
    "下の変更内容を確認し、もう一度入力してください。"
)
UNVERIFIED = (
    "この項目は、フォームを開いた時点の版を確かめられないため保存しませんでした。"
    "下の内容を確認し、もう一度保存してください。"
)
BOTH_CHANGED = (
    "この欄は他の人も変更しています。あなたの入力を残しました。"
    "上の変更内容と見比べてから保存してください。"
)


def staff_client(username: str, last_name: str) -> Client:
    user = staff_user(EDITOR, username=username, last_name=last_name)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def tanaka(db):
    return staff_client("tanaka", "田中")


@pytest.fixture
def sato(db):
    return staff_client("sato", "佐藤")


def refused(subject: str, record) -> str:
    when = date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
    return REFUSED.format(subject=subject, who="田中", when=when)


def conflict_rows(response) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """The refusal's list of changes: per row, who and what (field, old, new)."""
    return [
        (
            conflict.title,
            [
                (
                    str(record.history_user.last_name),
                    [
                        (c["field"], str(c["old"]), str(c["new"]))
                        for c in record.history_delta_changes
                    ],
                )
                for record in conflict.records
            ],
        )
        for conflict in response.context["edit_conflicts"]
    ]


def latest(obj):
    return obj.history.order_by("-history_id").first()


# --- the page's own row ---------------------------------------------------------------


def test_stale_form_refused_shows_the_change_and_writes_nothing(tanaka, sato):
    briefing = factories.BriefingFactory(title="元の開催概要", notes="")
    url = admin_url(Briefing, "change", briefing.pk)
    tanaka_form = change_form_data(tanaka.get(url))
    sato_form = change_form_data(sato.get(url))
    tanaka_form["title"] = "田中が直した開催概要"
    assert tanaka.post(url, tanaka_form).status_code == 302
    history_before = briefing.history.count()
    sato_form["notes"] = "佐藤の備考"

    response = sato.post(url, sato_form)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.non_field_errors() == [refused("この項目", latest(briefing))]
    assert conflict_rows(response) == [
        (
            f"説明会等「{Briefing.objects.get(pk=briefing.pk)}」",  # as it is now
            [("田中", [("開催概要", "元の開催概要", "田中が直した開催概要")])],
        )
    ]
    html = response.content.decode()
    assert "<strong>開催概要:</strong> 元の開催概要 &rarr; 田中が直した開催概要" in html
    briefing.refresh_from_db()
    assert (briefing.title, briefing.notes) == ("田中が直した開催概要", "")
    assert briefing.history.count() == history_before
    assert latest(briefing).history_user == tanaka.user


def test_stale_form_comes_back_with_own_edit_over_current_values_and_then_saves(tanaka, sato):
    briefing = factories.BriefingFactory(title="元の開催概要", notes="")
    url = admin_url(Briefing, "change", briefing.pk)
    tanaka_form, sato_form = change_form_data(tanaka.get(url)), change_form_data(sato.get(url))
    tanaka_form["title"] = "田中が直した開催概要"
    tanaka.post(url, tanaka_form)
    sato_form["notes"] = "佐藤の備考"
    refusal = sato.post(url, sato_form)
    again = change_form_data(refusal)
    assert (again["title"], again["notes"]) == ("田中が直した開催概要", "佐藤の備考")

    response = sato.post(url, again)

    assert response.status_code == 302
    briefing.refresh_from_db()
    assert (briefing.title, briefing.notes) == ("田中が直した開催概要", "佐藤の備考")
    assert latest(briefing).history_user == sato.user


def test_stale_form_keeps_own_input_where_both_changed_the_field(tanaka, sato):
    briefing = factories.BriefingFactory(title="元の開催概要")
    url = admin_url(Briefing, "change", briefing.pk)
    tanaka_form, sato_form = change_form_data(tanaka.get(url)), change_form_data(sato.get(url))
    tanaka_form["title"] = "田中の開催概要"
    tanaka.post(url, tanaka_form)
    sato_form["title"] = "佐藤の開催概要"

    response = sato.post(url, sato_form)

    form = response.context["adminform"].form
    assert form.errors["title"] == [BOTH_CHANGED]
    assert form["title"].value() == "佐藤の開催概要"
    assert Briefing.objects.get(pk=briefing.pk).title == "田中の開催概要"


def test_fresh_form_saves(sato):
    briefing = factories.BriefingFactory(title="元の開催概要")
    url = admin_url(Briefing, "change", briefing.pk)
    data = change_form_data(sato.get(url))
    data["title"] = "新しい開催概要"

    response = sato.post(url, data)

    assert response.status_code == 302
    assert Briefing.objects.get(pk=briefing.pk).title == "新しい開催概要"


def test_form_shown_again_after_an_error_keeps_the_version_it_was_opened_with(tanaka, sato):
    briefing = factories.BriefingFactory(status=Briefing.Status.PLANNED, title="元の開催概要")
    url = admin_url(Briefing, "change", briefing.pk)
    opened = change_form_data(sato.get(url))
    invalid = sato.post(url, {**opened, "status": Briefing.Status.HELD, "audience_size": ""})
    assert invalid.status_code == 200
    shown_again = change_form_data(invalid)
    assert shown_again[VERSION_FIELD] == opened[VERSION_FIELD]
    tanaka_form = change_form_data(tanaka.get(url))
    tanaka.post(url, {**tanaka_form, "title": "田中の開催概要"})

    response = sato.post(url, {**shown_again, "audience_size": "20"})

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        refused("この項目", latest(briefing))
    ]
    briefing.refresh_from_db()
    assert (briefing.status, briefing.title) == (Briefing.Status.PLANNED, "田中の開催概要")


def test_a_save_that_changed_nothing_is_no_conflict(tanaka, sato):
    briefing = factories.BriefingFactory(notes="")
    url = admin_url(Briefing, "change", briefing.pk)
    tanaka_form, sato_form = change_form_data(tanaka.get(url)), change_form_data(sato.get(url))
    tanaka.post(url, tanaka_form)  # a history record, no change

    response = sato.post(url, {**sato_form, "notes": "佐藤の備考"})

    assert response.status_code == 302
    assert Briefing.objects.get(pk=briefing.pk).notes == "佐藤の備考"


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(None, id="missing"),
        pytest.param("briefings.briefing:1=1:forged", id="forged"),
        pytest.param("other-row", id="another_rows"),
    ],
)
def test_form_without_a_valid_version_refused(sato, token):
    briefing = factories.BriefingFactory(title="元の開催概要")
    other = factories.BriefingFactory()
    url = admin_url(Briefing, "change", briefing.pk)
    data = change_form_data(sato.get(url))
    if token is None:
        del data[VERSION_FIELD]
    elif token == "other-row":
        data[VERSION_FIELD] = issue_token(Briefing, {other.pk: latest(other).history_id})
    else:
        data[VERSION_FIELD] = token
    history_before = briefing.history.count()

    response = sato.post(url, {**data, "title": "新しい開催概要"})

    assert response.context["adminform"].form.non_field_errors() == [UNVERIFIED]
    assert Briefing.objects.get(pk=briefing.pk).title == "元の開催概要"
    assert briefing.history.count() == history_before
    # The form now carries the current version: saving it again goes through.
    assert sato.post(url, change_form_data(response)).status_code == 302


def test_add_form_carries_no_version_and_saves(sato):
    page = sato.get(admin_url(Thread, "add"))
    assert page.context["edit_versions"] == []
    assert VERSION_FIELD not in page.content.decode()
    data = {
        **change_form_data(page),
        "title": "新しい糸",
        "slug": "new-thread",
        "kind": Thread.Kind.VERTICAL,
        "order": "9",
    }

    response = sato.post(admin_url(Thread, "add"), data)

    assert response.status_code == 302
    assert Thread.objects.filter(slug="new-thread").count() == 1


# --- inline rows ------------------------------------------------------------------------


def test_stale_inline_row_refused_and_then_saved_with_both_edits(tanaka, sato):
    thread = factories.ThreadFactory(title="縦の糸")
    update = factories.StatusUpdateFactory(thread=thread, text="元の取組状況")
    url = admin_url(Thread, "change", thread.pk)
    sato_form = change_form_data(sato.get(url))
    own = admin_url(StatusUpdate, "change", update.pk)
    tanaka.post(own, {**change_form_data(tanaka.get(own)), "text": "田中が直した取組状況"})
    histories = (thread.history.count(), update.history.count())

    response = sato.post(url, {**sato_form, "title": "佐藤が直した縦の糸"})

    assert response.status_code == 200
    formset = next(
        i.formset
        for i in response.context["inline_admin_formsets"]
        if i.formset.model is StatusUpdate
    )
    subject = "取組状況「田中が直した取組状況」"  # the row as it is now
    assert formset.forms[0].non_field_errors() == [refused(subject, latest(update))]
    assert conflict_rows(response) == [
        (subject, [("田中", [("内容", "元の取組状況", "田中が直した取組状況")])])
    ]
    assert Thread.objects.get(pk=thread.pk).title == "縦の糸"
    assert StatusUpdate.objects.get(pk=update.pk).text == "田中が直した取組状況"
    assert (thread.history.count(), update.history.count()) == histories

    again = sato.post(url, change_form_data(response))

    assert again.status_code == 302
    assert Thread.objects.get(pk=thread.pk).title == "佐藤が直した縦の糸"
    assert StatusUpdate.objects.get(pk=update.pk).text == "田中が直した取組状況"


def test_inline_row_changed_only_outside_the_inline_is_no_conflict(tanaka, sato):
    """The thread page's activity rows do not show the description."""
    thread = factories.ThreadFactory()
    activity = factories.ActivityFactory(thread=thread, title="元の活動", description="")
    url = admin_url(Thread, "change", thread.pk)
    sato_form = change_form_data(sato.get(url))
    own = admin_url(Activity, "change", activity.pk)
    tanaka.post(own, {**change_form_data(tanaka.get(own)), "description": "田中の説明"})
    prefix = next(k for k, v in sato_form.items() if k.endswith("-id") and v == str(activity.pk))

    response = sato.post(url, {**sato_form, prefix.replace("-id", "-title"): "佐藤の活動"})

    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.description) == ("佐藤の活動", "田中の説明")


def test_change_page_reads_versions_once_per_model_whatever_the_rows(sato):
    """One history query per tracked model with rows on the page (the
    thread, its status updates and activities), for one row or many."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def history_queries(rows: int) -> int:
        thread = factories.ThreadFactory()
        factories.StatusUpdateFactory.create_batch(rows, thread=thread)
        factories.ActivityFactory.create_batch(rows, thread=thread)
        with CaptureQueriesContext(connection) as queries:
            page = sato.get(admin_url(Thread, "change", thread.pk))
        assert len(page.context["edit_versions"]) == 1 + 2 * rows
        return sum('"history_id"' in q["sql"] and "MAX(" in q["sql"] for q in queries)

    assert history_queries(1) == history_queries(4) == 3


def test_post_locks_the_rows_before_reading_their_versions(sato, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if not connection.features.has_select_for_update:
        pytest.skip("SQLite serialises writers; it has no row locks")
    briefing = factories.BriefingFactory()
    url = admin_url(Briefing, "change", briefing.pk)
    data = change_form_data(sato.get(url))

    with CaptureQueriesContext(connection) as queries:
        assert sato.post(url, data).status_code == 302

    sql = [q["sql"] for q in queries]
    lock = next(i for i, q in enumerate(sql) if "FOR UPDATE" in q and '"briefings_briefing"' in q)
    version = next(i for i, q in enumerate(sql) if "MAX(" in q and "historicalbriefing" in q)
    assert lock < version


# --- the revert page --------------------------------------------------------------------


def test_stale_revert_refused(tanaka, sato):
    briefing = factories.BriefingFactory(title="最初の開催概要")
    first = latest(briefing)
    briefing.title = "二番目の開催概要"
    briefing.save()
    version_url = admin_url(Briefing, "simple_history", briefing.pk, first.pk)
    page = sato.get(version_url)
    assert f'<input type="hidden" name="{VERSION_FIELD}"' in page.content.decode()
    revert = change_form_data(page)
    url = admin_url(Briefing, "change", briefing.pk)
    tanaka.post(url, {**change_form_data(tanaka.get(url)), "title": "田中の開催概要"})

    response = sato.post(version_url, revert)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        refused("この項目", latest(briefing))
    ]
    assert Briefing.objects.get(pk=briefing.pk).title == "田中の開催概要"


def test_hand_built_post_takes_versions_from_the_page(sato):
    """tests.admin_urls.row_versions: what a test posting its own data adds."""
    thread = factories.ThreadFactory()
    factories.StatusUpdateFactory(thread=thread)

    versions = row_versions(sato.get(admin_url(Thread, "change", thread.pk)))

    assert sorted(versions) == [VERSION_FIELD, f"status_updates-0-{VERSION_FIELD}"]


def test_row_opened_before_it_had_a_history_is_refused_naming_who_changed_it(tanaka, sato):
    """Rows stored before the audit trail existed have no history record yet."""
    briefing = factories.BriefingFactory(title="元の開催概要")
    briefing.history.all().delete()
    url = admin_url(Briefing, "change", briefing.pk)
    sato_form = change_form_data(sato.get(url))
    tanaka.post(url, {**change_form_data(tanaka.get(url)), "title": "田中の開催概要"})

    response = sato.post(url, {**sato_form, "notes": "佐藤の備考"})

    assert response.context["adminform"].form.non_field_errors() == [
        refused("この項目", latest(briefing))
    ]
    assert "変更内容の記録はありません。" in response.content.decode()
    assert Briefing.objects.get(pk=briefing.pk).title == "田中の開催概要"


@pytest.fixture
def reference_data():
    """A transactional test may follow a flush (see ensure_reference_data)."""
    from tests.factories import ensure_reference_data

    ensure_reference_data()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_save_waits_for_a_concurrent_save_of_the_row_and_is_refused(reference_data, tanaka, sato):
    """PostgreSQL: 田中's save holds the row while 佐藤's stale form arrives.
    佐藤's check waits for the row lock, then sees 田中's version. Without the
    lock it would read the version before 田中's commit and overwrite it."""
    import threading
    import time

    from django.db import connection, transaction

    if not connection.features.has_select_for_update:
        pytest.skip("SQLite serialises writers; it has no row locks")
    briefing = factories.BriefingFactory(title="元の開催概要")
    url = admin_url(Briefing, "change", briefing.pk)
    sato_form = change_form_data(sato.get(url))
    holding = threading.Event()

    def tanaka_saves():
        try:
            with transaction.atomic():
                row = Briefing.objects.select_for_update().get(pk=briefing.pk)
                holding.set()
                time.sleep(1)  # 佐藤's request arrives meanwhile
                row.title = "田中の開催概要"
                row._history_user = tanaka.user
                row.save()
        finally:
            connection.close()

    thread = threading.Thread(target=tanaka_saves)
    thread.start()
    assert holding.wait(5)

    response = sato.post(url, {**sato_form, "notes": "佐藤の備考"})

    thread.join()
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        refused("この項目", latest(briefing))
    ]
    briefing.refresh_from_db()
    assert (briefing.title, briefing.notes) == ("田中の開催概要", "")
