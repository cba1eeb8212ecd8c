"""The trigram indexes exist on PostgreSQL and serve the folded search (core.search)."""

import pytest
from django.db import connection

from briefings.models import Briefing
from tests.plans import trigram_plan

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL-only"
)

INDEXED = {
    "briefings_briefing": ["title", "location_text", "notes"],
    "threads_activity": ["title", "description"],
    "threads_statusupdate": ["text"],
    "networks_organization": ["name", "name_en"],
}


@postgresql_only
def test_briefing_title_search_can_use_trigram_index():
    plan = trigram_plan(Briefing.objects.filter(title__folded_contains="説明会"))
    assert "briefings_briefing_title_trgm" in plan


@postgresql_only
def test_every_trigram_index_is_on_the_folded_text():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE indexname LIKE %s",
            ["%\\_trgm"],
        )
        rows = cursor.fetchall()
    found = {(table, name): definition for table, name, definition in rows}
    assert sorted(found) == sorted(
        (table, f"{table}_{column}_trgm")
        for table, columns in INDEXED.items()
        for column in columns
    )
    for (table, name), definition in found.items():
        column = name.removeprefix(f"{table}_").removesuffix("_trgm")
        # A text column needs no cast; a varchar one is shown cast to text.
        assert definition in (
            f"CREATE INDEX {name} ON public.{table} USING gin "
            f"(upper(NORMALIZE({column}, NFKC)) gin_trgm_ops)",
            f"CREATE INDEX {name} ON public.{table} USING gin "
            f"(upper(NORMALIZE(({column})::text, NFKC)) gin_trgm_ops)",
        )
