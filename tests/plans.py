"""What PostgreSQL would do with a search when only the trigram indexes may serve it."""

from django.db import connection, transaction

# Partial b-trees over the live rows (briefings 0010, threads 0008): on the
# test's near-empty tables a bitmap scan of one answers `deleted_at IS NULL`
# more cheaply than a trigram index answers the words.
LIVE_ROW_INDEXES = (
    "briefings_live_pref_status",
    "briefings_live_block_status",
    "threads_status_live_thread",
)


def trigram_plan(queryset) -> str:
    """The plan of `queryset` with table scans, b-tree scans in the ORDER BY's
    order and the live-row b-trees out of the way: whether the trigram
    indexes can serve the query at all. The dropped indexes come back when
    the savepoint rolls back."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        for index in LIVE_ROW_INDEXES:
            cursor.execute(f"DROP INDEX {index}")
        plan = queryset.explain()
        transaction.set_rollback(True)
    return plan
