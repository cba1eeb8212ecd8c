"""Machinery that belongs to no domain, shared by every app.

- `softdelete`: rows the public stops seeing and an editor restores;
- `admin`: the audit trail, soft deletion, the access rule and import/export
  in the admin;
- `spreadsheets`: reading and writing staff spreadsheets (CSV as Excel in
  Japan saves it, XLSX), the resource every staff import builds on and the
  widgets for its cells, the import limits, the waiting upload
  (`manage.py clean_import_files`) and the rule that no exported cell runs
  as a formula;
- `access`: the staff roles, each model's scope (how its rows belong to a
  block), the one access rule and the groups' permissions;
- `search`: how a search box is read, the one fold (NFKC, upper case) and
  the `folded_contains` lookup every search uses;
- `filters`, `views`, `pagination`: the base FilterSet (the one `q`, strict
  handling of bad values), the form and filters behind every public list,
  breadcrumbs, lenient pagination, capped sections;
- `trigram`: PostgreSQL trigram indexes on the folded text.
- `middleware`, `converters`, `changelist`: no input reaches a 500 (control
  characters refused, bounded path converters, admin lookups bounded);
- `logging`, `security_log`: one line per event on standard error;
- `passwords`: the password rules;
- `uploads`: the allowed upload kinds and the download rule;
- `dates`: today in Japan; `asof`: the one meaning of "as of D" and the
  Period a figure is counted over; `figures`: the registry of figures every
  page shows; `conditions`: a rule about a row answered in SQL and in Python.

`core` imports none of the portal's apps (tests/test_layers.py checks it):
what it needs of a row it reads from the row (`deleted_at`) or along the
lookup paths each app declares (core.access.scope).
"""
