from django.db import migrations

from portal.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("networks", "0004_history_bureau_membership"),
        ("threads", "0003_history_soft_delete"),
        ("briefings", "0004_history_lifecycle_materials"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
