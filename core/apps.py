from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    """Machinery that belongs to no domain (see core/__init__.py). It has no
    models of its own and imports none of the portal's apps."""

    name = "core"
    label = "core"

    def ready(self):
        # Registers the `folded_contains` lookup, and gives every SQLite
        # connection the function that lookup calls.
        from . import cache, choices, search

        # get_FOO_display() from a table per field, not rebuilt per call.
        choices.install()
        # Every save of a public row drops the cached pages (core/cache.py).
        cache.connect_signals()

        connection_created.connect(search.register_sqlite_fold, dispatch_uid="core.search.fold")
        for connection in connections.all(initialized_only=True):  # opened before ready()
            if connection.connection is not None:
                search.register_sqlite_fold(type(connection), connection)
