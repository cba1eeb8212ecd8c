"""How many applications one address may send: a count per IP in the cache.

`NETWORK_APPLY_RATE_LIMIT` sendings (default 5) per `NETWORK_APPLY_RATE_WINDOW`
seconds (an hour) from one address; the window starts at the first one.
With several processes the cache must be shared (CACHE_URL=redis://…), as
for sessions.

The address is REMOTE_ADDR, unless `CLIENT_IP_HEADER` names the header a
trusted balancer sets (e.g. `X-Forwarded-For`): behind a balancer every
request comes from the balancer's address. Of a list, the last entry is
taken, the one the balancer itself added (a client can forge the others).
"""

from django.conf import settings
from django.core.cache import cache

KEY = "network-apply:{ip}"


def client_ip(request) -> str:
    header = settings.CLIENT_IP_HEADER
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        last = value.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")


def _key(request) -> str:
    return KEY.format(ip=client_ip(request))


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
