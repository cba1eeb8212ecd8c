from django.db import migrations

from core.trigram import folded_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("threads", "0004_activity_block_date_index")]

    # Activity and status-update search (site search, admin), compared folded (core.search).
    operations = [
        folded_trigram_indexes("threads_activity", ["title", "description"]),
        folded_trigram_indexes("threads_statusupdate", ["text"]),
    ]
