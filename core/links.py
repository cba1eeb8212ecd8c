"""The address of a row's page, remembered.

`reverse()` costs 20–25 µs here (resolver lookups, the language prefix,
quoting), and a page links hundreds of rows: a thread page's organizations
and sessions took 5 ms of reversing. `row_url()` answers the same string
from a table kept per process, keyed by the view, its arguments, the
language, the script prefix and the URL configuration, so a language or a
deployment under a sub-path never gets another's address. URL patterns do
not change while a process runs; the table is emptied when a test changes
ROOT_URLCONF.
"""

from __future__ import annotations

from functools import lru_cache

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=20_000)
def _reverse(viewname: str, args: tuple, language: str | None, prefix: str, urlconf) -> str:
    return reverse(viewname, args=args, urlconf=urlconf)


def row_url(viewname: str, *args) -> str:
    """reverse(viewname, args=args), remembered (see the module docstring)."""
    return _reverse(viewname, args, get_language(), get_script_prefix(), get_urlconf())


def _forget(*, setting, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()


setting_changed.connect(_forget, dispatch_uid="core.links.forget")
