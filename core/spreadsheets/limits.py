"""How big an imported spreadsheet may be, checked before the file is read whole.

A 4 KB XLSX can hold 20,000 rows, and a staff member can upload 50 MB: either
kept a worker busy until it timed out. Every import is refused, with the
limit named, when:

- the file is larger than `IMPORT_MAX_BYTES` (default 5 MB): checked on the
  upload's size, before anything is read or stored;
- an XLSX file would expand to more than `EXPANSION` times that (its zip
  directory says how much each part holds): a zip bomb is refused unopened;
- an XLSX file holds more than `ELEMENTS_PER_ROW` × `IMPORT_MAX_ROWS` cells
  and strings (counted in its XML before openpyxl parses it). openpyxl
  spends about 25 µs on a cell and 45 µs on a shared string: a 30 KB file
  of a million empty strings took 54 s. Within this bound no file costs
  more to read than the largest file the limits let through (5,000 rows of
  20 columns, every text a distinct shared string: about 5 s);
- it has more than `IMPORT_MAX_ROWS` rows below the header (default 5,000):
  rows are counted while they are read, and reading stops at the first row
  with a value past the limit. Blank rows at the end are not counted, up to
  as many again (Excel keeps formatted empty rows); past that reading stops.

Every refusal is raised by `refuse` (the one place a log line of refused
imports belongs).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext

# An XLSX is a zip of XML, and text compresses well: an export of 5,000
# briefings with 500-character notes is 0.3 MB and expands to 8 MB.
EXPANSION = 4
# A row of 20 columns whose texts Excel saves as shared strings: 40 elements.
ELEMENTS_PER_ROW = 40


class OverLimit(ValueError):
    """A file over one of the limits; the message names the limit in Japanese."""


def max_bytes() -> int:
    return settings.IMPORT_MAX_BYTES


def max_rows() -> int:
    return settings.IMPORT_MAX_ROWS


def max_expanded_bytes() -> int:
    return EXPANSION * max_bytes()


def refuse(message: str) -> OverLimit:
    """The error for a refused file (raise it). Every refusal comes through here."""
    return OverLimit(message)


def check_file_size(size: int) -> None:
    """Refuse a file of `size` bytes over IMPORT_MAX_BYTES."""
    if size > max_bytes():
        raise refuse(
            gettext(
                "ファイルの大きさが上限（%(limit)s）を超えています（このファイルは %(size)s）。分けて取り込んでください。"
            )
            % {"limit": human_size(max_bytes()), "size": human_size(size)}
        )


def check_expanded_size(size: int) -> None:
    """Refuse an XLSX whose parts expand to more than EXPANSION × IMPORT_MAX_BYTES."""
    if size > max_expanded_bytes():
        raise refuse(
            gettext(
                "XLSX ファイルの中身が、展開すると上限（%(limit)s）を超えます。分けて取り込むか、CSV で保存してください。"
            )
            % {"limit": human_size(max_expanded_bytes())}
        )


def max_elements() -> int:
    return ELEMENTS_PER_ROW * max_rows()


def check_elements(count: int) -> None:
    """Refuse an XLSX with more cells and shared strings than ELEMENTS_PER_ROW per allowed row."""
    if count > max_elements():
        raise refuse(
            gettext(
                "XLSX ファイルのセルと文字列の数が上限（%(limit)s）を超えています。分けて取り込んでください。"
            )
            % {"limit": f"{max_elements():,}"}
        )


def too_many_rows() -> OverLimit:
    """The error for a sheet with more than IMPORT_MAX_ROWS rows below the header."""
    return refuse(
        gettext(
            "行数が上限（%(limit)s行）を超えています。見出しの下が%(limit)s行以下になるように分けて取り込んでください。"
        )
        % {"limit": f"{max_rows():,}"}
    )


def human_size(size: int) -> str:
    """5242880 → "5 MB", 1536 → "1.5 KB", 900 → "900 バイト"."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:,.1f}".removesuffix(".0") + f" {unit}"
    return gettext("%(size)s バイト") % {"size": f"{size:,}"}
