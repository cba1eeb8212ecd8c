from django.db import migrations

from core.trigram import folded_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("briefings", "0006_handout_kinds")]

    # Briefing search (schedule `q`, site search, admin), compared folded (core.search).
    operations = [folded_trigram_indexes("briefings_briefing", ["title", "location_text", "notes"])]
