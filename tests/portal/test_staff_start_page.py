"""The staff start page: the admin index with what a bureau must update (portal/staff_dashboard.py)."""

import datetime
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from briefings.models import Briefing
from core.access import BUREAU, EDITOR, VIEWER
from portal.staff_dashboard import UPCOMING_LIMIT, start_page
from tests.factories import (
    TODAY,
    BriefingFactory,
    StatusUpdateFactory,
    ThreadFactory,
    block,
    bureau_without_block,
    prefecture,
    staff_user,
)
from threads.models import Thread

# Rows are dated from today: every test stands on one fixed day.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]

KUMAMOTO, TOKYO = "43", "13"
INDEX = "admin:index"


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def planned(pref: str | None = KUMAMOTO, *, on: datetime.date, **kwargs) -> Briefing:
    return BriefingFactory(
        status=Briefing.Status.PLANNED,
        prefecture=prefecture(pref) if pref else None,
        date=on,
        **kwargs,
    )


def changelist(**params) -> str:
    return f"{reverse('admin:briefings_briefing_changelist')}?{urlencode(params)}"


@pytest.fixture
def staff(django_user_model):
    def make(role: str, block_code: str | None = None):
        return staff_user(role, block_code, username=f"{role}-{block_code}")

    return make


@pytest.fixture
def as_role(client, staff):
    def log_in(role: str, block_code: str | None = None):
        client.force_login(staff(role, block_code))
        return client

    return log_in


# --- a bureau --------------------------------------------------------------------


def test_start_page_bureau_lists_own_overdue_briefings(as_role):
    older = planned(on=days(-30), title="先月の説明会")
    newer = planned(on=days(-1), title="昨日の説明会")
    planned(TOKYO, on=days(-5), title="関東の説明会")
    planned(on=days(0), title="今日の説明会")
    BriefingFactory(prefecture=prefecture(KUMAMOTO), date=days(-3), title="開催済の説明会")
    planned(on=days(-2), title="削除した説明会").soft_delete()

    page = as_role(BUREAU, "kyushu").get(reverse(INDEX)).context["start_page"]

    assert page.block == block("kyushu")
    assert page.overdue == [older, newer]
    assert page.overdue_count == 2
    assert page.overdue_url == changelist(overdue="yes")


def test_start_page_bureau_shows_overdue_with_link(as_role):
    planned(on=days(-1), title="昨日の説明会")

    response = as_role(BUREAU, "kyushu").get(reverse(INDEX))

    html = response.content.decode()
    assert "九州の要更新の説明会等（1件）" in html
    assert "昨日の説明会" in html
    assert f'href="{changelist(overdue="yes")}"' in html.replace("&amp;", "&")


def test_start_page_bureau_lists_next_five_planned(as_role):
    upcoming = [planned(on=days(n), title=f"{n}日後") for n in (6, 1, 0, 3, 10, 2)]
    planned(TOKYO, on=days(1), title="関東の説明会")

    page = as_role(BUREAU, "kyushu").get(reverse(INDEX)).context["start_page"]

    assert [b.title for b in page.upcoming] == ["0日後", "1日後", "2日後", "3日後", "6日後"]
    assert len(page.upcoming) == UPCOMING_LIMIT
    assert set(page.upcoming) < set(upcoming)
    assert page.upcoming_url == changelist(status__exact="planned", date__gte=days(0), o=1)


def test_start_page_bureau_diagonal_thread_stale_for_own_block(as_role):
    diagonal = ThreadFactory(kind=Thread.Kind.DIAGONAL, title="斜めの糸")
    vertical = ThreadFactory(kind=Thread.Kind.VERTICAL, title="縦の糸")
    StatusUpdateFactory(thread=diagonal, block=block("kyushu"), as_of=days(-90))
    StatusUpdateFactory(thread=diagonal, block=block("kanto"), as_of=days(-3))
    StatusUpdateFactory(thread=vertical, as_of=days(-89))

    page = as_role(BUREAU, "kyushu").get(reverse(INDEX)).context["start_page"]

    by_thread = {s.thread: s for s in page.threads}
    assert (by_thread[diagonal].freshness.days_since, by_thread[diagonal].freshness.stale) == (
        3,
        False,
    )
    assert (
        by_thread[diagonal].block_freshness.days_since,
        by_thread[diagonal].block_freshness.stale,
    ) == (90, True)
    assert (by_thread[vertical].freshness.stale, by_thread[vertical].block_freshness) == (
        False,
        None,
    )
    assert page.stale_threads == [by_thread[diagonal]]
    assert by_thread[diagonal].add_update_url == (
        f"{reverse('admin:threads_statusupdate_add')}?thread={diagonal.pk}"
    )


