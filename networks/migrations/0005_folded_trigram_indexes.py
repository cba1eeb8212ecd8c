from django.db import migrations

from core.trigram import folded_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("networks", "0004_history_bureau_membership")]

    # Organization search (directory `q`, site search, admin), compared folded (core.search).
    operations = [folded_trigram_indexes("networks_organization", ["name", "name_en"])]
