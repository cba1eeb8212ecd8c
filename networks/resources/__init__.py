"""Bulk import and export of organizations, and what every staff import shares.

Spreadsheets come from staff in Japan, so `StaffResource` reads them as they
write them: Japanese column headers (the English field names work too),
choices by their Japanese label or stored value, places by code or name,
dates as Excel writes them, full-width digits. It also holds the rules every
import here obeys:

- `ID` blank is a new row; a row with an ID updates that row, and an exported
  file imported again reports every row unchanged and writes nothing;
- a bureau user (networks.permissions.bureau_block) imports only its own
  block's rows: a place in another block is an error on that row, an ID
  outside the block is "not found or not yours" (never "exists"), and a row
  without a block gets the bureau's;
- every row is saved on its own through `save()`, so the audit trail records
  it and its user (no bulk path), all rows in one transaction (the admin,
  networks.admin_import, writes everything or nothing);
- every error names its column and says in Japanese what is wrong, on the
  row number a spreadsheet shows (the header is row 1).

A resource built without `user` (a shell, a management command) is not
confined to a block; the admin always passes the request's user.
"""

from .base import StaffResource
from .cells import (
    BlockWidget,
    ChoiceWidget,
    CountWidget,
    DateWidget,
    LookupWidget,
    MunicipalityWidget,
    OrganizationWidget,
    PrefectureWidget,
    TextWidget,
    URLWidget,
    normalize,
    same_text,
)
from .organizations import OrganizationResource

__all__ = [
    "BlockWidget",
    "ChoiceWidget",
    "CountWidget",
    "DateWidget",
    "LookupWidget",
    "MunicipalityWidget",
    "OrganizationResource",
    "OrganizationWidget",
    "PrefectureWidget",
    "StaffResource",
    "TextWidget",
    "URLWidget",
    "normalize",
    "same_text",
]
