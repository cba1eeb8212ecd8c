from django.db import migrations

from networks.trigram import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("threads", "0001_initial"), ("networks", "0003_trigram_indexes")]

    # Site search over activities and the status timeline.
    operations = [
        trigram_indexes("threads_activity", ["title", "description"]),
        trigram_indexes("threads_statusupdate", ["text"]),
    ]
