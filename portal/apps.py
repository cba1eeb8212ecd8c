from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.db.models.signals import post_migrate
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

        from .roles import sync_roles_after_migrate

        # The role groups follow portal/roles.py after every `migrate`, on
        # fresh and old databases alike, and no migration imports live code.
        # post_migrate goes to each app with models (portal has none); auth's
        # comes once per run, on every database.
        post_migrate.connect(
            sync_roles_after_migrate,
            sender=self.apps.get_app_config("auth"),
            dispatch_uid="portal.sync_roles",
        )

        # A lockout is a security event: one line on standard error (LOGGING).
        user_locked_out.connect(log_lockout, dispatch_uid="core.security_log.log_lockout")
