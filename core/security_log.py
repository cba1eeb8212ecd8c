"""Security events, one line each on the `security` logger.

Each function logs with the request (when there is one), so the line
carries the path and the user id (core/logging.py). Callers pass what
happened, never a password or a file's contents:

- `log_refused_request`: a control character in the path, a parameter, a
  cookie or a header (core/middleware.py answered 400);
- `log_refused_upload(request_or_none, *, reason, filename)`: an uploaded
  file the portal would not keep;
- `log_refused_import(request, *, model, reason)`: an admin import that
  wrote nothing (unreadable file, rows with errors);
- `log_lockout`: django-axes locked a login out (connected to its
  `user_locked_out` signal in portal/apps.py).
"""

import logging

from django.contrib.auth import get_user_model
from django.http import HttpRequest

security_logger = logging.getLogger("security")


def _extra(request: HttpRequest | None) -> dict:
    return {"request": request} if request is not None else {}


def log_refused_request(request: HttpRequest, *, location: str) -> None:
    security_logger.warning(
        "refused request: control character in %s", location, extra=_extra(request)
    )


def log_refused_upload(request: HttpRequest | None, *, reason: str, filename: str) -> None:
    security_logger.warning(
        "refused upload: %s (file name %r)", reason, filename, extra=_extra(request)
    )


def log_refused_import(request: HttpRequest | None, *, model: str, reason: str) -> None:
    security_logger.warning("refused import of %s: %s", model, reason, extra=_extra(request))


def log_lockout(sender=None, *, request: HttpRequest | None = None, username=None, **kwargs):
    """The locked-out account by id, or `unknown`: never the name typed, which is
    sometimes a password typed into the wrong box."""
    User = get_user_model()
    account = None
    if username:
        account = (
            User._default_manager.filter(**{User.USERNAME_FIELD: username})
            .values_list("pk", flat=True)
            .first()
        )
    security_logger.warning(
        "login locked out: account=%s ip=%s",
        account if account is not None else "unknown",
        kwargs.get("ip_address") or "-",
        extra=_extra(request),
    )
