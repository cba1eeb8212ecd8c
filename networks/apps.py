from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("ネットワーク・地域")

    def ready(self):
        from . import permissions  # noqa: F401  (declares how its rows belong to a block)
