from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("ネットワーク・地域")

    def ready(self):
        from . import figures, permissions  # noqa: F401  (register the figures and scopes)
