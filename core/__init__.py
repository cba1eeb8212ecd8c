"""Machinery that belongs to no domain, shared by every app.

- `softdelete`: rows the public stops seeing and an editor restores;
- `admin`: the audit trail, soft deletion, the block rule and import/export
  in the admin;
- `spreadsheets`: reading and writing staff spreadsheets (CSV as Excel in
  Japan saves it, XLSX), the resource every staff import builds on and the
  widgets for its cells, the import limits, the waiting upload
  (`manage.py clean_import_files`) and the rule that no exported cell runs
  as a formula;
- `access`: the staff roles, the one block rule and the groups' permissions;
- `filters`, `views`, `pagination`: the form and filters behind every public
  list, breadcrumbs, lenient pagination, capped sections;
- `trigram`: PostgreSQL trigram indexes for Japanese substring search.

`core` imports none of the portal's apps (tests/test_layers.py checks it):
what it needs of a row it reads from the row (`block_id`, `deleted_at`).
"""
