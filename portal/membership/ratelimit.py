"""How many applications one address may send: a count per IP in the cache.

`NETWORK_APPLY_RATE_LIMIT` sendings (default 5) per `NETWORK_APPLY_RATE_WINDOW`
seconds (an hour) from one REMOTE_ADDR; the window starts at the first one.
With several processes the cache must be shared (CACHE_URL=redis://…), as
for sessions.
"""

from django.conf import settings
from django.core.cache import cache

KEY = "network-apply:{ip}"


def _key(request) -> str:
    return KEY.format(ip=request.META.get("REMOTE_ADDR", ""))


def limited(request) -> bool:
    """Whether this address has used up its sendings for the window."""
    return cache.get(_key(request), 0) >= settings.NETWORK_APPLY_RATE_LIMIT


def count(request) -> None:
    """Count one sending from this address."""
    key = _key(request)
    if cache.add(key, 1, settings.NETWORK_APPLY_RATE_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, settings.NETWORK_APPLY_RATE_WINDOW)
