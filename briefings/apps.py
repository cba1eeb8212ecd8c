from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefingsConfig(AppConfig):
    name = "briefings"
    verbose_name = _("説明会")

    def ready(self):
        from . import permissions  # noqa: F401  (declares how its rows belong to a block)
