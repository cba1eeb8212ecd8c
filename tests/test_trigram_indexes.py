"""The trigram indexes exist on PostgreSQL and serve `icontains` searches."""

import pytest
from django.db import connection

from briefings.models import Briefing

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL-only")
def test_briefing_title_icontains_can_use_trigram_index():
    qs = Briefing.objects.filter(title__icontains="説明会")
    with connection.cursor() as cursor:
        # With few rows the planner prefers a scan (of the table, or of the
        # date b-tree in the ORDER BY's order); forbid both to see whether
        # the trigram index can serve the query at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = qs.explain()
    assert "briefings_briefing_title_trgm" in plan
