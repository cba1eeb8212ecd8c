"""The staff roles as Django groups with their model permissions.

Editors (総務省) hold every permission of the portal's apps; viewers (監査)
hold every view permission; bureau staff (総合通信局) view everything and
add/change/delete/import the models the block rule scopes
(networks.permissions): what they may touch among those rows is decided per
object by that rule.
"""

from django.contrib.auth.management import create_permissions

from networks.permissions import BUREAU, EDITOR, GROUP_NAMES, VIEWER

APPS = ("networks", "threads", "briefings")

# app_label.model: the actions a bureau may take on its own block's rows.
BUREAU_MODELS = {
    "briefings.briefing": ("add", "change", "delete", "import", "export"),
    "briefings.briefingmaterial": ("add", "change", "delete"),
    "threads.activity": ("add", "change", "delete"),
    "threads.statusupdate": ("add", "change", "delete"),
    "networks.organization": ("add", "change", "delete", "import", "export"),
}

# Historical models get view permissions too but are reached through their
# parents' history pages, not listed on their own.


def role_permissions(apps, role: str) -> list:
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label__in=APPS).select_related(
        "content_type"
    )
    if role == EDITOR:
        return list(perms)
    views = [p for p in perms if p.codename.startswith("view_")]
    if role == VIEWER:
        return views
    granted = [
        p
        for p in perms
        if p.codename.split("_", 1)[0]
        in BUREAU_MODELS.get(f"{p.content_type.app_label}.{p.content_type.model}", ())
    ]
    return views + granted


def sync_role_groups(apps, schema_editor=None) -> None:
    """Create or update the three groups; safe to run again after models change."""
    # Permissions are normally created after migrations finish; the groups
    # need them now, on a fresh database too.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for role in (EDITOR, BUREAU, VIEWER):
        group, _ = Group.objects.get_or_create(name=GROUP_NAMES[role])
        group.permissions.set(role_permissions(apps, role))
