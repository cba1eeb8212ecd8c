"""PostgreSQL trigram indexes for Japanese substring search.

Full-text search does not split Japanese, so the portal searches with
`icontains`, which PostgreSQL runs as `UPPER(col::text) LIKE UPPER(%s)`. A GIN
index over `UPPER(col::text) gin_trgm_ops` serves those queries for terms of
three or more characters (shorter ones fall back to a scan). Other
databases have no such index and need none: the operations do nothing there.
"""

from django.db import migrations


def trigram_indexes(table: str, columns: list[str]) -> migrations.RunPython:
    names = [f"{table}_{column}_trgm"[:63] for column in columns]

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, column in zip(names, columns, strict=True):
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
                f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name in names:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(forwards, backwards)
