from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThreadsConfig(AppConfig):
    name = "threads"
    verbose_name = _("推進体制（縦・横・斜めの糸）")

    def ready(self):
        from . import figures, permissions  # noqa: F401  (register the figures and scopes)
