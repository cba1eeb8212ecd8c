from django.db import migrations


class Migration(migrations.Migration):
    """Kept for history: it created the staff role groups by importing live code.

    The groups are now synced after every `migrate` (a post_migrate handler,
    portal/apps.py) and by `manage.py sync_roles`, from portal/roles.py.
    """

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("networks", "0004_history_bureau_membership"),
        ("threads", "0003_history_soft_delete"),
        ("briefings", "0004_history_lifecycle_materials"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
