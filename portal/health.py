"""`/healthz`: the load balancer's probe of one app process.

200 when this process reaches the database (`SELECT 1`) and the cache (a
value set and read back), 503 otherwise, with a JSON body saying which
failed. It is a middleware placed before the session, host, HTTPS and CSRF
machinery, so a probe sends no cookie and gets none, writes no session row
(even with a staff cookie, which SESSION_SAVE_EVERY_REQUEST would otherwise
save), is not redirected to HTTPS by a balancer speaking plain HTTP inside
the network, and may use the instance's address as its Host.
"""

from __future__ import annotations

import logging
import os
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

PATHS = frozenset({"/healthz", "/healthz/"})


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        # Whatever the driver raises, the probe answers: that is its job.
        logger.warning("healthz: the database does not answer", exc_info=True)
        return False


def _cache() -> bool:
    # A key per process, a fresh value per probe: a stale value cannot pass.
    key, value = f"healthz:{os.getpid()}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=30)
        return cache.get(key) == value
    except Exception:
        logger.warning("healthz: the cache does not answer", exc_info=True)
        return False


def healthz(request):
    """The probe's answer: {"database": "ok"|"error", "cache": "ok"|"error"}."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    checks = {"database": _database(), "cache": _cache()}
    response = JsonResponse(
        {name: "ok" if ok else "error" for name, ok in checks.items()},
        status=200 if all(checks.values()) else 503,
    )
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    """Answers `/healthz` before any middleware after it runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in PATHS:
            return healthz(request)
        return self.get_response(request)
