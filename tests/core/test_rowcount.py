"""core.rowcount: the rows a block of code read, whatever the way it read them."""

import pytest
from django.db import connection

from core.rowcount import count_rows
from networks.models import Prefecture

pytestmark = pytest.mark.django_db


def test_counts_rows_of_querysets_values_and_raw_cursors():
    with count_rows() as counted:
        list(Prefecture.objects.order_by("code")[:5])
        list(Prefecture.objects.values_list("code", flat=True)[:3])
        Prefecture.objects.order_by("code").first()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 UNION ALL SELECT 2")
            cursor.fetchall()

    assert counted.rows == 5 + 3 + 1 + 2
    assert counted.queries == 4


def test_counts_every_row_of_a_large_iteration_and_nests():
    total = Prefecture.objects.count()

    with count_rows() as outer:
        with count_rows() as inner:
            for _row in Prefecture.objects.iterator(chunk_size=10):
                pass
        Prefecture.objects.exists()

    assert inner.rows == total
    assert outer.rows == total + 1
    assert outer.queries == inner.queries + 1
    with count_rows() as after:
        Prefecture.objects.count()
    assert after.rows == 1
