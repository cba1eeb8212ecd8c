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


def test_public_holidays_of_a_range_with_their_japanese_names():
    D = datetime.date
    assert dates.public_holidays(D(2017, 2, 1), D(2017, 3, 31)) == {
        D(2017, 2, 11): "建国記念の日",
        D(2017, 3, 20): "春分の日",
    }
    assert dates.public_holidays(D(2026, 11, 1), D(2026, 11, 30)) == {
        D(2026, 11, 3): "文化の日",
        D(2026, 11, 23): "勤労感謝の日",
    }


def test_public_holidays_across_a_new_year_and_in_english():
    from django.utils import translation

    D = datetime.date
    with translation.override("en"):
        found = dates.public_holidays(D(2016, 12, 31), D(2017, 1, 2))
    assert found == {D(2017, 1, 1): "New Year's Day", D(2017, 1, 2): "Substitute Holiday"}


def test_public_holidays_before_1949_and_at_the_end_of_time_are_none():
    D = datetime.date
    assert dates.public_holidays(D(1, 1, 1), D(1, 1, 31)) == {}
    assert dates.public_holidays(D(9999, 12, 1), D(9999, 12, 31)) == {}
