"""gunicorn's settings for `make serve` (gunicorn reads this file from the
working directory). Every value comes from the environment.

WEB_CONCURRENCY  worker processes; default 2 × cores + 1
BIND             address to listen on; default 127.0.0.1:$PORT (PORT default 8000)
FORWARDED_ALLOW_IPS  proxies whose X-Forwarded-* headers are trusted; default 127.0.0.1
GUNICORN_TIMEOUT seconds a request may take before its worker is restarted; default 30
ACCESS_LOG       "-" for stdout, a path, or empty (default) for none
"""

import os


def _positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise SystemExit(f"{name} must be a positive whole number, not {raw!r}")
    return int(raw)


# Cores this process may run on (a container's quota, not the host's count).
_cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("BIND") or f"127.0.0.1:{_positive_int('PORT', 8000)}"
workers = _positive_int("WEB_CONCURRENCY", 2 * (_cores or 1) + 1)
timeout = _positive_int("GUNICORN_TIMEOUT", 30)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
# Import Django once, before forking: a broken setting stops the server at
# start, not in each worker; the workers share the loaded code's memory.
preload_app = True
# Restart a worker now and then, so no slow leak grows without bound.
max_requests = 5_000
max_requests_jitter = 500
# No control socket: several servers (bench, tests) may run on one host,
# and nothing here uses it.
control_socket_disable = True


def when_ready(server):
    """Before the first fork: load templates, catalogues and URL lookups once
    (portal/warmup.py), so a restarted worker's first requests are not slow;
    then freeze what is loaded, so that the workers' garbage collector no
    longer walks the whole of Django at each full collection (a pause of tens
    of milliseconds in the middle of a request) and leaves the shared memory
    pages unwritten."""
    import gc

    from portal.warmup import warm

    server.log.info("warmed %d templates before forking", warm())
    gc.collect()
    gc.freeze()
