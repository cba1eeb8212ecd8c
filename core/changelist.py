"""Admin changelists that answer a malformed filter the way Django means to.

Django's changelist turns a filter it cannot apply into
`IncorrectLookupParameters`, which the changelist view answers with a
redirect to `?e=1` (and import-export's export view, see
networks/admin_import.py, with a message). Django's date hierarchy lets two
kinds of bad value through as a 500: a year too large for a C integer
(`?date__year=99999999999999999999`: OverflowError) and the last
representable year or month (`?date__year=9999`: the next year, 10000, is
a ValueError raised outside Django's own `try`). `BoundedChangeList` turns
every such error raised while reading the query string into
`IncorrectLookupParameters`.

`bound_every_changelist(site)` gives it to every ModelAdmin registered on a
site, ours and third-party ones (auth, axes) alike, so no admin can be
forgotten; portal/admin.py calls it once every app has registered its admins.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList


class BoundedChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as exc:
            raise IncorrectLookupParameters(exc) from exc


class BoundedChangeListMixin:
    """For a ModelAdmin: its changelist (and every view built on it) is a BoundedChangeList."""

    def get_changelist(self, request, **kwargs):
        changelist = super().get_changelist(request, **kwargs)
        if issubclass(changelist, BoundedChangeList):
            return changelist
        return type(changelist.__name__, (BoundedChangeList, changelist), {})


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
