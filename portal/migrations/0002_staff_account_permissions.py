from django.db import migrations


class Migration(migrations.Migration):
    """Kept for history: it gave editors the staff accounts and login records and
    viewers read access to them, by importing live code.

    The groups are now synced after every `migrate` (a post_migrate handler,
    portal/apps.py) and by `manage.py sync_roles`, from portal/roles.py.
    """

    dependencies = [
        ("portal", "0001_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
