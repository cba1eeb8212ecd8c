"""core.dates.today(): the date in Japan, whatever zone is active or the server runs in."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from core import dates

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("instant", "today"),
    [
        pytest.param(
            datetime.datetime(2017, 2, 15, 14, 59, 59, tzinfo=UTC),
            datetime.date(2017, 2, 15),
            id="23:59:59_JST",
        ),
        pytest.param(
            datetime.datetime(2017, 2, 15, 15, 0, 0, tzinfo=UTC),
            datetime.date(2017, 2, 16),
            id="00:00:00_JST",
        ),
    ],
)
@pytest.mark.parametrize("active_zone", ["UTC", "America/Los_Angeles", "Asia/Tokyo"])
def test_today_is_the_date_in_japan(instant, today, active_zone):
    with time_machine.travel(instant, tick=False), timezone.override(active_zone):
        assert dates.today() == today


def test_today_follows_the_time_zone_setting(settings):
    # 2017-02-15 15:00 UTC: already the 16th in Tokyo, still the 15th in UTC.
    settings.TIME_ZONE = "UTC"
    with time_machine.travel(datetime.datetime(2017, 2, 15, 15, tzinfo=UTC), tick=False):
        assert dates.today() == datetime.date(2017, 2, 15)
