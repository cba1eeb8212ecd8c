from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefingsConfig(AppConfig):
    name = "briefings"
    verbose_name = _("説明会")

    def ready(self):
        from . import figures, permissions  # noqa: F401  (register the figures and scopes)
