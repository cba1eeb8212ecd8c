"""Today in Japan: the one "today" every page, form, import and check uses.

The portal's days are Japanese days (settings.TIME_ZONE, Asia/Tokyo), whatever
time zone the server's clock or the request has activated: a day starts at
00:00 JST, i.e. 15:00 UTC the evening before. So a session dated D may be
marked held from D 00:00 JST, is overdue (要更新) from D+1 00:00 JST, and a
thread's freshness counts days in Japan.

Tests stand at a chosen instant with time-machine (`time_machine.travel`),
which moves the clock this reads; nothing here needs replacing.
"""

import datetime

from django.utils import timezone


def today() -> datetime.date:
    """Today's date in Japan (settings.TIME_ZONE), not in the active time zone."""
    return timezone.localdate(timezone.now(), timezone.get_default_timezone())
