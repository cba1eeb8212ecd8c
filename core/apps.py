from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Machinery that belongs to no domain (see core/__init__.py). It has no
    models of its own and imports none of the portal's apps."""

    name = "core"
    label = "core"
