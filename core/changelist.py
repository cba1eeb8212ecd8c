"""Admin changelists that answer a malformed filter the way Django means to.

Django's changelist turns a filter it cannot apply into
`IncorrectLookupParameters`, which the changelist view answers with a
redirect to `?e=1` (and import-export's export view, see
core/admin/imports.py, with a message). Some bad values got past it as a
500, all found by tests/core/test_no_server_error_admin.py:

- the date hierarchy: a year too large for a C integer
  (`?date__year=99999999999999999999`: OverflowError), and the last
  representable year or month (`?date__year=9999`: year 10000 is a
  ValueError raised outside Django's own `try`);
- a lookup the URL may name on any field with a number too large for
  SQLite (`?id__in=99999999999999999999` fails when it is bound);
- `?name__range=…`: the query string cannot express a range (Django splits
  only `__in` on commas), so the characters of the value became the bounds
  and the query failed in several ways; `?name__regex=(`: an invalid
  pattern is an error of the database itself, which no `except` should
  swallow. Both are refused (400) before any query; the admin's own filters
  never use them.
- `?ip_address=abc` (django-axes' lists): PostgreSQL's `inet` refuses text
  that is no IP address, and Django passes it through unchecked; such a
  comparison is refused (400) too.

`BoundedChangeList` turns ValueError and OverflowError raised while reading
the query string or running the filtered query into
`IncorrectLookupParameters`; `BoundedChangeListMixin` uses it and refuses
range and regex lookups and IP comparisons with no IP address. `bound_every_changelist(site)` puts the mixin in front of
every ModelAdmin registered on a site, ours and third-party ones (auth,
axes) alike, so no admin can be forgotten; portal/admin.py calls it once
every app has registered its admins.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import validate_ipv46_address
from django.db import models
from django.db.models.constants import LOOKUP_SEP

# Lookups a query string cannot express, or whose bad value is a database error.
REFUSED_LOOKUPS = frozenset({"regex", "iregex", "range"})
# Lookups that send an IP address field's value to the database as `inet`.
IP_COMPARISONS = frozenset({"", "exact", "in", "gt", "gte", "lt", "lte"})


def is_invalid_ip_comparison(model, lookup: str, value: str) -> bool:
    """`ip_address=abc`: a comparison of a model's own IP address field with
    text that is no IPv4 or IPv6 address."""
    name, _, rest = lookup.partition(LOOKUP_SEP)
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    if not isinstance(field, models.GenericIPAddressField) or rest not in IP_COMPARISONS:
        return False
    for address in value.split(",") if rest == "in" else [value]:
        try:
            validate_ipv46_address(address)
        except ValidationError:
            return True
    return False


class BoundedChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as exc:
            raise IncorrectLookupParameters(exc) from exc

    def get_results(self, request):
        try:
            return super().get_results(request)
        except (ValueError, OverflowError) as exc:
            raise IncorrectLookupParameters(exc) from exc


class BoundedChangeListMixin:
    """For a ModelAdmin: its changelist (and every view built on it) is a BoundedChangeList."""

    def get_changelist(self, request, **kwargs):
        changelist = super().get_changelist(request, **kwargs)
        if issubclass(changelist, BoundedChangeList):
            return changelist
        return type(changelist.__name__, (BoundedChangeList, changelist), {})

    def lookup_allowed(self, lookup, value, request=None):
        if lookup.split(LOOKUP_SEP)[-1] in REFUSED_LOOKUPS:
            return False
        if isinstance(value, str) and is_invalid_ip_comparison(self.model, lookup, value):
            return False
        return super().lookup_allowed(lookup, value, request)


def bound_every_changelist(site: admin.AdminSite) -> None:
    """Re-register every ModelAdmin of `site` whose changelist is not bounded yet
    with `BoundedChangeListMixin` in front of its own class."""
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, BoundedChangeListMixin):
            continue
        admin_class = type(model_admin)
        bounded = type(
            admin_class.__name__,
            (BoundedChangeListMixin, admin_class),
            {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__},
        )
        site.unregister(model)
        site.register(model, bounded)
