"""An install seeded before the record kept the document's full-width Ｌ: the
migration renames its two ASCII-titled activities, so load_seed (which finds
activities by their title) does not add them a second time."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("threads", "0005_folded_trigram_indexes")]


def _migrate(targets=None):
    """Migrate to `targets` (None: every app's latest, as the other tests expect)."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


# Transactional, and the reference data restored afterwards, as migrations run
# outside the test's transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_ascii_titles_renamed_to_the_documents_l():
    old_apps = _migrate(BEFORE)
    Thread = old_apps.get_model("threads", "Thread")
    Activity = old_apps.get_model("threads", "Activity")
    vertical = Thread.objects.create(slug="vertical", kind="vertical", title="縦の糸")
    Activity.objects.create(
        thread=vertical, date=datetime.date(2017, 1, 19), title="Lアラート運営諮問委員会作業部会"
    )
    Activity.objects.create(
        thread=vertical, date=datetime.date(2017, 2, 23), title="中国地域Lアラート連絡会"
    )
    # A title an editor wrote is not the seed's: left alone.
    Activity.objects.create(thread=vertical, date=datetime.date(2017, 3, 1), title="Lアラート研修")

    new_apps = _migrate()

    titles = sorted(
        new_apps.get_model("threads", "Activity").objects.values_list("title", flat=True)
    )
    assert titles == sorted(
        ["Ｌアラート運営諮問委員会作業部会", "中国地域Ｌアラート連絡会", "Lアラート研修"]
    )