def test_start_page_bureau_deleted_status_update_does_not_count(as_role):
    diagonal = ThreadFactory(kind=Thread.Kind.DIAGONAL)
    StatusUpdateFactory(thread=diagonal, block=block("kyushu"), as_of=days(-100))
    StatusUpdateFactory(thread=diagonal, block=block("kyushu"), as_of=days(-1)).soft_delete()

    page = as_role(BUREAU, "kyushu").get(reverse(INDEX)).context["start_page"]

    (status,) = page.threads
    assert (status.freshness.days_since, status.block_freshness.days_since) == (100, 100)
    assert status.stale is True


def test_start_page_bureau_without_block_shows_notice(client, django_user_model):
    user = bureau_without_block()
    planned(on=days(-1))
    client.force_login(user)

    response = client.get(reverse(INDEX))

    assert response.context["start_page"].missing_block is True
    assert response.context["start_page"].overdue == []
    assert "担当の地域ブロックが設定されていない" in response.content.decode()


def test_start_page_keeps_app_list(as_role):
    response = as_role(BUREAU, "kyushu").get(reverse(INDEX))

    assert {app["app_label"] for app in response.context["app_list"]} == {
        "briefings",
        "threads",
        "networks",
    }
    assert 'id="staff-start"' in response.content.decode()


# --- the overview: editors and viewers --------------------------------------------


@pytest.mark.parametrize("role", [EDITOR, VIEWER])
def test_start_page_overview_counts_overdue_per_block(as_role, role):
    planned(on=days(-1))
    planned(on=days(-9))
    planned(TOKYO, on=days(-2))
    planned(TOKYO, on=days(2))
    planned(None, on=days(-4), scope="national")
    kyushu, kanto = block("kyushu"), block("kanto")

    page = as_role(role).get(reverse(INDEX)).context["start_page"]

    counts = {(row.block.code if row.block else None): row.count for row in page.blocks}
    assert counts == {
        "hokkaido": 0,
        "tohoku": 0,
        "kanto": 1,
        "shinetsu": 0,
        "hokuriku": 0,
        "tokai": 0,
        "kinki": 0,
        "chugoku": 0,
        "shikoku": 0,
        "kyushu": 2,
        "okinawa": 0,
        None: 1,
    }
    assert page.overdue_count == 4
    urls = {(row.block.code if row.block else None): row.url for row in page.blocks}
    assert urls["kyushu"] == changelist(overdue="yes", block__id__exact=kyushu.pk)
    assert urls["kanto"] == changelist(overdue="yes", block__id__exact=kanto.pk)
    assert urls[None] == changelist(overdue="yes", block__isnull=True)


def test_start_page_overview_lists_stale_threads(as_role):
    fresh = ThreadFactory(title="新しい糸")
    stale = ThreadFactory(title="古い糸")
    empty = ThreadFactory(title="空の糸")
    StatusUpdateFactory(thread=fresh, as_of=days(-10))
    StatusUpdateFactory(thread=stale, as_of=days(-120))

    response = as_role(EDITOR).get(reverse(INDEX))

    page = response.context["start_page"]
    assert [s.thread for s in page.stale_threads] == [stale, empty]
    assert [s.freshness.days_since for s in page.threads] == [10, 120, None]
    html = response.content.decode()
    assert "90日以上更新なし" in html
    assert "未登録" in html


def test_start_page_overview_shows_count_links(as_role):
    planned(on=days(-1))

    html = as_role(EDITOR).get(reverse(INDEX)).content.decode().replace("&amp;", "&")

    assert "地域ブロック別の要更新の説明会等（計1件）" in html
    assert f'href="{changelist(overdue="yes", block__id__exact=block("kyushu").pk)}"' in html


# --- today in Japan ------------------------------------------------------------------


