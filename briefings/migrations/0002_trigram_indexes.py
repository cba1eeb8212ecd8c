from django.db import migrations

from networks.trigram import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("briefings", "0001_initial"), ("networks", "0003_trigram_indexes")]

    # The schedule's `q` filter and site search.
    operations = [trigram_indexes("briefings_briefing", ["title", "location_text", "notes"])]
