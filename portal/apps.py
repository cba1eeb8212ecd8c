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

    def ready(self):
        from axes.signals import user_locked_out

        from core.security_log import log_lockout

        # A lockout is a security event: one line on standard error (LOGGING).
        user_locked_out.connect(log_lockout, dispatch_uid="core.security_log.log_lockout")
