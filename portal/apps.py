from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(AxesAppConfig):
    """django-axes under a Japanese name in the admin (it ships none)."""

    default = False
    verbose_name = _("ログイン保護")


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("ポータル")
