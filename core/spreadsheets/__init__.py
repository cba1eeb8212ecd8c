"""Staff spreadsheets: files as Excel in Japan saves them, and the resource every import uses.

Spreadsheets come from staff in Japan, so `StaffResource` reads them as they
write them: Japanese column headers (the English field names work too),
choices by their Japanese label or stored value, dates as Excel writes them
(和暦 too), full-width digits. It also holds the rules every import here obeys:

- `ID` blank is a new row; a row with an ID updates that row, and an exported
  file imported again reports every row unchanged and writes nothing;
- a confined user (a bureau: its block) imports only the rows of its own
  place, by the model's scope declaration (core.access.scope): a place
  outside it is an error on that row, an ID outside it is "not found or not
  yours" (never "exists"), and a row without a block gets the bureau's;
- every row is saved on its own through `save()`, so the audit trail records
  it and its user (no bulk path), all rows in one transaction (the admin,
  core.admin.imports, writes everything or nothing);
- every error names its column and says in Japanese what is wrong, on the
  row number a spreadsheet shows (the header is row 1);
- a value in a column without a header is an error on its row, never dropped;
- no import reads or writes a soft-deleted row (`StaffResource.live_rows`):
  editors are told to restore it first, a bureau is told "not found";
- a file is refused past the limits of `limits` (size, unpacked size, cells, rows)
  before it is read whole;
- no exported cell runs as a formula (`safe.spreadsheet_safe`, used by
  `ExcelCSV` and `ExcelXLSX`, and by any CSV the portal will write).

A resource built without `user` (a shell, a management command) is not
confined; the admin always passes the request's user.
"""

from .cells import (
    ChoiceWidget,
    CountWidget,
    DateWidget,
    LookupWidget,
    TextWidget,
    TimeWidget,
    URLWidget,
    normalize,
    same_text,
)
from .files import ExcelCSV, ExcelXLSX, UnreadableFile, build_dataset, decode_spreadsheet_text
from .limits import OverLimit
from .resources import SheetResult, SheetRowResult, StaffResource
from .safe import spreadsheet_safe, spreadsheet_unescape

__all__ = [
    "ChoiceWidget",
    "CountWidget",
    "DateWidget",
    "ExcelCSV",
    "ExcelXLSX",
    "LookupWidget",
    "OverLimit",
    "SheetResult",
    "SheetRowResult",
    "StaffResource",
    "TextWidget",
    "TimeWidget",
    "URLWidget",
    "UnreadableFile",
    "build_dataset",
    "decode_spreadsheet_text",
    "normalize",
    "same_text",
    "spreadsheet_safe",
    "spreadsheet_unescape",
]