def test_start_page_overdue_from_the_day_after_in_japan(staff):
    bureau = staff(BUREAU, "kyushu")
    briefing = planned(on=datetime.date(2026, 3, 6))

    on_the_day = start_page(bureau, today=datetime.date(2026, 3, 6))
    next_day = start_page(bureau, today=datetime.date(2026, 3, 7))

    assert (on_the_day.overdue, on_the_day.upcoming) == ([], [briefing])
    assert (next_day.overdue, next_day.upcoming) == ([briefing], [])


def test_start_page_today_is_japan_date(staff, time_machine):
    # 2026-03-06 15:30 UTC is already 00:30 on the 7th in Tokyo.
    time_machine.move_to(datetime.datetime(2026, 3, 6, 15, 30, tzinfo=datetime.UTC), tick=False)
    briefing = planned(on=datetime.date(2026, 3, 6))

    page = start_page(staff(BUREAU, "kyushu"))

    assert page.today == datetime.date(2026, 3, 7)
    assert page.overdue == [briefing]


# --- queries ---------------------------------------------------------------------------


@pytest.mark.parametrize("overdue", [1, 3])
def test_start_page_bureau_query_count_fixed(as_role, django_assert_num_queries, overdue):
    """Session, user, groups, membership and its block (5); the user's
    permissions for the app list (2); the start page: overdue list and count,
    next briefings, threads (4); the recent-actions box (1); saving the
    session, which every request does (3, with its savepoint). The same for
    1 and 3 rows."""
    for n in range(overdue):
        planned(on=days(-1 - n))
        planned(on=days(1 + n))
        StatusUpdateFactory(thread=ThreadFactory(kind=Thread.Kind.DIAGONAL), block=block("kyushu"))
    client = as_role(BUREAU, "kyushu")

    with django_assert_num_queries(15):
        response = client.get(reverse(INDEX))

    assert response.context["start_page"].overdue_count == overdue


@pytest.mark.parametrize("overdue", [1, 3])
def test_start_page_overview_query_count_fixed(as_role, django_assert_num_queries, overdue):
    """Session, user, groups (3); permissions (2); per-block counts, blocks,
    threads (3); recent actions (1); saving the session (3)."""
    for n in range(overdue):
        planned(on=days(-1 - n))
        planned(TOKYO, on=days(-1 - n))
        StatusUpdateFactory(thread=ThreadFactory())
    client = as_role(EDITOR)

    with django_assert_num_queries(12):
        response = client.get(reverse(INDEX))

    assert response.context["start_page"].overdue_count == 2 * overdue


# --- the links lead to the same rows ---------------------------------------------------


def test_start_page_bureau_links_list_the_same_briefings(as_role):
    overdue = [planned(on=days(-2)), planned(on=days(-1))]
    upcoming = [planned(on=days(1)), planned(on=days(0))]
    planned(TOKYO, on=days(-1))
    client = as_role(BUREAU, "kyushu")
    page = client.get(reverse(INDEX)).context["start_page"]

    overdue_list = client.get(page.overdue_url)
    upcoming_list = client.get(page.upcoming_url)

    assert (overdue_list.status_code, upcoming_list.status_code) == (200, 200)
    assert set(overdue_list.context["cl"].result_list) == set(overdue)
    assert list(upcoming_list.context["cl"].result_list) == [upcoming[1], upcoming[0]]


def test_start_page_overview_block_link_lists_that_block(as_role):
    kyushu = planned(on=days(-1))
    planned(TOKYO, on=days(-1))
    national = planned(None, on=days(-1), scope="national")
    client = as_role(EDITOR)
    rows = {
        (row.block.code if row.block else None): row
        for row in client.get(reverse(INDEX)).context["start_page"].blocks
    }

    by_block = client.get(rows["kyushu"].url)
    no_block = client.get(rows[None].url)

    assert list(by_block.context["cl"].result_list) == [kyushu]
    assert list(no_block.context["cl"].result_list) == [national]


def test_start_page_bureau_add_update_link_offers_diagonal_thread(as_role):
    diagonal = ThreadFactory(kind=Thread.Kind.DIAGONAL)
    client = as_role(BUREAU, "kyushu")
    (status,) = client.get(reverse(INDEX)).context["start_page"].threads

    form = client.get(status.add_update_url).context["adminform"].form

    assert form["thread"].value() == str(diagonal.pk)
