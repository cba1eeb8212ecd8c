"""PostgreSQL trigram indexes for Japanese substring search.

Full-text search does not split Japanese, so the portal searches by
substring: `field__folded_contains` (core.search), which PostgreSQL runs as
`UPPER(normalize(col::text, NFKC)) LIKE UPPER(normalize(%s::text, NFKC))`.
A GIN index over that expression with `gin_trgm_ops` serves those queries
for words of three or more characters (shorter ones fall back to a scan).
Other databases have no such index and need none: the operations do nothing
there.

`folded_trigram_indexes` builds today's indexes. `trigram_indexes` is kept
as it was for the migrations that ran it first: it indexed
`UPPER(col::text)`, what `icontains` compares, before search compared text
folded; `folded_trigram_indexes` replaces those indexes under the same names.
"""

from django.db import migrations

# The expression core.search.Folded writes for PostgreSQL, over one column.
# It must stay equal to it, or the planner cannot use the index
# (tests/portal/test_search.py and tests/test_trigram_indexes.py look at the plans).
FOLDED = 'UPPER(normalize("{column}"::text, NFKC))'
UPPER = 'UPPER("{column}"::text)'


def _index_names(table: str, columns: list[str]) -> list[str]:
    return [f"{table}_{column}_trgm"[:63] for column in columns]


def _create(schema_editor, table: str, columns: list[str], expression: str) -> None:
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in zip(_index_names(table, columns), columns, strict=True):
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f"USING gin (({expression.format(column=column)}) gin_trgm_ops)"
        )


def _drop(schema_editor, table: str, columns: list[str]) -> None:
    for name in _index_names(table, columns):
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


def trigram_indexes(table: str, columns: list[str]) -> migrations.RunPython:
    """The first indexes, on `UPPER(col::text)` (replaced by `folded_trigram_indexes`)."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _create(schema_editor, table, columns, UPPER)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _drop(schema_editor, table, columns)

    return migrations.RunPython(forwards, backwards)


def folded_trigram_indexes(table: str, columns: list[str]) -> migrations.RunPython:
    """Replace each column's `<table>_<column>_trgm` index by one on the folded text."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _drop(schema_editor, table, columns)
            _create(schema_editor, table, columns, FOLDED)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _drop(schema_editor, table, columns)
            _create(schema_editor, table, columns, UPPER)

    return migrations.RunPython(forwards, backwards)
