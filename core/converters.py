"""Bounded path converters, registered once for every urls.py.

Django's `int` matches any number of digits, so `/briefings/99999999999999999999/`
reached the view and the database (OverflowError on SQLite, out of range on
PostgreSQL) and `date(9999…, 1, 1)` raised OverflowError; `str` lets any
character through, NUL included. These match only what a real key can be,
so anything else never reaches a view: the resolver answers 404.

Every public URL uses these or `slug` (ASCII letters, digits, `-` and `_`);
tests/core/test_converters.py walks the resolver and refuses `int`, `str`
and `path` outside the admin.

Importing this module registers them; each urls.py that uses one imports it.
"""

from django.urls import register_converter


class IdConverter:
    """A primary key: 1 to 18 digits, below 2**63 (PostgreSQL's bigint) and
    SQLite's integer range, so a lookup never overflows."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


class YearConverter(IdConverter):
    """A calendar year as `datetime.date` represents it: 1 to 4 digits
    (0 is refused by the view, which says the month does not exist)."""

    regex = "[0-9]{1,4}"


class MonthConverter(IdConverter):
    """A month number, 1 or 2 digits (0 and 13 … 99 are refused by the view)."""

    regex = "[0-9]{1,2}"


class PrefectureCodeConverter:
    """A JIS X 0401 prefecture code: exactly two digits (`01` … `47`)."""

    regex = "[0-9]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(IdConverter, "id")
register_converter(YearConverter, "year")
register_converter(MonthConverter, "month")
register_converter(PrefectureCodeConverter, "prefecture_code")


class LocalGovernmentCodeConverter(PrefectureCodeConverter):
    """A 全国地方公共団体コード: exactly six digits (the view checks it exists)."""

    regex = "[0-9]{6}"


register_converter(LocalGovernmentCodeConverter, "lg_code")
