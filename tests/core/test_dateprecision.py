"""A date shown as far as its source states it (core.dateprecision)."""

import datetime

import pytest
from django.utils import translation

from core.dateprecision import DatePrecision, format_date, machine_date

JAN_1 = datetime.date(2017, 1, 1)
FEB_28 = datetime.date(2017, 2, 28)


@pytest.mark.parametrize(
    ("precision", "end", "shown", "machine"),
    [
        (DatePrecision.EXACT, None, "2017年1月1日", "2017-01-01"),
        (DatePrecision.EXACT, FEB_28, "2017年1月1日～2017年2月28日", "2017-01-01"),
        (DatePrecision.MONTH, None, "2017年1月", "2017-01"),
        (DatePrecision.PERIOD, FEB_28, "2017年1月～2月", "2017-01"),
        (DatePrecision.PERIOD, datetime.date(2017, 1, 31), "2017年1月", "2017-01"),
        (DatePrecision.APPROXIMATE, None, "2017年ごろ", "2017"),
    ],
)
def test_format_date_shows_only_what_the_precision_allows(precision, end, shown, machine):
    assert format_date(JAN_1, precision, end) == shown
    assert machine_date(JAN_1, precision) == machine


def test_format_date_period_across_years_names_both_years():
    assert (
        format_date(datetime.date(2016, 12, 1), DatePrecision.PERIOD, JAN_1)
        == "2016年12月～2017年1月"
    )


def test_format_date_in_english():
    with translation.override("en"):
        assert format_date(JAN_1, DatePrecision.PERIOD, FEB_28) == "January–February 2017"
        assert format_date(JAN_1, DatePrecision.MONTH) == "January 2017"
        assert format_date(JAN_1, DatePrecision.APPROXIMATE) == "around 2017"
        assert format_date(JAN_1) == "1 January 2017"


def test_format_date_none_is_blank():
    assert format_date(None) == ""
    assert machine_date(None) == ""
