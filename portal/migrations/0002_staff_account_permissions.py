from django.db import migrations

from portal.roles import sync_role_groups


class Migration(migrations.Migration):
    """Editors manage staff accounts and unlock logins; viewers read them; bureaus
    no longer read who serves which bureau (portal/roles.py)."""

    dependencies = [
        ("portal", "0001_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
