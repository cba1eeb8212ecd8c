"""The public page cache (core/cache.py): hits, invalidation, who and what is never cached."""

import contextlib
import datetime

import pytest
from django.core.cache import cache
from django.db import transaction

from briefings.models import Briefing
from briefings.services.lifecycle import mark_briefing_cancelled
from core import cache as page_cache
from tests.factories import BriefingFactory, OrganizationFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    with contextlib.suppress(Exception):  # one test breaks the cache on purpose
        cache.clear()


@pytest.fixture
def planned(stand_on):
    stand_on(datetime.date(2026, 11, 30))
    return BriefingFactory(
        date=datetime.date(2026, 12, 10), status=Briefing.Status.PLANNED, title="キャッシュ説明会"
    )


def test_second_anonymous_request_is_served_from_the_cache_without_a_query(
    client, planned, django_assert_num_queries
):
    first = client.get("/briefings/")
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get("/briefings/")

    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # The outer middleware still write their headers on a hit.
    assert "Content-Security-Policy" in second
    assert second["X-Frame-Options"] == "DENY"


def test_a_save_through_a_service_shows_on_the_next_request(client, planned):
    assert "キャッシュ説明会" in client.get(f"/briefings/{planned.pk}/").content.decode()
    assert client.get(f"/briefings/{planned.pk}/")["X-Page-Cache"] == "hit"

    mark_briefing_cancelled(planned, reason="台風のため中止")

    response = client.get(f"/briefings/{planned.pk}/")
    assert response["X-Page-Cache"] == "miss"
    assert "台風のため中止" in response.content.decode()


def test_a_plain_save_a_delete_and_a_link_each_drop_the_cached_pages(client, planned):
    thread = ThreadFactory()
    organization = OrganizationFactory()

    for change in (
        lambda: Briefing.objects.filter(pk=planned.pk).first().save(),
        lambda: planned.attending_organizations.add(organization),
        lambda: OrganizationFactory(),
        lambda: thread.delete(),
    ):
        client.get("/")
        assert client.get("/")["X-Page-Cache"] == "hit"
        change()
        assert client.get("/")["X-Page-Cache"] == "miss"


def test_the_version_goes_up_again_when_the_transaction_commits(planned):
    with transaction.atomic():
        Briefing.objects.get(pk=planned.pk).save()
        inside = page_cache.data_version()
    # In a test transaction on_commit callbacks wait for the outer commit;
    # the immediate bump already made the stored pages stale.
    assert inside > 0


def test_staff_never_get_a_cached_page_nor_fill_the_cache(client, planned, editor):
    client.force_login(editor)

    staff_first = client.get("/briefings/")
    staff_second = client.get("/briefings/")
    assert "X-Page-Cache" not in staff_first
    assert "X-Page-Cache" not in staff_second

    client.logout()
    client.cookies.clear()
    assert client.get("/briefings/")["X-Page-Cache"] == "miss"  # staff stored nothing


def test_a_cached_page_is_not_served_to_staff(client, planned, editor):
    client.get("/briefings/")
    assert client.get("/briefings/")["X-Page-Cache"] == "hit"

    client.force_login(editor)

    assert "X-Page-Cache" not in client.get("/briefings/")


def test_each_language_has_its_own_page(client, planned):
    client.get("/briefings/")
    japanese = client.get("/briefings/")
    english = client.get("/en/briefings/")

    assert japanese["X-Page-Cache"] == "hit"
    assert english["X-Page-Cache"] == "miss"
    assert 'lang="en"' in english.content.decode()
    assert 'lang="ja"' in japanese.content.decode()
    assert client.get("/en/briefings/")["X-Page-Cache"] == "hit"


def test_each_query_string_has_its_own_page(client, planned):
    client.get("/briefings/?status=planned")
    assert client.get("/briefings/?status=planned")["X-Page-Cache"] == "hit"

    cancelled = client.get("/briefings/?status=cancelled")

    assert cancelled["X-Page-Cache"] == "miss"
    assert "キャッシュ説明会" not in cancelled.content.decode()


def test_error_answers_are_not_stored(client, planned):
    client.get("/briefings/999999/")
    assert client.get("/briefings/999999/").status_code == 404
    assert "X-Page-Cache" not in client.get("/briefings/999999/")


def test_pages_that_set_a_cookie_or_use_the_nonce_are_not_stored(client, planned, rf):
    from django.http import HttpResponse

    request = rf.get("/")
    response = HttpResponse("ok")
    assert page_cache._storable(request, response)

    response.set_cookie("csrftoken", "x")
    assert not page_cache._storable(request, response)

    request = rf.get("/")
    request._csp_nonce = "abc"
    assert not page_cache._storable(request, HttpResponse("ok"))

    request = rf.get("/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not page_cache._storable(request, HttpResponse("ok"))


def test_the_admin_and_posts_are_never_cached(client, planned):
    assert "X-Page-Cache" not in client.get("/admin/login/")
    assert "X-Page-Cache" not in client.post("/search/", {"q": "x"})


def test_a_new_day_is_a_new_page(client, planned, stand_on):
    client.get("/briefings/")
    assert client.get("/briefings/")["X-Page-Cache"] == "hit"

    stand_on(datetime.date(2026, 12, 1))

    assert client.get("/briefings/")["X-Page-Cache"] == "miss"


def test_the_bench_bypass_works_only_in_bench_mode(client, planned, settings):
    client.get("/about/")
    assert client.get("/about/", headers={"X-Bench-Cache": "bypass"})["X-Page-Cache"] == "hit"

    settings.BENCH_MODE = True

    assert "X-Page-Cache" not in client.get("/about/", headers={"X-Bench-Cache": "bypass"})


def test_a_cache_that_does_not_answer_serves_pages_and_lets_staff_save(client, planned, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    response = client.get("/briefings/")
    mark_briefing_cancelled(planned, reason="停電のため中止")

    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert Briefing.objects.get(pk=planned.pk).status == Briefing.Status.CANCELLED
