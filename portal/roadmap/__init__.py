"""The roadmap's public pages: /roadmap/, one model's page and a municipality's page.

Reads are in `selectors` (each page a fixed number of queries, counted in
SQL), the map and the trend chart's geometry in `charts`, the `as_of`
parameter in `forms`.
"""
