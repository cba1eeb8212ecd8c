"""The admin machinery every app's admin builds on.

- `history.AuditedAdmin`: history pages scoped like the change page, readable
  diffs, revert for editors only;
- `softdelete.SoftDeleteAdmin` (and its inline mixin): delete hides from the
  public, editors restore;
- `scoped.ScopedAdmin`: the access rule (core.access) in lists, pages,
  choices and saves, from each model's scope declaration;
- `imports.JapaneseImportExportMixin`: import/export of staff spreadsheets
  (core.spreadsheets).
"""

from django.db import models

# An address typed without a scheme becomes https://…, Django 6's default, today.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}
