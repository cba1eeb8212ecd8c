"""The bare view `make bench` compares every page with (bench/README.md).

It answers "ok" through the whole middleware stack (CSP, security, sessions,
locale, CSRF, auth, history, messages, axes) and touches no database table,
so a page's throughput divided by this one's is what the page itself costs.
Mounted only when BENCH_MODE is on.
"""

from django.http import HttpResponse


def bare_ok(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
