"""Today in Japan: the one "today" every page, form, import and check uses.

The portal's days are Japanese days (settings.TIME_ZONE, Asia/Tokyo), whatever
time zone the server's clock or the request has activated: a day starts at
00:00 JST, i.e. 15:00 UTC the evening before. So a session dated D may be
marked held from D 00:00 JST, is overdue (要更新) from D+1 00:00 JST, and a
thread's freshness counts days in Japan.

Japan's public holidays (public_holidays) mark the month calendar.

Tests stand at a chosen instant with time-machine (`time_machine.travel`),
which moves the clock this reads; nothing here needs replacing.
"""

import datetime

from django.utils import timezone, translation


def today() -> datetime.date:
    """Today's date in Japan (settings.TIME_ZONE), not in the active time zone."""
    return timezone.localdate(timezone.now(), timezone.get_default_timezone())


def public_holidays(first: datetime.date, last: datetime.date) -> dict[datetime.date, str]:
    """Japan's public holidays (国民の祝日, 振替休日, 国民の休日) from `first` to
    `last`, each with its name in the active language (Japanese unless English).

    From the `holidays` package (country JP), which knows them from 1949 on;
    earlier years have none. No query, no network.
    """
    import holidays  # imported here: loading its country tables takes a moment

    language = "en_US" if translation.get_language() == "en" else "ja"
    years = range(first.year, last.year + 1)
    calendar = holidays.country_holidays("JP", years=years, language=language)
    return {day: name for day, name in sorted(calendar.items()) if first <= day <= last}
