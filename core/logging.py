"""One line per event on standard error, with the request's path and user id.

`OneLineFormatter` prints

    2017-02-24T10:00:00+0900 ERROR django.request path=/briefings/ user=12 Internal Server Error: /briefings/

and the traceback, if any, on the lines below: the event's first line
always carries the path and the user, so `grep path=/admin/` finds it. The
path and user come from the record's `request` (Django's request and
security loggers set it; so does `core.security_log`), else from the
request being served (`RequestContextMiddleware`: code deep below a view,
such as a model field's validator, has no request to pass); an event
outside any request prints `path=- user=-`. Control characters in the message and the path
are escaped, so an event never spans lines and a forged address cannot
forge a log line.

Never pass a password or a file's contents to a logger: nothing here can
tell them apart from other text.
"""

import logging
import re
import sys
from contextvars import ContextVar

from django.http import HttpRequest

_serving: ContextVar[HttpRequest | None] = ContextVar("serving", default=None)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """`a\\nb` for a line feed, `\\x00` for NUL: printable, on one line."""
    return _CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def request_user_id(request: HttpRequest) -> str:
    """The logged-in user's id, `-` for a visitor or before authentication ran."""
    user = getattr(request, "user", None)
    try:
        # Reading request.user may need the session; an error being logged
        # must not be replaced by another one raised here.
        if user is None or not user.is_authenticated:
            return "-"
        return str(user.pk)
    except Exception:
        return "?"


class OneLineFormatter(logging.Formatter):
    default_format = (
        "%(asctime)s %(levelname)s %(name)s path=%(request_path)s user=%(user_id)s %(message)s"
    )
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = None

    def __init__(self, fmt=None, datefmt="%Y-%m-%dT%H:%M:%S%z", **kwargs):
        super().__init__(fmt or self.default_format, datefmt, **kwargs)

    def formatMessage(self, record: logging.LogRecord) -> str:
        request = getattr(record, "request", None) or _serving.get()
        if isinstance(request, HttpRequest):
            record.request_path = escape_controls(request.path)
            record.user_id = request_user_id(request)
        else:
            record.request_path = record.user_id = "-"
        record.message = escape_controls(record.message)
        return super().formatMessage(record)


class RequestContextMiddleware:
    """Remembers the request being served, for the events logged while serving it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _serving.set(request)
        try:
            return self.get_response(request)
        finally:
            _serving.reset(token)


class StderrHandler(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is at the time of the event (a
    process manager or a test may replace it after logging is configured)."""

    def __init__(self, level=logging.NOTSET):
        logging.Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass  # always sys.stderr
