"""Admin changelists that answer a malformed filter the way Django means to.

Django's changelist turns a filter it cannot apply into
`IncorrectLookupParameters`, which the changelist view answers with a
redirect to `?e=1` (and import-export's export view, see
networks/admin_import.py, with a message). Some bad values got past it as a
500, all found by tests/core/test_no_server_error_admin.py:

- the date hierarchy: a year too large for a C integer
  (`?date__year=99999999999999999999`: OverflowError), and the last
  representable year or month (`?date__year=9999`: year 10000 is a
  ValueError raised outside Django's own `try`);
- lookups the URL may name on any field: `?id__range=1` (a range of one
  value fails when the SQL is built), a number too large for SQLite
  (`?id__in=99999999999999999999` fails when it is bound);
- `?name__regex=(`: an invalid pattern is an error of the database itself,
  which no `except` should swallow, so regex lookups are refused (400)
  before any query; the admin's own filters never use them.

`BoundedChangeList` turns ValueError and OverflowError raised while reading
the query string or running the filtered query into
`IncorrectLookupParameters`; `BoundedChangeListMixin` uses it and refuses
regex lookups. `bound_every_changelist(site)` puts the mixin in front of
every ModelAdmin registered on a site, ours and third-party ones (auth,
axes) alike, so no admin can be forgotten; portal/admin.py calls it once
every app has registered its admins.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db.models.constants import LOOKUP_SEP

# Lookups whose bad value is a database error rather than a Python one.
REFUSED_LOOKUPS = frozenset({"regex", "iregex", "range"})


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
