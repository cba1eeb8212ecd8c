from django.db import migrations

from networks.trigram import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("networks", "0002_reference_data")]

    # Organization search (directory `q`, site search).
    operations = [trigram_indexes("networks_organization", ["name", "name_en"])]
