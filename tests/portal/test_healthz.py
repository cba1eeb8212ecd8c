"""`/healthz` (portal.health): the load balancer's probe, answered before sessions."""

import pytest
from django.contrib.sessions.models import Session

from tests.factories import staff_user


@pytest.fixture
def unreachable_cache(settings):
    """Redis on a port nothing listens on (connection refused at once)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }


def test_healthz_answers_200_when_database_and_cache_answer(db, client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_with_trailing_slash_answers_the_same(db, client):
    assert client.get("/healthz/").json() == {"database": "ok", "cache": "ok"}


def test_healthz_answers_503_when_the_cache_does_not(db, client, unreachable_cache):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error"}


def test_healthz_sets_no_cookie_and_saves_no_session_for_a_staff_cookie(
    db, client, django_user_model
):
    staff = staff_user("editor", username="tanaka")
    client.force_login(staff)
    session = Session.objects.get()
    client.get("/")  # an ordinary page saves the session (SESSION_SAVE_EVERY_REQUEST)
    after_page = Session.objects.get().expire_date
    assert after_page != session.expire_date

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.cookies == {}
    assert Session.objects.get().expire_date == after_page
    assert "Cookie" not in response.get("Vary", "")


def test_healthz_is_not_redirected_to_https(db, client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


def test_healthz_answers_a_probe_by_address(db, client):
    # A balancer probes each instance by its address, not the site's name.
    assert client.get("/", HTTP_HOST="10.1.2.3").status_code == 400
    assert client.get("/healthz", HTTP_HOST="10.1.2.3").status_code == 200


def test_healthz_refuses_writes(db, client):
    response = client.post("/healthz")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_healthz_head_answers_without_body(db, client):
    response = client.head("/healthz")

    assert response.status_code == 200
    assert response.content == b""
