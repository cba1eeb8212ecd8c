"""Text a spreadsheet would run as a formula: one rule for every file the portal writes.

Excel, LibreOffice and Google Sheets read a cell whose text starts with
`=`, `+`, `-` or `@` (a tab or a carriage return in front too) as a formula:
`=HYPERLINK(…)` becomes a live link, `@SUM(…)` is computed, older Excel even
ran commands (DDE). Text from the database must open as text, never run,
whoever typed it. The text in the database is never changed.

- CSV: `spreadsheet_safe(value)` puts an apostrophe in front of such text,
  as OWASP recommends ("CSV Injection"): a spreadsheet reads the cell as
  text. Numbers (`-5`, `+3.5`, `-1,200`) are no formula and stay numbers.
  Every CSV the portal writes, now or later (the admin's export, a public
  download, an API renderer), passes each cell through it;
  `tests/core/test_spreadsheet_safe.py` refuses a CSV writer elsewhere.
- CSV in: `spreadsheet_unescape(value)` removes exactly the apostrophe
  `spreadsheet_safe` added, so an exported file imports back to the same
  text. Text that already starts with apostrophes before such a character
  (`'=x`) gets one more on the way out and loses only that one on the way in.
- XLSX (core.spreadsheets.files.ExcelXLSX): every text is a string cell,
  never a formula, so the cell holds the text itself (no apostrophe); a
  formula-like one is also marked as Excel marks text typed after an
  apostrophe (quotePrefix), so editing the cell keeps it text.
"""

from __future__ import annotations

import re

# What a spreadsheet takes for the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain number is no formula: "-5" stays the number -5.
NUMBER = re.compile(r"[+-]?(?:(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would take `text`, after any leading apostrophes, for a formula."""
    bare = text.lstrip("'")
    return bare.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(bare)


def spreadsheet_safe(value):
    """A cell's value as a CSV must hold it: formula-like text behind an apostrophe.

    Anything else (numbers, dates, None, ordinary text) is returned unchanged.
    """
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def spreadsheet_unescape(value):
    """The text `spreadsheet_safe` was given: its one added apostrophe removed.

    Since `looks_like_formula` ignores leading apostrophes, this undoes
    exactly what `spreadsheet_safe` did and leaves every other text alone.
    """
    if isinstance(value, str) and value.startswith("'") and looks_like_formula(value[1:]):
        return value[1:]
    return value
