"""The public page cache: anonymous pages kept whole, dropped when the data changes.

One middleware (`PageCacheMiddleware`, in settings.MIDDLEWARE) serves every
public page from the cache (settings.CACHES["default"]: CACHE_URL, Redis in
production) when it can, and stores what it rendered when it may:

- **Who and what**: GET and HEAD requests of visitors who are not logged in
  and carry no session or messages cookie, to any address outside
  `PAGE_CACHE_SKIP_PREFIXES` (the admin, the language switch, the bench's
  bare view, the health probe). Staff never get a cached page and never fill
  the cache: their requests pass straight through.
- **The key**: scheme, host, the full path with its query string, the
  language and Japan's date (pages say "upcoming" from today on), so `/`,
  `/en/` and `/briefings/?page=2` are kept apart, and every page turns over
  at midnight JST.
- **What is stored**: a 200 answer only, and only when rendering it did not
  set a cookie (a form's CSRF token, a session), did not use the
  Content-Security-Policy nonce (the header naming it is written per request,
  so a page that carries one is never replayed with another) and did not ask
  for `Cache-Control: private`/`no-store`. A hit is the stored body and
  content headers; the middleware outside this one add the rest (CSP,
  security headers) as for any answer.
- **Invalidation**: the data version, one counter in the cache, goes up on
  every save, delete and many-to-many change of a row of the apps in
  `PAGE_CACHE_DATA_APPS` (their history rows too), right away and again when
  the transaction commits (so a page rendered by another request between the
  save and the commit cannot outlive it). Writes that bypass the model
  signals (bulk inserts of imports, the demo data) call `bump_data_version()`.
  A page is stored with the version it was rendered under and served only
  while that is still the version: a saved briefing shows on the next request.
  `PAGE_CACHE_SECONDS` bounds an entry's life besides.

One round trip per hit: the version and the page are read together
(`get_many`). With `PAGE_CACHE` off (the default on a per-process local-memory
cache, where one process's save could not reach the other processes' pages;
see settings) the middleware does nothing. `make bench` bypasses it for
requests carrying `X-Bench-Cache: bypass` while settings.BENCH_MODE is on
(never otherwise).
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from . import dates

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:data-version"
PAGE_KEY_PREFIX = "page-cache:page:"
# Response headers a hit gives back; the outer middleware write the others.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")
BENCH_BYPASS_HEADER = "HTTP_X_BENCH_CACHE"


def _start_version() -> int:
    """A first version no page can have been stored under: if the counter is
    ever evicted, pages of the old count must not come back."""
    cache.add(VERSION_KEY, time.time_ns(), None)
    return cache.get(VERSION_KEY, 0)


def data_version() -> int:
    """The current data version."""
    version = cache.get(VERSION_KEY)
    return _start_version() if version is None else version


def bump_data_version() -> None:
    """Make every stored page stale: the data they show may have changed.

    A cache that does not answer is logged, not raised: a save must not fail
    because the cache is down (pages stored before then expire after
    PAGE_CACHE_SECONDS at the latest).
    """
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no counter (yet, or evicted): a new start invalidates too
            _start_version()
    except Exception:
        logger.warning("page cache: could not bump the data version", exc_info=True)


def _bump_after_commit() -> None:
    bump_data_version()


def data_changed() -> None:
    """A public row changed: bump now, and once more when the transaction commits."""
    bump_data_version()
    if connection.in_atomic_block and not any(
        entry[1] is _bump_after_commit for entry in connection.run_on_commit
    ):
        transaction.on_commit(_bump_after_commit)


def _watched(sender) -> bool:
    return sender._meta.app_label in settings.PAGE_CACHE_DATA_APPS


def _on_save_or_delete(sender, **kwargs) -> None:
    if _watched(sender):
        data_changed()


def _on_m2m_changed(sender, action, instance, **kwargs) -> None:
    if action.startswith("post_") and (_watched(sender) or _watched(type(instance))):
        data_changed()


def connect_signals() -> None:
    """Called once from CoreConfig.ready(): every model's writes, filtered by app."""
    post_save.connect(_on_save_or_delete, dispatch_uid="core.cache.save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="core.cache.delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="core.cache.m2m")


def page_key(request: HttpRequest) -> str:
    """The cache key of the page this request asks for (see the module's docstring)."""
    address = "|".join(
        (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
            dates.today().isoformat(),
        )
    )
    return PAGE_KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _cacheable_request(request: HttpRequest) -> bool:
    if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(tuple(settings.PAGE_CACHE_SKIP_PREFIXES)):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    if settings.BENCH_MODE and request.META.get(BENCH_BYPASS_HEADER) == "bypass":
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _storable(request: HttpRequest, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        # The CSP header is built per request; a page that used the nonce
        # (django-csp keeps it as request._csp_nonce) is never replayed.
        and not isinstance(getattr(request, "_csp_nonce", None), str)
        and not (session is not None and session.modified)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class PageCacheMiddleware:
    """Serves and stores anonymous public pages (see the module's docstring).

    Sits after AuthenticationMiddleware (it reads request.user) and inside
    CsrfViewMiddleware, SessionMiddleware and CSPMiddleware, whose marks on
    the request it reads before storing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        try:
            found = cache.get_many([VERSION_KEY, key])
            version = found[VERSION_KEY] if VERSION_KEY in found else _start_version()
        except Exception:  # the cache does not answer: serve the page itself
            logger.warning("page cache: unavailable", exc_info=True)
            return self.get_response(request)
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            _version, headers, content = entry
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
            try:
                cache.set(key, (version, headers, response.content), settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("page cache: could not store a page", exc_info=True)
            else:
                response["X-Page-Cache"] = "miss"
        return response
